using System.Text.RegularExpressions;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Sop.Definitions;

/// <summary>Whole-definition checks: identity, header, roles, who may cancel. Steps are checked by <see cref="StepValidator"/>.</summary>
internal static partial class DefinitionValidator
{
    public static IReadOnlyList<string> Validate(SopDefinition definition)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(definition.Id) || !IdPattern().IsMatch(definition.Id))
        {
            errors.Add($"id '{definition.Id}' must be lower-case words joined by dashes, e.g. fasilitasi-perijinan.");
        }

        if (definition.Version < 1)
        {
            errors.Add($"version must be 1 or more, got {definition.Version}.");
        }

        if (string.IsNullOrWhiteSpace(definition.NumberPrefix) || !PrefixPattern().IsMatch(definition.NumberPrefix))
        {
            errors.Add($"numberPrefix '{definition.NumberPrefix}' must be 2 to 8 capital letters, e.g. FAS.");
        }

        CheckHeader(definition.Header, errors);
        CheckJenis(definition.JenisFasilitasi ?? [], errors);
        var declared = CheckRoles(definition.Roles ?? [], errors);
        StepValidator.Validate(definition.Steps ?? [], declared, errors);
        CheckCancelBy(definition, declared, errors);
        errors.AddRange(definition.Reminders?.Validate() ?? []);
        return errors;
    }

    /// <summary>A role name that is known, not Admin, and declared in the definition's roles; otherwise an error.</summary>
    internal static bool CheckRoleName(string? name, IReadOnlySet<Role> declared, string where, List<string> errors)
    {
        if (!RoleText.TryParse(name, out var role) || role == Role.Admin)
        {
            errors.Add($"{where}: unknown role '{name}'. Known roles: {RoleText.Known}.");
            return false;
        }

        if (!declared.Contains(role))
        {
            errors.Add($"{where}: role '{name}' is not declared in roles.");
            return false;
        }

        return true;
    }

    private static void CheckHeader(SopHeader? header, List<string> errors)
    {
        if (header is null)
        {
            errors.Add("header is required.");
            return;
        }

        if (string.IsNullOrWhiteSpace(header.Nama))
        {
            errors.Add("header.nama is required.");
        }

        if (string.IsNullOrWhiteSpace(header.NomorSop))
        {
            errors.Add("header.nomorSop is required.");
        }

        var lists = new (string Name, IReadOnlyList<string>? Items)[]
        {
            ("instansi", header.Instansi), ("dasarHukum", header.DasarHukum), ("kualifikasiPelaksana", header.KualifikasiPelaksana),
            ("keterkaitan", header.Keterkaitan), ("peralatan", header.Peralatan), ("pencatatan", header.Pencatatan),
        };
        foreach (var (name, items) in lists)
        {
            if ((items ?? []).Any(string.IsNullOrWhiteSpace))
            {
                errors.Add($"header.{name} has an empty entry.");
            }
        }
    }

    private static void CheckJenis(IReadOnlyList<JenisFasilitasi> jenis, List<string> errors)
    {
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < jenis.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(jenis[i].Kode) || string.IsNullOrWhiteSpace(jenis[i].Nama))
            {
                errors.Add($"jenisFasilitasi[{i}] needs both kode and nama.");
            }
            else if (!codes.Add(jenis[i].Kode))
            {
                errors.Add($"jenisFasilitasi[{i}]: kode '{jenis[i].Kode}' is listed twice.");
            }
        }
    }

    private static HashSet<Role> CheckRoles(IReadOnlyList<RoleDefinition> roles, List<string> errors)
    {
        var declared = new HashSet<Role>();
        if (roles.Count == 0)
        {
            errors.Add("roles must list at least one role.");
        }

        foreach (var (definition, i) in roles.Select((r, i) => (r, i)))
        {
            if (!RoleText.TryParse(definition.RoleName, out var role) || role == Role.Admin)
            {
                errors.Add($"roles[{i}]: unknown role '{definition.RoleName}'. Known roles: {RoleText.Known}.");
            }
            else if (!declared.Add(role))
            {
                errors.Add($"roles[{i}]: role '{definition.RoleName}' is declared twice.");
            }

            if (string.IsNullOrWhiteSpace(definition.Name) || string.IsNullOrWhiteSpace(definition.ShortName))
            {
                errors.Add($"roles[{i}] needs both name and shortName.");
            }
        }

        var superiors = new Dictionary<Role, Role>();
        foreach (var (definition, i) in roles.Select((r, i) => (r, i)))
        {
            if (definition.SuperiorName is null || !RoleText.TryParse(definition.RoleName, out var role))
            {
                continue;
            }

            if (CheckRoleName(definition.SuperiorName, declared, $"roles[{i}].superior", errors))
            {
                var superior = RoleText.Parse(definition.SuperiorName);
                if (superior == role)
                {
                    errors.Add($"roles[{i}]: '{definition.RoleName}' cannot be its own superior.");
                }
                else
                {
                    superiors[role] = superior;
                }
            }
        }

        foreach (var start in superiors.Keys)
        {
            var seen = new HashSet<Role> { start };
            for (var at = start; superiors.TryGetValue(at, out var up); at = up)
            {
                if (!seen.Add(up))
                {
                    errors.Add($"roles: the superior chain from '{RoleText.CamelCase(start)}' loops back on itself.");
                    break;
                }
            }
        }

        return declared;
    }

    private static void CheckCancelBy(SopDefinition definition, HashSet<Role> declared, List<string> errors)
    {
        var rules = definition.CancelBy ?? [];
        if (rules.Count == 0)
        {
            errors.Add("cancelBy must name at least one role that may cancel a kegiatan.");
        }

        for (var i = 0; i < rules.Count; i++)
        {
            var where = $"cancelBy[{i}]";
            if (CheckRoleName(rules[i].RoleName, declared, where, errors))
            {
                StepValidator.CheckRule(definition.Steps ?? [], rules[i].Role, rules[i].Rule, rules[i].Field, where, errors);
            }
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Z]{2,8}$")]
    private static partial Regex PrefixPattern();
}
