namespace PerijinanBot.Sop.People;

/// <summary>
/// Who holds which role. Built from configuration and validated so that a typo in a role name or a duplicated person fails
/// start-up instead of misrouting a card. One instance is shared by the whole bot; when the roles are read again (from
/// Entra groups) <see cref="Update"/> swaps its contents at once, so every holder of this instance sees the new directory
/// on its next call, and a call that has started keeps reading the contents it started with.
/// </summary>
public sealed class PeopleDirectory
{
    // Replaced whole, never modified: a reader takes the reference once and sees one consistent directory.
    private volatile Contents _contents;

    private PeopleDirectory(Contents contents)
    {
        _contents = contents;
    }

    public IReadOnlyList<Person> People => _contents.People;

    /// <summary>A new, empty directory (a fresh instance each time: an instance can be updated, so none is shared).</summary>
    public static PeopleDirectory Empty => new(Contents.Of([]));

    public Person? Find(string? aadObjectId) => _contents.Find(aadObjectId);

    public IReadOnlyList<Person> HoldersOf(Role role) => [.. _contents.People.Where(p => p.Holds(role))];

    /// <summary>SOP roles nobody holds: the workflow would stall at that step.</summary>
    public IReadOnlyList<Role> VacantRoles()
    {
        var people = _contents.People;
        return [.. RoleNames.Pelaksana.Where(r => !people.Any(p => p.Holds(r)))];
    }

    /// <summary>
    /// A directory that keeps today's contents however this one is updated later: for work that compares before and after,
    /// or must read several answers from one and the same directory.
    /// </summary>
    public PeopleDirectory Snapshot() => new(_contents);

    /// <summary>Builds a directory from raw entries, or returns every problem found (English, for operators).</summary>
    public static DirectoryResult Create(IEnumerable<DirectoryEntry> entries) => Create(entries, "Directory:Users");

    /// <summary>
    /// Like <see cref="Create(IEnumerable{DirectoryEntry})"/>, naming entries <c>{where}:{index}</c> in its problems, so a
    /// directory assembled elsewhere (e.g. from Entra groups) says where its entries came from.
    /// </summary>
    public static DirectoryResult Create(IEnumerable<DirectoryEntry> entries, string where)
    {
        var (people, errors) = Validate(entries, where);
        return errors.Count == 0 ? new DirectoryResult(new PeopleDirectory(Contents.Of(people)), []) : new DirectoryResult(null, errors);
    }

    /// <summary>
    /// Replaces everyone in this directory with <paramref name="entries"/>, validated exactly as <see cref="Create(IEnumerable{DirectoryEntry})"/>
    /// validates them. All or nothing: with any problem the directory stays as it was and the problems are returned; an empty
    /// list means the new contents are in place for every caller.
    /// </summary>
    public IReadOnlyList<string> Update(IEnumerable<DirectoryEntry> entries, string where = "Directory:Users")
    {
        var (people, errors) = Validate(entries, where);
        if (errors.Count > 0)
        {
            return errors;
        }

        _contents = Contents.Of(people);
        return [];
    }

    private static (List<Person> People, List<string> Errors) Validate(IEnumerable<DirectoryEntry> entries, string where)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var errors = new List<string>();
        var people = new List<Person>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var index = 0;
        foreach (var entry in entries)
        {
            var at = $"{where}:{index}";
            index++;
            if (!Guid.TryParse(entry.AadObjectId, out _))
            {
                errors.Add($"{at}:AadObjectId must be the person's Entra object id (a GUID), got '{entry.AadObjectId}'.");
            }
            else if (!seen.Add(entry.AadObjectId!))
            {
                errors.Add($"{at}:AadObjectId '{entry.AadObjectId}' is listed twice.");
            }

            if (string.IsNullOrWhiteSpace(entry.Name))
            {
                errors.Add($"{at}:Name is required.");
            }

            if (string.IsNullOrWhiteSpace(entry.Upn) || !entry.Upn.Contains('@', StringComparison.Ordinal))
            {
                errors.Add($"{at}:Upn must be a user principal name such as nama@kalbarprov.go.id, got '{entry.Upn}'.");
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
                    errors.Add($"{at}:Roles has unknown role '{raw}'. Known roles: {string.Join(", ", Enum.GetNames<Role>())}.");
                }
            }

            if (roles.Count == 0 && (entry.Roles is null || entry.Roles.Count == 0))
            {
                errors.Add($"{at}:Roles must name at least one role.");
            }

            var nip = entry.Nip?.Replace(" ", "", StringComparison.Ordinal);
            if (!string.IsNullOrEmpty(nip) && (nip.Length != 18 || !nip.All(char.IsAsciiDigit)))
            {
                errors.Add($"{at}:Nip must be the 18-digit Nomor Induk Pegawai (spaces allowed), got '{entry.Nip}'.");
            }

            people.Add(new Person(entry.AadObjectId ?? "", entry.Name?.Trim() ?? "", entry.Upn?.Trim() ?? "", roles)
            {
                Jabatan = string.IsNullOrWhiteSpace(entry.Jabatan) ? null : entry.Jabatan.Trim(),
                Nip = string.IsNullOrEmpty(nip) ? null : nip,
            });
        }

        return (people, errors);
    }

    /// <summary>The people and their index, built together so that the two never disagree.</summary>
    private sealed class Contents
    {
        private readonly Dictionary<string, Person> _byAadObjectId;

        private Contents(IReadOnlyList<Person> people)
        {
            People = people;
            _byAadObjectId = people.ToDictionary(p => p.AadObjectId, StringComparer.OrdinalIgnoreCase);
        }

        public IReadOnlyList<Person> People { get; }

        public static Contents Of(IReadOnlyList<Person> people) => new(people);

        public Person? Find(string? aadObjectId) =>
            aadObjectId is not null && _byAadObjectId.TryGetValue(aadObjectId, out var person) ? person : null;
    }
}

/// <summary>One person as written in configuration, before validation.</summary>
public sealed record DirectoryEntry(string? AadObjectId, string? Name, string? Upn, IReadOnlyList<string>? Roles, string? Jabatan = null, string? Nip = null);

public sealed record DirectoryResult(PeopleDirectory? Directory, IReadOnlyList<string> Errors);
