using Azure;
using Azure.Data.Tables;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Bot.Workflow;

/// <summary>One open step as the "tugas" list shows it.</summary>
public sealed record OpenTask(string Number, int Step, int Attempt, int Version, DateTimeOffset DueAt);

/// <summary>
/// "My open steps" without reading any kegiatan: one partition per person, one row per kegiatan whose current step is
/// theirs. Kept by the outbox after each decision (an upsert of the current holder and a removal from everyone else who
/// had it), so repeating an update is harmless.
/// </summary>
internal sealed class TaskIndex(TableProvider tables)
{
    public const string TableName = "Tasks";

    public async Task<IReadOnlyList<OpenTask>> ForAsync(string personId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var tasks = new List<OpenTask>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Key(personId)}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            tasks.Add(new OpenTask(row.RowKey, row.GetInt32("Step") ?? 0, row.GetInt32("Attempt") ?? 1, row.GetInt32("Version") ?? 0, row.GetDateTimeOffset("DueAt") ?? DateTimeOffset.MinValue));
        }

        return [.. tasks.OrderBy(t => t.DueAt)];
    }

    /// <summary>Makes the index say what the kegiatan says now: its current assignee has it, nobody else does.</summary>
    public async Task SyncAsync(Kegiatan kegiatan, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var current = kegiatan.Current;
        var holder = current?.Assignee?.Id;
        if (holder is { Length: > 0 } && current is not null)
        {
            var row = new TableEntity(Key(holder), kegiatan.Number)
            {
                ["Step"] = current.Step,
                ["Attempt"] = current.Attempt,
                ["Version"] = kegiatan.Version,
                ["DueAt"] = current.DueAt,
            };
            // An index written from an older version must not overwrite a newer one (outbox items may arrive out of order).
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey, ["Version"], cancellationToken);
            if (!existing.HasValue || (existing.Value!.GetInt32("Version") ?? 0) <= kegiatan.Version)
            {
                await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
            }
        }

        foreach (var person in kegiatan.Participants().Where(p => p.Id != holder))
        {
            var stale = await table.GetEntityIfExistsAsync<TableEntity>(Key(person.Id), kegiatan.Number, ["Version"], cancellationToken);
            if (stale.HasValue && (stale.Value!.GetInt32("Version") ?? 0) <= kegiatan.Version)
            {
                try
                {
                    await table.DeleteEntityAsync(stale.Value, stale.Value.ETag, cancellationToken);
                }
                catch (RequestFailedException e) when (e.Status is 404 or 412)
                {
                    // Already gone, or rewritten by a newer version in the meantime: either way not ours to remove.
                }
            }
        }
    }

    private static string Key(string personId) => TableKeys.Escape(personId.ToLowerInvariant());
}
