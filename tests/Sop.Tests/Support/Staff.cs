using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Sop.Tests.Support;

/// <summary>The Bidang as the tests know it.</summary>
internal static class Staff
{
    public const string Rina = "00000000-0000-4000-8000-000000000001";   // Ketua Tim Kerja, starts kegiatan
    public const string Budi = "00000000-0000-4000-8000-000000000002";   // Anggota Tim Kerja
    public const string Dewi = "00000000-0000-4000-8000-000000000003";   // Anggota Tim Kerja
    public const string Hendra = "00000000-0000-4000-8000-000000000004"; // Kepala Bidang
    public const string Siti = "00000000-0000-4000-8000-000000000005";   // Kepala Dinas
    public const string Agus = "00000000-0000-4000-8000-000000000006";   // Admin
    public const string Yusuf = "00000000-0000-4000-8000-000000000007"; // another Ketua Tim Kerja
    public const string Lina = "00000000-0000-4000-8000-000000000008";   // a second Kepala Bidang
    public const string Stranger = "00000000-0000-4000-8000-000000000099";

    public static PeopleDirectory Directory { get; } = PeopleDirectory.Create(
    [
        Entry(Rina, "Rina Marlina", Role.KetuaTimKerja),
        Entry(Budi, "Budi Santoso", Role.AnggotaTimKerja),
        Entry(Dewi, "Dewi Lestari", Role.AnggotaTimKerja),
        Entry(Hendra, "Hendra Wijaya", Role.KepalaBidang),
        Entry(Siti, "Siti Rahmawati", Role.KepalaDinas),
        Entry(Agus, "Agus Pratama", Role.Admin),
        Entry(Yusuf, "Yusuf Hidayat", Role.KetuaTimKerja),
        Entry(Lina, "Lina Kartika", Role.KepalaBidang),
    ]).Directory!;

    public static Staffing With(params Delegation[] delegations) => Staffing.Of(Directory, delegations);

    private static DirectoryEntry Entry(string id, string name, Role role) =>
        new(id, name, $"{name.Replace(' ', '.').ToLowerInvariant()}@kalbarprov.go.id", [role.ToString()]);
}
