using Azure;
using Azure.Data.Tables;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Protocol.Connector;

namespace PerijinanBot.Bot.Outbox;

/// <summary>
/// Delivers the outbox of one kegiatan as one piece of work: one query reads its rows and its state, one batch claims the
/// due rows (ETag-conditional: fencing, so a claimer whose lease ran out can no longer delete or release them), the handlers
/// run in commit order with that state, and one batch completes them: delivered rows deleted, the others released. The
/// state row is only read: a pass never writes it, so a decision landing during a pass does not collide with it. An item
/// whose effect cannot be repeated harmlessly (a post) is marked in flight on its own row just before its handler runs, so
/// that an attempt that died is known to be unknown.
/// </summary>
internal sealed class OutboxWorker(
    WorkflowTables tables,
    IReadOnlyDictionary<string, IOutboxHandler> handlers,
    WorkflowStorageOptions options,
    string instanceId,
    TimeProvider time,
    ILogger logger)
{
    private readonly OutboxMarkers _markers = new(tables, logger);
    private const int MaxErrorChars = 1000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, OutboxPassGate> _gates = new(StringComparer.Ordinal);
    private static readonly TimeSpan MarkerGrace = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Delivers what is due; returns how many items left the outbox. <paramref name="marker"/> is the ETag of the kegiatan's
    /// <c>OutboxPending</c> row as listed, or null for a pass that starts from a commit of this instance: the state's flag
    /// already leads the sweep here after a crash, so a marker is written only when something stays behind for the poll.
    /// While this instance runs a pass of the kegiatan, a second call asks it to go round once more and returns 0 at once:
    /// passes of one kegiatan never overlap (across instances the pass lease sees to that), so the indexes they write follow
    /// the kegiatan's versions in order.
    /// </summary>
    public async Task<int> DeliverAsync(string number, ETag? marker, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(number, _ => new OutboxPassGate());
        lock (gate)
        {
            if (gate.Running)
            {
                gate.Again = true;
                return 0;
            }

            gate.Running = true;
        }

        var delivered = 0;
        try
        {
            while (true)
            {
                delivered += await GuardedPassAsync(number, marker, cancellationToken);
                lock (gate)
                {
                    if (!gate.Again)
                    {
                        return delivered;
                    }

                    gate.Again = false;
                }
            }
        }
        finally
        {
            lock (gate)
            {
                gate.Running = false;
                _gates.TryRemove(new KeyValuePair<string, OutboxPassGate>(number, gate));
            }
        }
    }

    private async Task<int> GuardedPassAsync(string number, ETag? marker, CancellationToken cancellationToken)
    {
        try
        {
            return await PassAsync(number, marker, cancellationToken);
        }
        catch (Exception) when (marker is null)
        {
            // Storage trouble mid-pass, or the instance stopping: leave the marker, so that the next poll of any instance
            // (not only the rare sweep) comes back for what this pass left.
            using var grace = new CancellationTokenSource(MarkerGrace, time);
            await _markers.TryWriteAsync(number, grace.Token);
            throw;
        }
    }

    private async Task<int> PassAsync(string number, ETag? marker, CancellationToken cancellationToken)
    {
        var kegiatan = await tables.KegiatanAsync(cancellationToken);
        var partition = KegiatanKeys.Partition(number);
        var (state, lease, rows, others) = await OutboxBatches.ReadAsync(kegiatan, partition, cancellationToken);
        var batches = new OutboxBatches(kegiatan, partition, instanceId, logger);
        var started = time.GetUtcNow();
        var due = rows.Where(r => r.IsDue(started)).ToList();
        var removed = 0;
        if (due.Count > 0)
        {
            if (await batches.TakeLeaseAsync(lease, started, started + options.ClaimLease, cancellationToken) is not { } taken)
            {
                // Another pass (another instance) is at it; whatever it leaves is marked for the poll.
                await _markers.LeaveForPollAsync(number, marker, cancellationToken);
                return 0;
            }

            try
            {
                var snapshot = state is null ? null : KegiatanEntities.ReadState(state);
                var pass = new OutboxPassRows(partition, others);
                var completions = new List<OutboxCompletion>(due.Count);
                // Per decision, in commit order: what may be repeated first (indexes, cards updated in place), then the posts in
                // the reverse of their planning, so the step card (planned before the notices) goes last and the completing batch
                // follows it at once: the next person acts on that card, and a decision landing before the batch costs it a second go.
                foreach (var row in due.OrderBy(r => r.Version).ThenBy(r => handlers.TryGetValue(r.Kind, out var h) && h.RepeatSafe ? -1 : -r.Index - 1))
                {
                    // Start no handler that could outlast the lease: the rest is left for the next pass.
                    if (time.GetUtcNow() - started > options.ClaimLease - options.HandlerTimeout)
                    {
                        break;
                    }

                    if (await RunAsync(batches, row, snapshot, pass, cancellationToken) is { } completion)
                    {
                        completions.Add(completion);
                    }
                }

                foreach (var parked in completions.Select(c => c.Parked).OfType<TableEntity>())
                {
                    // Indexed first: a crash before the release leaves an index row the readers find stale, never a parked item unlisted.
                    var index = await tables.PendingAsync(cancellationToken);
                    await index.UpsertEntityAsync(parked, TableUpdateMode.Replace, cancellationToken);
                }

                removed = await batches.CompleteAsync(taken, completions, pass.Written, time.GetUtcNow(), cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // Aborted (storage failed mid-pass): give the lease back at once, so that the retry need not wait for it to lapse.
                await batches.TryGiveLeaseBackAsync(taken, time.GetUtcNow());
                throw;
            }
        }

        if (removed == rows.Count)
        {
            await _markers.DeleteAsync(partition, marker, cancellationToken);
        }
        else
        {
            await _markers.LeaveForPollAsync(number, marker, cancellationToken);
        }

        return removed;
    }

    /// <summary>Runs one item under the pass lease; returns how to complete it, or null when it is to be left alone (changed meanwhile).</summary>
    private async Task<OutboxCompletion?> RunAsync(OutboxBatches batches, OutboxRow row, StoredKegiatan? snapshot, OutboxPassRows pass, CancellationToken cancellationToken)
    {
        var etag = row.ETag;
        if (!handlers.TryGetValue(row.Kind, out var handler))
        {
            WorkflowStorageLog.NoHandler(logger, row.Kind, row.Number, row.RowKey);
            return Release(row, etag, $"no handler for kind '{row.Kind}'", permanent: false, unknown: row.InFlight);
        }

        // A post must not happen twice: its row says "in flight" before the effect (right before the post, for a handler
        // that marks its effect; else before the handler runs), and a row found that way was left by an attempt that
        // died, so the handler is told that its effect may have happened.
        var unknown = row.InFlight;
        OutboxEffectMark? effect = null;
        if (!unknown && !handler.RepeatSafe)
        {
            if (handler.MarksItsEffect)
            {
                effect = new OutboxEffectMark(t => batches.MarkInFlightAsync(row, etag, t));
            }
            else
            {
                try
                {
                    etag = await batches.MarkInFlightAsync(row, etag, cancellationToken);
                }
                catch (RequestFailedException e) when (e.Status is 404 or 412)
                {
                    WorkflowStorageLog.ClaimLost(logger, row.Number, row.RowKey);
                    return null;
                }
            }
        }

        OutboxOutcome outcome;
        try
        {
            using var timeout = new CancellationTokenSource(options.HandlerTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            using var delivery = OutboundDelivery.Begin(row.DedupeKey);
            outcome = await handler.HandleAsync(row.ToItem(unknown, snapshot, pass, effect), linked.Token);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Once the effect may have happened, the row stays in flight, so the next try is told it is unknown; a handler
            // that failed before its marked effect is known not to have had it, and is simply retried.
            WorkflowStorageLog.HandlerThrew(logger, e, row.Kind, row.Number, row.RowKey, row.Attempts + 1);
            var begun = effect is null ? !handler.RepeatSafe : effect.Begun;
            return Release(row, effect is { Begun: true } ? effect.ETag : etag, $"{e.GetType().Name}: {e.Message}", permanent: false, unknown: begun);
        }

        if (effect is { Begun: true })
        {
            etag = effect.ETag;
        }

        if (outcome.Kind == OutboxOutcomeKind.Delivered)
        {
            WorkflowStorageLog.Delivered(logger, row.Kind, row.DedupeKey, outcome.Detail);
            return new OutboxCompletion(row, etag, null, null);
        }

        // Known NOT to have happened: the in-flight mark goes, and the next attempt may act.
        return Release(row, etag, outcome.Detail ?? outcome.Kind.ToString(), outcome.Kind == OutboxOutcomeKind.Failed, unknown: false);
    }

    private OutboxCompletion Release(OutboxRow row, ETag etag, string error, bool permanent, bool unknown)
    {
        var now = time.GetUtcNow();
        var attempts = row.Attempts + 1;
        var status = permanent ? OutboxRow.Failed : attempts >= options.MaxAttempts ? OutboxRow.Poison : OutboxRow.Pending;
        var entity = new TableEntity(row.PartitionKey, row.RowKey)
        {
            ["Attempts"] = attempts,
            ["NextAttemptAt"] = now + OutboxBackoff.Delay(attempts, options),
            ["Status"] = status,
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

        return new OutboxCompletion(row, etag, entity, parked);
    }
}
