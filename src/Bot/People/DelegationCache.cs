using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Bot.People;

/// <summary>
/// The delegations in force or to come, held in memory so the decision path never reads storage for them. This instance's
/// own changes show at once; other instances' changes arrive with the next background refresh.
/// </summary>
public sealed class DelegationCache
{
    private readonly Lock _gate = new();
    private Snapshot _snapshot = new([], []);
    private long _changes;

    /// <summary>For the engine: each delegation's dates are checked there against the WIB date of the decision.</summary>
    public IReadOnlyList<Delegation> Current => Volatile.Read(ref _snapshot).Delegations;

    public IReadOnlyList<DelegationRecord> Records => Volatile.Read(ref _snapshot).Records;

    /// <summary>Counts local changes, so a refresh that read storage before one of them does not wipe it out.</summary>
    public long Changes
    {
        get
        {
            lock (_gate)
            {
                return _changes;
            }
        }
    }

    public void Put(DelegationRecord record)
    {
        lock (_gate)
        {
            Set([.. Volatile.Read(ref _snapshot).Records.Where(r => r.Id != record.Id), record]);
            _changes++;
        }
    }

    public void Remove(string id)
    {
        lock (_gate)
        {
            Set([.. Volatile.Read(ref _snapshot).Records.Where(r => r.Id != id)]);
            _changes++;
        }
    }

    /// <summary>Takes what storage says, unless this instance changed something since <paramref name="changesBefore"/> (the next refresh will).</summary>
    public bool Replace(IReadOnlyList<DelegationRecord> loaded, long changesBefore)
    {
        lock (_gate)
        {
            if (_changes != changesBefore)
            {
                return false;
            }

            Set(loaded);
            return true;
        }
    }

    private void Set(IReadOnlyList<DelegationRecord> records) =>
        Volatile.Write(ref _snapshot, new Snapshot(records, [.. records.Select(r => r.ToDelegation())]));

    private sealed record Snapshot(IReadOnlyList<DelegationRecord> Records, IReadOnlyList<Delegation> Delegations);
}
