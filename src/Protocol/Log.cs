using Microsoft.Extensions.Logging;

namespace PerijinanBot.Protocol;

/// <summary>Log lines of the messages endpoint; their event ids are the ones they had when the host wrote them.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Channel authentication is OFF: MicrosoftAppId is empty, so /api/messages accepts unauthenticated requests. This is for local development with the Agents Playground only")]
    public static partial void AuthenticationDisabled(ILogger logger);

    [LoggerMessage(EventId = 14, Level = LogLevel.Information, Message = "Rejected a malformed activity: {Reason}")]
    public static partial void MalformedActivity(ILogger logger, string reason);

    [LoggerMessage(EventId = 16, Level = LogLevel.Debug, Message = "Ignored activity {ActivityId} of type {ActivityType}")]
    public static partial void Ignored(ILogger logger, string? activityId, string? activityType);

    [LoggerMessage(EventId = 17, Level = LogLevel.Debug, Message = "Refused a request to /api/messages from {Client}: over the rate limit")]
    public static partial void RateLimited(ILogger logger, System.Net.IPAddress? client);
}
