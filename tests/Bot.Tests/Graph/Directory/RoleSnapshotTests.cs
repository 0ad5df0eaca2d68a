using Azure.Data.Tables;
using PerijinanBot.Bot.Roles;
using PerijinanBot.Bot.Tests.Dialogs;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Sop.People;
using static PerijinanBot.Bot.Tests.Graph.Directory.RoleGroups;

namespace PerijinanBot.Bot.Tests.Graph.Directory;

/// <summary>Graph down at start-up: the bot still starts and answers, from the last stored sync (or configuration), and syncs once Graph is back.</summary>
[NeedsAzurite]
public sealed class RoleSnapshotTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_restart_while_Graph_is_down_keeps_the_roles_of_the_last_sync_and_a_later_sync_brings_the_changes()
    {
        await using var graph = await FakeGraph.StartAsync();
        var (anggota, ketua) = (NewGroup(), NewGroup());
        var settings = Settings(graph, (Role.AnggotaTimKerja, anggota), (Role.KetuaTimKerja, ketua));
        Serve(graph, anggota, [Budi, Andi]);
        Serve(graph, ketua, [Rina, Dewi]);
        DateTimeOffset syncedAt;
        await using (var before = await DialogHarness.StartAsync(storage.ConnectionString, Ct, introduce: false, settings: settings, configureServices: graph.Trust))
        {
            syncedAt = (await StatusAsync(before.Bot, s => s.LastSyncedAt is not null, "first host: start-up sync")).LastSyncedAt!.Value;
        }

        // Kept in one row per role group, in the DirectorySync table.
        var rows = new TableClient(storage.ConnectionString, RoleSyncStore.TableName).QueryAsync<TableEntity>(e => e.PartitionKey == "group", cancellationToken: Ct);
        var kept = new List<string>();
        await foreach (var row in rows)
        {
            kept.Add($"{row.GetString("Role")} {row.GetString("GroupId")} {row.GetInt32("MemberCount")}");
        }

        Assert.Contains($"AnggotaTimKerja {anggota} 2", kept);
        Assert.Contains($"KetuaTimKerja {ketua} 2", kept);

        graph.Unreachable = true;
        var asked = graph.Requests.Count;
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct, settings: settings, configureServices: graph.Trust);
        var status = await StatusAsync(h.Bot, s => s.LastFailure is not null, "second host: failed start-up sync");

        // Everyone was greeted (the bot started and answers), with the roles of the stored sync, not the configured ones.
        Assert.Equal(syncedAt, status.LastSyncedAt);
        Assert.Equal("Microsoft Graph tidak dapat dihubungi (jaringan terputus atau server tidak menjawab).", status.LastFailure);
        Assert.Equal(["Budi Santoso", "Andi Wijaya"], Holders(h.Bot, Role.AnggotaTimKerja));
        Assert.Equal(["Rina Marlina", "Dewi Lestari"], Holders(h.Bot, Role.KetuaTimKerja));
        await h.SayAsync(h.Dewi, "peran", Ct);
        var card = DialogCards.Text((await h.CardAsync(h.Dewi, IsRolesCard, "Dewi: peran card")).Card);
        Assert.Contains($"Terakhir disinkronkan {Sop.WibFormat.DateTime(syncedAt)}.", card, StringComparison.Ordinal);
        Assert.Contains("Sinkronisasi terakhir gagal: Microsoft Graph tidak dapat dihubungi", card, StringComparison.Ordinal);

        graph.Unreachable = false;
        Serve(graph, anggota, [Budi, Dewi]);
        Serve(graph, ketua, [Rina]);
        await h.SayAsync(h.Admin, "peran sinkron", Ct);
        var synced = (await h.CardAsync(h.Admin, IsSyncCard, "Admin: sync after Graph is back")).Card;

        Assert.Equal(
        [
            ("Anggota Tim Kerja", "2 orang; ditambahkan: Dewi Lestari; dikeluarkan: Andi Wijaya"),
            ("Ketua Tim Kerja", "1 orang; dikeluarkan: Dewi Lestari"),
        ], Facts(synced));
        Assert.Equal(["Budi Santoso", "Dewi Lestari"], Holders(h.Bot, Role.AnggotaTimKerja));
        Assert.Null(PeopleOf(h.Bot).Find(AndiId));
        Assert.Equal([PathOf(anggota), PathOf(ketua)], graph.Requests.Skip(asked).Select(r => r.Path));
        Assert.Empty(graph.Unexpected);
    }

    [Fact]
    public async Task Graph_down_at_the_very_first_start_leaves_the_configured_roles_and_the_first_sync_that_works_replaces_them()
    {
        await using var graph = await FakeGraph.StartAsync();
        var (anggota, ketua) = (NewGroup(), NewGroup());
        graph.Unreachable = true;
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct,
            settings: Settings(graph, (Role.AnggotaTimKerja, anggota), (Role.KetuaTimKerja, ketua)), configureServices: graph.Trust);
        var status = await StatusAsync(h.Bot, s => s.LastFailure is not null, "failed start-up sync");

        Assert.Null(status.LastSyncedAt);
        Assert.Equal(["Budi Santoso", "Dewi Lestari"], Holders(h.Bot, Role.AnggotaTimKerja));
        Assert.Equal(["Rina Marlina"], Holders(h.Bot, Role.KetuaTimKerja));
        await h.SayAsync(h.Admin, "peran", Ct);
        var card = DialogCards.Text((await h.CardAsync(h.Admin, IsRolesCard, "Admin: peran card")).Card);
        Assert.Contains("tetapi belum pernah berhasil disinkronkan; sementara ini dari konfigurasi bot", card, StringComparison.Ordinal);
        Assert.Contains("Daftar di atas diambil dari konfigurasi bot.", card, StringComparison.Ordinal);

        // Still down when the Admin asks: told why, nothing changes.
        await h.SayAsync(h.Admin, "peran sinkron", Ct);
        Assert.Equal(
            "Sinkronisasi peran dari grup Entra ID gagal, jadi daftar pemegang peran tetap seperti sebelumnya. Penyebab: Microsoft Graph tidak dapat dihubungi (jaringan terputus atau server tidak menjawab).",
            await h.TextInAsync(h.Admin.ConversationId, "Admin: sync failed"));

        graph.Unreachable = false;
        Serve(graph, anggota, [Budi, Andi]);
        Serve(graph, ketua, [Rina]);
        await h.SayAsync(h.Admin, "peran sinkron", Ct);
        var synced = (await h.CardAsync(h.Admin, IsSyncCard, "Admin: sync")).Card;

        Assert.Contains(("Anggota Tim Kerja", "2 orang; ditambahkan: Andi Wijaya; dikeluarkan: Dewi Lestari"), Facts(synced));
        Assert.Equal(["Budi Santoso", "Andi Wijaya"], Holders(h.Bot, Role.AnggotaTimKerja));
        Assert.Null(PeopleOf(h.Bot).Find(h.Dewi.AadObjectId));
        Assert.Empty(graph.Unexpected);
    }
}
