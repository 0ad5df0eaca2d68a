using PerijinanBot.Sop.People;

namespace PerijinanBot.Sop.Definitions;

/// <summary>Role names as definition files spell them: the <see cref="Role"/> names, case-insensitive, written camelCase.</summary>
internal static class RoleText
{
    public static bool TryParse(string? name, out Role role) =>
        Enum.TryParse(name, ignoreCase: true, out role) && Enum.IsDefined(role) && !int.TryParse(name, out _);

    public static Role Parse(string name) =>
        TryParse(name, out var role) ? role : throw new InvalidOperationException($"'{name}' is not a role; definitions are validated before use.");

    public static string CamelCase(Role role)
    {
        var name = role.ToString();
        return string.Concat(name[..1].ToLowerInvariant(), name[1..]);
    }

    public static string Known => string.Join(", ", Enum.GetValues<Role>().Where(r => r != Role.Admin).Select(CamelCase));
}
