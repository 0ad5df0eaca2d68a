namespace PerijinanBot.Sop.People;

/// <summary>
/// Who holds which role. Built once from configuration (later from Entra groups) and validated so that
/// a typo in a role name or a duplicated person fails start-up instead of misrouting a card.
/// </summary>
public sealed class PeopleDirectory
{
    private readonly Dictionary<string, Person> _byAadObjectId;

    private PeopleDirectory(IReadOnlyList<Person> people)
    {
        People = people;
        _byAadObjectId = people.ToDictionary(p => p.AadObjectId, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<Person> People { get; }

    public static PeopleDirectory Empty { get; } = new([]);

    public Person? Find(string? aadObjectId) =>
        aadObjectId is not null && _byAadObjectId.TryGetValue(aadObjectId, out var person) ? person : null;

    public IReadOnlyList<Person> HoldersOf(Role role) => [.. People.Where(p => p.Holds(role))];

    /// <summary>SOP roles nobody holds: the workflow would stall at that step.</summary>
    public IReadOnlyList<Role> VacantRoles() => [.. RoleNames.Pelaksana.Where(r => !People.Any(p => p.Holds(r)))];

    /// <summary>Builds a directory from raw entries, or returns every problem found (English, for operators).</summary>
    public static DirectoryResult Create(IEnumerable<DirectoryEntry> entries)
    {
        var errors = new List<string>();
        var people = new List<Person>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var index = 0;
        foreach (var entry in entries)
        {
            var where = $"Directory:Users:{index}";
            index++;
            if (!Guid.TryParse(entry.AadObjectId, out _))
            {
                errors.Add($"{where}:AadObjectId must be the person's Entra object id (a GUID), got '{entry.AadObjectId}'.");
            }
            else if (!seen.Add(entry.AadObjectId!))
            {
                errors.Add($"{where}:AadObjectId '{entry.AadObjectId}' is listed twice.");
            }

            if (string.IsNullOrWhiteSpace(entry.Name))
            {
                errors.Add($"{where}:Name is required.");
            }

            if (string.IsNullOrWhiteSpace(entry.Upn) || !entry.Upn.Contains('@', StringComparison.Ordinal))
            {
                errors.Add($"{where}:Upn must be a user principal name such as nama@kalbarprov.go.id, got '{entry.Upn}'.");
            }

            var roles = new HashSet<Role>();
            foreach (var raw in entry.Roles ?? [])
            {
                if (Enum.TryParse<Role>(raw, ignoreCase: true, out var role) && Enum.IsDefined(role) && !int.TryParse(raw, out _))
                {
                    roles.Add(role);
                }
                else
                {
                    errors.Add($"{where}:Roles has unknown role '{raw}'. Known roles: {string.Join(", ", Enum.GetNames<Role>())}.");
                }
            }

            if (roles.Count == 0 && (entry.Roles is null || entry.Roles.Count == 0))
            {
                errors.Add($"{where}:Roles must name at least one role.");
            }

            var nip = entry.Nip?.Replace(" ", "", StringComparison.Ordinal);
            if (!string.IsNullOrEmpty(nip) && (nip.Length != 18 || !nip.All(char.IsAsciiDigit)))
            {
                errors.Add($"{where}:Nip must be the 18-digit Nomor Induk Pegawai (spaces allowed), got '{entry.Nip}'.");
            }

            people.Add(new Person(entry.AadObjectId ?? "", entry.Name?.Trim() ?? "", entry.Upn?.Trim() ?? "", roles)
            {
                Jabatan = string.IsNullOrWhiteSpace(entry.Jabatan) ? null : entry.Jabatan.Trim(),
                Nip = string.IsNullOrEmpty(nip) ? null : nip,
            });
        }

        return errors.Count == 0 ? new DirectoryResult(new PeopleDirectory(people), []) : new DirectoryResult(null, errors);
    }
}

/// <summary>One person as written in configuration, before validation.</summary>
public sealed record DirectoryEntry(string? AadObjectId, string? Name, string? Upn, IReadOnlyList<string>? Roles, string? Jabatan = null, string? Nip = null);

public sealed record DirectoryResult(PeopleDirectory? Directory, IReadOnlyList<string> Errors);
