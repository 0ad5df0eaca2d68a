namespace PerijinanBot.Sop.People;

/// <summary>A member of the Bidang as the bot knows them. <paramref name="AadObjectId"/> is the Entra object id, the key Teams sends with every activity.</summary>
public sealed record Person(string AadObjectId, string Name, string Upn, IReadOnlySet<Role> Roles)
{
    /// <summary>The position as written under a signature, e.g. "Kepala Bidang Perijinan dan Kelembagaan"; null if not configured.</summary>
    public string? Jabatan { get; init; }

    /// <summary>Nomor Induk Pegawai (18 digits); null if not configured (non-civil-servant staff have none).</summary>
    public string? Nip { get; init; }

    public bool Holds(Role role) => Roles.Contains(role);
}
