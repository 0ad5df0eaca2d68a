using Azure;
using Azure.Data.Tables;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Protocol.Connector;

namespace PerijinanBot.Bot.Outbox;

/// <summary>
/// Delivers the outbox of one kegiatan: claims each due item with an ETag-conditional write (fencing: a claimer whose lease
/// ran out can no longer delete or release the row), runs its handler through the ledger, then deletes it.
/// </summary>
internal sealed class OutboxWorker(
    WorkflowTables tables,
    DeliveryLedger ledger,
    IReadOnlyDictionary<string, IOutboxHandler> handlers,
    WorkflowStorageOptions options,
    string instanceId,
    TimeProvider time,
    ILogger logger)
{
    private const int MaxErrorChars = 1000;

    private enum ItemResult
    {
        Removed,
        Kept,
    }

    /// <summary>
    /// Delivers what is due; returns how many items left the outbox. <paramref name="marker"/> is the ETag of the kegiatan's
    /// <c>OutboxPending</c> row as listed, or null to write the marker first (so that a crash from here on leaves one).
    /// </summary>
    public async Task<int> DeliverAsync(string number, ETag? marker, CancellationToken cancellationToken)
    {
        var kegiatan = await tables.KegiatanAsync(cancellationToken);
        var pending = await tables.PendingAsync(cancellationToken);
        var partition = KegiatanKeys.Partition(number);
        marker ??= (await pending.UpsertEntityAsync(WorkflowTables.PendingMarker(number), TableUpdateMode.Replace, cancellationToken)).Headers.ETag;

        // Read the state's ETag BEFORE listing the outbox: a commit landing after this read changes the ETag, so clearing
        // the flag below fails and the newer commit's items keep their flag.
        var state = await kegiatan.GetEntityIfExistsAsync<TableEntity>(partition, KegiatanKeys.StateRow, ["HasPendingOutbox"], cancellationToken);

        var delivered = 0;
        var kept = 0;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {KegiatanKeys.OutboxFrom} and RowKey lt {KegiatanKeys.OutboxTo}");
        await foreach (var entity in kegiatan.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var row = OutboxRow.Read(entity);
            if (await DeliverItemAsync(kegiatan, row, cancellationToken) == ItemResult.Removed)
            {
                delivered++;
            }
            else
            {
                kept++;
            }
        }

        if (kept == 0)
        {
            await CleanUpAsync(kegiatan, pending, partition, state.HasValue ? state.Value : null, marker, cancellationToken);
        }

        return delivered;
    }

    private async Task<ItemResult> DeliverItemAsync(TableClient kegiatan, OutboxRow row, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!row.IsDue(now))
        {
            return ItemResult.Kept;
        }

        try
        {
            var (claim, gone) = await ClaimAsync(kegiatan, row, now, cancellationToken);
            if (claim is null)
            {
                return gone ? ItemResult.Removed : ItemResult.Kept;
            }

            if (!handlers.TryGetValue(row.Kind, out var handler))
            {
                WorkflowStorageLog.NoHandler(logger, row.Kind, row.Number, row.RowKey);
                await ReleaseAsync(kegiatan, row, claim.Value, $"no handler for kind '{row.Kind}'", permanent: false, cancellationToken);
                return ItemResult.Kept;
            }

            var ticket = await ledger.TryBeginAsync(row.DedupeKey, cancellationToken);
            if (ticket.Status == DeliveryStatus.AlreadyDone)
            {
                // Delivered before, but the row survived (a crash between the handler and the delete): just remove it.
                return await DeleteAsync(kegiatan, row, claim.Value, cancellationToken);
            }

            OutboxOutcome outcome;
            try
            {
                using var timeout = new CancellationTokenSource(options.HandlerTimeout, time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
                using var delivery = OutboundDelivery.Begin(row.DedupeKey);
                outcome = await handler.HandleAsync(row.ToItem(ticket.Status == DeliveryStatus.Unknown), linked.Token);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // The effect may have happened: the ledger keeps "Attempting", so the next try is told it is unknown.
                WorkflowStorageLog.HandlerThrew(logger, e, row.Kind, row.Number, row.RowKey, row.Attempts + 1);
                await ReleaseAsync(kegiatan, row, claim.Value, $"{e.GetType().Name}: {e.Message}", permanent: false, cancellationToken);
                return ItemResult.Kept;
            }

            if (outcome.Kind == OutboxOutcomeKind.Delivered)
            {
                await ledger.CompleteAsync(row.DedupeKey, outcome.Detail, cancellationToken);
                return await DeleteAsync(kegiatan, row, claim.Value, cancellationToken);
            }

            await ledger.AbandonAsync(ticket, cancellationToken);
            await ReleaseAsync(kegiatan, row, claim.Value, outcome.Detail ?? outcome.Kind.ToString(), outcome.Kind == OutboxOutcomeKind.Failed, cancellationToken);
            return ItemResult.Kept;
        }
        catch (Exception e) when ((e is RequestFailedException && !cancellationToken.IsCancellationRequested) || StorageFaults.IsAmbiguous(e, cancellationToken))
        {
            // Storage trouble mid-way: the claim lapses and the item is picked up again; the ledger prevents a second effect.
            WorkflowStorageLog.ItemStorageFailed(logger, e, row.Number, row.RowKey);
            return ItemResult.Kept;
        }
    }

    /// <summary>The claim's ETag, or null: <paramref name="row"/> was claimed by another instance first (or is gone: delivered).</summary>
    private async Task<(ETag? Claim, bool Gone)> ClaimAsync(TableClient kegiatan, OutboxRow row, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claim = new TableEntity(row.PartitionKey, row.RowKey) { ["ClaimedBy"] = instanceId, ["ClaimedUntil"] = now + options.ClaimLease };
        try
        {
            return ((await kegiatan.UpdateEntityAsync(claim, row.ETag, TableUpdateMode.Merge, cancellationToken)).Headers.ETag, false);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return (null, e.Status == 404);
        }
    }

    private async Task<ItemResult> DeleteAsync(TableClient kegiatan, OutboxRow row, ETag claim, CancellationToken cancellationToken)
    {
        try
        {
            await kegiatan.DeleteEntityAsync(row.PartitionKey, row.RowKey, claim, cancellationToken);
            return ItemResult.Removed;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return ItemResult.Removed;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            // Our lease ran out and another instance claimed it; the ledger tells it the item is done.
            WorkflowStorageLog.ClaimLost(logger, row.Number, row.RowKey);
            return ItemResult.Kept;
        }
    }

    private async Task ReleaseAsync(TableClient kegiatan, OutboxRow row, ETag claim, string error, bool permanent, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var attempts = row.Attempts + 1;
        var status = permanent ? OutboxRow.Failed : attempts >= options.MaxAttempts ? OutboxRow.Poison : OutboxRow.Pending;
        var entity = new TableEntity(row.PartitionKey, row.RowKey)
        {
            ["Attempts"] = attempts,
            ["NextAttemptAt"] = now + OutboxBackoff.Delay(attempts, options),
            ["Status"] = status,
            ["ClaimedBy"] = "",
            ["ClaimedUntil"] = now,
            ["LastError"] = error.Length > MaxErrorChars ? error[..MaxErrorChars] : error,
            ["LastAttemptAt"] = now,
        };
        if (status != OutboxRow.Pending)
        {
            WorkflowStorageLog.ItemGaveUp(logger, row.Kind, row.Number, row.RowKey, status, attempts, entity.GetString("LastError"));
            // Indexed first: a crash before the mark leaves an index row the readers find stale, never a parked item unlisted.
            var index = await tables.PendingAsync(cancellationToken);
            await index.UpsertEntityAsync(ParkedOutbox.Entry(row, status, entity.GetString("LastError")!, now), TableUpdateMode.Replace, cancellationToken);
        }

        try
        {
            await kegiatan.UpdateEntityAsync(entity, claim, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            WorkflowStorageLog.ClaimLost(logger, row.Number, row.RowKey);
        }
    }

    private static async Task CleanUpAsync(TableClient kegiatan, TableClient pending, string partition, TableEntity? state, ETag? marker, CancellationToken cancellationToken)
    {
        if (state?.GetBoolean("HasPendingOutbox") == true)
        {
            var cleared = new TableEntity(partition, KegiatanKeys.StateRow) { ["HasPendingOutbox"] = false };
            try
            {
                await kegiatan.UpdateEntityAsync(cleared, state.ETag, TableUpdateMode.Merge, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // A newer commit landed: its flag stays, and its own signal or the sweep brings it here again.
            }
        }

        try
        {
            await pending.DeleteEntityAsync(WorkflowTables.PendingPartition, partition, marker ?? ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Rewritten by a newer commit's signal: it stays for the next poll.
        }
    }
}
