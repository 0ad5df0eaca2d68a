using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PerijinanBot.Bot.Graph;
using PerijinanBot.Bot.Tests.Infrastructure;

namespace PerijinanBot.Bot.Tests.Graph;

/// <summary>One request the bot made to Graph, as received: the path is relative to the version segment (<c>/users/…</c>).</summary>
public sealed record GraphRequest(string Method, string Path, IReadOnlyDictionary<string, string> Query, string Body, string? Authorization, string? ContentType, DateTimeOffset At)
{
    public JsonNode? Json => Body.Length > 0 && ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true ? JsonNode.Parse(Body) : null;

    public string? Param(string name) => Query.GetValueOrDefault(name);

    /// <summary>The body's bytes as received (a file upload is not text: <see cref="Body"/> is its UTF-8 reading).</summary>
    public byte[] Content { get; init; } = [];

    public override string ToString() => $"{Method} {Path}{(Query.Count > 0 ? "?" + string.Join("&", Query.Select(q => $"{q.Key}={q.Value}")) : "")}";
}

/// <summary>What the stand-in answers: a status, a JSON body, headers (e.g. Retry-After).</summary>
public sealed record GraphReply(int Status, JsonNode? Body = null, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static GraphReply Json(JsonNode body, int status = 200) => new(status, body);

    public static GraphReply NoContent() => new(204);

    public static GraphReply Error(int status, string code, string message, TimeSpan? retryAfter = null) => new(
        status,
        new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } },
        retryAfter is { } wait ? new Dictionary<string, string> { ["Retry-After"] = ((int)wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture) } : null);
}

/// <summary>
/// A stand-in for Microsoft Graph (and Entra's token endpoint) on https://127.0.0.1 with a throw-away certificate: Graph cannot
/// run here, so this is the one fake the tests allow. Tests script the answers per method and path, and assert on the
/// requests recorded (method, path, query, body, bearer token). A request nothing was scripted for is answered 501 and
/// kept in <see cref="Unexpected"/>, so a test can insist there were none.
/// </summary>
public sealed class FakeGraph : IAsyncDisposable
{
    public const string Tenant = "7c2e1f3a-5b4d-4e6f-8a9b-0c1d2e3f4a5b";
    public const string ClientId = "3f9a2b1c-4d5e-4f60-8172-93a4b5c6d7e8";
    public const string ClientSecret = "fake-graph-secret";
    public const string AccessToken = "fake-graph-access-token";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<GraphRequest> _requests = new();
    private readonly ConcurrentQueue<GraphRequest> _unexpected = new();
    private readonly ConcurrentQueue<IReadOnlyDictionary<string, string>> _tokenRequests = new();
    private readonly List<Script> _scripts = [];
    private readonly Lock _gate = new();
    private int _disposed;

    private FakeGraph(WebApplication app, X509Certificate2 certificate)
    {
        _app = app;
        Certificate = certificate;
    }

    public X509Certificate2 Certificate { get; }

    /// <summary>https://127.0.0.1:{port}/v1.0, what <c>Graph:BaseUrl</c> is set to.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>https://127.0.0.1:{port}, what <c>Graph:LoginAuthority</c> is set to.</summary>
    public Uri Authority { get; private set; } = null!;

    /// <summary>While true every Graph request is dropped without an answer (the connection is aborted): Graph is unreachable.</summary>
    public bool Unreachable { get; set; }

    /// <summary>How many requests were dropped while <see cref="Unreachable"/>: proof that the bot did try.</summary>
    public int Dropped => _dropped;

    private int _dropped;

    public IReadOnlyList<GraphRequest> Requests => [.. _requests];

    public IReadOnlyList<GraphRequest> Unexpected => [.. _unexpected];

    /// <summary>The client-credentials forms MSAL posted.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> TokenRequests => [.. _tokenRequests];

