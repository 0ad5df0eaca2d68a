using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PerijinanBot.Bot.Tests.Infrastructure;

namespace PerijinanBot.Protocol.Tests.Connector;

/// <summary>One client-credentials request MSAL made: which tenant path, and the form fields.</summary>
internal sealed record TokenRequest(string Tenant, IReadOnlyDictionary<string, string> Form);

/// <summary>
/// A stand-in for Entra ID's v2 token endpoint on https://127.0.0.1 with a throw-away self-signed certificate
/// (MSAL refuses http authorities). The client side must trust exactly <see cref="Certificate"/>; nothing else does.
/// </summary>
internal sealed class LocalTokenEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<TokenRequest> _requests = new();
    private int _disposed;

    private LocalTokenEndpoint(WebApplication app, X509Certificate2 certificate)
    {
        _app = app;
        Certificate = certificate;
    }

    public X509Certificate2 Certificate { get; }

    /// <summary>What to configure as <c>BotConnector:LoginAuthority</c>.</summary>
    public Uri Authority { get; private set; } = null!;

    public IReadOnlyList<TokenRequest> Requests => [.. _requests];

    public static string TokenFor(string tenant) => $"local-token-for-{tenant}";

    public static async Task<LocalTokenEndpoint> StartAsync()
    {
        var certificate = LocalCertificate.Create();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        var endpoint = new LocalTokenEndpoint(app, certificate);
        app.MapPost("/{tenant}/oauth2/v2.0/token", async (string tenant, HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            endpoint._requests.Enqueue(new TokenRequest(tenant, form.ToDictionary(field => field.Key, field => field.Value.ToString())));
            return Results.Json(new { token_type = "Bearer", expires_in = 3600, ext_expires_in = 3600, access_token = TokenFor(tenant) });
        });
        await app.StartAsync();
        endpoint.Authority = new Uri(app.Urls.Single());
        return endpoint;
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
}
