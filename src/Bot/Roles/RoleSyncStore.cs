using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Bot.Roles;

/// <summary>The last successful read of the role groups.</summary>
internal sealed record RoleSnapshot(DateTimeOffset SyncedAt, IReadOnlyList<RoleMembers> Roles);

/// <summary>A person who stopped holding a role, whose open steps of that role are still to be looked for.</summary>
internal sealed record LostRole(string PersonId, string PersonName, Role Role);

/// <summary>One open step of someone who left its role: told to the superior once, and only once.</summary>
internal sealed record LeftRoleFlag(string Number, int Step, int Attempt, string PersonId, string PersonName, Role Role);

/// <summary>A flag this instance may send now: the row's ETag after claiming it.</summary>
internal sealed record FlagClaim(LeftRoleFlag Flag, ETag ETag, int Tries);

/// <summary>
/// Table <c>{prefix}DirectorySync</c>. Partition <c>group</c>: the members last read from each role's group (one row per
/// role and group id, written in one transaction, so a restart while Graph is down starts from the last sync rather than
/// from configuration alone). Partition <c>lost</c>: people who left a role and whose open steps are yet to be looked at.
/// Partition <c>flag</c>: each open step reported to a superior, so none is reported twice and an undelivered report is
/// tried again at the next sync.
/// </summary>
internal sealed class RoleSyncStore(TableProvider tables, IOptions<StorageOptions> options, TimeProvider time)
{
    public const string TableName = "DirectorySync";
    private const string GroupPartition = "group";
    private const string LostPartition = "lost";
    private const string FlagPartition = "flag";
    private const string Pending = "Pending";
    private const string Sending = "Sending";
    private const string Sent = "Sent";
    private const string Obsolete = "Obsolete";

    // A string property holds at most 64 KiB (32K UTF-16 characters); a row at most 1 MiB.
    private const int ChunkChars = 30_000;
    private const int MaxChunks = 30;

    /// <summary>A claim older than this belongs to an attempt that died: another attempt may take the flag over.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(10);

    private readonly string _table = options.Value.TableName(TableName);

