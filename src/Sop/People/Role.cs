namespace PerijinanBot.Sop.People;

/// <summary>
/// What a person may do in the office. The first four are the SOP's pelaksana, lowest to highest;
/// <see cref="Admin"/> runs the bot itself (directory, reassignment) and is never a step's assignee.
/// </summary>
public enum Role
{
    AnggotaTimKerja,
    KetuaTimKerja,
    KepalaBidang,
    KepalaDinas,
    Admin,
}

public static class RoleNames
{
    /// <summary>The name a civil servant reads, as the SOP writes it.</summary>
    public static string Indonesian(this Role role) => role switch
    {
        Role.AnggotaTimKerja => "Anggota Tim Kerja",
        Role.KetuaTimKerja => "Ketua Tim Kerja",
        Role.KepalaBidang => "Kepala Bidang Perijinan dan Kelembagaan",
        Role.KepalaDinas => "Kepala Dinas",
        Role.Admin => "Admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>The four SOP roles, lowest to highest.</summary>
    public static IReadOnlyList<Role> Pelaksana { get; } =
        [Role.AnggotaTimKerja, Role.KetuaTimKerja, Role.KepalaBidang, Role.KepalaDinas];
}
