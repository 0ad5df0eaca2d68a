using Azure.Data.Tables;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.Reminders;

namespace PerijinanBot.Bot.Decisions;

/// <summary>
/// The layout of one row of table OpenSteps (partition "open", row key the kegiatan's number): its open step, whose it is
/// and when it falls due ("tugas", what falls due, the digest), and its NEXT reminder (<c>RemindAt</c> and the reminder's
/// identity, absent when none is scheduled) with the sweep's claim on it. One row carries both so that a decision costs one
/// index write: the outbox writes the whole row from the state, and the reminder sweep moves the reminder on under the
/// row's ETag, so neither overwrites the other's newer work unseen.
/// </summary>
internal static class OpenStepRow
{
    public const string Partition = "open";
    public const string RemindAt = "RemindAt";
    public const string ClaimedBy = "ClaimedBy";
    public const string ClaimedUntil = "ClaimedUntil";

    public const string RemindStep = "RemindStep";
    public const string RemindAttempt = "RemindAttempt";
    public const string RemindKind = "RemindKind";
    public const string RemindOccurrence = "RemindOccurrence";
    public const string RemindSchedule = "RemindSchedule";

    private static readonly string[] ReminderColumns = [RemindAt, RemindStep, RemindAttempt, RemindKind, RemindOccurrence, RemindSchedule, ClaimedBy, ClaimedUntil];

    public static string Key(string number) => TableKeys.Escape(number);

    /// <summary>The row of <paramref name="kegiatan"/>'s open step <paramref name="current"/>, with <paramref name="next"/> as its reminder.</summary>
    public static TableEntity For(Kegiatan kegiatan, StepRecord current, Reminder? next)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        ArgumentNullException.ThrowIfNull(current);
        var row = new TableEntity(Partition, Key(kegiatan.Number))
        {
            ["Number"] = kegiatan.Number,
            ["Step"] = current.Step,
            ["Attempt"] = current.Attempt,
            ["Version"] = kegiatan.Version,
            ["DueAt"] = current.DueAt,
            ["AssigneeId"] = current.Assignee?.Id,
            ["Holder"] = current.Assignee?.Id.ToLowerInvariant() ?? "",
        };
        SetReminder(row, next);
        return row;
    }

    /// <summary>A copy of <paramref name="row"/> (its step columns unchanged) whose reminder is <paramref name="next"/>, unclaimed.</summary>
    public static TableEntity WithReminder(TableEntity row, Reminder? next)
    {
        ArgumentNullException.ThrowIfNull(row);
        var copy = new TableEntity(row.PartitionKey, row.RowKey);
        foreach (var (name, value) in row)
        {
            if (name is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag") && !ReminderColumns.Contains(name))
            {
                copy[name] = value;
            }
        }

        SetReminder(copy, next);
        return copy;
    }

    private static void SetReminder(TableEntity row, Reminder? next)
    {
        if (next is null)
        {
            return;
        }

        row[RemindAt] = next.FireAt;
        row[RemindStep] = next.Step;
        row[RemindAttempt] = next.Attempt;
        row[RemindKind] = next.KindName;
        row[RemindOccurrence] = next.Occurrence;
        row[RemindSchedule] = next.Schedule;
    }
}