    public async Task SaveSnapshotAsync(RoleSnapshot snapshot, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(_table, cancellationToken);
        var actions = new List<TableTransactionAction>();
        foreach (var role in snapshot.Roles)
        {
            var json = JsonSerializer.Serialize([.. role.Members], RoleSyncJsonContext.Default.ListGroupMember);
            var chunks = json.Chunk(ChunkChars).Select(c => new string(c)).ToList();
            if (chunks.Count > MaxChunks)
            {
                throw new InvalidOperationException($"The members of group {role.GroupId} ({role.Members.Count}) are too many to keep in one table row.");
            }

            var row = new TableEntity(GroupPartition, GroupKey(role.Role, role.GroupId))
            {
                ["Role"] = role.Role.ToString(),
                ["GroupId"] = role.GroupId,
                ["SyncedAt"] = snapshot.SyncedAt,
                ["MemberCount"] = role.Members.Count,
                ["Chunks"] = chunks.Count,
            };
            for (var i = 0; i < chunks.Count; i++)
            {
                row[Chunk(i)] = chunks[i];
            }

            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, row));
        }

        if (actions.Count > 0)
        {
            // One partition, one transaction: a restart never finds one role from this sync and another from an older one.
            await table.SubmitTransactionAsync(actions, cancellationToken);
        }
    }

    /// <summary>The stored members of the configured groups (a group configured since has none), or null when none is stored.</summary>
    public async Task<RoleSnapshot?> LoadSnapshotAsync(IReadOnlyList<(Role Role, string GroupId)> groups, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(_table, cancellationToken);
        var roles = new List<RoleMembers>();
        DateTimeOffset? syncedAt = null;
        foreach (var (role, groupId) in groups)
        {
            var found = await table.GetEntityIfExistsAsync<TableEntity>(GroupPartition, GroupKey(role, groupId), cancellationToken: cancellationToken);
            if (!found.HasValue)
            {
                continue;
            }

            var row = found.Value!;
            var chunks = row.GetInt32("Chunks") ?? 0;
            var json = string.Concat(Enumerable.Range(0, chunks).Select(i => row.GetString(Chunk(i)) ?? ""));
            var members = JsonSerializer.Deserialize(json, RoleSyncJsonContext.Default.ListGroupMember)
                ?? throw new InvalidDataException($"The stored members of group {groupId} are empty.");
            roles.Add(new RoleMembers(role, groupId, members));
            var at = row.GetDateTimeOffset("SyncedAt") ?? DateTimeOffset.MinValue;
            syncedAt = syncedAt is null || at < syncedAt ? at : syncedAt;
        }

        return roles.Count == 0 ? null : new RoleSnapshot(syncedAt!.Value, roles);
    }

    public async Task AddLostAsync(IEnumerable<LostRole> lost, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(_table, cancellationToken);
        foreach (var person in lost)
        {
            await table.UpsertEntityAsync(new TableEntity(LostPartition, LostKey(person))
            {
                ["PersonId"] = person.PersonId,
                ["PersonName"] = person.PersonName,
                ["Role"] = person.Role.ToString(),
                ["Since"] = time.GetUtcNow(),
            }, TableUpdateMode.Replace, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<LostRole>> LostAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(_table, cancellationToken);
        var lost = new List<LostRole>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {LostPartition}"), cancellationToken: cancellationToken))
        {
            if (Enum.TryParse<Role>(row.GetString("Role"), out var role))
            {
                lost.Add(new LostRole(row.GetString("PersonId") ?? "", row.GetString("PersonName") ?? "", role));
            }
        }

        return lost;
    }

    public async Task RemoveLostAsync(LostRole person, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(_table, cancellationToken);
        try
        {
            await table.DeleteEntityAsync(LostPartition, LostKey(person), cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Another instance's sync looked at the same person first.
        }
    }

    /// <summary>Records the flag unless it already is (in any state): true when it is new.</summary>
    public async Task<bool> AddFlagAsync(LeftRoleFlag flag, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(_table, cancellationToken);
        try
        {
            await table.AddEntityAsync(new TableEntity(FlagPartition, FlagKey(flag))
            {
                ["Number"] = flag.Number,
                ["Step"] = flag.Step,
                ["Attempt"] = flag.Attempt,
                ["PersonId"] = flag.PersonId,
                ["PersonName"] = flag.PersonName,
                ["Role"] = flag.Role.ToString(),
                ["State"] = Pending,
                ["Tries"] = 0,
                ["FlaggedAt"] = time.GetUtcNow(),
            }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Flags not yet delivered (waiting, or claimed by an attempt that may have died).</summary>
    public async Task<IReadOnlyList<LeftRoleFlag>> OpenFlagsAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(_table, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {FlagPartition} and (State eq {Pending} or State eq {Sending})");
        var flags = new List<LeftRoleFlag>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (Enum.TryParse<Role>(row.GetString("Role"), out var role))
            {
                flags.Add(new LeftRoleFlag(row.GetString("Number") ?? "", row.GetInt32("Step") ?? 0, row.GetInt32("Attempt") ?? 1,
                    row.GetString("PersonId") ?? "", row.GetString("PersonName") ?? "", role));
            }
        }

        return flags;
    }

    /// <summary>Takes the flag for this attempt, or null when it is delivered, settled, or another attempt is at it.</summary>
    public async Task<FlagClaim?> TryClaimAsync(LeftRoleFlag flag, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(_table, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(FlagPartition, FlagKey(flag), cancellationToken: cancellationToken);
        if (!found.HasValue)
        {
            return null;
        }

        var row = found.Value!;
        var now = time.GetUtcNow();
        var state = row.GetString("State");
        if (state is Sent or Obsolete || (state == Sending && row.GetDateTimeOffset("ClaimedAt") > now - ClaimLease))
        {
            return null;
        }

        try
        {
            var claimed = await table.UpdateEntityAsync(new TableEntity(FlagPartition, row.RowKey) { ["State"] = Sending, ["ClaimedAt"] = now }, row.ETag, TableUpdateMode.Merge, cancellationToken);
            return new FlagClaim(flag, claimed.Headers.ETag ?? row.ETag, row.GetInt32("Tries") ?? 0);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return null; // another instance claimed it between our read and our write
        }
    }

    /// <summary>Delivered: never sent again. <paramref name="sentTo"/> names who received it.</summary>
    public Task CompleteAsync(FlagClaim claim, string sentTo, CancellationToken cancellationToken) =>
        SettleAsync(claim, new() { ["State"] = Sent, ["SentAt"] = time.GetUtcNow(), ["SentTo"] = sentTo }, cancellationToken);

    /// <summary>Nobody could be reached: waits for the next sync.</summary>
    public Task ReleaseAsync(FlagClaim claim, string reason, CancellationToken cancellationToken) =>
        SettleAsync(claim, new() { ["State"] = Pending, ["Tries"] = claim.Tries + 1, ["LastError"] = reason }, cancellationToken);

    /// <summary>The step moved on (reassigned, decided, cancelled) or the person holds the role again: nothing to report any more.</summary>
    public Task ObsoleteAsync(FlagClaim claim, string reason, CancellationToken cancellationToken) =>
        SettleAsync(claim, new() { ["State"] = Obsolete, ["LastError"] = reason }, cancellationToken);

    private async Task SettleAsync(FlagClaim claim, Dictionary<string, object> values, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(_table, cancellationToken);
        var entity = new TableEntity(values) { PartitionKey = FlagPartition, RowKey = FlagKey(claim.Flag) };
        try
        {
            await table.UpdateEntityAsync(entity, claim.ETag, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            // Our claim ran past its lease and another attempt took the flag over: its outcome stands.
        }
    }

    private static string GroupKey(Role role, string groupId) => TableKeys.Escape($"{role}|{groupId.ToLowerInvariant()}");

    private static string LostKey(LostRole person) => TableKeys.Escape($"{person.PersonId.ToLowerInvariant()}|{person.Role}");

    private static string FlagKey(LeftRoleFlag flag) =>
        TableKeys.Escape(string.Create(CultureInfo.InvariantCulture, $"{flag.Number}|{flag.Step:D2}|{flag.Attempt:D2}|{flag.PersonId.ToLowerInvariant()}"));

    private static string Chunk(int index) => string.Create(CultureInfo.InvariantCulture, $"Members{index}");
}

/// <summary>The stored members of a role group.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(List<GroupMember>))]
internal sealed partial class RoleSyncJsonContext : JsonSerializerContext;
