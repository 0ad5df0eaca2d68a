using System.Runtime.ExceptionServices;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace PerijinanBot.Bot.Storage;

/// <summary>
/// Kegiatan state, history and outbox in Table Storage, one partition per kegiatan. The decision path is one point read
/// (<see cref="GetAsync"/>) and one entity-group transaction (<see cref="CommitAsync"/>); everything else happens after.
/// </summary>
public sealed partial class KegiatanStore
{
    // Attempts of one commit when the batch failed ambiguously or only the outbox flag moved under it.
    private const int MaxCommitAttempts = 4;

    private readonly WorkflowTables _tables;
    private readonly OutboxSignal _signal;
    private readonly TimeProvider _time;
    private readonly ILogger<KegiatanStore> _logger;
    private readonly KegiatanNumbers _numbers;

    public KegiatanStore(WorkflowTables tables, OutboxSignal signal, IOptions<WorkflowStorageOptions> options, TimeProvider time, ILogger<KegiatanStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _tables = tables;
        _signal = signal;
        _time = time;
        _logger = logger;
        _numbers = new KegiatanNumbers(tables, options.Value, time, logger);
    }

    /// <summary>The kegiatan's state row (one point read), or null when there is none. Any text is safe to pass.</summary>
    public async Task<StoredKegiatan?> GetAsync(string number, CancellationToken cancellationToken)
    {
        if (!KegiatanKeys.IsValidId(number))
        {
            return null;
        }

        var table = await _tables.KegiatanAsync(cancellationToken);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(KegiatanKeys.Partition(number), KegiatanKeys.StateRow, cancellationToken: cancellationToken);
        return response.HasValue ? KegiatanEntities.ReadState(response.Value!) : null;
    }

