using System.Security.Claims;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PerijinanBot.Protocol.Auth;

/// <summary>Outcome of checking the bearer token of one inbound request.</summary>
public sealed record AuthResult(bool Succeeded, ClaimsIdentity? Identity, string? FailureReason)
{
    public static AuthResult Anonymous { get; } = new(true, new ClaimsIdentity(), null);

    public static AuthResult Fail(string reason) => new(false, null, reason);
}

/// <summary>
/// Validates the bearer token of an inbound activity the way the Bot Framework SDK does (ChannelValidation,
/// EmulatorValidation, JwtTokenExtractor): channel tokens from the Bot Connector, and emulator-style tokens issued by
/// Entra ID to our own app id. Failure reasons are for the log, never for the caller.
/// </summary>
public sealed class ChannelAuthenticator
{
    private static readonly string[] _allowedAlgorithms =
    [
        SecurityAlgorithms.RsaSha256,
        SecurityAlgorithms.RsaSha384,
        SecurityAlgorithms.RsaSha512,
    ];

    private readonly BotOptions _bot;
    private readonly BotAuthenticationOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ChannelAuthenticator> _logger;
    private readonly SigningKeys _channelKeys;
    private readonly SigningKeys _emulatorKeys;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public ChannelAuthenticator(
        IOptions<BotOptions> bot,
        IOptions<BotAuthenticationOptions> options,
        IHttpClientFactory httpClientFactory,
        TimeProvider time,
        ILogger<ChannelAuthenticator> logger)
    {
        _bot = bot.Value;
        _options = options.Value;
        _time = time;
        _logger = logger;
        var retriever = new MetadataDocumentRetriever(httpClientFactory);
        _channelKeys = new SigningKeys(_options.OpenIdMetadataUrl, retriever, time, _options, logger);
        _emulatorKeys = new SigningKeys(_options.EmulatorOpenIdMetadataUrl, retriever, time, _options, logger);
    }

    public async Task<AuthResult> AuthenticateAsync(string? authorizationHeader, string? channelId, string? serviceUrl, CancellationToken cancellationToken)
    {
        var result = await CheckAsync(authorizationHeader, channelId, serviceUrl, cancellationToken);
        if (result.Succeeded)
        {
            if (ReferenceEquals(result, AuthResult.Anonymous))
            {
                AuthLog.Anonymous(_logger);
            }
        }
        else
        {
            AuthLog.Refused(_logger, result.FailureReason!, channelId);
        }

        return result;
    }

    private async Task<AuthResult> CheckAsync(string? authorizationHeader, string? channelId, string? serviceUrl, CancellationToken cancellationToken)
    {
        // The SDK's IsAuthenticationDisabled: no app id. Then only a request without a header passes; a header is still checked.
        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            return _bot.AuthenticationDisabled ? AuthResult.Anonymous : AuthResult.Fail("no Authorization header");
        }

        var parts = authorizationHeader.Split(' ');
        if (parts.Length != 2 || !string.Equals(parts[0], "Bearer", StringComparison.OrdinalIgnoreCase) || parts[1].Length == 0)
        {
            return AuthResult.Fail("Authorization header is not 'Bearer <token>'");
        }

        if (_bot.AuthenticationDisabled)
        {
            return AuthResult.Fail("a token was sent but no MicrosoftAppId is configured, so no audience can match");
        }

        var appId = _bot.MicrosoftAppId!;
        JsonWebToken token;
        try
        {
            token = _handler.ReadJsonWebToken(parts[1]);
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenException)
        {
            return AuthResult.Fail("the bearer token is not a readable JWT");
        }

        if (!_allowedAlgorithms.Contains(token.Alg, StringComparer.Ordinal))
        {
            return AuthResult.Fail($"signing algorithm '{token.Alg}' is not allowed (RS256, RS384, RS512 only)");
        }

        // Issuer first, before any key fetch or signature work: it decides which key set and which rules apply.
        var issuer = token.Issuer;
        var isChannel = string.Equals(issuer, TokenIssuers.Channel, StringComparison.Ordinal);
        IReadOnlyList<string> validIssuers = isChannel
            ? [TokenIssuers.Channel]
            : TokenIssuers.Emulator(ReadClaim(token, "tid"), _bot.MicrosoftAppTenantId);
        if (!validIssuers.Contains(issuer, StringComparer.Ordinal))
        {
            return AuthResult.Fail($"issuer '{issuer}' is neither the Bot Connector nor an emulator issuer");
        }

        if (string.IsNullOrEmpty(token.Kid))
        {
            return AuthResult.Fail("the token names no signing key (kid)");
        }

        var keys = isChannel ? _channelKeys : _emulatorKeys;
        var lookup = await keys.FindAsync(token.Kid, cancellationToken);
        switch (lookup.Status)
        {
            case KeyLookupStatus.MetadataUnavailable:
                return AuthResult.Fail($"signing keys could not be fetched from {keys.MetadataUrl}");
            case KeyLookupStatus.NotPublished:
                return AuthResult.Fail($"signing key '{token.Kid}' is not published at {keys.MetadataUrl}");
            case KeyLookupStatus.Found:
            default:
                break;
        }

