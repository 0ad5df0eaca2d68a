using PerijinanBot.Bot.People;
using PerijinanBot.Bot.Roles;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Bot.Tests.Graph.Directory;

/// <summary>How the groups' members and the Directory section become one directory (no host needed: the merge is pure).</summary>
public sealed class RoleMergeTests
{
    private const string Rina = "00000000-0000-4000-8000-000000000001";
    private const string Agus = "00000000-0000-4000-8000-000000000006";
    private const string Nia = "2f4e6a8c-1b3d-4f5a-8c7e-9d0b1a2c3e4f";

    private static readonly DirectoryUserOptions[] Configured =
    [
        new() { AadObjectId = Rina, Name = "Rina M.", Upn = "rina@lama.example", Roles = ["KetuaTimKerja", "Admin"] },
        new() { AadObjectId = Agus, Name = "Agus Pratama", Upn = "agus.pratama@diskopukm.example", Roles = ["Admin"], Jabatan = "Pengelola Data", Nip = "198909092014021001" },
    ];

    [Fact]
    public void Synced_roles_follow_the_groups_other_roles_the_configuration_and_Entra_fills_what_the_configuration_leaves_empty()
    {
        var entries = RoleMerge.Merge(Configured,
        [
            new RoleMembers(Role.KetuaTimKerja, "g-ketua",
            [
                new GroupMember(Nia, "Nia Ramadhani", "nia.ramadhani@diskopukm.example", "Ketua Tim Kerja Kelembagaan", "EMP-0042"),
            ]),
            new RoleMembers(Role.AnggotaTimKerja, "g-anggota",
            [
                new GroupMember(Rina, "Rina Marlina", "rina.marlina@diskopukm.example", "Anggota Tim Kerja", "197805122005012003"),
            ]),
        ]);
        var directory = PeopleDirectory.Create(entries, "test").Directory!;

        var rina = directory.Find(Rina)!;
        Assert.Equal(new HashSet<Role> { Role.AnggotaTimKerja, Role.Admin }, rina.Roles);
        Assert.Equal(("Rina Marlina", "rina.marlina@diskopukm.example", "Anggota Tim Kerja", "197805122005012003"), (rina.Name, rina.Upn, rina.Jabatan, rina.Nip));
        var nia = directory.Find(Nia)!;
        Assert.Equal(new HashSet<Role> { Role.KetuaTimKerja }, nia.Roles);
        Assert.Equal(("Ketua Tim Kerja Kelembagaan", null), (nia.Jabatan, nia.Nip));
        var agus = directory.Find(Agus)!;
        Assert.Equal(("Pengelola Data", "198909092014021001"), (agus.Jabatan, agus.Nip));
        // Configured people keep their place; people only Entra knows follow.
        Assert.Equal([Rina, Agus, Nia], entries.Select(e => e.AadObjectId));
    }

    [Fact]
    public void Someone_left_with_no_role_at_all_is_no_longer_listed()
    {
        var entries = RoleMerge.Merge(Configured, [new RoleMembers(Role.KetuaTimKerja, "g-ketua", []), new RoleMembers(Role.Admin, "g-admin", [])]);

        Assert.Empty(entries);
    }

    [Theory]
    [InlineData("1990 0101 2015 0110 01", "199001012015011001")]
    [InlineData("199001012015011001", "199001012015011001")]
    [InlineData("EMP-0042", null)]
    [InlineData("19900101201501100", null)]
    [InlineData(null, null)]
    public void Entras_employeeId_is_a_NIP_only_when_it_is_18_digits(string? employeeId, string? nip) =>
        Assert.Equal(nip, RoleMerge.Nip(employeeId));
}
