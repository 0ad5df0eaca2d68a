using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Sop.Reminders;

namespace PerijinanBot.Bot.Reminders;

/// <summary>A scheduled reminder row as read (and, once claimed, with the claim's ETag).</summary>
/// <param name="Schedule">How many times the visit's jadwal had been moved when the reminder was placed (see <see cref="Reminder.Schedule"/>).</param>
internal sealed record ScheduledReminder(string RowKey, string Number, int Version, int Step, int Attempt, ReminderKind Kind, int Occurrence, DateTimeOffset FireAt, DateTimeOffset? ClaimedUntil, ETag ETag, int Schedule = 0);

/// <summary>Where a kegiatan's next reminder is: the row key of its due row (null when nothing is scheduled) and the version that placed it.</summary>
internal sealed record ReminderPointer(string? DueKey, int Version, ETag ETag);

/// <summary>
/// Table <c>Reminders</c>, partition "r": one row per kegiatan's NEXT reminder, keyed by fire time, so the sweep reads only
/// rows whose time has come (closed kegiatan have none, later ones are not read); and one pointer row per kegiatan
/// (<c>~k|{number}</c>, after every fire time) naming its current due row. A move is one entity-group transaction (the new
/// row, the pointer under its ETag, the old row's removal), so the outbox (after a decision) and the sweepers (after a
/// reminder) never overwrite each other and a lost race leaves nothing behind; a due row the pointer does not name is an
/// orphan (of an earlier layout or a crash) and is dropped.
/// </summary>
internal sealed class ReminderTable(TableServiceClient service, IOptions<StorageOptions> storage)
{
    private const string DuePartition = "r";
    private const string PointerPrefix = "~k|";

    private readonly TableProvider _tables = new(service);

    public string Name { get; } = storage.Value.TableName("Reminders");

    /// <summary>Rows whose fire time is at or before <paramref name="now"/>, earliest first.</summary>
    public async Task<IReadOnlyList<ScheduledReminder>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var table = await _tables.GetAsync(Name, cancellationToken);
        var until = string.Create(CultureInfo.InvariantCulture, $"{now.UtcDateTime:yyyyMMddHHmmss}|~");
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {DuePartition} and RowKey lt {until}");
        var due = new List<ScheduledReminder>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            if (Reminder.ParseKind(row.GetString("Kind")) is { } kind)
            {
                due.Add(new ScheduledReminder(row.RowKey, row.GetString("Number") ?? "", row.GetInt32("Version") ?? 0, row.GetInt32("Step") ?? 0, row.GetInt32("Attempt") ?? 1,
                    kind, row.GetInt32("Occurrence") ?? 1, row.GetDateTimeOffset("FireAt") ?? now, row.GetDateTimeOffset("ClaimedUntil"), row.ETag, row.GetInt32("Schedule") ?? 0));
            }
        }

        return due;
    }

    /// <summary>Claims a due row for <paramref name="lease"/>: the claim, or null when another instance holds or took it.</summary>
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
            var claim = new TableEntity(DuePartition, row.RowKey) { ["ClaimedBy"] = instanceId, ["ClaimedUntil"] = now + lease };
            var response = await table.UpdateEntityAsync(claim, row.ETag, TableUpdateMode.Merge, cancellationToken);
            return row with { ClaimedUntil = now + lease, ETag = response.Headers.ETag ?? ETag.All };
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return null;
        }
    }

    public async Task<ReminderPointer?> PointerAsync(string number, CancellationToken cancellationToken)
    {
        var table = await _tables.GetAsync(Name, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(DuePartition, PointerKey(number), cancellationToken: cancellationToken);
        return row.HasValue ? new ReminderPointer(row.Value!.GetString("DueKey"), row.Value.GetInt32("Version") ?? 0, row.Value.ETag) : null;
    }

    /// <summary>
    /// Makes <paramref name="next"/> (or nothing) the kegiatan's scheduled reminder, if the pointer is still
    /// <paramref name="expected"/>; false when someone moved it first (nothing of ours is left behind then).
    /// </summary>
    public async Task<bool> MoveAsync(string number, int version, Reminder? next, ReminderPointer? expected, CancellationToken cancellationToken)
    {
        var table = await _tables.GetAsync(Name, cancellationToken);
        var key = next is null ? null : Key(number, next);
        var actions = new List<TableTransactionAction>(3);
        if (next is not null)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(DuePartition, key)
            {
                ["Number"] = number,
                ["Version"] = version,
                ["Step"] = next.Step,
                ["Attempt"] = next.Attempt,
                ["Kind"] = next.KindName,
                ["Occurrence"] = next.Occurrence,
                ["Schedule"] = next.Schedule,
                ["FireAt"] = next.FireAt,
            }));
        }

        var pointer = new TableEntity(DuePartition, PointerKey(number)) { ["DueKey"] = key, ["Version"] = version };
        var pointerAt = actions.Count;
        actions.Add(expected is null
            ? new TableTransactionAction(TableTransactionActionType.Add, pointer)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, pointer, expected.ETag));
        if (expected?.DueKey is { } previous && previous != key)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(DuePartition, previous), ETag.All));
        }

        while (true)
        {
            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                return true;
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412 && e.FailedTransactionActionIndex == pointerAt)
            {
                return false; // someone moved it first; nothing of ours was written
            }
            catch (TableTransactionFailedException e) when (e.Status == 404 && e.FailedTransactionActionIndex == actions.Count - 1 && actions[^1].ActionType == TableTransactionActionType.Delete)
            {
                actions.RemoveAt(actions.Count - 1); // the old row is gone already (a sweeper dropped it): move without it
            }
        }
    }

    public async Task DeleteAsync(string rowKey, ETag etag, CancellationToken cancellationToken)
    {
        var table = await _tables.GetAsync(Name, cancellationToken);
        try
        {
            await table.DeleteEntityAsync(DuePartition, rowKey, etag, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Gone already, or taken over by a newer claim: not ours to delete.
        }
    }

    private static string PointerKey(string number) => PointerPrefix + TableKeys.Escape(number);

    /// <summary><c>{fireAtUtc:yyyyMMddHHmmss}|{number}|{step}|{attempt}|{kind}|{n}</c>: ordered by fire time, unique per reminder.</summary>
    public static string Key(string number, Reminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        return string.Create(CultureInfo.InvariantCulture, $"{reminder.FireAt.UtcDateTime:yyyyMMddHHmmss}|{TableKeys.Escape(reminder.DedupeKey(number))}");
    }
}
