using PerijinanBot.Bot.Tests.Dialogs;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Sop.People;
using static PerijinanBot.Bot.Tests.Graph.Directory.RoleGroups;

namespace PerijinanBot.Bot.Tests.Graph.Directory;

/// <summary>
/// Roles from Entra groups through the real host and the Graph stand-in: what the bot asks Graph (and nothing else), what
/// the directory then says, and <c>peran</c> / <c>peran sinkron</c> as people use them.
/// </summary>
[NeedsAzurite]
public sealed class RoleGroupSyncTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task At_start_up_every_page_of_each_group_is_read_nested_members_join_disabled_accounts_do_not_and_the_synced_roles_are_replaced()
    {
        await using var graph = await FakeGraph.StartAsync();
        var anggota = NewGroup();
        var ketua = NewGroup();
        // Two per page: Budi and the disabled Yusuf, then (after one 429) Andi, who is in the group through a nested group.
        Serve(graph, anggota, [Budi, YusufDisabled, Andi], pageSize: 2, throttledPage: 1);
        // Dewi was promoted: she is in the Ketua group now and no longer in the Anggota group.
        Serve(graph, ketua, [Rina, Dewi]);

        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct,
            settings: Settings(graph, (Role.AnggotaTimKerja, anggota), (Role.KetuaTimKerja, ketua)), configureServices: graph.Trust);
        var status = await StatusAsync(h.Bot, s => s.LastSyncedAt is not null || s.LastFailure is not null, "start-up sync");

        Assert.Null(status.LastFailure);
        Assert.Equal(["Budi Santoso", "Andi Wijaya"], Holders(h.Bot, Role.AnggotaTimKerja));
        Assert.Equal(["Rina Marlina", "Dewi Lestari"], Holders(h.Bot, Role.KetuaTimKerja));
        var directory = PeopleOf(h.Bot);
        Assert.Null(directory.Find(YusufId));
        var andi = directory.Find(AndiId)!;
        Assert.Equal(("andi.wijaya@diskopukm.example", "Analis Perizinan", "199001012015011001"), (andi.Upn, andi.Jabatan, andi.Nip));
        var dewi = directory.Find(h.Dewi.AadObjectId)!;
        Assert.Equal(new HashSet<Role> { Role.KetuaTimKerja }, dewi.Roles);
        Assert.Equal(("Anggota Tim Kerja Perijinan", "199104272015032002"), (dewi.Jabatan, dewi.Nip));
        // Roles that are not synced stay as configured.
        Assert.Equal(["Hendra Gunawan"], Holders(h.Bot, Role.KepalaBidang));
        Assert.Equal(["Agus Pratama"], Holders(h.Bot, Role.Admin));

        var calls = graph.Requests;
        Assert.Equal(4, calls.Count);
        Assert.All(calls, c => Assert.Equal(("GET", $"Bearer {FakeGraph.AccessToken}"), (c.Method, c.Authorization)));
        Assert.Equal((PathOf(anggota), $"$select={Select}&$top={Top}"), (calls[0].Path, Query(calls[0])));
        var nextPage = $"$select={Select}&$skiptoken={SkipToken(1)}&$top={Top}";
        Assert.Equal((PathOf(anggota), nextPage), (calls[1].Path, Query(calls[1])));
        Assert.Equal((PathOf(anggota), nextPage), (calls[2].Path, Query(calls[2])));
        Assert.True(calls[2].At - calls[1].At >= TimeSpan.FromSeconds(0.9), $"the throttled page was asked again after {(calls[2].At - calls[1].At).TotalSeconds:0.00}s; Retry-After said 1 s");
        Assert.Equal((PathOf(ketua), $"$select={Select}&$top={Top}"), (calls[3].Path, Query(calls[3])));
        Assert.Empty(graph.Unexpected);

        await h.SayAsync(h.Budi, "peran", Ct);
        var card = (await h.CardAsync(h.Budi, IsRolesCard, "Budi: peran card")).Card;
        Assert.Contains(("Anggota Tim Kerja", "Budi Santoso, Andi Wijaya"), Facts(card));
        Assert.Contains("Sumber: grup Entra ID untuk Anggota Tim Kerja, Ketua Tim Kerja; peran lain dari konfigurasi bot. Terakhir disinkronkan ", DialogCards.Text(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Peran_sinkron_by_the_Admin_says_per_role_how_many_hold_it_and_who_was_added_or_removed_while_anyone_else_is_refused()
    {
        await using var graph = await FakeGraph.StartAsync();
        var anggota = NewGroup();
        var ketua = NewGroup();
        Serve(graph, anggota, [Budi, Dewi]);
        Serve(graph, ketua, [Rina]);
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct,
            settings: Settings(graph, (Role.AnggotaTimKerja, anggota), (Role.KetuaTimKerja, ketua)), configureServices: graph.Trust);
        await StatusAsync(h.Bot, s => s.LastSyncedAt is not null, "start-up sync");
        var asked = graph.Requests.Count;

        await h.SayAsync(h.Budi, "peran sinkron", Ct);
        var refusal = await h.TextInAsync(h.Budi.ConversationId, "Budi: refusal");
        Assert.Equal("Maaf, hanya Admin yang dapat menjalankan **peran sinkron**. Ketik **peran** untuk melihat pemegang peran saat ini.", refusal);
        Assert.Equal(asked, graph.Requests.Count);

        Serve(graph, anggota, [Budi, Andi]);
        Serve(graph, ketua, [Rina, Dewi]);
        await h.SayAsync(h.Admin, "peran sinkron", Ct);
        var card = (await h.CardAsync(h.Admin, IsSyncCard, "Admin: sync card")).Card;

        Assert.Equal(
        [
            ("Anggota Tim Kerja", "2 orang; ditambahkan: Andi Wijaya; dikeluarkan: Dewi Lestari"),
            ("Ketua Tim Kerja", "2 orang; ditambahkan: Dewi Lestari"),
        ], Facts(card));
        Assert.Equal(["Budi Santoso", "Andi Wijaya"], Holders(h.Bot, Role.AnggotaTimKerja));
        Assert.Equal(["Rina Marlina", "Dewi Lestari"], Holders(h.Bot, Role.KetuaTimKerja));
        var sync = graph.Requests.Skip(asked).ToList();
        Assert.Equal([PathOf(anggota), PathOf(ketua)], sync.Select(r => r.Path));
        Assert.All(sync, r => Assert.Equal(("GET", $"$select={Select}&$top={Top}"), (r.Method, Query(r))));
        Assert.Empty(graph.Unexpected);
    }

    [Fact]
    public async Task When_Graph_refuses_the_directory_stays_as_it_was_and_the_Admin_is_told_why_in_Indonesian()
    {
        await using var graph = await FakeGraph.StartAsync();
        var anggota = NewGroup();
        var ketua = NewGroup();
        Serve(graph, anggota, [Budi, Dewi]);
        Serve(graph, ketua, [Rina]);
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct,
            settings: Settings(graph, (Role.AnggotaTimKerja, anggota), (Role.KetuaTimKerja, ketua)), configureServices: graph.Trust);
        var synced = await StatusAsync(h.Bot, s => s.LastSyncedAt is not null, "start-up sync");

        // The Anggota group now reads fine (with Andi), the Ketua group is refused: nothing of the half-read sync may apply.
        Serve(graph, anggota, [Budi, Dewi, Andi]);
        graph.On("GET", System.Text.RegularExpressions.Regex.Escape(PathOf(ketua)),
            _ => GraphReply.Error(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation."));
        await h.SayAsync(h.Admin, "peran sinkron", Ct);
        var answer = await h.TextInAsync(h.Admin.ConversationId, "Admin: sync failed");

        Assert.Equal(
            "Sinkronisasi peran dari grup Entra ID gagal, jadi daftar pemegang peran tetap seperti sebelumnya. Penyebab: Aplikasi bot tidak diizinkan membaca anggota grup "
            + $"(grup peran Ketua Tim Kerja, id {ketua}); berikan izin aplikasi GroupMember.Read.All dan User.Read.All (403 Authorization_RequestDenied).",
            answer);
        Assert.Equal(["Budi Santoso", "Dewi Lestari"], Holders(h.Bot, Role.AnggotaTimKerja));
        Assert.Null(PeopleOf(h.Bot).Find(AndiId));

        await h.SayAsync(h.Admin, "peran", Ct);
        var card = DialogCards.Text((await h.CardAsync(h.Admin, IsRolesCard, "Admin: peran card")).Card);
        Assert.Contains($"Terakhir disinkronkan {Sop.WibFormat.DateTime(synced.LastSyncedAt!.Value)}.", card, StringComparison.Ordinal);
        Assert.Contains("Sinkronisasi terakhir gagal: Aplikasi bot tidak diizinkan membaca anggota grup", card, StringComparison.Ordinal);
        Assert.Contains("Daftar di atas dari sinkronisasi sebelumnya.", card, StringComparison.Ordinal);
        Assert.Empty(graph.Unexpected);
    }

    [Fact]
    public async Task Without_role_groups_peran_names_the_configuration_as_the_source_and_peran_sinkron_explains_there_is_nothing_to_sync()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);

        await h.SayAsync(h.Admin, "peran", Ct);
        var card = (await h.CardAsync(h.Admin, IsRolesCard, "Admin: peran card")).Card;
        Assert.Contains("Sumber: konfigurasi bot (bagian Directory).", DialogCards.Text(card), StringComparison.Ordinal);
        Assert.Contains(("Anggota Tim Kerja", "Budi Santoso, Dewi Lestari"), Facts(card));

        await h.SayAsync(h.Admin, "peran sinkron", Ct);
        var answer = await h.TextInAsync(h.Admin.ConversationId, "Admin: nothing to sync");
        Assert.StartsWith("Peran di bot ini diambil dari konfigurasi (bagian Directory), bukan dari grup Entra ID", answer, StringComparison.Ordinal);
    }
}
