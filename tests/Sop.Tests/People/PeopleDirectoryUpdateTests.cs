using PerijinanBot.Sop.People;

namespace PerijinanBot.Sop.Tests.People;

/// <summary>The shared directory is read again (from Entra groups) while the bot runs: one swap, seen by every holder.</summary>
public sealed class PeopleDirectoryUpdateTests
{
    private const string Rina = "00000000-0000-4000-8000-000000000001";
    private const string Budi = "00000000-0000-4000-8000-000000000002";
    private const string Dewi = "00000000-0000-4000-8000-000000000005";

    private static DirectoryEntry Entry(string id, string name, params string[] roles) =>
        new(id, name, $"{name.Replace(' ', '.').ToLowerInvariant()}@kalbarprov.go.id", roles);

    private static PeopleDirectory Office() => PeopleDirectory.Create(
    [
        Entry(Rina, "Rina Marlina", "KetuaTimKerja"),
        Entry(Budi, "Budi Santoso", "AnggotaTimKerja"),
    ]).Directory!;

    [Fact]
    public void An_update_is_seen_through_the_instance_everyone_already_holds()
    {
        var directory = Office();
        var heldByAnotherPart = directory;

        var errors = directory.Update(
        [
            Entry(Rina, "Rina Marlina", "KetuaTimKerja"),
            new DirectoryEntry(Dewi, "Dewi Lestari", "dewi.lestari@kalbarprov.go.id", ["AnggotaTimKerja"], "Anggota Tim Kerja Perijinan", "1991 0427 2015 0320 02"),
        ]);

        Assert.Empty(errors);
        Assert.Null(heldByAnotherPart.Find(Budi));
        var dewi = heldByAnotherPart.Find(Dewi.ToUpperInvariant());
        Assert.Equal(("Dewi Lestari", "Anggota Tim Kerja Perijinan", "199104272015032002"), (dewi?.Name, dewi?.Jabatan, dewi?.Nip));
        Assert.Equal(["Dewi Lestari"], heldByAnotherPart.HoldersOf(Role.AnggotaTimKerja).Select(p => p.Name));
        Assert.Equal(["Rina Marlina", "Dewi Lestari"], heldByAnotherPart.People.Select(p => p.Name));
        Assert.Equal([Role.KepalaBidang, Role.KepalaDinas], heldByAnotherPart.VacantRoles());
    }

    [Fact]
    public void An_update_with_any_mistake_changes_nothing_and_names_every_mistake_where_it_came_from()
    {
        var directory = Office();

        var errors = directory.Update(
        [
            Entry(Rina, "Rina Marlina", "KetuaTimKerja"),
            Entry(Rina, "Rina lagi", "KepalaBidang"),
            new DirectoryEntry(Dewi, " ", "tanpa-at", ["Bendahara"], Nip: "123"),
        ], "Graph:RoleGroups");

        Assert.Equal(
        [
            $"Graph:RoleGroups:1:AadObjectId '{Rina}' is listed twice.",
            "Graph:RoleGroups:2:Name is required.",
            "Graph:RoleGroups:2:Upn must be a user principal name such as nama@kalbarprov.go.id, got 'tanpa-at'.",
            "Graph:RoleGroups:2:Roles has unknown role 'Bendahara'. Known roles: AnggotaTimKerja, KetuaTimKerja, KepalaBidang, KepalaDinas, Admin.",
            "Graph:RoleGroups:2:Nip must be the 18-digit Nomor Induk Pegawai (spaces allowed), got '123'.",
        ], errors);
        Assert.Equal(["Rina Marlina", "Budi Santoso"], directory.People.Select(p => p.Name));
        Assert.Equal("Budi Santoso", directory.Find(Budi)?.Name);
    }

    [Fact]
    public void A_snapshot_keeps_the_directory_as_it_was_when_taken()
    {
        var directory = Office();
        var before = directory.Snapshot();

        Assert.Empty(directory.Update([Entry(Budi, "Budi Santoso", "KetuaTimKerja")]));

        Assert.Equal(["Rina Marlina"], before.HoldersOf(Role.KetuaTimKerja).Select(p => p.Name));
        Assert.Equal(["Budi Santoso"], before.HoldersOf(Role.AnggotaTimKerja).Select(p => p.Name));
        Assert.Equal(["Budi Santoso"], directory.HoldersOf(Role.KetuaTimKerja).Select(p => p.Name));
        Assert.Empty(directory.HoldersOf(Role.AnggotaTimKerja));
    }

    [Fact]
    public void An_update_to_nobody_is_allowed_and_every_pelaksana_role_is_then_vacant()
    {
        var directory = Office();

        Assert.Empty(directory.Update([]));

        Assert.Empty(directory.People);
        Assert.Equal(RoleNames.Pelaksana, directory.VacantRoles());
    }

    [Fact]
    public void Empty_hands_out_a_new_directory_each_time_so_updating_one_cannot_fill_another()
    {
        var first = PeopleDirectory.Empty;
        Assert.Empty(first.Update([Entry(Rina, "Rina Marlina", "KetuaTimKerja")]));

        Assert.Single(first.People);
        Assert.Empty(PeopleDirectory.Empty.People);
    }

    [Fact]
    public async Task Readers_during_updates_always_see_one_whole_directory_never_a_mix()
    {
        // Two directories that differ in everyone: a reader that saw half of each would find a person of the other one.
        DirectoryEntry[] ketuas = [Entry(Rina, "Rina Marlina", "KetuaTimKerja"), Entry(Budi, "Budi Santoso", "KetuaTimKerja")];
        DirectoryEntry[] anggotas = [Entry(Dewi, "Dewi Lestari", "AnggotaTimKerja"), Entry("00000000-0000-4000-8000-000000000007", "Andi Wijaya", "AnggotaTimKerja")];
        var directory = PeopleDirectory.Create(ketuas).Directory!;
        using var stop = new CancellationTokenSource();
        var mixed = 0;
        var reads = 0;
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var people = directory.People;
                if (people.Count != 2 || people.Select(p => p.Roles.Single()).Distinct().Count() != 1)
                {
                    Interlocked.Increment(ref mixed);
                }

                Interlocked.Increment(ref reads);
            }
        })).ToList();

        // Swap while the readers read, until they have read plenty of times across the swaps.
        var updates = 0;
        while (Volatile.Read(ref reads) < 50_000 && updates < 5_000_000)
        {
            Assert.Empty(directory.Update(updates++ % 2 == 0 ? anggotas : ketuas));
        }

        await stop.CancelAsync();
        await Task.WhenAll(readers);
        Assert.True(reads >= 50_000 && updates > 100, $"{reads} reads across {updates} updates");
        Assert.Equal(0, mixed);
    }
}
