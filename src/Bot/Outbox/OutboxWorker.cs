using Azure;
using Azure.Data.Tables;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Protocol.Connector;

namespace PerijinanBot.Bot.Outbox;

/// <summary>
/// Delivers the outbox of one kegiatan as one piece of work: one query reads its rows and its state, one batch claims the
/// due rows (ETag-conditional: fencing, so a claimer whose lease ran out can no longer delete or release them), the handlers
/// run in commit order with that state, and one batch completes them: delivered rows deleted, the others released, and the
/// state's <c>HasPendingOutbox</c> flag cleared when nothing is left. An item whose effect cannot be repeated harmlessly (a
/// post) is marked in flight on its own row just before its handler runs, so that an attempt that died is known to be unknown.
/// </summary>
internal sealed class OutboxWorker(
    WorkflowTables tables,
    IReadOnlyDictionary<string, IOutboxHandler> handlers,
    WorkflowStorageOptions options,
    string instanceId,
    TimeProvider time,
    ILogger logger)
{
    private const int MaxErrorChars = 1000;
    private static readonly TimeSpan MarkerGrace = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Delivers what is due; returns how many items left the outbox. <paramref name="marker"/> is the ETag of the kegiatan's
    /// <c>OutboxPending</c> row as listed, or null for a pass that starts from a commit of this instance: the state's flag
    /// already leads the sweep here after a crash, so a marker is written only when something stays behind for the poll.
    /// </summary>
    public async Task<int> DeliverAsync(string number, ETag? marker, CancellationToken cancellationToken)
    {
        try
        {
            return await PassAsync(number, marker, cancellationToken);
        }
        catch (Exception) when (marker is null)
        {
            // Storage trouble mid-pass, or the instance stopping: leave the marker, so that the next poll of any instance
            // (not only the rare sweep) comes back for what this pass claimed or left.
            using var grace = new CancellationTokenSource(MarkerGrace, time);
            await TryWriteMarkerAsync(number, grace.Token);
            throw;
        }
    }

    private async Task<int> PassAsync(string number, ETag? marker, CancellationToken cancellationToken)
    {
        var kegiatan = await tables.KegiatanAsync(cancellationToken);
        var partition = KegiatanKeys.Partition(number);
        var (state, rows) = await ReadAsync(kegiatan, partition, cancellationToken);
        var batches = new OutboxBatches(kegiatan, instanceId, logger);
        var now = time.GetUtcNow();
        var (claimed, gone) = await batches.ClaimAsync([.. rows.Where(r => r.IsDue(now))], now + options.ClaimLease, cancellationToken);
        var snapshot = state is null ? null : KegiatanEntities.ReadState(state);

        var completions = new List<OutboxCompletion>(claimed.Count);
        foreach (var (row, claim) in claimed)
        {
            if (await RunAsync(kegiatan, row, claim, snapshot, cancellationToken) is { } completion)
            {
                completions.Add(completion);
            }
        }

        var deletes = completions.Count(c => c.Release is null);
        var empty = deletes + gone == rows.Count;
        // The flag may be cleared in the same batch only when this read saw the latest commit's own rows: then every
        // earlier commit's rows were there too, and the state's ETag stops the clear if a newer commit has landed since.
        var clearFlag = empty && state?.GetBoolean("HasPendingOutbox") == true && rows.Any(r => r.Version == snapshot!.Version);
        foreach (var parked in completions.Select(c => c.Parked).OfType<TableEntity>())
        {
            // Indexed first: a crash before the release leaves an index row the readers find stale, never a parked item unlisted.
            var index = await tables.PendingAsync(cancellationToken);
            await index.UpsertEntityAsync(parked, TableUpdateMode.Replace, cancellationToken);
        }

        var (removed, flagCleared) = await batches.CompleteAsync(partition, completions, clearFlag ? state!.ETag : null, cancellationToken);
        removed += gone;

        if (removed == rows.Count)
        {
            if (!flagCleared && state?.GetBoolean("HasPendingOutbox") == true)
            {
                await OutboxBatches.ClearFlagIfEmptyAsync(kegiatan, partition, cancellationToken);
            }

            await DeleteMarkerAsync(partition, marker, cancellationToken);
        }
        else if (marker is null)
        {
            await TryWriteMarkerAsync(number, cancellationToken);
        }

        return removed;
    }

    private async Task TryWriteMarkerAsync(string number, CancellationToken cancellationToken)
    {
        try
        {
            var pending = await tables.PendingAsync(cancellationToken);
            await pending.UpsertEntityAsync(WorkflowTables.PendingMarker(number), TableUpdateMode.Replace, cancellationToken);
        }
        catch (Exception e) when (e is RequestFailedException || StorageFaults.IsAmbiguous(e, CancellationToken.None))
        {
            // The state's flag still leads the sweep here.
            WorkflowStorageLog.MarkerNotWritten(logger, e, number);
        }
    }

    /// <summary>The outbox rows (<c>o|…</c>) and the state row, which sorts after them, in one query.</summary>
    private static async Task<(TableEntity? State, List<OutboxRow> Rows)> ReadAsync(TableClient kegiatan, string partition, CancellationToken cancellationToken)
    {
        TableEntity? state = null;
        var rows = new List<OutboxRow>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {KegiatanKeys.OutboxFrom}");
        await foreach (var entity in kegiatan.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (entity.RowKey == KegiatanKeys.StateRow)
            {
                state = entity;
            }
            else if (string.CompareOrdinal(entity.RowKey, KegiatanKeys.OutboxTo) < 0)
            {
                rows.Add(OutboxRow.Read(entity));
            }
        }

        return (state, rows);
    }

    /// <summary>Runs one claimed item; returns how to complete it, or null when it is to be left alone (its claim was lost).</summary>
    private async Task<OutboxCompletion?> RunAsync(TableClient kegiatan, OutboxRow row, ETag claim, StoredKegiatan? snapshot, CancellationToken cancellationToken)
    {
        if (!handlers.TryGetValue(row.Kind, out var handler))
        {
            WorkflowStorageLog.NoHandler(logger, row.Kind, row.Number, row.RowKey);
            return Release(row, claim, $"no handler for kind '{row.Kind}'", permanent: false, unknown: row.InFlight);
        }

        // A post must not happen twice: its row says "in flight" before the handler runs, and a row found that way was
        // left by an attempt that died, so the handler is told that its effect may have happened.
        var unknown = row.InFlight;
        if (!unknown && !handler.RepeatSafe)
        {
            try
            {
                claim = await OutboxBatches.MarkInFlightAsync(kegiatan, row, claim, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                WorkflowStorageLog.ClaimLost(logger, row.Number, row.RowKey);
                return null;
            }
        }

        OutboxOutcome outcome;
        try
        {
            using var timeout = new CancellationTokenSource(options.HandlerTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            using var delivery = OutboundDelivery.Begin(row.DedupeKey);
            outcome = await handler.HandleAsync(row.ToItem(unknown, snapshot), linked.Token);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The effect may have happened: the row stays in flight, so the next try is told it is unknown.
            WorkflowStorageLog.HandlerThrew(logger, e, row.Kind, row.Number, row.RowKey, row.Attempts + 1);
            return Release(row, claim, $"{e.GetType().Name}: {e.Message}", permanent: false, unknown: !handler.RepeatSafe);
        }

        if (outcome.Kind == OutboxOutcomeKind.Delivered)
        {
            WorkflowStorageLog.Delivered(logger, row.Kind, row.DedupeKey, outcome.Detail);
            return new OutboxCompletion(row, claim, null, null);
        }

        // Known NOT to have happened: the in-flight mark goes, and the next attempt may act.
        return Release(row, claim, outcome.Detail ?? outcome.Kind.ToString(), outcome.Kind == OutboxOutcomeKind.Failed, unknown: false);
    }

    private OutboxCompletion Release(OutboxRow row, ETag claim, string error, bool permanent, bool unknown)
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
            ["InFlight"] = unknown,
            ["LastError"] = error.Length > MaxErrorChars ? error[..MaxErrorChars] : error,
            ["LastAttemptAt"] = now,
        };
        TableEntity? parked = null;
        if (status != OutboxRow.Pending)
        {
            WorkflowStorageLog.ItemGaveUp(logger, row.Kind, row.Number, row.RowKey, status, attempts, entity.GetString("LastError"));
            parked = ParkedOutbox.Entry(row, status, entity.GetString("LastError")!, now);
        }

        return new OutboxCompletion(row, claim, entity, parked);
    }

    private async Task DeleteMarkerAsync(string partition, ETag? marker, CancellationToken cancellationToken)
    {
        if (marker is null)
        {
            return;
        }

        var pending = await tables.PendingAsync(cancellationToken);
        try
        {
            await pending.DeleteEntityAsync(WorkflowTables.PendingPartition, partition, marker.Value, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Rewritten by a newer pass that left work behind: it stays for the next poll.
        }
    }
}
