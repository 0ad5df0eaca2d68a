using Microsoft.IdentityModel.JsonWebTokens;

namespace PerijinanBot.Protocol.Auth;

/// <summary>The claim rules each kind of token must meet once its signature, issuer, audience and lifetime verify.</summary>
internal static class ClaimRules
{
    /// <summary>
    /// An Entra token: its tid must be its issuer's tenant (the SDK's IsTenantIdIssuerValid); outside Development it must
    /// be app-only (a delegated token, with scp, is a person's, not a service's); on the emulator path it must be issued to
    /// our own app id (BB's EmulatorValidation).
    /// </summary>
    public static string? CheckEntraToken(JsonWebToken token, TrustedIssuer issuer, string appId, bool development)
    {
        var tid = ReadClaim(token, "tid");
        if (tid is not null && !string.Equals(tid, issuer.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            return $"the token's tid '{tid}' is not the tenant of its issuer '{issuer.Issuer}'";
        }

        if (!development)
        {
            if (token.TryGetClaim("scp", out _))
            {
                return "the token is delegated (it has an scp claim); only app-only tokens are accepted";
            }

            var tokenType = ReadClaim(token, "idtyp");
            if (tokenType is not null && !string.Equals(tokenType, "app", StringComparison.Ordinal))
            {
                return $"the token's idtyp is '{tokenType}'; only app-only tokens (idtyp app) are accepted";
            }
        }

        return issuer.Emulator ? CheckEmulatorToken(token, appId) : null;
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

    /// <summary>ChannelValidation after the signature: the key must be endorsed for the channel, and the token bound to the serviceUrl.</summary>
    public static string? CheckChannelActivity(VerifiedToken verified, string? channelId, string? serviceUrl)
    {
        var signingKey = verified.Key;
        if (signingKey.Endorsements is null)
        {
            return $"signing key '{signingKey.KeyId}' carries no endorsements, which a channel token's key must";
        }

        if (!string.IsNullOrEmpty(channelId) && !signingKey.Endorsements.Contains(channelId, StringComparer.Ordinal))
        {
            return $"signing key '{signingKey.KeyId}' is not endorsed for channel '{channelId}' (endorsed: {string.Join(",", signingKey.Endorsements)})";
        }

        return CheckServiceUrlClaim(verified.Token, serviceUrl, required: true);
    }

    /// <summary>A channel token must name the activity's serviceUrl; an Entra token that names one must name the same.</summary>
    public static string? CheckServiceUrlClaim(JsonWebToken token, string? serviceUrl, bool required)
    {
        if (serviceUrl is null)
        {
            return null;
        }

        var claimed = ReadClaim(token, "serviceurl");
        if (string.IsNullOrWhiteSpace(claimed))
        {
            return required ? "the channel token has no serviceurl claim" : null;
        }

        return string.Equals(claimed, serviceUrl, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"the token's serviceurl '{claimed}' is not the activity's serviceUrl '{serviceUrl}'";
    }

    // Any JSON value, as its string form: a numeric "ver": 3 must read as "3", not as absent.
    public static string? ReadClaim(JsonWebToken token, string type) =>
        token.TryGetClaim(type, out var claim) ? claim.Value : null;
}
