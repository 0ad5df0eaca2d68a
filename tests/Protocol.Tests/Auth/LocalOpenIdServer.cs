using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PerijinanBot.Protocol.Tests.Auth;

/// <summary>
/// Stand-in for login.botframework.com and login.microsoftonline.com on http://127.0.0.1:{free port}: OpenID metadata
/// and JWKS for channel keys (<see cref="Channel"/>) and for each Entra tenant's keys (<see cref="Tenant"/>), with keys
/// that can be published and withdrawn while it runs, and fetch counters.
/// </summary>
internal sealed class LocalOpenIdServer : IAsyncDisposable
{
    /// <summary>The Bot Framework tenant, the first of the Bot Service tenants whose tokens are trusted by default.</summary>
    public const string EmulatorTenantId = "d6d49420-f39b-4df7-a1dc-d59a935871db";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, PublishedKeys> _tenants;

    private LocalOpenIdServer(WebApplication app, Uri baseAddress, PublishedKeys channel, ConcurrentDictionary<string, PublishedKeys> tenants)
    {
        _app = app;
        BaseAddress = baseAddress;
        Channel = channel;
        _tenants = tenants;
    }

    public Uri BaseAddress { get; }

    /// <summary>Bot Framework's: /v1/.well-known/openidconfiguration and /v1/.well-known/keys.</summary>
    public PublishedKeys Channel { get; }

    /// <summary>The value for BotAuthentication:TenantOpenIdMetadataUrl: /{tenantId}/v2.0/.well-known/openid-configuration.</summary>
    public string TenantMetadataUrlTemplate => new Uri(BaseAddress, "/").AbsoluteUri + "{tenantId}/v2.0/.well-known/openid-configuration";

    /// <summary>Metadata fetches over every tenant.</summary>
    public int TenantMetadataFetches => _tenants.Values.Sum(t => t.MetadataFetches);

    /// <summary>
    /// Entra ID's keys of one tenant: /{tenant}/v2.0/.well-known/openid-configuration and /{tenant}/discovery/v2.0/keys,
    /// served from the first call on (a tenant never named answers 400, as Entra does for an unknown tenant).
    /// </summary>
    public PublishedKeys Tenant(string tenantId) => _tenants.GetOrAdd(tenantId.ToLowerInvariant(), NewTenant);

    public static async Task<LocalOpenIdServer> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();

        var channel = new PublishedKeys("/v1/.well-known/openidconfiguration", "/v1/.well-known/keys", "https://api.botframework.com");
        channel.Map(app);
        var tenants = new ConcurrentDictionary<string, PublishedKeys>(StringComparer.OrdinalIgnoreCase);
        app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (string tenant, HttpRequest request) =>
            tenants.TryGetValue(tenant, out var keys) ? keys.Metadata(request) : Results.BadRequest());
        app.MapGet("/{tenant}/discovery/v2.0/keys", (string tenant) =>
            tenants.TryGetValue(tenant, out var keys) ? keys.Keys() : Results.BadRequest());

        await app.StartAsync(cancellationToken);
        var baseAddress = new Uri(app.Urls.Single());
        channel.BaseAddress = baseAddress;
        return new LocalOpenIdServer(app, baseAddress, channel, tenants);
    }

    /// <summary>Takes the endpoints down (an outage) while the keys stay usable for signing.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => _app.StopAsync(cancellationToken);

    private PublishedKeys NewTenant(string tenant)
    {
        var keys = new PublishedKeys($"/{tenant}/v2.0/.well-known/openid-configuration", $"/{tenant}/discovery/v2.0/keys", $"https://login.microsoftonline.com/{tenant}/v2.0");
        keys.BaseAddress = BaseAddress;
        return keys;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Channel.Dispose();
        foreach (var tenant in _tenants.Values)
        {
            tenant.Dispose();
        }
    }
}

/// <summary>One metadata document and its JWKS.</summary>
internal sealed class PublishedKeys : IDisposable
{
    private readonly string _metadataPath;
    private readonly string _keysPath;
    private readonly string _issuer;
    private readonly Lock _gate = new();
    private readonly List<TestSigningKey> _published = [];
    private readonly List<TestSigningKey> _owned = [];
    private int _metadataFetches;
    private int _keyFetches;

    internal PublishedKeys(string metadataPath, string keysPath, string issuer)
    {
        _metadataPath = metadataPath;
        _keysPath = keysPath;
        _issuer = issuer;
    }

    internal Uri BaseAddress { get; set; } = null!;

    /// <summary>The URL of this metadata document (for a channel key set, the value of BotAuthentication:OpenIdMetadataUrl).</summary>
    public string MetadataUrl => new Uri(BaseAddress, _metadataPath).AbsoluteUri;

    public int MetadataFetches => Volatile.Read(ref _metadataFetches);

    public int KeyFetches => Volatile.Read(ref _keyFetches);

    /// <summary>Creates a key with these endorsements (msteams when none are given), publishes it, and owns it.</summary>
    public TestSigningKey PublishNew(params string[] endorsements) => Own(Publish(TestSigningKey.Create(endorsements)));

    /// <summary>Creates a key whose JWK has no endorsements property, publishes it, and owns it.</summary>
    public TestSigningKey PublishNewWithoutEndorsements() => Own(Publish(TestSigningKey.WithoutEndorsements()));

    /// <summary>Adds a key the caller created (and disposes) to the JWKS, e.g. to simulate a rotation.</summary>
    public TestSigningKey Publish(TestSigningKey key)
    {
        lock (_gate)
        {
            _published.Add(key);
        }

        return key;
    }

    public void Withdraw(TestSigningKey key)
    {
        lock (_gate)
        {
            _published.Remove(key);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _owned.ForEach(k => k.Dispose());
            _owned.Clear();
        }
    }

    internal void Map(WebApplication app)
    {
        app.MapGet(_metadataPath, Metadata);
        app.MapGet(_keysPath, Keys);
    }

    internal IResult Metadata(HttpRequest request)
    {
        Interlocked.Increment(ref _metadataFetches);
        var metadata = new JsonObject
        {
            ["issuer"] = _issuer,
            ["jwks_uri"] = $"{request.Scheme}://{request.Host}{_keysPath}",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["token_endpoint_auth_signing_alg_values_supported"] = new JsonArray("RS256"),
        };
        return Results.Text(metadata.ToJsonString(), "application/json");
    }

    internal IResult Keys()
    {
        Interlocked.Increment(ref _keyFetches);
        JsonArray keys;
        lock (_gate)
        {
            keys = new JsonArray([.. _published.Select(k => k.ToJwk())]);
        }

        return Results.Text(new JsonObject { ["keys"] = keys }.ToJsonString(), "application/json");
    }

    private TestSigningKey Own(TestSigningKey key)
    {
        lock (_gate)
        {
            _owned.Add(key);
        }

        return key;
    }
}
