using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using PerijinanBot.Bot.Decisions;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Sop.Reminders;

namespace PerijinanBot.Bot.Reminders;

/// <summary>A kegiatan's scheduled reminder as read from its open-steps row (and, once claimed, with the claim's ETag).</summary>
/// <param name="Version">The kegiatan's version the row was written for.</param>
/// <param name="Schedule">How many times the visit's jadwal had been moved when the reminder was placed (see <see cref="Reminder.Schedule"/>).</param>
/// <param name="Row">The whole row as read, so that moving the reminder rewrites it with its step columns unchanged.</param>
internal sealed record ScheduledReminder(string Number, int Version, int Step, int Attempt, ReminderKind Kind, int Occurrence, DateTimeOffset FireAt,
    DateTimeOffset? ClaimedUntil, ETag ETag, int Schedule, TableEntity Row)
{
    /// <summary>The reminder's identity, for logs.</summary>
    public string Key => $"{Number}|{Step}|{Attempt}|{Reminder.KindText(Kind)}|{Occurrence}|j{Schedule}";
}

/// <summary>
/// The reminders as they sit on the open-steps rows (table OpenSteps, <see cref="OpenStepRow"/>): each open kegiatan's NEXT
/// reminder is the <c>RemindAt</c> of its row, written by the outbox with the rest of the row after each decision. The sweep
/// reads the rows whose time has come (one query of the partition of open kegiatan: closed kegiatan have no row, so its size
/// follows the office's workload, never its history), claims one with an ETag-conditional write, and moves it on to the next
/// reminder of the ladder under the claim's ETag. A decision in between rewrites the row, so a sweep that lost the race
/// writes nothing; the delivery ledger keeps a reminder that was put back from going out twice.
/// </summary>
internal sealed class ReminderRows(TableServiceClient service, IOptions<StorageOptions> storage)
{
    private readonly TableProvider _tables = new(service);

    public string Name { get; } = storage.Value.TableName(TaskIndex.TableName);

    /// <summary>Reminders whose fire time is at or before <paramref name="now"/>, earliest first.</summary>
    public async Task<IReadOnlyList<ScheduledReminder>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var table = await _tables.GetAsync(Name, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {OpenStepRow.Partition} and RemindAt le {now}");
        var due = new List<ScheduledReminder>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            if (Parse(row) is { } reminder)
            {
                due.Add(reminder);
            }
        }

        return [.. due.OrderBy(r => r.FireAt)];
    }

    /// <summary>The kegiatan's open-steps row: the version it was written for and the reminder it schedules (null: none); null when the kegiatan has no open step.</summary>
    public async Task<(int Version, ScheduledReminder? Next)?> ReadAsync(string number, CancellationToken cancellationToken)
    {
        var table = await _tables.GetAsync(Name, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(OpenStepRow.Partition, OpenStepRow.Key(number), cancellationToken: cancellationToken);
        return row.HasValue ? (row.Value!.GetInt32("Version") ?? 0, Parse(row.Value)) : null;
    }

    /// <summary>Claims a due reminder for <paramref name="lease"/>: the claim, or null when another instance holds or took it, or a decision rewrote the row.</summary>
    public async Task<ScheduledReminder?> TryClaimAsync(ScheduledReminder row, string instanceId, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.ClaimedUntil is { } until && until > now)
        {
            return null;
        }

        var table = await _tables.GetAsync(Name, cancellationToken);
        try
        {
            var claim = new TableEntity(OpenStepRow.Partition, row.Row.RowKey) { [OpenStepRow.ClaimedBy] = instanceId, [OpenStepRow.ClaimedUntil] = now + lease };
            var response = await table.UpdateEntityAsync(claim, row.ETag, TableUpdateMode.Merge, cancellationToken);
            return row with { ClaimedUntil = now + lease, ETag = response.Headers.ETag ?? ETag.All };
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return null;
        }
    }

    /// <summary>
    /// Makes <paramref name="next"/> (or nothing) the kegiatan's scheduled reminder, if its row is still as
    /// <paramref name="claimed"/> left it; false when a decision (or another sweep) rewrote the row first.
    /// </summary>
    public async Task<bool> MoveAsync(ScheduledReminder claimed, Reminder? next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var table = await _tables.GetAsync(Name, cancellationToken);
        try
        {
            await table.UpdateEntityAsync(OpenStepRow.WithReminder(claimed.Row, next), claimed.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }

    private static ScheduledReminder? Parse(TableEntity row) =>
        row.GetDateTimeOffset(OpenStepRow.RemindAt) is { } fireAt && Reminder.ParseKind(row.GetString(OpenStepRow.RemindKind)) is { } kind
            ? new ScheduledReminder(row.GetString("Number") ?? "", row.GetInt32("Version") ?? 0, row.GetInt32(OpenStepRow.RemindStep) ?? 0,
                row.GetInt32(OpenStepRow.RemindAttempt) ?? 1, kind, row.GetInt32(OpenStepRow.RemindOccurrence) ?? 1, fireAt,
                row.GetDateTimeOffset(OpenStepRow.ClaimedUntil), row.ETag, row.GetInt32(OpenStepRow.RemindSchedule) ?? 0, row)
            : null;
}
