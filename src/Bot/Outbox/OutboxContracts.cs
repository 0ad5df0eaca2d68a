using Azure.Data.Tables;
using PerijinanBot.Bot.Storage;

namespace PerijinanBot.Bot.Outbox;

/// <summary>
/// Delivers outbox items of some kinds (a card to the next assignee, a notice, an index update). Registered in DI as
/// <c>IOutboxHandler</c>; each kind has exactly one handler, checked when the dispatcher is built.
/// </summary>
/// <remarks>
/// Delivery is at least once; the dispatcher's in-flight mark turns that into at most one call per dedupe key, except after a crash
/// (or exception) in the middle of a call, when nobody can know whether the effect happened. The next call then carries
/// <see cref="OutboxItem.PriorOutcomeUnknown"/> = true: reconcile before acting (look up what the earlier call stored, e.g.
/// the activity id of a sent card), or repeat only an effect that is harmless to repeat (an index upsert).
/// </remarks>
public interface IOutboxHandler
{
    IReadOnlyCollection<string> Kinds { get; }

    /// <summary>
    /// True when doing the effect twice is harmless (an index written to say what the state says, a card updated in place):
    /// the item is then not marked in flight before the handler runs, which saves a write. A post is never repeat-safe.
    /// </summary>
    bool RepeatSafe => false;

    /// <summary>
    /// True when the handler calls <see cref="OutboxEffectMark.BeginAsync"/> (<see cref="OutboxItem.Effect"/>) right before
    /// its effect (the post itself): the item is then marked in flight there rather than before the handler runs, so a
    /// failure while it reads and builds (a storage read, a killed process) is known not to have had the effect, and is
    /// retried instead of being given up as unknown.
    /// </summary>
    bool MarksItsEffect => false;

    Task<OutboxOutcome> HandleAsync(OutboxItem item, CancellationToken cancellationToken);
}

/// <summary>One outbox item as committed with decision <see cref="Version"/> of kegiatan <see cref="Number"/>.</summary>
/// <param name="CreatedAt">When the decision that left it was committed (null for rows written before it was recorded).</param>
/// <param name="Snapshot">
/// The kegiatan as the dispatcher read it with its outbox (at this item's version or later), so that a handler need not
/// read it again; null when it was not read.
/// </param>
/// <param name="Pass">The other rows of the kegiatan's partition its pass read, to which a handler may add rows (null outside a pass).</param>
/// <param name="Effect">For a handler that <see cref="IOutboxHandler.MarksItsEffect"/>: what to call right before the effect.</param>
public sealed record OutboxItem(
    string Number,
    int Version,
    int Index,
    string Kind,
    string DedupeKey,
    string PayloadJson,
    int Attempts,
    bool PriorOutcomeUnknown,
    DateTimeOffset? CreatedAt = null,
    StoredKegiatan? Snapshot = null,
    OutboxPassRows? Pass = null,
    OutboxEffectMark? Effect = null);

/// <summary>Marks an outbox item in flight, once, right before its effect: from then on a failure leaves its outcome unknown.</summary>
public sealed class OutboxEffectMark
{
    private readonly Func<CancellationToken, Task<Azure.ETag>> _mark;

    internal OutboxEffectMark(Func<CancellationToken, Task<Azure.ETag>> mark) => _mark = mark;

    /// <summary>True once the mark is written: the effect may have happened from here on.</summary>
    public bool Begun { get; private set; }

    /// <summary>The row's ETag after the mark.</summary>
    internal Azure.ETag ETag { get; private set; }

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        if (Begun)
        {
            return;
        }

        ETag = await _mark(cancellationToken);
        Begun = true;
    }
}

/// <summary>
/// The rows of a kegiatan's partition an outbox pass read beside its outbox (those after the outbox rows: e.g. the posted
/// copies of step cards), and the rows its handlers add: written by the pass's completing batch, in the same transaction
/// that removes the delivered items, and visible to the items after them in the same pass.
/// </summary>
public sealed class OutboxPassRows
{
    private readonly string _partition;
    private readonly List<TableEntity> _rows;
    private readonly List<TableEntity> _written = [];

    internal OutboxPassRows(string partition, List<TableEntity> rows) => (_partition, _rows) = (partition, rows);

    internal IReadOnlyList<TableEntity> Written => _written;

    /// <summary>The rows whose key starts with <paramref name="prefix"/>, in key order.</summary>
    public IEnumerable<TableEntity> From(string prefix) =>
        _rows.Where(r => r.RowKey.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(r => r.RowKey, StringComparer.Ordinal);

    /// <summary>Adds or replaces a row of the kegiatan's partition, written with the pass's completing batch.</summary>
    public void Upsert(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.PartitionKey != _partition)
        {
            throw new ArgumentException("an outbox pass writes rows of its own kegiatan's partition only", nameof(row));
        }

        _rows.RemoveAll(r => r.RowKey == row.RowKey);
        _rows.Add(row);
        _written.RemoveAll(r => r.RowKey == row.RowKey);
        _written.Add(row);
    }
}

public enum OutboxOutcomeKind
{
    /// <summary>The effect happened: the item is recorded as done and removed.</summary>
    Delivered,

    /// <summary>The effect did NOT happen and may succeed later (429, 5xx known not to have applied): retried with backoff.</summary>
    RetryLater,

    /// <summary>The effect did NOT happen and never will (e.g. the payload is invalid): kept as Failed for an operator.</summary>
    Failed,
}

/// <summary>
/// What a handler reports. Throwing instead means "unknown": the item is retried with backoff and
/// <see cref="OutboxItem.PriorOutcomeUnknown"/> set, because the effect may have happened.
/// </summary>
public sealed record OutboxOutcome(OutboxOutcomeKind Kind, string? Detail)
{
    /// <param name="result">Logged with the dedupe key (e.g. the id of the sent activity).</param>
    public static OutboxOutcome Delivered(string? result = null) => new(OutboxOutcomeKind.Delivered, result);

    public static OutboxOutcome RetryLater(string reason) => new(OutboxOutcomeKind.RetryLater, reason);

    public static OutboxOutcome Failed(string reason) => new(OutboxOutcomeKind.Failed, reason);
}

internal static class OutboxRows
{
    public static OutboxItem ToItem(this OutboxRow row, bool priorOutcomeUnknown, StoredKegiatan? snapshot = null, OutboxPassRows? pass = null, OutboxEffectMark? effect = null) =>
        new(row.Number, row.Version, row.Index, row.Kind, row.DedupeKey, row.PayloadJson, row.Attempts, priorOutcomeUnknown, row.CreatedAt,
            snapshot is not null && snapshot.Version >= row.Version ? snapshot : null, pass, effect);
}
