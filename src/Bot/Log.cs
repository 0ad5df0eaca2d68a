namespace PerijinanBot.Bot;

/// <summary>Every log line the host writes, source-generated so that no call site formats strings.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Nobody in the Directory holds the SOP role(s) {Roles}: kegiatan will stall at their steps")]
    public static partial void VacantRoles(ILogger logger, string roles);

    [LoggerMessage(EventId = 10, Level = LogLevel.Error, Message = "Turn failed for {ActivityType} activity {ActivityId}")]
    public static partial void TurnFailed(ILogger logger, Exception exception, string? activityType, string? activityId);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Could not tell the person that activity {ActivityId} failed")]
    public static partial void ApologyFailed(ILogger logger, Exception exception, string? activityId);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "Conversation reference for {ConversationId} not stored; it will be captured on the next activity")]
    public static partial void ReferenceNotStored(ILogger logger, Exception exception, string conversationId);

    [LoggerMessage(EventId = 15, Level = LogLevel.Warning, Message = "Turn queue is full; activity {ActivityId} of type {ActivityType} answered 503 so the channel retries it")]
    public static partial void TurnQueueFull(ILogger logger, string? activityId, string? activityType);

    [LoggerMessage(EventId = 13, Level = LogLevel.Debug, Message = "Conversation {ConversationId} is another person's 1:1 chat: the sender's reference is not changed")]
    public static partial void NotOwner(ILogger logger, string conversationId);

    [LoggerMessage(EventId = 14, Level = LogLevel.Debug, Message = "Conversation {ConversationId} is not the sender's recorded 1:1 chat and no installation moved it: the reference is not changed")]
    public static partial void SecondPersonalChat(ILogger logger, string conversationId);
}
