using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Protocol.Auth;
using PerijinanBot.Protocol.Tests.Auth;

namespace PerijinanBot.Protocol.Tests.Endpoint;

/// <summary>
/// POST /api/messages as the protocol maps it (rate limit, token, body, wall), on http://127.0.0.1:{free port}, with a
/// <see cref="LocalOpenIdServer"/> for keys, a handler that records what reaches it, and a count of the body bytes read.
/// </summary>
internal sealed class MessagesHost : IAsyncDisposable
{
    public const string AppId = AuthHarness.AppId;
    public const string Tenant = "3c1b5d7e-2a4f-4e6b-8d0c-9a8b7c6d5e4f";
    public const string ServiceUrl = AuthHarness.ServiceUrl;

    private readonly WebApplication _app;
    private readonly StrongBox<long> _bodyBytesRead;

    private MessagesHost(WebApplication app, LocalOpenIdServer openId, RecordingHandler handler, CapturedLogs logs, StrongBox<long> bodyBytesRead)
    {
        _app = app;
        _bodyBytesRead = bodyBytesRead;
        OpenId = openId;
        Handler = handler;
        Logs = logs;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
    }

    public LocalOpenIdServer OpenId { get; }

    public RecordingHandler Handler { get; }

    public CapturedLogs Logs { get; }

    public HttpClient Client { get; }

    /// <summary>Bytes of request bodies the endpoint has read since the host started.</summary>
    public long BodyBytesRead => Interlocked.Read(ref _bodyBytesRead.Value);

    public static async Task<MessagesHost> StartAsync(string environment, IReadOnlyDictionary<string, string?>? settings = null, string? appId = AppId)
    {
        var openId = await LocalOpenIdServer.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            return await StartAsync(openId, environment, settings, appId);
        }
        catch
        {
            await openId.DisposeAsync();
            throw;
        }
    }

    private static async Task<MessagesHost> StartAsync(LocalOpenIdServer openId, string environment, IReadOnlyDictionary<string, string?>? settings, string? appId)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        var logs = new CapturedLogs();
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(logs);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = appId,
            ["MicrosoftAppPassword"] = string.IsNullOrEmpty(appId) ? null : "not-a-real-secret",
            ["MicrosoftAppTenantId"] = Tenant,
            ["MicrosoftAppType"] = "SingleTenant",
            ["BotAuthentication:OpenIdMetadataUrl"] = openId.Channel.MetadataUrl,
            ["BotAuthentication:TenantOpenIdMetadataUrl"] = openId.TenantMetadataUrlTemplate,
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        var handler = new RecordingHandler();
        builder.Services.AddBotIdentity(builder.Configuration);
        builder.Services.AddChannelAuthentication(builder.Configuration);
        builder.Services.AddMessagesRateLimit(builder.Configuration);
        builder.Services.AddSingleton<IActivityHandler>(handler);

        var app = builder.Build();
        var bodyBytesRead = new StrongBox<long>();
        app.UseRateLimiter();
        app.Use((context, next) =>
        {
            context.Request.Body = new CountingStream(context.Request.Body, read => Interlocked.Add(ref bodyBytesRead.Value, read));
            return next(context);
        });
        app.MapMessages();
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new MessagesHost(app, openId, handler, logs, bodyBytesRead);
    }

    /// <summary>A Teams message of the configured tenant, as the Bot Connector posts it.</summary>
    public static JsonObject Message(string channelId = "msteams", string tenant = Tenant, string type = "message") => new()
    {
        ["type"] = type,
        ["id"] = Guid.NewGuid().ToString(),
        ["serviceUrl"] = ServiceUrl,
        ["channelId"] = channelId,
        ["from"] = new JsonObject { ["id"] = "29:someone", ["aadObjectId"] = "00000000-0000-4000-8000-000000000001" },
        ["conversation"] = new JsonObject { ["id"] = "a:1", ["conversationType"] = "personal", ["tenantId"] = tenant },
        ["recipient"] = new JsonObject { ["id"] = "28:" + AppId },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenant } },
        ["text"] = "bantuan",
    };

    public async Task<HttpResponseMessage> PostAsync(JsonNode activity, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
        await OpenId.DisposeAsync();
    }

    /// <summary>Records what the endpoint hands on; answers invokes with 200 and a message.</summary>
    internal sealed class RecordingHandler : IActivityHandler
    {
        private readonly ConcurrentQueue<Activity> _received = new();

        public IReadOnlyList<Activity> Received => [.. _received];

        public Task<InvokeResult> InvokeAsync(Activity activity, CancellationToken cancellationToken)
        {
            _received.Enqueue(activity);
            return Task.FromResult(InvokeResult.Message("ok"));
        }

        public bool TryEnqueue(Activity activity)
        {
            _received.Enqueue(activity);
            return true;
        }
    }

    /// <summary>Passes reads through and reports how many bytes each returned.</summary>
    private sealed class CountingStream(Stream inner, Action<int> onRead) : Stream
    {
        public override bool CanRead => inner.CanRead;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Counted(await inner.ReadAsync(buffer, cancellationToken));

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Counted(await inner.ReadAsync(buffer.AsMemory(offset, count), cancellationToken));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Counted(int read)
        {
            onRead(read);
            return read;
        }
    }
}
