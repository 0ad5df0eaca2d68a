using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PerijinanBot.Protocol.Auth;

/// <summary>
/// Validates the bearer token of an inbound activity. Accepts the token shapes the Microsoft 365 Agents SDK's ASP.NET
/// authentication accepts (see <see cref="TokenIssuers"/>): Bot Connector tokens checked the way the Bot Framework SDK
/// checks them (ChannelValidation: endorsements, serviceurl claim), and Entra ID tokens of the trusted tenants, each
/// issuer with its own keys. Outside Development only app-only Entra tokens pass; in Development the emulator path
/// (an Entra token of any tenant issued to our own app id, as the Agents Playground sends) is open too.
/// Failure reasons are for the log (at Debug), never for the caller.
/// </summary>
public sealed class ChannelAuthenticator
{
    /// <summary>Development only: how many tenants met through the emulator path get a key set of their own.</summary>
    internal const int MaxEmulatorTenants = 8;

    private static readonly string[] _allowedAlgorithms =
    [
        SecurityAlgorithms.RsaSha256,
        SecurityAlgorithms.RsaSha384,
        SecurityAlgorithms.RsaSha512,
    ];

    private readonly BotOptions _bot;
    private readonly BotAuthenticationOptions _options;
    private readonly TimeProvider _time;
    private readonly bool _development;
    private readonly ILogger<ChannelAuthenticator> _logger;
    private readonly MetadataDocumentRetriever _retriever;
    private readonly SigningKeys _channelKeys;
    private readonly Dictionary<string, TrustedIssuer> _issuers;
    private readonly int _trustedTenants;
    private readonly ConcurrentDictionary<string, SigningKeys> _tenantKeys = new(StringComparer.OrdinalIgnoreCase);
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public ChannelAuthenticator(
        IOptions<BotOptions> bot,
        IOptions<BotAuthenticationOptions> options,
        IHttpClientFactory httpClientFactory,
        TimeProvider time,
        IHostEnvironment environment,
        ILogger<ChannelAuthenticator> logger)
    {
        _bot = bot.Value;
        _options = options.Value;
        _time = time;
        _development = environment.IsDevelopment();
        _logger = logger;
        _retriever = new MetadataDocumentRetriever(httpClientFactory);
        _channelKeys = new SigningKeys(_options.OpenIdMetadataUrl, _retriever, time, _options, logger);
        _issuers = _options.ResolveIssuers(_bot.MicrosoftAppTenantId)
            .Where(i => i.Issuer is not null)
            .Select(i => i.Issuer!)
            .DistinctBy(i => i.Issuer, StringComparer.Ordinal)
            .ToDictionary(i => i.Issuer, StringComparer.Ordinal);
        _trustedTenants = _issuers.Values.Select(i => i.TenantId).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Count();
    }

    /// <summary>The whole check: the token, then the activity against it (channel endorsement, serviceUrl binding).</summary>
    public async Task<AuthResult> AuthenticateAsync(string? authorizationHeader, string? channelId, string? serviceUrl, CancellationToken cancellationToken)
    {
        var stage = await AuthenticateTokenAsync(authorizationHeader, cancellationToken);
        return stage.Result.Succeeded ? AuthenticateActivity(stage, channelId, serviceUrl) : stage.Result;
    }

    /// <summary>Everything the Authorization header alone decides: shape, issuer, signature, audience, lifetime, token kind.</summary>
    internal async Task<TokenStage> AuthenticateTokenAsync(string? authorizationHeader, CancellationToken cancellationToken)
    {
        var stage = await CheckTokenAsync(authorizationHeader, cancellationToken);
        if (ReferenceEquals(stage, TokenStage.Anonymous))
        {
            AuthLog.Anonymous(_logger);
        }
        else if (!stage.Result.Succeeded)
        {
            AuthLog.Refused(_logger, stage.Result.FailureReason!, null);
        }

        return stage;
    }

    /// <summary>The checks that need the activity: a channel key's endorsement for its channel, and the token's serviceUrl.</summary>
    internal AuthResult AuthenticateActivity(TokenStage stage, string? channelId, string? serviceUrl)
    {
        if (stage.Token is not { } verified)
        {
            return stage.Result;
        }

        var failure = verified.Issuer.Kind == IssuerKind.Channel
            ? ClaimRules.CheckChannelActivity(verified, channelId, serviceUrl)
            : ClaimRules.CheckServiceUrlClaim(verified.Token, serviceUrl, required: false);
        if (failure is null)
        {
            return new AuthResult(true, verified.Identity, null);
        }

        AuthLog.Refused(_logger, failure, channelId);
        return AuthResult.Fail(failure);
    }

