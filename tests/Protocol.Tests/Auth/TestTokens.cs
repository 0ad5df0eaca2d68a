using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PerijinanBot.Protocol.Tests.Auth;

/// <summary>The claims of a test token; null leaves a claim out. Vary one with <c>with { ... }</c>.</summary>
internal sealed record TokenSpec
{
    public required string Issuer { get; init; }
    public string? Audience { get; init; }
    public DateTimeOffset? NotBefore { get; init; }
    public DateTimeOffset? Expires { get; init; }
    /// <summary>Channel tokens: the <c>serviceurl</c> claim.</summary>
    public string? ServiceUrl { get; init; }
    /// <summary>Emulator tokens: <c>ver</c> ("1.0" or "2.0"), <c>appid</c> (v1), <c>azp</c> (v2), <c>tid</c>.</summary>
    public string? Version { get; init; }
    public string? AppId { get; init; }
    public string? AuthorizedParty { get; init; }
    public string? TenantId { get; init; }
    /// <summary>Entra tokens: <c>scp</c> (a delegated token's scopes) and <c>idtyp</c> (<c>app</c> or <c>user</c>).</summary>
    public string? Scope { get; init; }
    public string? IdType { get; init; }

    public string ToPayloadJson()
    {
        var payload = new JsonObject { ["iss"] = Issuer };
        Add(payload, "aud", Audience);
        Add(payload, "serviceurl", ServiceUrl);
        Add(payload, "ver", Version);
        Add(payload, "appid", AppId);
        Add(payload, "azp", AuthorizedParty);
        Add(payload, "tid", TenantId);
        Add(payload, "scp", Scope);
        Add(payload, "idtyp", IdType);
        if (NotBefore is { } nbf)
        {
            payload["nbf"] = nbf.ToUnixTimeSeconds();
            payload["iat"] = nbf.ToUnixTimeSeconds();
        }

        if (Expires is { } exp)
        {
            payload["exp"] = exp.ToUnixTimeSeconds();
        }

        return payload.ToJsonString();
    }

    private static void Add(JsonObject payload, string name, string? value)
    {
        if (value is not null)
        {
            payload[name] = value;
        }
    }
}

/// <summary>Mints the tokens the Bot Connector, the Agents Playground and forgers would send.</summary>
internal static class TestTokens
{
    public const string ChannelIssuer = "https://api.botframework.com";

    private static readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>What the Bot Connector sends for an msteams activity: valid from a minute ago for an hour.</summary>
    public static TokenSpec Channel(string appId, string serviceUrl, DateTimeOffset now) => new()
    {
        Issuer = ChannelIssuer,
        Audience = appId,
        NotBefore = now.AddMinutes(-1),
        Expires = now.AddHours(1),
        ServiceUrl = serviceUrl,
    };

    /// <summary>A v1 Entra client-credential token for our app (appid claim), from the Bot Framework tenant by default.</summary>
    public static TokenSpec EmulatorV1(string appId, DateTimeOffset now, string tenantId = LocalOpenIdServer.EmulatorTenantId) => new()
    {
        Issuer = $"https://sts.windows.net/{tenantId}/",
        Audience = appId,
        NotBefore = now.AddMinutes(-1),
        Expires = now.AddHours(1),
        Version = "1.0",
        AppId = appId,
        TenantId = tenantId,
    };

    /// <summary>A v2 Entra client-credential token for our app (azp claim).</summary>
    public static TokenSpec EmulatorV2(string appId, DateTimeOffset now, string tenantId = LocalOpenIdServer.EmulatorTenantId) => new()
    {
        Issuer = $"https://login.microsoftonline.com/{tenantId}/v2.0",
        Audience = appId,
        NotBefore = now.AddMinutes(-1),
        Expires = now.AddHours(1),
        Version = "2.0",
        AuthorizedParty = appId,
        TenantId = tenantId,
    };

    /// <summary>Signed with the key's private half; the header carries its kid.</summary>
    public static string SignedBy(this TokenSpec spec, TestSigningKey key, string algorithm = SecurityAlgorithms.RsaSha256) =>
        _handler.CreateToken(spec.ToPayloadJson(), key.Credentials(algorithm));

    /// <summary>HMAC-signed with a random secret but naming a published RSA kid: the classic algorithm-confusion forgery.</summary>
    public static string SignedWithHs256(this TokenSpec spec, string keyId)
    {
        var secret = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = keyId };
        return _handler.CreateToken(spec.ToPayloadJson(), new SigningCredentials(secret, SecurityAlgorithms.HmacSha256));
    }

    /// <summary><c>alg: none</c> with an empty signature, naming a published kid.</summary>
    public static string Unsigned(this TokenSpec spec, string keyId)
    {
        var header = new JsonObject { ["alg"] = "none", ["typ"] = "JWT", ["kid"] = keyId }.ToJsonString();
        return $"{Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(header))}.{Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(spec.ToPayloadJson()))}.";
    }

    public static string Bearer(string token) => $"Bearer {token}";
}