    /// <summary>The bot's Graph settings pointing at this stand-in (app-only credentials of their own, so the bot itself stays in Playground mode).</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Graph:BaseUrl"] = BaseUrl.AbsoluteUri,
        ["Graph:LoginAuthority"] = Authority.AbsoluteUri,
        ["Graph:TenantId"] = Tenant,
        ["Graph:ClientId"] = ClientId,
        ["Graph:ClientSecret"] = ClientSecret,
    };

    /// <summary>Makes the bot's Graph and Graph-login HttpClients trust this stand-in's certificate (and only it).</summary>
    public void Trust(IServiceCollection services)
    {
        services.AddHttpClient(GraphSetup.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => LocalCertificate.TrustOnly(Certificate));
        services.AddHttpClient(GraphSetup.LoginHttpClientName).ConfigurePrimaryHttpMessageHandler(() => LocalCertificate.TrustOnly(Certificate));
    }

    /// <summary>Answers requests whose method matches and whose path matches <paramref name="pathPattern"/> (a regex, anchored). A later script wins over an earlier one.</summary>
    public void On(string method, string pathPattern, Func<GraphRequest, GraphReply> reply) => Add(method, pathPattern, reply, times: null);

    /// <summary>Like <see cref="On"/>, for the next <paramref name="times"/> matching requests only, before any standing answer (e.g. a 429 before the real one).</summary>
    public void Next(string method, string pathPattern, GraphReply reply, int times = 1) => Add(method, pathPattern, _ => reply, times);

    /// <summary>Waits for a request the predicate accepts (already received or arriving within the timeout).</summary>
    public async Task<GraphRequest> WaitForAsync(Func<GraphRequest, bool> predicate, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (_requests.FirstOrDefault(predicate) is { } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Graph never received {what}. Received: {string.Join(" | ", _requests.Select(r => r.ToString()))}");
    }

    public static async Task<FakeGraph> StartAsync()
    {
        var certificate = LocalCertificate.Create();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        var graph = new FakeGraph(app, certificate);
        app.MapPost("/{tenant}/oauth2/v2.0/token", async (string tenant, HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            graph._tokenRequests.Enqueue(form.ToDictionary(f => f.Key, f => f.Value.ToString()));
            return tenant == Tenant && form["client_id"] == ClientId && form["client_secret"] == ClientSecret && form["grant_type"] == "client_credentials"
                ? Results.Json(new { token_type = "Bearer", expires_in = 3600, ext_expires_in = 3600, access_token = AccessToken })
                : Results.Json(new { error = "invalid_client", error_description = "unknown client or secret" }, statusCode: 401);
        });
        app.Map("/v1.0/{**rest}", graph.HandleAsync);
        await app.StartAsync();
        graph.Authority = new Uri(app.Urls.Single());
        graph.BaseUrl = new Uri(graph.Authority, "/v1.0");
        return graph;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
        Certificate.Dispose();
    }

    private void Add(string method, string pathPattern, Func<GraphRequest, GraphReply> reply, int? times)
    {
        lock (_gate)
        {
            _scripts.Insert(0, new Script(method, new Regex($"^{pathPattern}$", RegexOptions.CultureInvariant), reply, times));
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (Unreachable)
        {
            Interlocked.Increment(ref _dropped);
            context.Abort();
            return;
        }

        var request = context.Request;
        using var raw = new MemoryStream();
        await request.Body.CopyToAsync(raw);
        raw.Position = 0;
        using var reader = new StreamReader(raw);
        var body = await reader.ReadToEndAsync();
        var path = Uri.UnescapeDataString(request.Path.Value!["/v1.0".Length..]);
        var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        var received = new GraphRequest(request.Method, path, query, body, request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null, request.ContentType, DateTimeOffset.UtcNow)
        {
            Content = raw.ToArray(),
        };
        _requests.Enqueue(received);

        GraphReply? reply = null;
        if (received.Authorization != $"Bearer {AccessToken}")
        {
            reply = GraphReply.Error(401, "InvalidAuthenticationToken", "Access token is empty or not the one issued.");
        }
        else
        {
            Func<GraphRequest, GraphReply>? answer = null;
            lock (_gate)
            {
                // One-off answers (Next) go first, whenever they were scripted; then the latest standing answer (On).
                var matching = _scripts.Where(s => s.Method == received.Method && s.Path.IsMatch(received.Path)).ToList();
                var script = matching.FirstOrDefault(s => s.Left > 0) ?? matching.FirstOrDefault(s => s.Left is null);
                if (script is not null)
                {
                    script.Left--;
                    answer = script.Reply;
                }
            }

            if (answer is null)
            {
                _unexpected.Enqueue(received);
                reply = GraphReply.Error(501, "NotScripted", $"the fake Graph has no answer for {received}");
            }
            else
            {
                reply = answer(received);
            }
        }

        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (reply.Body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(reply.Body.ToJsonString());
        }
    }

    private sealed class Script(string method, Regex path, Func<GraphRequest, GraphReply> reply, int? times)
    {
        public string Method { get; } = method;

        public Regex Path { get; } = path;

        public Func<GraphRequest, GraphReply> Reply { get; } = reply;

        public int? Left { get; set; } = times;
    }
}
