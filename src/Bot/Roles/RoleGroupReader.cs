using System.Globalization;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using PerijinanBot.Bot.Graph;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Bot.Roles;

/// <summary>One enabled user found in a role's group (directly or through a nested group), as Graph describes them.</summary>
internal sealed record GroupMember(string Id, string Name, string Upn, string? JobTitle, string? EmployeeId);

/// <summary>Everyone holding <paramref name="Role"/> according to its Entra group.</summary>
internal sealed record RoleMembers(Role Role, string GroupId, IReadOnlyList<GroupMember> Members);

/// <summary>Reading one role's group failed: which role and group, and Graph's (or the network's) reason.</summary>
internal sealed class RoleGroupReadException(Role role, string groupId, Exception inner)
    : Exception($"Reading the members of group {groupId} (role {role}) from Microsoft Graph failed: {inner.Message}", inner)
{
    public Role Role { get; } = role;

    public string GroupId { get; } = groupId;
}

/// <summary>
/// Reads the members of every <c>Graph:RoleGroups</c> group with the Graph SDK: transitive membership (a nested group's
/// members hold the role too), users only, following Graph's paging. Disabled accounts cannot sign in to act on a step,
/// so they hold no role.
/// </summary>
internal sealed class RoleGroupReader(IServiceProvider services, IOptions<GraphOptions> options)
{
    /// <summary>What the directory needs of a user; <c>accountEnabled</c> to leave disabled accounts out.</summary>
    public static readonly string[] Select = ["id", "displayName", "userPrincipalName", "jobTitle", "employeeId", "accountEnabled"];

    /// <summary>Graph's largest page for this call: a Bidang fits in one, a whole Dinas in a few.</summary>
    public const int PageSize = 999;

    // A nextLink that never ends (a Graph fault) must not keep the sync busy for ever: far more than any office's members.
    private const int MaxPages = 200;

    /// <summary>The configured roles and their groups, in the SOP's order.</summary>
    public IReadOnlyList<(Role Role, string GroupId)> Groups() =>
        [.. options.Value.RoleGroups
            .Select(g => (Role: Enum.Parse<Role>(g.Key, ignoreCase: true), GroupId: g.Value.Trim()))
            .OrderBy(g => g.Role)];

    public async Task<IReadOnlyList<RoleMembers>> ReadAsync(CancellationToken cancellationToken)
    {
        // Resolved here, not injected: the Graph client needs credentials, which only exist when a Graph feature is on.
        var client = services.GetRequiredService<GraphClient>().Client;
        var roles = new List<RoleMembers>();
        foreach (var (role, groupId) in Groups())
        {
            try
            {
                roles.Add(new RoleMembers(role, groupId, await MembersAsync(client, groupId, cancellationToken)));
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                throw new RoleGroupReadException(role, groupId, e);
            }
        }

        return roles;
    }

    private static async Task<IReadOnlyList<GroupMember>> MembersAsync(GraphServiceClient client, string groupId, CancellationToken cancellationToken)
    {
        var users = client.Groups[groupId].TransitiveMembers.GraphUser;
        // The SDK's builder casts with Graph's short alias (…/graph.user); ask with the full type name Graph documents for
        // this call instead, through the same builder, so the SDK still parses the page and maps Graph's errors.
        var first = string.Create(CultureInfo.InvariantCulture,
            $"{client.RequestAdapter.BaseUrl}/groups/{Uri.EscapeDataString(groupId)}/transitiveMembers/microsoft.graph.user?$select={string.Join(',', Select)}&$top={PageSize}");
        var page = await users.WithUrl(first).GetAsync(cancellationToken: cancellationToken);
        var members = new List<GroupMember>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var pages = 1; page is not null; pages++)
        {
            foreach (var user in page.Value ?? [])
            {
                if (Member(user) is { } member && seen.Add(member.Id))
                {
                    members.Add(member);
                }
            }

            if (page.OdataNextLink is not { Length: > 0 } next)
            {
                break;
            }

            if (pages >= MaxPages)
            {
                throw new InvalidOperationException($"Group {groupId} still had more members after {MaxPages} pages; Graph's paging does not end.");
            }

            // The nextLink already carries $select, $top and Graph's skip token: it is followed as given.
            page = await users.WithUrl(next).GetAsync(cancellationToken: cancellationToken);
        }

        return members;
    }

    private static GroupMember? Member(User user)
    {
        // accountEnabled is null only without permission to read it; then nothing says the account is disabled.
        if (user.AccountEnabled == false || !Guid.TryParse(user.Id, out _) || user.UserPrincipalName is not { } upn || !upn.Contains('@', StringComparison.Ordinal))
        {
            return null;
        }

        var name = string.IsNullOrWhiteSpace(user.DisplayName) ? upn : user.DisplayName.Trim();
        return new GroupMember(user.Id, name, upn.Trim(), Blank(user.JobTitle), Blank(user.EmployeeId));
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
