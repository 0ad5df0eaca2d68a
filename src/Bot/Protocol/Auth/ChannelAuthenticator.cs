using System.Security.Claims;

namespace PerijinanBot.Bot.Protocol.Auth;

/// <summary>Outcome of checking the bearer token of one inbound request.</summary>
public sealed record AuthResult(bool Succeeded, ClaimsIdentity? Identity, string? FailureReason)
{
    public static AuthResult Anonymous { get; } = new(true, new ClaimsIdentity(), null);

    public static AuthResult Fail(string reason) => new(false, null, reason);
}

/// <summary>Validates Bot Framework channel tokens (and emulator-style tokens for our own app id).</summary>
public sealed class ChannelAuthenticator
{
    // INTERIM SIGNATURE: the implementation is being written in parallel.
    public Task<AuthResult> AuthenticateAsync(string? authorizationHeader, string? channelId, string? serviceUrl, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}
