using PerijinanBot.Bot.People;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Bot.Roles;

/// <summary>
/// The directory after a sync: the synced roles exactly as the groups say, every other role as configured. What a person
/// is called and signs in as comes from Entra; a Jabatan or NIP written in the <c>Directory</c> section wins over Entra's
/// jobTitle and employeeId, because the office writes those as they must appear under a signature.
/// </summary>
internal static class RoleMerge
{
    public static IReadOnlyList<DirectoryEntry> Merge(IEnumerable<DirectoryUserOptions> configured, IReadOnlyList<RoleMembers> synced)
    {
        var syncedRoles = synced.Select(s => s.Role).ToHashSet();
        var drafts = new List<Draft>();
        var byId = new Dictionary<string, Draft>(StringComparer.OrdinalIgnoreCase);
        foreach (var user in configured)
        {
            if (user.AadObjectId is not { } id || byId.ContainsKey(id))
            {
                continue; // validated at start-up: neither happens in a running bot
            }

            var draft = new Draft(id) { Configured = user };
            foreach (var name in user.Roles)
            {
                if (Enum.TryParse<Role>(name, ignoreCase: true, out var role) && !syncedRoles.Contains(role))
                {
                    draft.Roles.Add(role);
                }
            }

            drafts.Add(draft);
            byId[id] = draft;
        }

        // Someone only Entra knows joins after the configured people, in a stable order.
        foreach (var (role, members) in synced.OrderBy(s => s.Role).Select(s => (s.Role, s.Members)))
        {
            foreach (var member in members.OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Id, StringComparer.Ordinal))
            {
                if (!byId.TryGetValue(member.Id, out var draft))
                {
                    draft = new Draft(member.Id);
                    drafts.Add(draft);
                    byId[member.Id] = draft;
                }

                draft.Graph ??= member;
                draft.Roles.Add(role);
            }
        }

        // Nobody without a role is listed: someone who left every group is no longer in the Bidang.
        return [.. drafts.Where(d => d.Roles.Count > 0).Select(d => d.ToEntry())];
    }

    /// <summary>Entra's employeeId is a NIP only when it is one: 18 digits once spaces are removed.</summary>
    public static string? Nip(string? employeeId)
    {
        var digits = employeeId?.Replace(" ", "", StringComparison.Ordinal);
        return digits is { Length: 18 } && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    private sealed class Draft(string id)
    {
        public DirectoryUserOptions? Configured { get; init; }

        public GroupMember? Graph { get; set; }

        public HashSet<Role> Roles { get; } = [];

        public DirectoryEntry ToEntry() => new(
            id,
            Graph?.Name ?? Configured?.Name,
            Graph?.Upn ?? Configured?.Upn,
            [.. Roles.Order().Select(r => r.ToString())],
            string.IsNullOrWhiteSpace(Configured?.Jabatan) ? Graph?.JobTitle : Configured.Jabatan,
            string.IsNullOrWhiteSpace(Configured?.Nip) ? Nip(Graph?.EmployeeId) : Configured.Nip);
    }
}
