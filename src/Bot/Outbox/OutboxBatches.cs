using Azure;
using Azure.Data.Tables;
using PerijinanBot.Bot.Storage;

namespace PerijinanBot.Bot.Outbox;

/// <summary>How one item leaves the pass: deleted (delivered), or released with <see cref="Release"/>'s columns, under <see cref="ETag"/>.</summary>
/// <param name="Parked">The parked-items index entry to write first, when the release gives up on the item.</param>
internal sealed record OutboxCompletion(OutboxRow Row, ETag ETag, TableEntity? Release, TableEntity? Parked);

/// <summary>
/// The storage operations of an outbox pass over one kegiatan partition: the pass lease (taken with one conditional write,
/// given back in the completing batch, which fails as a whole once the lease was lost: fencing), the in-flight mark, and
/// the completing entity-group transaction with its one-by-one fallback for a row someone else changed meanwhile.
/// </summary>
internal sealed class OutboxBatches(TableClient kegiatan, string partition, string instanceId, ILogger logger)
{
    /// <summary>An entity-group transaction holds at most 100 operations.</summary>
    private const int MaxOperations = 100;

    /// <summary>
    /// The outbox rows (<c>o|…</c>), the pass lease, the other rows after them (posted card copies) and the state row, which
    /// sort in that order, in one query.
    /// </summary>
    public static async Task<(TableEntity? State, TableEntity? Lease, List<OutboxRow> Rows, List<TableEntity> Others)> ReadAsync(TableClient kegiatan, string partition, CancellationToken cancellationToken)
    {
        TableEntity? state = null;
        TableEntity? lease = null;
        var rows = new List<OutboxRow>();
        var others = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {KegiatanKeys.OutboxFrom}");
        await foreach (var entity in kegiatan.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            switch (entity.RowKey)
            {
                case KegiatanKeys.StateRow:
                    state = entity;
                    break;
                case KegiatanKeys.PassRow:
                    lease = entity;
                    break;
                default:
                    if (string.CompareOrdinal(entity.RowKey, KegiatanKeys.OutboxTo) < 0)
                    {
                        rows.Add(OutboxRow.Read(entity));
                    }
                    else
                    {
                        others.Add(entity);
                    }

                    break;
            }
        }

        return (state, lease, rows, others);
    }

    /// <summary>Takes the pass lease as read (<paramref name="lease"/>, null: never taken); null when another pass holds it or took it first.</summary>
    public async Task<ETag?> TakeLeaseAsync(TableEntity? lease, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        if (lease?.GetDateTimeOffset("ClaimedUntil") > now)
        {
            return null;
        }

        var claim = new TableEntity(partition, KegiatanKeys.PassRow) { ["ClaimedBy"] = instanceId, ["ClaimedUntil"] = until };
        try
        {
            var response = lease is null
                ? await kegiatan.AddEntityAsync(claim, cancellationToken)
                : await kegiatan.UpdateEntityAsync(claim, lease.ETag, TableUpdateMode.Replace, cancellationToken);
            return response.Headers.ETag ?? throw new InvalidOperationException("the pass lease came back without its ETag");
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return null;
        }
    }

    /// <summary>Gives the lease back outside the completing batch (an aborted pass); if storage does not answer, it lapses.</summary>
    public async Task TryGiveLeaseBackAsync(ETag lease, DateTimeOffset now)
    {
        try
        {
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await kegiatan.UpdateEntityAsync(LeaseGiven(now), lease, TableUpdateMode.Merge, grace.Token);
        }
        catch (Exception e) when (e is RequestFailedException || StorageFaults.IsAmbiguous(e, CancellationToken.None))
        {
            // Taken over, or storage is still away: the lease lapses by itself.
        }
    }

    /// <summary>Marks a row in flight just before an effect that must not be repeated; returns the row's new ETag.</summary>
    public async Task<ETag> MarkInFlightAsync(OutboxRow row, ETag etag, CancellationToken cancellationToken)
    {
        var mark = new TableEntity(row.PartitionKey, row.RowKey) { ["InFlight"] = true };
        return (await kegiatan.UpdateEntityAsync(mark, etag, TableUpdateMode.Merge, cancellationToken)).Headers.ETag ?? ETag.All;
    }

