using Azure;

namespace PerijinanBot.Bot.Storage;

/// <summary>
/// The current state of a kegiatan as its owner serialised it. The store never looks inside <see cref="Json"/>; the other
/// fields are copied to columns so that operators (and later indexes) can read them without the engine.
/// </summary>
public sealed record KegiatanState(string Json, string Status, string SopId, int SopVersion);

/// <summary>
/// What one accepted command records in the history: one row per command (the kegiatan version it produced). A command
/// that yields several engine events stores them together, e.g. <see cref="EventJson"/> as a JSON array and
/// <see cref="EventType"/> as their comma-separated types.
/// </summary>
public sealed record HistoryAppend(string EventType, string EventJson, string Actor, DateTimeOffset At);

/// <summary>
/// Outbound work committed with the decision and delivered after it. <see cref="DedupeKey"/> names the effect, not the
/// attempt (e.g. <c>FAS-2026-0001|v3|card|step4</c>): the same key is delivered at most once, ever.
/// </summary>
public sealed record OutboxMessage(string Kind, string DedupeKey, string PayloadJson);

/// <summary>The outcome of a decision: the new state, its history entry and the work to deliver afterwards.</summary>
public sealed record KegiatanChange(KegiatanState State, HistoryAppend History, IReadOnlyList<OutboxMessage> Outbox)
{
    public KegiatanChange(KegiatanState state, HistoryAppend history) : this(state, history, [])
    {
    }
}

/// <summary>
/// A kegiatan as read: its state, the version (one per accepted command), the ETag that guards the next commit, and the
/// command id of the last accepted command (so a redelivered command is recognised as done).
/// </summary>
public sealed record StoredKegiatan(
    string Number,
    KegiatanState State,
    int Version,
    ETag ETag,
    string? LastCommandId,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The commit that moves this kegiatan to <see cref="Version"/> + 1, guarded by <see cref="ETag"/>.</summary>
    public KegiatanCommit Next(string commandId, KegiatanChange change) => KegiatanCommit.Update(this, commandId, change);
}

/// <summary>One entity-group transaction: the state row (added or replaced under If-Match), one history row, the outbox rows.</summary>
public sealed record KegiatanCommit
{
    private KegiatanCommit(string number, string commandId, KegiatanChange change, int version, ETag? baseETag)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        ArgumentException.ThrowIfNullOrWhiteSpace(commandId);
        ArgumentNullException.ThrowIfNull(change);
        if (commandId.Length > KegiatanKeys.MaxIdLength || number.Length > KegiatanKeys.MaxIdLength)
        {
            throw new ArgumentException($"Kegiatan numbers and command ids are at most {KegiatanKeys.MaxIdLength} characters.", nameof(commandId));
        }

        Number = number;
        CommandId = commandId;
        Change = change;
        Version = version;
        BaseETag = baseETag;
    }

    public string Number { get; }

    /// <summary>The idempotency key: the same inbound command (a redelivered invoke, a retry) must carry the same id.</summary>
    public string CommandId { get; }

    public KegiatanChange Change { get; }

    /// <summary>The version this commit produces.</summary>
    public int Version { get; }

    /// <summary>Null when the commit creates the kegiatan.</summary>
    public ETag? BaseETag { get; private init; }

    public bool IsCreation => BaseETag is null;

    public static KegiatanCommit Create(string number, string commandId, KegiatanChange change) =>
        new(number, commandId, change, 1, null);

    public static KegiatanCommit Update(StoredKegiatan current, string commandId, KegiatanChange change)
    {
        ArgumentNullException.ThrowIfNull(current);
        return new(current.Number, commandId, change, current.Version + 1, current.ETag);
    }

    /// <summary>The same decision on top of a state row whose version did not move (its ETag did: our write did not land, or an operator touched the row).</summary>
    internal KegiatanCommit Rebase(StoredKegiatan current) => this with { BaseETag = current.ETag };
}

public enum CommitOutcome
{
    /// <summary>This call wrote it.</summary>
    Committed,

    /// <summary>A previous attempt with the same command id wrote it (its answer was lost); nothing was written twice.</summary>
    AlreadyApplied,

    /// <summary>Someone else changed the kegiatan since it was read; <see cref="CommitResult.Current"/> is what is there now.</summary>
    Conflict,

    /// <summary>Creation only: the number belongs to another kegiatan.</summary>
    NumberTaken,
}

/// <summary>
/// <see cref="ETag"/> is the state row's ETag after the commit when known (null when a later commit already moved it on).
/// <see cref="Current"/> is the state read while resolving a conflict, so the caller can decide again without another read.
/// </summary>
public sealed record CommitResult(CommitOutcome Outcome, int Version, ETag? ETag, StoredKegiatan? Current)
{
    public bool IsSuccess => Outcome is CommitOutcome.Committed or CommitOutcome.AlreadyApplied;
}

public enum DecisionOutcome
{
    Committed,

    /// <summary>The command id was already applied (a redelivery or a retry after a lost answer).</summary>
    AlreadyApplied,

    /// <summary>The decide function returned null on the current state (refused, or already decided by someone else).</summary>
    Declined,

    NotFound,

    /// <summary>Lost the race more times than allowed in a row; nothing was written. Rare: the caller may ask the person to retry.</summary>
    Contended,
}

/// <summary><see cref="Current"/> is the state the last decision was taken on (for Declined: what to tell the person).</summary>
public sealed record DecisionResult(DecisionOutcome Outcome, int Version, StoredKegiatan? Current);

/// <summary>A started kegiatan: its number (Committed, or AlreadyApplied when this start command had already created it).</summary>
public sealed record StartResult(CommitOutcome Outcome, string Number, int Version);

public sealed record HistoryRecord(int Version, string EventType, string EventJson, string Actor, DateTimeOffset At, string CommandId);

/// <summary>One page of history, oldest first; pass <see cref="ContinuationToken"/> back for the next (null: no more).</summary>
public sealed record HistoryPage(IReadOnlyList<HistoryRecord> Records, string? ContinuationToken);
