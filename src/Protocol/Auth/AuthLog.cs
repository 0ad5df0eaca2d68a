using Microsoft.Extensions.Logging;

namespace PerijinanBot.Protocol.Auth;

/// <summary>Log lines of inbound authentication. Tokens are never logged; reasons name claims, not their signatures.</summary>
internal static partial class AuthLog
{
    // Debug: anyone on the internet can cause one, so at Information they would fill the log at the caller's will.
    [LoggerMessage(EventId = 1100, Level = LogLevel.Debug, Message = "Inbound token refused: {Reason} (channel {ChannelId})")]
    public static partial void Refused(ILogger logger, string reason, string? channelId);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug, Message = "Inbound request accepted without authentication: no Authorization header and no MicrosoftAppId")]
    public static partial void Anonymous(ILogger logger);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Fetched {Count} signing key(s) from {MetadataUrl}")]
    public static partial void SigningKeysFetched(ILogger logger, int count, string metadataUrl);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Could not fetch signing keys from {MetadataUrl}; keeping the keys fetched before, if any")]
    public static partial void SigningKeysFetchFailed(ILogger logger, string metadataUrl, Exception exception);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Debug, Message = "A token names signing key {KeyId}, unknown at {MetadataUrl}: refetching the keys unless fetched moments ago")]
    public static partial void UnknownSigningKey(ILogger logger, string keyId, string metadataUrl);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Debug, Message = "Dropped an authenticated activity {ActivityId} of type {ActivityType}: {Reason}")]
    public static partial void Dropped(ILogger logger, string? activityId, string? activityType, string reason);
}
