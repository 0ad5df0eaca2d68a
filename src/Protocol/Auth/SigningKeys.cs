using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace PerijinanBot.Protocol.Auth;

/// <summary>One published key id: the key material and the channel ids it is endorsed for (null: the JWKS entry has none).</summary>
internal sealed record SigningKey(string KeyId, IReadOnlyList<SecurityKey> Keys, IReadOnlyList<string>? Endorsements);

internal enum KeyLookupStatus
{
    Found,
    NotPublished,
    MetadataUnavailable,
}

internal readonly record struct KeyLookup(KeyLookupStatus Status, SigningKey? Key);

/// <summary>
/// The key set behind one OpenID metadata URL, fetched on first use, refetched every MetadataRefreshInterval, and
/// refetched early when a token names a key id we have not seen (key rotation), at most once per MinimumRefreshInterval.
/// </summary>
/// <remarks>
/// Not IdentityModel's ConfigurationManager: since 8.x its RequestRefresh() fetches on a background task while
/// GetConfigurationAsync keeps answering with the old set, so "unknown kid: refresh, then retry" would retry against
/// the stale keys (its blocking mode is a process-wide AppContext switch). It also reads the clock itself.
/// </remarks>
internal sealed class SigningKeys
{
    private readonly string _metadataUrl;
    private readonly IDocumentRetriever _retriever;
    private readonly TimeProvider _time;
    private readonly BotAuthenticationOptions _options;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private volatile KeySnapshot? _current;
    private Task<KeySnapshot?>? _fetch;
    private DateTimeOffset _lastFetchStarted = DateTimeOffset.MinValue;

    public SigningKeys(string metadataUrl, IDocumentRetriever retriever, TimeProvider time, BotAuthenticationOptions options, ILogger logger)
    {
        _metadataUrl = metadataUrl;
        _retriever = retriever;
        _time = time;
        _options = options;
        _logger = logger;
    }

    public string MetadataUrl => _metadataUrl;

    public async Task<KeyLookup> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        var snapshot = _current;
        if (snapshot is null)
        {
            snapshot = await FetchAsync(throttled: false, cancellationToken);
        }
        else if (_time.GetUtcNow() - snapshot.FetchedAt >= _options.MetadataRefreshInterval)
        {
            // Stale keys beat no keys: if the refetch fails, keep validating with what we have.
            snapshot = await FetchAsync(throttled: true, cancellationToken) ?? snapshot;
        }

        if (snapshot is null)
        {
            return new KeyLookup(KeyLookupStatus.MetadataUnavailable, null);
        }

        if (snapshot.Keys.TryGetValue(keyId, out var key))
        {
            return new KeyLookup(KeyLookupStatus.Found, key);
        }

        // An unseen key id usually means the keys were rotated since our last fetch: look once more.
        AuthLog.UnknownSigningKey(_logger, keyId, _metadataUrl);
        var refreshed = await FetchAsync(throttled: true, cancellationToken);
        return refreshed is not null && refreshed.Keys.TryGetValue(keyId, out key)
            ? new KeyLookup(KeyLookupStatus.Found, key)
            : new KeyLookup(KeyLookupStatus.NotPublished, null);
    }

    /// <summary>Joins the fetch in flight, or starts one unless <paramref name="throttled"/> and the last one began too recently.</summary>
    private async Task<KeySnapshot?> FetchAsync(bool throttled, CancellationToken cancellationToken)
    {
        Task<KeySnapshot?> fetch;
        lock (_gate)
        {
            if (_fetch is null || _fetch.IsCompleted)
            {
                var now = _time.GetUtcNow();
                if (throttled && now - _lastFetchStarted < _options.MinimumRefreshInterval)
                {
                    return _current;
                }

                _lastFetchStarted = now;
                _fetch = Task.Run(LoadAsync, CancellationToken.None);
            }

            fetch = _fetch;
        }

        return await fetch.WaitAsync(cancellationToken);
    }

    private async Task<KeySnapshot?> LoadAsync()
    {
        try
        {
            // Shared by every waiting request, so no single request's cancellation aborts it; the HttpClient timeout bounds it.
            var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(_metadataUrl, _retriever, CancellationToken.None);
            var snapshot = KeySnapshot.From(configuration, _time.GetUtcNow());
            _current = snapshot;
            AuthLog.SigningKeysFetched(_logger, snapshot.Keys.Count, _metadataUrl);
            return snapshot;
        }
#pragma warning disable CA1031 // Any failure to fetch or parse means "no new keys"; the caller decides with what it has.
        catch (Exception e)
#pragma warning restore CA1031
        {
            AuthLog.SigningKeysFetchFailed(_logger, _metadataUrl, e);
            return null;
        }
    }

    private sealed record KeySnapshot(IReadOnlyDictionary<string, SigningKey> Keys, DateTimeOffset FetchedAt)
    {
        public static KeySnapshot From(OpenIdConnectConfiguration configuration, DateTimeOffset fetchedAt)
        {
            var endorsements = new Dictionary<string, IReadOnlyList<string>?>(StringComparer.Ordinal);
            foreach (var webKey in configuration.JsonWebKeySet?.Keys ?? [])
            {
                if (!string.IsNullOrEmpty(webKey.Kid))
                {
                    endorsements[webKey.Kid] = ReadEndorsements(webKey);
                }
            }

            // SigningKeys holds the JWKS entries IdentityModel could turn into keys (use "sig" or none): an RSA key from
            // n/e and, when x5c is present, an X509 key too. Prefer the bare RSA key: the same public key, without a
            // certificate validity period that key-lifetime validation would hold against us.
            var keys = configuration.SigningKeys
                .Where(k => !string.IsNullOrEmpty(k.KeyId))
                .GroupBy(k => k.KeyId, StringComparer.Ordinal)
                .ToDictionary(
                    g => g.Key,
                    g =>
                    {
                        IReadOnlyList<SecurityKey> material = g.OfType<RsaSecurityKey>().Any() ? [.. g.OfType<RsaSecurityKey>()] : [.. g];
                        return new SigningKey(g.Key, material, endorsements.GetValueOrDefault(g.Key));
                    },
                    StringComparer.Ordinal);
            return new KeySnapshot(keys, fetchedAt);
        }

        /// <summary>Bot Framework's JWKS extension: <c>"endorsements": ["msteams", ...]</c>, which IdentityModel keeps as a JsonElement.</summary>
        private static IReadOnlyList<string>? ReadEndorsements(JsonWebKey webKey)
        {
            if (!webKey.AdditionalData.TryGetValue("endorsements", out var value) || value is not JsonElement { ValueKind: JsonValueKind.Array } array)
            {
                return null;
            }

            return [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)];
        }
    }
}

/// <summary>Fetches metadata and JWKS documents with the named HttpClient, refusing any address that is not https (or loopback http).</summary>
internal sealed class MetadataDocumentRetriever(IHttpClientFactory httpClientFactory) : IDocumentRetriever
{
    public const string HttpClientName = "BotAuthentication.Metadata";

    public async Task<string> GetDocumentAsync(string address, CancellationToken cancel)
    {
        // The jwks_uri comes from the fetched metadata, so it gets the same check as the configured URL.
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || !BotAuthenticationOptions.IsAllowedMetadataUri(uri))
        {
            throw new InvalidOperationException($"Refusing to fetch signing metadata from '{address}': https is required (http only to a loopback host).");
        }

        using var client = httpClientFactory.CreateClient(HttpClientName);
        return await client.GetStringAsync(uri, cancel);
    }
}
