using Microsoft.Extensions.Options;
using PerijinanBot.Bot.People;
using PerijinanBot.Sop.People;
using PerijinanBot.Bot.Graph;

namespace PerijinanBot.Bot.Roles;

/// <summary>One synced role after a sync: who holds it now, who joined, who left (names).</summary>
internal sealed record RoleChange(Role Role, int Holders, IReadOnlyList<string> Added, IReadOnlyList<string> Removed);

/// <summary>What a sync did: the directory's new contents by role, or why it stayed as it was (Indonesian, for the person).</summary>
internal sealed record RoleSyncResult(DateTimeOffset At, IReadOnlyList<RoleChange> Changes, FlagOutcome Flags, string? Failure)
{
    public bool Succeeded => Failure is null;

    public static RoleSyncResult Failed(DateTimeOffset at, string reason) => new(at, [], new FlagOutcome(0, 0), reason);
}

/// <summary>Where the live directory's synced roles stand: the last success (here or loaded after a restart) and any later failure.</summary>
internal sealed record RoleSyncStatus(DateTimeOffset? LastSyncedAt, string? LastFailure);

/// <summary>
/// Makes the shared <see cref="PeopleDirectory"/> say what the role groups say: reads them, merges them with the
/// <c>Directory</c> section, swaps the directory's contents, keeps the result (for a restart while Graph is down) and
/// reports open steps of people who left a role. One sync at a time per instance; a failed read changes nothing.
/// </summary>
internal sealed class RoleDirectorySync(
    PeopleDirectory directory,
    IOptions<DirectoryOptions> configured,
    RoleGroupReader reader,
    RoleSyncStore store,
    LeftRoleFlagger flagger,
    GraphFeatures features,
    GraphAttempts attempts,
    TimeProvider time,
    ILogger<RoleDirectorySync> logger) : IDisposable
{
    private const string Where = "Graph:RoleGroups";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile RoleSyncStatus _status = new(null, null);

    // People who left a role while storage was down: recorded with the next sync instead of being forgotten.
    private List<LostRole> _unsaved = [];

    public RoleSyncStatus Status => _status;

    /// <summary>The roles read from groups, in the SOP's order.</summary>
    public IReadOnlyList<Role> SyncedRoles => [.. reader.Groups().Select(g => g.Role)];

    /// <summary>At start-up, before the first sync: the directory as the last successful sync left it, if one is stored.</summary>
    public async Task<bool> LoadSnapshotAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // A sync that finished first already holds newer members.
            if (_status.LastSyncedAt is not null || await store.LoadSnapshotAsync(reader.Groups(), cancellationToken) is not { } snapshot)
            {
                return false;
            }

            var errors = directory.Update(RoleMerge.Merge(configured.Value.Users, snapshot.Roles), Where);
            if (errors.Count > 0)
            {
                RoleDirectoryLog.SnapshotUnusable(logger, string.Join(" ", errors));
                return false;
            }

            _status = new RoleSyncStatus(snapshot.SyncedAt, null);
            RoleDirectoryLog.SnapshotLoaded(logger, snapshot.SyncedAt, directory.People.Count);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Reads the groups and replaces the synced roles. <paramref name="readTimeout"/> bounds waiting for another sync and
    /// reading Graph (a person is waiting for the answer); keeping and reporting the result is bounded by the caller alone.
    /// </summary>
    public async Task<RoleSyncResult> SyncAsync(TimeSpan readTimeout, CancellationToken cancellationToken)
    {
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        reading.CancelAfter(readTimeout);
        try
        {
            await _gate.WaitAsync(reading.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Fail(RoleSyncFailure.Busy(readTimeout));
        }

        try
        {
            IReadOnlyList<RoleMembers> groups;
            try
            {
                groups = await reader.ReadAsync(reading.Token);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                RoleDirectoryLog.ReadFailed(logger, e);
                return Fail(RoleSyncFailure.Describe(e, readTimeout));
            }

            var before = directory.Snapshot();
            var errors = directory.Update(RoleMerge.Merge(configured.Value.Users, groups), Where);
            if (errors.Count > 0)
            {
                RoleDirectoryLog.GroupsUnusable(logger, string.Join(" ", errors));
                return Fail(RoleSyncFailure.Unusable);
            }

            var now = time.GetUtcNow();
            var after = directory.Snapshot();
            var changes = Changes(before, after, groups);
            if (logger.IsEnabled(LogLevel.Information))
            {
                var summary = string.Join("; ", changes.Select(c => $"{c.Role} {c.Holders} (+{c.Added.Count} -{c.Removed.Count})"));
                RoleDirectoryLog.Synced(logger, after.People.Count, summary);
            }

            if (after.VacantRoles() is { Count: > 0 } vacant)
            {
                RoleDirectoryLog.VacantAfterSync(logger, string.Join(", ", vacant));
            }

            await KeepAsync(new RoleSnapshot(now, groups), Lost(before, after, groups), cancellationToken);
            // Said synced once it is also stored (or storing failed and was logged): a restart right after finds this sync.
            _status = new RoleSyncStatus(now, null);
            attempts.Succeeded(features.DirectorySync);
            return new RoleSyncResult(now, changes, await FlagAsync(cancellationToken), null);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private RoleSyncResult Fail(string reason)
    {
        _status = _status with { LastFailure = reason };
        attempts.Failed(features.DirectorySync);
        return RoleSyncResult.Failed(time.GetUtcNow(), reason);
    }

    /// <summary>
    /// Stores the members and who left which role. Storage being down loses neither: the live directory has the sync, the
    /// next sync stores it again, and who left is kept in memory until it is stored.
    /// </summary>
    private async Task KeepAsync(RoleSnapshot snapshot, IReadOnlyList<LostRole> lost, CancellationToken cancellationToken)
    {
        var all = _unsaved.Concat(lost).DistinctBy(l => (l.PersonId.ToLowerInvariant(), l.Role)).ToList();
        _unsaved = all;
        try
        {
            await store.AddLostAsync(all, cancellationToken);
            _unsaved = [];
            await store.SaveSnapshotAsync(snapshot, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            RoleDirectoryLog.KeepFailed(logger, e);
        }
    }

    private async Task<FlagOutcome> FlagAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await flagger.RunAsync(cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            RoleDirectoryLog.FlagPassFailed(logger, e);
            return new FlagOutcome(0, 0);
        }
    }

    private static List<RoleChange> Changes(PeopleDirectory before, PeopleDirectory after, IReadOnlyList<RoleMembers> groups) =>
    [
        .. groups.Select(g => g.Role).Distinct().Order().Select(role =>
        {
            var was = before.HoldersOf(role);
            var now = after.HoldersOf(role);
            return new RoleChange(
                role,
                now.Count,
                [.. now.Where(p => !was.Any(w => Same(w, p))).Select(p => p.Name)],
                [.. was.Where(p => !now.Any(n => Same(n, p))).Select(p => p.Name)]);
        }),
    ];

    private static List<LostRole> Lost(PeopleDirectory before, PeopleDirectory after, IReadOnlyList<RoleMembers> groups) =>
    [
        .. groups.Select(g => g.Role).Distinct().SelectMany(role => before.HoldersOf(role)
            .Where(p => after.Find(p.AadObjectId)?.Holds(role) != true)
            .Select(p => new LostRole(p.AadObjectId, p.Name, role))),
    ];

    private static bool Same(Person a, Person b) => string.Equals(a.AadObjectId, b.AadObjectId, StringComparison.OrdinalIgnoreCase);
}
