using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Bot.Decisions;

/// <summary>One open step as the "tugas" list shows it.</summary>
public sealed record OpenTask(string Number, int Step, int Attempt, int Version, DateTimeOffset DueAt);

/// <summary>One open step in the due-time index: when it falls due and whose it is.</summary>
public sealed record DueStep(string Number, int Step, int Attempt, int Version, DateTimeOffset DueAt, string? AssigneeId);

/// <summary>
/// Two indexes over the open steps, so no question is answered by scanning kegiatan or history:
/// "my open steps" (table Tasks: one partition per person, one row per kegiatan whose current step is theirs) and
/// "what falls due" (table DueSteps: one row per open kegiatan keyed by its due time, so a reminder sweep reads only rows
/// whose time has come). Both are kept by the outbox after each decision and written to say what the state says now,
/// so repeating an update is harmless.
/// </summary>
internal sealed class TaskIndex(TableProvider tables, IOptions<StorageOptions> options)
{
    // Environments sharing one storage account keep apart by the workflow's table prefix.
    private readonly string _tasks = options.Value.TableName(TableName);
    private readonly string _due = options.Value.TableName(DueTableName);

    public const string TableName = "Tasks";
    public const string DueTableName = "DueSteps";
    private const string DuePartition = "due";
    private const string PointerPartition = "kegiatan";

    // Person partitions are lower-case ids; this one cannot collide with them.
    private const string VersionPartition = "~version";

    /// <summary>Open steps due at or before <paramref name="until"/>, earliest first. The cost grows with what is due, nothing else.</summary>
    public async Task<IReadOnlyList<DueStep>> DueAsync(DateTimeOffset until, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(_due, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {DuePartition} and RowKey lt {DueKey(until, "~")}");
        var due = new List<DueStep>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            due.Add(new DueStep(row.GetString("Number"), row.GetInt32("Step") ?? 0, row.GetInt32("Attempt") ?? 1, row.GetInt32("Version") ?? 0,
                row.GetDateTimeOffset("DueAt") ?? until, row.GetString("AssigneeId")));
        }

        return due;
    }

    public async Task<IReadOnlyList<OpenTask>> ForAsync(string personId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(_tasks, cancellationToken);
        var tasks = new List<OpenTask>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Key(personId)}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            tasks.Add(new OpenTask(Uri.UnescapeDataString(row.RowKey), row.GetInt32("Step") ?? 0, row.GetInt32("Attempt") ?? 1, row.GetInt32("Version") ?? 0, row.GetDateTimeOffset("DueAt") ?? DateTimeOffset.MinValue));
        }

        return [.. tasks.OrderBy(t => t.DueAt)];
    }

    /// <summary>Makes the index say what the kegiatan says now: its current assignee has it, nobody else does.</summary>
    public async Task SyncAsync(Kegiatan kegiatan, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(_tasks, cancellationToken);
        // The version this index last reflected: an update from an older version (a late delivery) changes nothing.
        var pointer = await table.GetEntityIfExistsAsync<TableEntity>(VersionPartition, TableKeys.Escape(kegiatan.Number), cancellationToken: cancellationToken);
        if (pointer.HasValue && (pointer.Value!.GetInt32("Version") ?? 0) > kegiatan.Version)
        {
            return;
        }

        var current = kegiatan.Current;
        var holder = current?.Assignee?.Id;
        if (holder is { Length: > 0 } && current is not null)
        {
            await table.UpsertEntityAsync(new TableEntity(Key(holder), TableKeys.Escape(kegiatan.Number))
            {
                ["Step"] = current.Step,
                ["Attempt"] = current.Attempt,
                ["Version"] = kegiatan.Version,
                ["DueAt"] = current.DueAt,
            }, TableUpdateMode.Replace, cancellationToken);
        }

        foreach (var person in kegiatan.Participants().Where(p => !string.Equals(p.Id, holder, StringComparison.OrdinalIgnoreCase)))
        {
            try
            {
                await table.DeleteEntityAsync(Key(person.Id), TableKeys.Escape(kegiatan.Number), cancellationToken: cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // They did not have it.
            }
        }

        await table.UpsertEntityAsync(new TableEntity(VersionPartition, TableKeys.Escape(kegiatan.Number)) { ["Version"] = kegiatan.Version }, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Moves the kegiatan's row in the due index to its current step's due time, or removes it once nothing is open.</summary>
    public async Task SyncDueAsync(Kegiatan kegiatan, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(_due, cancellationToken);
        var number = TableKeys.Escape(kegiatan.Number);
        var pointer = await table.GetEntityIfExistsAsync<TableEntity>(PointerPartition, number, cancellationToken: cancellationToken);
        if (pointer.HasValue && (pointer.Value!.GetInt32("Version") ?? 0) > kegiatan.Version)
        {
            return; // a newer decision already placed it
        }

        var previous = pointer.HasValue ? pointer.Value!.GetString("DueKey") : null;
        var current = kegiatan.Current;
        var key = current is null ? null : DueKey(current.DueAt, number);
        if (current is not null && key != previous)
        {
            await table.UpsertEntityAsync(new TableEntity(DuePartition, key)
            {
                ["Number"] = kegiatan.Number,
                ["Step"] = current.Step,
                ["Attempt"] = current.Attempt,
                ["Version"] = kegiatan.Version,
                ["DueAt"] = current.DueAt,
                ["AssigneeId"] = current.Assignee?.Id,
            }, TableUpdateMode.Replace, cancellationToken);
        }

        await table.UpsertEntityAsync(new TableEntity(PointerPartition, number) { ["DueKey"] = key, ["Version"] = kegiatan.Version }, TableUpdateMode.Replace, cancellationToken);
        if (previous is not null && previous != key)
        {
            try
            {
                await table.DeleteEntityAsync(DuePartition, previous, cancellationToken: cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Removed by an earlier delivery of the same update.
            }
        }
    }

    private static string Key(string personId) => TableKeys.Escape(personId.ToLowerInvariant());

    private static string DueKey(DateTimeOffset dueAt, string number) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{dueAt.UtcDateTime:yyyyMMddHHmmss}|{number}");
}
