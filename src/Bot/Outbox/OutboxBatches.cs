using Azure;
using Azure.Data.Tables;
using PerijinanBot.Bot.Storage;

namespace PerijinanBot.Bot.Outbox;

/// <summary>How one claimed item leaves the pass: deleted (delivered), or released with <see cref="Release"/>'s columns.</summary>
/// <param name="Parked">The parked-items index entry to write first, when the release gives up on the item.</param>
internal sealed record OutboxCompletion(OutboxRow Row, ETag Claim, TableEntity? Release, TableEntity? Parked);

/// <summary>
/// The entity-group transactions of an outbox pass over one kegiatan partition, and the one-by-one fallbacks for when a
/// batch meets a row someone else changed (every row in a batch is guarded by its ETag, so one stale row fails the whole).
/// </summary>
internal sealed class OutboxBatches(TableClient kegiatan, string instanceId, ILogger logger)
{
    /// <summary>An entity-group transaction holds at most 100 operations.</summary>
    private const int MaxOperations = 100;

    /// <summary>Claims <paramref name="due"/>; returns the rows now ours with their claims, and how many were found gone (delivered).</summary>
    public async Task<(List<(OutboxRow Row, ETag Claim)> Claimed, int Gone)> ClaimAsync(List<OutboxRow> due, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var claimed = new List<(OutboxRow, ETag)>(due.Count);
        var gone = 0;
        foreach (var chunk in due.Chunk(MaxOperations))
        {
            var actions = chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpdateMerge, ClaimOf(r, until), r.ETag)).ToList();
            try
            {
                var response = await kegiatan.SubmitTransactionAsync(actions, cancellationToken);
                for (var i = 0; i < chunk.Length; i++)
                {
                    claimed.Add((chunk[i], response.Value[i].Headers.ETag ?? throw new InvalidOperationException("a claim in a batch came back without its ETag")));
                }
            }
            catch (TableTransactionFailedException e) when (e.Status is 404 or 412)
            {
                // Another pass took or finished one of them since the read: take the others one by one.
                foreach (var row in chunk)
                {
                    try
                    {
                        var response = await kegiatan.UpdateEntityAsync(ClaimOf(row, until), row.ETag, TableUpdateMode.Merge, cancellationToken);
                        claimed.Add((row, response.Headers.ETag ?? ETag.All));
                    }
                    catch (RequestFailedException one) when (one.Status is 404 or 412)
                    {
                        gone += one.Status == 404 ? 1 : 0;
                    }
                }
            }
        }

        return (claimed, gone);
    }

    /// <summary>Marks a claimed row in flight just before an effect that must not be repeated; returns the claim's new ETag.</summary>
    public static async Task<ETag> MarkInFlightAsync(TableClient kegiatan, OutboxRow row, ETag claim, CancellationToken cancellationToken)
    {
        var mark = new TableEntity(row.PartitionKey, row.RowKey) { ["InFlight"] = true };
        return (await kegiatan.UpdateEntityAsync(mark, claim, TableUpdateMode.Merge, cancellationToken)).Headers.ETag ?? ETag.All;
    }

    /// <summary>
    /// Deletes the delivered rows and releases the others in one batch, with the state's flag cleared under
    /// <paramref name="stateETag"/> when given. Returns how many rows were deleted and whether the flag was cleared.
    /// </summary>
    public async Task<(int Removed, bool FlagCleared)> CompleteAsync(string partition, List<OutboxCompletion> completions, ETag? stateETag, CancellationToken cancellationToken)
    {
        var actions = completions.Select(Action).ToList();
        if (stateETag is { } etag)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateMerge, FlagCleared(partition), etag));
        }

        if (actions.Count is > 0 and <= MaxOperations)
        {
            try
            {
                await kegiatan.SubmitTransactionAsync(actions, cancellationToken);
                return (completions.Count(c => c.Release is null), stateETag is not null);
            }
            catch (TableTransactionFailedException e) when (e.Status is 404 or 412)
            {
                // A newer commit changed the state, or a claim ran out and someone else holds a row: one by one below.
            }
            catch (Exception e) when ((e is RequestFailedException && !cancellationToken.IsCancellationRequested) || StorageFaults.IsAmbiguous(e, cancellationToken))
            {
                // Storage trouble: the claims lapse and the rows are taken up again; those in flight are then known to be unknown.
                WorkflowStorageLog.ItemStorageFailed(logger, e, partition, "(completion batch)");
                return (0, false);
            }
        }

        var removed = 0;
        foreach (var completion in completions)
        {
            removed += await CompleteOneAsync(completion, cancellationToken) ? 1 : 0;
        }

        var cleared = false;
        if (stateETag is { } state && removed == completions.Count)
        {
            try
            {
                await kegiatan.UpdateEntityAsync(FlagCleared(partition), state, TableUpdateMode.Merge, cancellationToken);
                cleared = true;
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // A newer commit landed: its flag stays, and its own signal or the sweep brings it here again.
            }
        }

        return (removed, cleared);
    }

    /// <summary>
    /// Clears the flag of a kegiatan whose outbox is empty, reading the state before listing the outbox so that a commit
    /// landing after that read changes the ETag and the clear fails. Only for leftovers (a flag whose rows are gone).
    /// </summary>
    public static async Task ClearFlagIfEmptyAsync(TableClient kegiatan, string partition, CancellationToken cancellationToken)
    {
        var state = await kegiatan.GetEntityIfExistsAsync<TableEntity>(partition, KegiatanKeys.StateRow, ["HasPendingOutbox"], cancellationToken);
        if (!state.HasValue || state.Value!.GetBoolean("HasPendingOutbox") != true)
        {
            return;
        }

        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {KegiatanKeys.OutboxFrom} and RowKey lt {KegiatanKeys.OutboxTo}");
        await foreach (var _ in kegiatan.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            return;
        }

        try
        {
            await kegiatan.UpdateEntityAsync(FlagCleared(partition), state.Value.ETag, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // A newer commit landed: its flag stays.
        }
    }

    private async Task<bool> CompleteOneAsync(OutboxCompletion completion, CancellationToken cancellationToken)
    {
        var row = completion.Row;
        try
        {
            if (completion.Release is { } release)
            {
                await kegiatan.UpdateEntityAsync(release, completion.Claim, TableUpdateMode.Merge, cancellationToken);
                return false;
            }

            await kegiatan.DeleteEntityAsync(row.PartitionKey, row.RowKey, completion.Claim, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return completion.Release is null;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            // Our lease ran out and another instance claimed it; the row's in-flight mark tells it what it needs to know.
            WorkflowStorageLog.ClaimLost(logger, row.Number, row.RowKey);
            return false;
        }
    }

    private TableEntity ClaimOf(OutboxRow row, DateTimeOffset until) =>
        new(row.PartitionKey, row.RowKey) { ["ClaimedBy"] = instanceId, ["ClaimedUntil"] = until };

    private static TableTransactionAction Action(OutboxCompletion c) => c.Release is { } release
        ? new TableTransactionAction(TableTransactionActionType.UpdateMerge, release, c.Claim)
        : new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(c.Row.PartitionKey, c.Row.RowKey), c.Claim);

    private static TableEntity FlagCleared(string partition) => new(partition, KegiatanKeys.StateRow) { ["HasPendingOutbox"] = false };
}