    /// <summary>
    /// The state rows a report over a period needs: every kegiatan still open, and every one written since
    /// <paramref name="changedSince"/> (a step finished in the period was written in it or later). The service filters
    /// state rows across partitions: fine for the office's hundreds of kegiatan a year, and only run on request.
    /// </summary>
    public async IAsyncEnumerable<StoredKegiatan> ListForComplianceAsync(DateTimeOffset changedSince, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await _tables.KegiatanAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"RowKey eq {KegiatanKeys.StateRow} and (UpdatedAt ge {changedSince} or Status eq {nameof(Sop.Engine.KegiatanStatus.Open)})");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return KegiatanEntities.ReadState(entity);
        }
    }

    /// <summary>
    /// Writes state + history + outbox as one transaction, guarded by the ETag the commit was built from. An ambiguous failure
    /// (timeout, 5xx, or the SDK's own retry hitting 412/409 after the first try had applied) is resolved by reading: if the
    /// state (or the history row of this version) carries this commit's command id, the result is AlreadyApplied.
    /// </summary>
    /// <exception cref="StorageLimitException">The commit is too large for one transaction; nothing was written.</exception>
    public async Task<CommitResult> CommitAsync(KegiatanCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var table = await _tables.KegiatanAsync(cancellationToken);
        var now = _time.GetUtcNow();
        ExceptionDispatchInfo? failure = null;
        for (var attempt = 1; attempt <= MaxCommitAttempts; attempt++)
        {
            var actions = KegiatanEntities.Build(commit, now);
            try
            {
                var response = await table.SubmitTransactionAsync(actions, cancellationToken);
                Notify(commit);
                return new CommitResult(CommitOutcome.Committed, commit.Version, response.Value[0].Headers.ETag, null);
            }
            catch (RequestFailedException e) when (StorageFaults.IsConflict(e))
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
            catch (Exception e) when (StorageFaults.IsAmbiguous(e, cancellationToken))
            {
                WorkflowStorageLog.CommitAmbiguous(_logger, e, commit.Number, commit.Version, attempt);
                failure = ExceptionDispatchInfo.Capture(e);
            }

            var (result, rebased) = await ResolveAsync(table, commit, cancellationToken);
            if (result is not null)
            {
                return result;
            }

            commit = rebased!;
        }

        failure!.Throw();
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>
    /// Runs one command the way a handler must, so that it yields exactly one transition however often it is delivered:
    /// read, stop if this command id was already applied, decide, commit; on a conflict decide again on what is there now.
    /// <paramref name="decide"/> returns null to change nothing (refused, or already decided by someone else); it may run
    /// more than once and must not have side effects (put them in the outbox).
    /// </summary>
    public async Task<DecisionResult> DecideAsync(string number, string commandId, Func<StoredKegiatan, KegiatanChange?> decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        var current = await GetAsync(number, cancellationToken);
        for (var round = 0; round < MaxCommitAttempts; round++)
        {
            if (current is null)
            {
                return new DecisionResult(DecisionOutcome.NotFound, 0, null);
            }

            if (current.LastCommandId == commandId)
            {
                return new DecisionResult(DecisionOutcome.AlreadyApplied, current.Version, current);
            }

            if (decide(current) is not { } change)
            {
                return new DecisionResult(DecisionOutcome.Declined, current.Version, current);
            }

            var result = await CommitAsync(current.Next(commandId, change), cancellationToken);
            switch (result.Outcome)
            {
                case CommitOutcome.Committed:
                    return new DecisionResult(DecisionOutcome.Committed, result.Version, null);
                case CommitOutcome.AlreadyApplied:
                    return new DecisionResult(DecisionOutcome.AlreadyApplied, result.Version, result.Current);
                default:
                    current = result.Current;
                    break;
            }
        }

        WorkflowStorageLog.Contended(_logger, number, MaxCommitAttempts);
        return new DecisionResult(DecisionOutcome.Contended, current?.Version ?? 0, current);
    }

    /// <summary>One page of the kegiatan's history, oldest first. Any text is safe to pass as the number.</summary>
    public async Task<HistoryPage> ReadHistoryPageAsync(string number, string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 1000);
        if (!KegiatanKeys.IsValidId(number))
        {
            return new HistoryPage([], null);
        }

        var query = await HistoryQueryAsync(number, pageSize, cancellationToken);
        await foreach (var page in query.AsPages(continuationToken, pageSize).WithCancellation(cancellationToken))
        {
            return new HistoryPage([.. page.Values.Select(KegiatanEntities.ReadHistory)], page.ContinuationToken);
        }

        return new HistoryPage([], null);
    }

    /// <summary>The whole history, oldest first, following continuation tokens (and empty pages) to the end.</summary>
    public async IAsyncEnumerable<HistoryRecord> ReadHistoryAsync(string number, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!KegiatanKeys.IsValidId(number))
        {
            yield break;
        }

        await foreach (var entity in (await HistoryQueryAsync(number, 1000, cancellationToken)).WithCancellation(cancellationToken))
        {
            yield return KegiatanEntities.ReadHistory(entity);
        }
    }

    private async Task<AsyncPageable<TableEntity>> HistoryQueryAsync(string number, int pageSize, CancellationToken cancellationToken)
    {
        var table = await _tables.KegiatanAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {KegiatanKeys.Partition(number)} and RowKey ge {KegiatanKeys.HistoryFrom} and RowKey lt {KegiatanKeys.HistoryTo}");
        return table.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: cancellationToken);
    }

    /// <summary>After a failed or ambiguous batch: a final result, or the commit to try again.</summary>
    private async Task<(CommitResult? Result, KegiatanCommit? Retry)> ResolveAsync(TableClient table, KegiatanCommit commit, CancellationToken cancellationToken)
    {
        var current = await GetAsync(commit.Number, cancellationToken);
        if (current is null)
        {
            // Creation that has not landed (yet): the same Add again is safe, only one can ever succeed.
            return commit.IsCreation
                ? (null, commit)
                : throw new InvalidOperationException($"Kegiatan {commit.Number} has no state row; it cannot be updated.");
        }

        if (current.LastCommandId == commit.CommandId || await HistoryHasCommandAsync(table, commit, current, cancellationToken))
        {
            WorkflowStorageLog.AlreadyApplied(_logger, commit.Number, commit.Version);
            Notify(commit);
            return (new CommitResult(CommitOutcome.AlreadyApplied, commit.Version, current.Version == commit.Version ? current.ETag : null, current), null);
        }

        if (commit.IsCreation)
        {
            return (new CommitResult(CommitOutcome.NumberTaken, 0, null, current), null);
        }

        // Same version: nobody decided meanwhile (our write never landed, or an operator touched the row); the decision
        // still holds on this state, so commit it again under the new ETag.
        return current.Version == commit.Version - 1
            ? (null, commit.Rebase(current))
            : (new CommitResult(CommitOutcome.Conflict, current.Version, current.ETag, current), null);
    }

    // Our commit may have landed and been followed by another before we could look: its history row still names us.
    private static async Task<bool> HistoryHasCommandAsync(TableClient table, KegiatanCommit commit, StoredKegiatan current, CancellationToken cancellationToken)
    {
        if (current.Version < commit.Version)
        {
            return false;
        }

        var row = await table.GetEntityIfExistsAsync<TableEntity>(
            KegiatanKeys.Partition(commit.Number), KegiatanKeys.History(commit.Version), ["CommandId"], cancellationToken);
        return row.HasValue && row.Value!.GetString("CommandId") == commit.CommandId;
    }

    private void Notify(KegiatanCommit commit)
    {
        if (commit.Change.Outbox.Count > 0)
        {
            _signal.Notify(commit.Number);
        }
    }
}
