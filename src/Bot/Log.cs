namespace PerijinanBot.Bot;

/// <summary>Every log line the host writes, source-generated so that no call site formats strings.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Nobody in the Directory holds the SOP role(s) {Roles}: kegiatan will stall at their steps")]
    public static partial void VacantRoles(ILogger logger, string roles);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Channel authentication is OFF: MicrosoftAppId is empty, so /api/messages accepts unauthenticated requests. This is for local development with the Agents Playground only")]
    public static partial void AuthenticationDisabled(ILogger logger);
}
