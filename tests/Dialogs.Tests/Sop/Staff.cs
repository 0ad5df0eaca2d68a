using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Dialogs.Tests.Sop;

/// <summary>The Bidang as these tests know it.</summary>
internal static class Staff
{
    public const string Rina = "00000000-0000-4000-8000-000000000001";   // Ketua Tim Kerja, starts kegiatan
    public const string Budi = "00000000-0000-4000-8000-000000000002";   // Anggota Tim Kerja
    public const string Dewi = "00000000-0000-4000-8000-000000000003";   // Anggota Tim Kerja
    public const string Hendra = "00000000-0000-4000-8000-000000000004"; // Kepala Bidang
    public const string Siti = "00000000-0000-4000-8000-000000000005";   // Kepala Dinas
    public const string Agus = "00000000-0000-4000-8000-000000000006";   // Admin
    public const string Yusuf = "00000000-0000-4000-8000-000000000007";  // another Ketua Tim Kerja; Plh. of the Kepala Bidang

    public const string DelegationBasis = "800.1.11.1/12/DISKOPUKM/2026";

    public static PeopleDirectory Directory { get; } = Create(withKepalaDinas: true);

    /// <summary>Nobody holds Kepala Dinas: step 5 stays vacant.</summary>
    public static PeopleDirectory WithoutKepalaDinas { get; } = Create(withKepalaDinas: false);

    public static Staffing With(params Delegation[] delegations) => Staffing.Of(Directory, delegations);

    /// <summary>Yusuf stands in for Hendra (Kepala Bidang) the whole week of 13 July 2026.</summary>
    public static Delegation YusufForHendra { get; } = new(Hendra, Yusuf, new DateOnly(2026, 7, 13), new DateOnly(2026, 7, 17), DelegationBasis, BasisDate: new DateOnly(2026, 7, 10));

    private static PeopleDirectory Create(bool withKepalaDinas)
    {
        var entries = new List<DirectoryEntry>
        {
            Entry(Rina, "Rina Marlina", Role.KetuaTimKerja),
            Entry(Budi, "Budi Santoso", Role.AnggotaTimKerja),
            Entry(Dewi, "Dewi Lestari", Role.AnggotaTimKerja),
            Entry(Hendra, "Hendra Gunawan", Role.KepalaBidang),
            Entry(Agus, "Agus Pratama", Role.Admin),
            Entry(Yusuf, "Yusuf Hidayat", Role.KetuaTimKerja),
        };
        if (withKepalaDinas)
        {
            entries.Add(Entry(Siti, "Siti Rahmawati", Role.KepalaDinas));
        }

        return PeopleDirectory.Create(entries).Directory!;
    }

    private static DirectoryEntry Entry(string id, string name, Role role) =>
        new(id, name, $"{name.Replace(' ', '.').ToUpperInvariant()}@kalbarprov.go.id", [role.ToString()]);
}
