using Azure;
using Azure.Data.Tables;
using PerijinanBot.Bot.Storage;

namespace PerijinanBot.Bot.Outbox;

/// <summary>An outbox item no longer retried, as an operator reads it.</summary>
/// <param name="Key">The item's key for <see cref="ParkedOutbox.RequeueAsync"/>: the kegiatan partition and the outbox row key.</param>
public sealed record ParkedItem(string Key, string Number, string Kind, string Status, int Attempts, string LastError, DateTimeOffset? LastAttemptAt);

/// <summary>
/// The outbox items that are no longer retried (<see cref="OutboxRow.Poison"/>: failed every try; <see cref="OutboxRow.Failed"/>:
/// the handler said it never can), indexed so that the Admin's <c>outbox</c> command and the health check find them without
/// reading every kegiatan: one row per item in the <c>parked</c> partition of the OutboxPending table. The worker writes the
/// row before it marks the item, so a crash between leaves a row whose item is still pending; <see cref="ListAsync"/> checks
/// every row against its item and drops those.
/// </summary>
public sealed class ParkedOutbox(WorkflowTables tables, OutboxSignal signal, TimeProvider time)
{
    /// <summary>How many parked items one listing reads at most (an operator mends a handful at a time).</summary>
    public const int MaxListed = 50;

    /// <summary>The index row of <paramref name="row"/> parked with <paramref name="status"/>.</summary>
    internal static TableEntity Entry(OutboxRow row, string status, string error, DateTimeOffset at) => new(WorkflowTables.ParkedPartition, Key(row.PartitionKey, row.RowKey))
    {
        ["Number"] = row.Number,
        ["Kind"] = row.Kind,
        ["Status"] = status,
        ["LastError"] = error,
        ["ParkedAt"] = at,
    };

    /// <summary>The parked items, oldest first, each read from its kegiatan; index rows whose item is not parked are removed.</summary>
    public async Task<IReadOnlyList<ParkedItem>> ListAsync(CancellationToken cancellationToken)
    {
        var index = await tables.PendingAsync(cancellationToken);
        var kegiatan = await tables.KegiatanAsync(cancellationToken);
        var items = new List<ParkedItem>();
        await foreach (var entry in index.QueryAsync<TableEntity>(e => e.PartitionKey == WorkflowTables.ParkedPartition, maxPerPage: MaxListed, cancellationToken: cancellationToken))
        {
            if (items.Count == MaxListed)
            {
                break;
            }

            if (await ReadAsync(kegiatan, entry.RowKey, cancellationToken) is var (item, _))
            {
                items.Add(item);
            }
            else
            {
                await DropAsync(index, entry.RowKey, entry.ETag, cancellationToken);
            }
        }

        return [.. items.OrderBy(i => i.LastAttemptAt)];
    }

    /// <summary>
    /// Puts a parked item back in line: pending, its tries counted afresh, due now; the kegiatan's outbox is marked and the
    /// dispatcher woken. False when the key names no parked item (already requeued, delivered or never there).
    /// </summary>
    public async Task<bool> RequeueAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var kegiatan = await tables.KegiatanAsync(cancellationToken);
        var index = await tables.PendingAsync(cancellationToken);
        if (Split(key) is not var (partition, rowKey) || await ReadAsync(kegiatan, key, cancellationToken) is not var (item, etag))
        {
            return false;
        }

        var requeued = new TableEntity(partition, rowKey)
        {
            ["Status"] = OutboxRow.Pending,
            ["Attempts"] = 0,
            ["NextAttemptAt"] = time.GetUtcNow(),
        };
        try
        {
            await kegiatan.UpdateEntityAsync(requeued, etag, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false; // Changed meanwhile (requeued by someone else, or gone).
        }

        await index.UpsertEntityAsync(WorkflowTables.PendingMarker(item.Number), TableUpdateMode.Replace, cancellationToken);
        await DropAsync(index, key, ETag.All, cancellationToken);
        signal.Notify(item.Number);
        return true;
    }

    internal static string Key(string partition, string rowKey) => $"{partition}|{rowKey}";

    private static (string Partition, string RowKey)? Split(string key) =>
        key.IndexOf('|', StringComparison.Ordinal) is var bar and > 0 && bar < key.Length - 1 && key[(bar + 1)..].StartsWith(KegiatanKeys.OutboxFrom, StringComparison.Ordinal)
            ? (key[..bar], key[(bar + 1)..])
            : null;

    // The item behind an index key and its row's ETag, when it is parked; null when it is pending again, delivered or never existed.
    private static async Task<(ParkedItem Item, ETag ETag)?> ReadAsync(TableClient kegiatan, string key, CancellationToken cancellationToken)
    {
        if (Split(key) is not var (partition, rowKey))
        {
            return null;
        }

        var found = await kegiatan.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, cancellationToken: cancellationToken);
        if (!found.HasValue || OutboxRow.Read(found.Value!) is not { Status: OutboxRow.Poison or OutboxRow.Failed } row)
        {
            return null;
        }

        var item = new ParkedItem(key, row.Number, row.Kind, row.Status, row.Attempts, found.Value!.GetString("LastError") ?? "", found.Value.GetDateTimeOffset("LastAttemptAt"));
        return (item, row.ETag);
    }

    private static async Task DropAsync(TableClient index, string key, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            await index.DeleteEntityAsync(WorkflowTables.ParkedPartition, key, etag, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Gone already, or parked again meanwhile (a newer row): either way not ours to remove.
        }
    }
}
