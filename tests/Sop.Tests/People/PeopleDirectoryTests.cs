using PerijinanBot.Sop.People;

namespace PerijinanBot.Sop.Tests.People;

public sealed class PeopleDirectoryTests
{
    private static DirectoryEntry Entry(string id, string name, params string[] roles) =>
        new(id, name, $"{name.Replace(' ', '.').ToLowerInvariant()}@kalbarprov.go.id", roles);

    [Fact]
    public void A_valid_directory_finds_people_by_object_id_and_role()
    {
        var result = PeopleDirectory.Create(
        [
            Entry("00000000-0000-4000-8000-000000000001", "Rina Marlina", "KetuaTimKerja"),
            Entry("00000000-0000-4000-8000-000000000002", "Budi Santoso", "anggotatimkerja", "Admin"),
        ]);

        Assert.Empty(result.Errors);
        var directory = result.Directory!;
        Assert.Equal("Rina Marlina", directory.Find("00000000-0000-4000-8000-000000000001")?.Name);
        Assert.Equal("Budi Santoso", directory.Find("00000000-0000-4000-8000-000000000002".ToUpperInvariant())?.Name);
        Assert.Null(directory.Find("00000000-0000-4000-8000-000000000009"));
        Assert.Equal(["Budi Santoso"], directory.HoldersOf(Role.Admin).Select(p => p.Name));
        Assert.Equal([Role.KepalaBidang, Role.KepalaDinas], directory.VacantRoles());
    }

    [Fact]
    public void Every_mistake_is_reported_with_where_it_is()
    {
        var result = PeopleDirectory.Create(
        [
            new DirectoryEntry("not-a-guid", "", "no-at-sign", ["Kadis"]),
            Entry("00000000-0000-4000-8000-000000000001", "Rina"),
            Entry("00000000-0000-4000-8000-000000000001", "Rina again", "KetuaTimKerja"),
            Entry("00000000-0000-4000-8000-000000000003", "Numeric", "3"),
        ]);

        Assert.Null(result.Directory);
        Assert.Contains(result.Errors, e => e.StartsWith("Directory:Users:0:AadObjectId", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.StartsWith("Directory:Users:0:Name", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.StartsWith("Directory:Users:0:Upn", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.StartsWith("Directory:Users:0:Roles has unknown role 'Kadis'", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.StartsWith("Directory:Users:1:Roles must name at least one role", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.StartsWith("Directory:Users:2:AadObjectId", StringComparison.Ordinal) && e.Contains("twice", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.StartsWith("Directory:Users:3:Roles has unknown role '3'", StringComparison.Ordinal));
    }

    [Fact]
    public void Roles_have_their_Indonesian_names_from_the_SOP()
    {
        Assert.Equal("Anggota Tim Kerja", Role.AnggotaTimKerja.Indonesian());
        Assert.Equal("Ketua Tim Kerja", Role.KetuaTimKerja.Indonesian());
        Assert.Equal("Kepala Bidang Perijinan dan Kelembagaan", Role.KepalaBidang.Indonesian());
        Assert.Equal("Kepala Dinas", Role.KepalaDinas.Indonesian());
        Assert.Equal([Role.AnggotaTimKerja, Role.KetuaTimKerja, Role.KepalaBidang, Role.KepalaDinas], RoleNames.Pelaksana);
    }
}
