namespace PerijinanBot.Bot.OfficeCalendar;

/// <summary>Log lines of the office's work calendar (event ids 1500-1549).</summary>
internal static partial class CalendarLog
{
    [LoggerMessage(EventId = 1500, Level = LogLevel.Information, Message = "Work calendar in use: {Origin}; holiday lists for {Years}; special hours: {Ranges}")]
    public static partial void InUse(ILogger logger, string origin, string years, string ranges);

    [LoggerMessage(EventId = 1501, Level = LogLevel.Warning, Message = "Calendar:Blob {Blob} does not exist: using {Fallback} instead, and reading the blob again every {Interval}")]
    public static partial void BlobMissing(ILogger logger, string blob, string fallback, TimeSpan interval);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Error, Message = "Calendar:Blob {Blob} (ETag {ETag}) is not a valid work calendar, so it is not used; the calendar in use stays {InUse}. Fix the blob: {Problems}")]
    public static partial void BlobInvalid(ILogger logger, string blob, string eTag, string inUse, string problems);

    [LoggerMessage(EventId = 1503, Level = LogLevel.Warning, Message = "Calendar:Blob {Blob} could not be read; the calendar in use stays {InUse} and the blob is read again every {Interval}")]
    public static partial void BlobUnreadable(ILogger logger, Exception exception, string blob, string inUse, TimeSpan interval);

    [LoggerMessage(EventId = 1504, Level = LogLevel.Warning, Message = "The work calendar has no holiday list (libur nasional, cuti bersama) for {Year}: days off in {Year} are weekends only until the year's SKB 3 Menteri list is added to the calendar (Calendar:Blob or Calendar:File)")]
    public static partial void NoHolidayList(ILogger logger, int year);
}