        var signingKey = lookup.Key!;
        var validation = await _handler.ValidateTokenAsync(token, Parameters(validIssuers, appId, signingKey));
        if (!validation.IsValid)
        {
            return AuthResult.Fail(Describe(validation.Exception));
        }

        var identity = validation.ClaimsIdentity;
        var failure = isChannel
            ? CheckChannelToken(token, signingKey, channelId, serviceUrl)
            : CheckEmulatorToken(token, appId);
        return failure is null ? new AuthResult(true, identity, null) : AuthResult.Fail(failure);
    }

    private TokenValidationParameters Parameters(IReadOnlyList<string> validIssuers, string appId, SigningKey signingKey) => new()
    {
        ValidateIssuer = true,
        ValidIssuers = validIssuers,
        ValidateAudience = true,
        ValidAudience = appId,
        IgnoreTrailingSlashWhenValidatingAudience = false,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        LifetimeValidator = (notBefore, expires, _, _) => ValidateLifetime(notBefore, expires),
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = true,
        IssuerSigningKeys = signingKey.Keys,
        TryAllIssuerSigningKeys = false,
        ValidAlgorithms = _allowedAlgorithms,
        LogValidationExceptions = false,
    };

    /// <summary>Lifetime against our TimeProvider (IdentityModel's own check reads the system clock).</summary>
    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        if (expires is null)
        {
            throw new SecurityTokenNoExpirationException("The token has no expiry.");
        }

        if (notBefore is { } nbf && nbf > now + _options.ClockSkew)
        {
            throw new SecurityTokenNotYetValidException("The token is not valid yet.") { NotBefore = nbf };
        }

        if (expires.Value < now - _options.ClockSkew)
        {
            throw new SecurityTokenExpiredException("The token has expired.") { Expires = expires.Value };
        }

        return true;
    }

    /// <summary>ChannelValidation after the signature: the key must be endorsed for the channel, and the token bound to the serviceUrl.</summary>
    private static string? CheckChannelToken(JsonWebToken token, SigningKey signingKey, string? channelId, string? serviceUrl)
    {
        if (signingKey.Endorsements is null)
        {
            return $"signing key '{signingKey.KeyId}' carries no endorsements, which a channel token's key must";
        }

        if (!string.IsNullOrEmpty(channelId) && !signingKey.Endorsements.Contains(channelId, StringComparer.Ordinal))
        {
            return $"signing key '{signingKey.KeyId}' is not endorsed for channel '{channelId}' (endorsed: {string.Join(",", signingKey.Endorsements)})";
        }

        if (serviceUrl is not null)
        {
            var claimed = ReadClaim(token, "serviceurl");
            if (string.IsNullOrWhiteSpace(claimed))
            {
                return "the channel token has no serviceurl claim";
            }

            if (!string.Equals(claimed, serviceUrl, StringComparison.OrdinalIgnoreCase))
            {
                return $"the token's serviceurl '{claimed}' is not the activity's serviceUrl '{serviceUrl}'";
            }
        }

        return null;
    }

    /// <summary>EmulatorValidation: the app id sits in appid (v1) or azp (v2) and must be ours.</summary>
    private static string? CheckEmulatorToken(JsonWebToken token, string appId)
    {
        var version = ReadClaim(token, "ver");
        var claimType = version switch
        {
            null or "" or "1.0" => "appid",
            "2.0" => "azp",
            _ => null,
        };
        if (claimType is null)
        {
            return $"emulator token version '{version}' is not 1.0 or 2.0";
        }

        var tokenAppId = ReadClaim(token, claimType);
        if (string.IsNullOrEmpty(tokenAppId))
        {
            return $"the emulator token has no {claimType} claim";
        }

        return string.Equals(tokenAppId, appId, StringComparison.Ordinal)
            ? null
            : $"the emulator token was issued to app '{tokenAppId}', not to this bot";
    }

    // Any JSON value, as its string form: a numeric "ver": 3 must read as "3", not as absent.
    private static string? ReadClaim(JsonWebToken token, string type) =>
        token.TryGetClaim(type, out var claim) ? claim.Value : null;

    private static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "the token has expired",
        SecurityTokenNotYetValidException => "the token is not valid yet",
        SecurityTokenNoExpirationException => "the token has no expiry",
        SecurityTokenInvalidAudienceException => "the token's audience is not this bot's MicrosoftAppId",
        SecurityTokenInvalidIssuerException => "the token's issuer is not valid",
        SecurityTokenInvalidAlgorithmException => "the token's signing algorithm is not allowed",
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "the token's signature does not verify with the published key",
        SecurityTokenInvalidSigningKeyException => "the token's signing key is not valid",
        SecurityTokenInvalidLifetimeException => "the token's lifetime is not valid",
        null => "the token is not valid",
        _ => $"the token is not valid ({exception.GetType().Name})",
    };
}
