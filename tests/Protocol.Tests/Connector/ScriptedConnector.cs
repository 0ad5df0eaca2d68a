using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace PerijinanBot.Protocol.Tests.Connector;

/// <summary>One request as the faulty connector received it.</summary>
internal sealed record RecordedRequest(string Method, string RawTarget, string? Authorization, string Body, DateTimeOffset ReceivedAt);

/// <summary>
/// A misbehaving Bot Connector on 127.0.0.1 (Kestrel): answers each request with the next scripted step, then with
/// the fallback, and records every request it saw, so a test can prove how many times the client really sent.
/// </summary>
internal sealed class ScriptedConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private Func<HttpContext, Task> _fallback = Respond(201, """{"id":"activity-1"}""");

    private ScriptedConnector(WebApplication app) => _app = app;

    /// <summary>The serviceUrl to give the client: a path below the root and no trailing slash, like the Playground's.</summary>
    public string ServiceUrl { get; private set; } = "";

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<ScriptedConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var connector = new ScriptedConnector(app);
        app.Run(connector.HandleAsync);
        await app.StartAsync();
        var address = app.Urls.Single();
        connector.ServiceUrl = $"{address}/connector";
        return connector;
    }

    public ScriptedConnector Then(int status, string? body = null, params (string Name, string Value)[] headers)
    {
        _script.Enqueue(Respond(status, body, headers));
        return this;
    }

    /// <summary>Sits on the request (longer than the client's timeout), then answers 201 if the client still listens.</summary>
    public ScriptedConnector ThenStall(TimeSpan stall)
    {
        _script.Enqueue(async context =>
        {
            try
            {
                await Task.Delay(stall, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await Respond(201, """{"id":"late"}""")(context);
        });
        return this;
    }

    /// <summary>Reads the whole request, then drops the connection without answering.</summary>
    public ScriptedConnector ThenReset()
    {
        _script.Enqueue(context =>
        {
            context.Abort();
            return Task.CompletedTask;
        });
        return this;
    }

    public ScriptedConnector Always(int status, string? body = null)
    {
        _fallback = Respond(status, body);
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        _requests.Enqueue(new RecordedRequest(context.Request.Method, rawTarget, context.Request.Headers.Authorization.FirstOrDefault(), body, DateTimeOffset.UtcNow));
        var step = _script.TryDequeue(out var next) ? next : _fallback;
        await step(context);
    }

    private static Func<HttpContext, Task> Respond(int status, string? body = null, params (string Name, string Value)[] headers) =>
        async context =>
        {
            context.Response.StatusCode = status;
            foreach (var (name, value) in headers)
            {
                context.Response.Headers[name] = value;
            }

            if (body is not null)
            {
                context.Response.ContentType = "application/json; charset=utf-8";
                await context.Response.WriteAsync(body, context.RequestAborted);
            }
        };
}
