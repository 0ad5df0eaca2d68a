using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PerijinanBot.Bot.Tests.Infrastructure;

/// <summary>One request the bot made to the connector.</summary>
/// <param name="Delivery">The outbox dedupe key the bot sent in <c>X-PerijinanBot-Delivery</c>, or null.</param>
public sealed record ConnectorCall(string Method, string Path, JsonNode? Body, string? Authorization, string? Delivery = null);

/// <summary>
/// A stand-in for the public Bot Connector (which cannot run here): it records every call the bot makes and
/// answers as the connector does (201 with a new activity id), or with a scripted status for the next calls.
/// </summary>
public sealed class RecordingConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ConnectorCall> _calls = new();
    private readonly ConcurrentQueue<int> _scripted = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Func<ConnectorCall, bool>? _hold;
    private volatile RefuseRule? _refuse;

    private RecordingConnector(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = "";

    public IReadOnlyList<ConnectorCall> Calls => [.. _calls];

    public static async Task<RecordingConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new RecordingConnector(app);
        app.Run(connector.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        connector.ServiceUrl = address.TrimEnd('/') + "/connector";
        return connector;
    }

    /// <summary>The next calls are answered with these statuses, in order; after them, 201 again.</summary>
    public void AnswerNext(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _scripted.Enqueue(status);
        }
    }

    /// <summary>
    /// Every call matching <paramref name="match"/> is answered with <paramref name="status"/> (and no others are touched)
    /// until <see cref="StopRefusing"/>: a chat the connector keeps refusing.
    /// </summary>
    public void Refuse(Func<ConnectorCall, bool> match, int status) => _refuse = new RefuseRule(match, status);

    public void StopRefusing() => _refuse = null;

    /// <summary>
    /// The next call matching <paramref name="match"/> is recorded and then left unanswered until the connector is disposed,
    /// as a connector that received a message but whose answer never came back.
    /// </summary>
    public void HoldNext(Func<ConnectorCall, bool> match) => _hold = match;

    /// <summary>Waits until at least <paramref name="count"/> calls have arrived.</summary>
    public async Task<IReadOnlyList<ConnectorCall>> WaitForCallsAsync(int count, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        while (_calls.Count < count)
        {
            await _arrived.WaitAsync(cts.Token);
        }

        return Calls;
    }

    private async Task HandleAsync(HttpContext context)
    {
        JsonNode? body = null;
        if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            body = await JsonNode.ParseAsync(context.Request.Body);
        }

        // The raw target, as sent: ids must arrive escaped (':' as %3A), which Request.Path would hide.
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "";
        var call = new ConnectorCall(context.Request.Method, target.Split('?')[0], body, context.Request.Headers.Authorization.FirstOrDefault(), context.Request.Headers["X-PerijinanBot-Delivery"].FirstOrDefault());
        _calls.Enqueue(call);
        _arrived.Release();
        if (_hold is { } hold && hold(call))
        {
            _hold = null;
            await _released.Task.WaitAsync(context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        if (_refuse is { } rule && rule.Match(call))
        {
            context.Response.StatusCode = rule.Status;
            await context.Response.WriteAsJsonAsync(new { error = new { code = "Refused", message = $"refused {rule.Status}" } });
            return;
        }

        if (_scripted.TryDequeue(out var status))
        {
            context.Response.StatusCode = status;
            await context.Response.WriteAsJsonAsync(new { error = new { code = "Scripted", message = $"scripted {status}" } });
            return;
        }

        context.Response.StatusCode = StatusCodes.Status201Created;
        await context.Response.WriteAsJsonAsync(new { id = Guid.NewGuid().ToString("N") });
    }

    public async ValueTask DisposeAsync()
    {
        _released.TrySetResult();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _arrived.Dispose();
    }

    private sealed record RefuseRule(Func<ConnectorCall, bool> Match, int Status);
}