    /// <summary>
    /// Gives the lease back, deletes the delivered rows, releases the others and writes the rows the handlers added
    /// (<paramref name="written"/>) in one batch. Returns how many rows were deleted.
    /// </summary>
    public async Task<int> CompleteAsync(ETag lease, List<OutboxCompletion> completions, IReadOnlyList<TableEntity> written, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The lease goes first: if it was lost, the batch reports that operation, and nothing of this pass is applied.
        var actions = new List<TableTransactionAction>(completions.Count + written.Count + 2) { new(TableTransactionActionType.UpdateMerge, LeaseGiven(now), lease) };
        actions.AddRange(completions.Select(Action));
        actions.AddRange(written.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)));

        if (actions.Count <= MaxOperations)
        {
            try
            {
                await kegiatan.SubmitTransactionAsync(actions, cancellationToken);
                return completions.Count(c => c.Release is null);
            }
            catch (TableTransactionFailedException e) when (e.Status is 404 or 412 && e.FailedTransactionActionIndex == 0)
            {
                // Our lease ran out and another pass took over: it finds the rows as they were, in flight where marked.
                WorkflowStorageLog.ClaimLost(logger, partition, KegiatanKeys.PassRow);
                return 0;
            }
            catch (TableTransactionFailedException e) when (e.Status is 404 or 412)
            {
                // An operator's retry touched a row: one by one below, still under the lease.
            }
            catch (Exception e) when ((e is RequestFailedException && !cancellationToken.IsCancellationRequested) || StorageFaults.IsAmbiguous(e, cancellationToken))
            {
                // Storage trouble: the lease lapses and the rows are taken up again; those in flight are then known to be unknown.
                WorkflowStorageLog.ItemStorageFailed(logger, e, partition, "(completing batch)");
                return 0;
            }
        }

        foreach (var row in written)
        {
            await kegiatan.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        }

        var removed = 0;
        foreach (var completion in completions)
        {
            removed += await CompleteOneAsync(completion, cancellationToken) ? 1 : 0;
        }

        await TryAsync(() => kegiatan.UpdateEntityAsync(LeaseGiven(now), lease, TableUpdateMode.Merge, cancellationToken));
        return removed;
    }

    private async Task<bool> CompleteOneAsync(OutboxCompletion completion, CancellationToken cancellationToken)
    {
        var row = completion.Row;
        try
        {
            if (completion.Release is { } release)
            {
                await kegiatan.UpdateEntityAsync(release, completion.ETag, TableUpdateMode.Merge, cancellationToken);
                return false;
            }

            await kegiatan.DeleteEntityAsync(row.PartitionKey, row.RowKey, completion.ETag, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return completion.Release is null;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            // Changed meanwhile (an operator's "retry now"): it stays, and its in-flight mark says what the next pass needs.
            WorkflowStorageLog.ClaimLost(logger, row.Number, row.RowKey);
            return false;
        }
    }

    // A conditional write that may find the row changed or gone: a newer commit's flag stays; a lease taken over stays taken.
    private static async Task<bool> TryAsync(Func<Task<Response>> write)
    {
        try
        {
            await write();
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }

    private TableEntity LeaseGiven(DateTimeOffset now) => new(partition, KegiatanKeys.PassRow) { ["ClaimedBy"] = "", ["ClaimedUntil"] = now };

    private static TableTransactionAction Action(OutboxCompletion c) => c.Release is { } release
        ? new TableTransactionAction(TableTransactionActionType.UpdateMerge, release, c.ETag)
        : new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(c.Row.PartitionKey, c.Row.RowKey), c.ETag);
}

/// <summary>This instance's pass of one kegiatan: running, and asked to go round once more.</summary>
internal sealed class OutboxPassGate
{
    public bool Running { get; set; }

    public bool Again { get; set; }
}
