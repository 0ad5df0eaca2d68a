using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;

namespace PerijinanBot.Protocol.Auth;

/// <summary>Outcome of checking the bearer token of one inbound request.</summary>
public sealed record AuthResult(bool Succeeded, ClaimsIdentity? Identity, string? FailureReason)
{
    public static AuthResult Anonymous { get; } = new(true, new ClaimsIdentity(), null);

    public static AuthResult Fail(string reason) => new(false, null, reason);
}

/// <summary>
/// The token half of a request's authentication, decided from the Authorization header alone (before the body is read):
/// refused, anonymous (no app id, no header), or a verified token whose activity is still to be checked against it.
/// </summary>
internal sealed record TokenStage(AuthResult Result, VerifiedToken? Token)
{
    public static TokenStage Anonymous { get; } = new(AuthResult.Anonymous, null);

    public static TokenStage Fail(string reason) => new(AuthResult.Fail(reason), null);
}

/// <summary>A token whose signature, issuer, audience and lifetime have been checked.</summary>
internal sealed record VerifiedToken(JsonWebToken Token, TrustedIssuer Issuer, SigningKey Key, ClaimsIdentity Identity);
