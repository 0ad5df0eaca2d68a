namespace PerijinanBot.Bot.Storage;

/// <summary>Log lines of the workflow storage and outbox (event ids 300-349).</summary>
internal static partial class WorkflowStorageLog
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Warning, Message = "Commit of kegiatan {Number} v{Version} failed ambiguously (attempt {Attempt}); resolving by reading it back")]
    public static partial void CommitAmbiguous(ILogger logger, Exception exception, string number, int version, int attempt);

    [LoggerMessage(EventId = 301, Level = LogLevel.Information, Message = "Commit of kegiatan {Number} v{Version} had already been applied by an earlier attempt with the same command id")]
    public static partial void AlreadyApplied(ILogger logger, string number, int version);

    [LoggerMessage(EventId = 302, Level = LogLevel.Warning, Message = "Kegiatan {Number}: gave up after losing {Rounds} races in a row")]
    public static partial void Contended(ILogger logger, string number, int rounds);

    [LoggerMessage(EventId = 303, Level = LogLevel.Warning, Message = "Kegiatan number hint for {Year} not raised to {Serial}; the next start walks a little further")]
    public static partial void HintNotAdvanced(ILogger logger, Exception exception, int year, int serial);

    [LoggerMessage(EventId = 310, Level = LogLevel.Information, Message = "Outbox dispatcher {InstanceId} started")]
    public static partial void DispatcherStarted(ILogger logger, string instanceId);

    [LoggerMessage(EventId = 311, Level = LogLevel.Warning, Message = "Outbox {What} failed; it is retried on the next signal, poll or sweep")]
    public static partial void PassFailed(ILogger logger, Exception exception, string what);

    [LoggerMessage(EventId = 312, Level = LogLevel.Error, Message = "No outbox handler for kind {Kind} (kegiatan {Number}, row {RowKey}); the item is kept and retried")]
    public static partial void NoHandler(ILogger logger, string kind, string number, string rowKey);

    [LoggerMessage(EventId = 313, Level = LogLevel.Warning, Message = "Outbox handler for {Kind} threw on kegiatan {Number} row {RowKey} (attempt {Attempt}); outcome unknown, retried with backoff")]
    public static partial void HandlerThrew(ILogger logger, Exception exception, string kind, string number, string rowKey, int attempt);

    [LoggerMessage(EventId = 314, Level = LogLevel.Warning, Message = "Outbox item of kegiatan {Number} row {RowKey}: storage failed mid-delivery; the claim lapses and it is tried again")]
    public static partial void ItemStorageFailed(ILogger logger, Exception exception, string number, string rowKey);

    [LoggerMessage(EventId = 315, Level = LogLevel.Information, Message = "Outbox item of kegiatan {Number} row {RowKey}: claim lost to another instance")]
    public static partial void ClaimLost(ILogger logger, string number, string rowKey);

    [LoggerMessage(EventId = 317, Level = LogLevel.Debug, Message = "Outbox item {Kind} {DedupeKey} delivered: {Detail}")]
    public static partial void Delivered(ILogger logger, string kind, string dedupeKey, string? detail);

    [LoggerMessage(EventId = 318, Level = LogLevel.Warning, Message = "Outbox marker for kegiatan {Number} not written; the sweep finds its pending work")]
    public static partial void MarkerNotWritten(ILogger logger, Exception exception, string number);

    [LoggerMessage(EventId = 316, Level = LogLevel.Error, Message = "Outbox item {Kind} of kegiatan {Number} row {RowKey} is now {Status} after {Attempts} attempts and is no longer retried (kept for an operator): {LastError}")]
    public static partial void ItemGaveUp(ILogger logger, string kind, string number, string rowKey, string status, int attempts, string? lastError);
}