    private async Task<TokenStage> CheckTokenAsync(string? authorizationHeader, CancellationToken cancellationToken)
    {
        // The SDK's IsAuthenticationDisabled: no app id. Then only a request without a header passes; a header is still checked.
        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            return _bot.AuthenticationDisabled ? TokenStage.Anonymous : TokenStage.Fail("no Authorization header");
        }

        var parts = authorizationHeader.Split(' ');
        if (parts.Length != 2 || !string.Equals(parts[0], "Bearer", StringComparison.OrdinalIgnoreCase) || parts[1].Length == 0)
        {
            return TokenStage.Fail("Authorization header is not 'Bearer <token>'");
        }

        if (_bot.AuthenticationDisabled)
        {
            return TokenStage.Fail("a token was sent but no MicrosoftAppId is configured, so no audience can match");
        }

        var appId = _bot.MicrosoftAppId!;
        JsonWebToken token;
        try
        {
            token = _handler.ReadJsonWebToken(parts[1]);
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenException)
        {
            return TokenStage.Fail("the bearer token is not a readable JWT");
        }

        if (!_allowedAlgorithms.Contains(token.Alg, StringComparer.Ordinal))
        {
            return TokenStage.Fail($"signing algorithm '{token.Alg}' is not allowed (RS256, RS384, RS512 only)");
        }

        // Issuer first, before any key fetch or signature work: it decides which key set and which rules apply.
        var issuer = FindIssuer(token);
        if (issuer is null)
        {
            return TokenStage.Fail($"issuer '{token.Issuer}' is not trusted");
        }

        if (string.IsNullOrEmpty(token.Kid))
        {
            return TokenStage.Fail("the token names no signing key (kid)");
        }

        var keys = KeysOf(issuer);
        if (keys is null)
        {
            return TokenStage.Fail($"too many tenants met through the emulator path; not fetching keys for tenant {issuer.TenantId}");
        }

        var lookup = await keys.FindAsync(token.Kid, cancellationToken);
        switch (lookup.Status)
        {
            case KeyLookupStatus.MetadataUnavailable:
                return TokenStage.Fail($"signing keys could not be fetched from {keys.MetadataUrl}");
            case KeyLookupStatus.NotPublished:
                return TokenStage.Fail($"signing key '{token.Kid}' is not published at {keys.MetadataUrl}");
            case KeyLookupStatus.Found:
            default:
                break;
        }

        var signingKey = lookup.Key!;
        var validation = await _handler.ValidateTokenAsync(token, Parameters(issuer.Issuer, appId, signingKey));
        if (!validation.IsValid)
        {
            return TokenStage.Fail(Describe(validation.Exception));
        }

        var failure = issuer.Kind == IssuerKind.Entra ? ClaimRules.CheckEntraToken(token, issuer, appId, _development) : null;
        return failure is null
            ? new TokenStage(new AuthResult(true, validation.ClaimsIdentity, null), new VerifiedToken(token, issuer, signingKey, validation.ClaimsIdentity))
            : TokenStage.Fail(failure);
    }

    private TrustedIssuer? FindIssuer(JsonWebToken token)
    {
        var issuer = token.Issuer;
        if (issuer is not null && _issuers.TryGetValue(issuer, out var trusted))
        {
            return trusted;
        }

        // The emulator path (BB's EmulatorValidation): in Development only, the token's own tenant may issue it.
        return _development && issuer is not null ? TokenIssuers.EmulatorIssuer(issuer, ClaimRules.ReadClaim(token, "tid")) : null;
    }

    /// <summary>Bot Connector keys for channel issuers; the tenant's own keys for an Entra issuer. Null: emulator tenants are full.</summary>
    private SigningKeys? KeysOf(TrustedIssuer issuer)
    {
        if (issuer.Kind == IssuerKind.Channel)
        {
            return _channelKeys;
        }

        var tenant = issuer.TenantId!;
        if (_tenantKeys.TryGetValue(tenant, out var keys))
        {
            return keys;
        }

        // Trusted tenants are few and fixed by configuration; tenants named by emulator tokens are capped.
        if (issuer.Emulator && _tenantKeys.Count >= _trustedTenants + MaxEmulatorTenants)
        {
            return null;
        }

        return _tenantKeys.GetOrAdd(tenant, t => new SigningKeys(_options.TenantMetadataUrl(t), _retriever, _time, _options, _logger));
    }

    private TokenValidationParameters Parameters(string issuer, string appId, SigningKey signingKey) => new()
    {
        ValidateIssuer = true,
        ValidIssuer = issuer,
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
