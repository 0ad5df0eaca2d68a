using PerijinanBot.Sop.People;

namespace PerijinanBot.Bot.Roles;

internal static partial class RoleDirectoryLog
{
    [LoggerMessage(EventId = 1450, Level = LogLevel.Information, Message = "Role directory synced from Entra groups: {People} people; {Roles}")]
    public static partial void Synced(ILogger logger, int people, string roles);

    [LoggerMessage(EventId = 1451, Level = LogLevel.Warning, Message = "Reading the role groups from Microsoft Graph failed; the role directory stays as it was")]
    public static partial void ReadFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1452, Level = LogLevel.Error, Message = "The role groups' members cannot form a directory; it stays as it was: {Errors}")]
    public static partial void GroupsUnusable(ILogger logger, string errors);

    [LoggerMessage(EventId = 1453, Level = LogLevel.Information, Message = "Role directory loaded from the sync of {SyncedAt:o}: {People} people")]
    public static partial void SnapshotLoaded(ILogger logger, DateTimeOffset syncedAt, int people);

    [LoggerMessage(EventId = 1454, Level = LogLevel.Warning, Message = "The stored role groups cannot form a directory with today's configuration; roles come from configuration until the next sync: {Errors}")]
    public static partial void SnapshotUnusable(ILogger logger, string errors);

    [LoggerMessage(EventId = 1455, Level = LogLevel.Warning, Message = "Could not load the stored role groups; roles come from configuration until the first sync")]
    public static partial void SnapshotLoadFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1456, Level = LogLevel.Warning, Message = "Could not store the synced role groups or who left a role; stored again with the next sync")]
    public static partial void KeepFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1457, Level = LogLevel.Warning, Message = "After the sync nobody holds the SOP role(s) {Roles}: kegiatan will stall at their steps")]
    public static partial void VacantAfterSync(ILogger logger, string roles);

    [LoggerMessage(EventId = 1458, Level = LogLevel.Information, Message = "Step {Step} of {Number} is held by {PersonId}, who no longer holds {Role}: flagged for reassignment")]
    public static partial void StepFlagged(ILogger logger, string number, int step, string personId, Role role);

    [LoggerMessage(EventId = 1459, Level = LogLevel.Information, Message = "Reassignment notice for step {Step} of {Number} (held by {PersonId}) sent to {Recipients} person(s); to the Admins: {ToAdmins}")]
    public static partial void FlagSent(ILogger logger, string number, int step, string personId, int recipients, bool toAdmins);

    [LoggerMessage(EventId = 1460, Level = LogLevel.Warning, Message = "Reassignment notice for step {Step} of {Number} (held by {PersonId}) reached none of {Recipients} recipient(s); tried again at the next sync")]
    public static partial void FlagWaiting(ILogger logger, string number, int step, string personId, int recipients);

    [LoggerMessage(EventId = 1461, Level = LogLevel.Warning, Message = "Reassignment notice for step {Step} of {Number} was refused by the connector for {RecipientId}")]
    public static partial void FlagNotSent(ILogger logger, Exception exception, string number, int step, string recipientId);

    [LoggerMessage(EventId = 1462, Level = LogLevel.Error, Message = "Reassignment notice for step {Step} of {Number} (held by {PersonId}) failed; tried again at the next sync")]
    public static partial void FlagFailed(ILogger logger, Exception exception, string number, int step, string personId);

    [LoggerMessage(EventId = 1463, Level = LogLevel.Error, Message = "Looking for open steps of people who left a role failed; looked for again at the next sync")]
    public static partial void FlagPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1464, Level = LogLevel.Information, Message = "Role directory sync every {Interval}, groups: {Groups}")]
    public static partial void Scheduled(ILogger logger, TimeSpan interval, string groups);

    [LoggerMessage(EventId = 1465, Level = LogLevel.Information, Message = "Role directory sync asked for by {PersonId}")]
    public static partial void SyncAsked(ILogger logger, string personId);

    [LoggerMessage(EventId = 1466, Level = LogLevel.Error, Message = "Role directory sync failed unexpectedly; tried again at the next interval")]
    public static partial void SyncCrashed(ILogger logger, Exception exception);
}
