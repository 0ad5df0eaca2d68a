using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PerijinanBot.Bot.People;
using PerijinanBot.Bot.Tests.Dialogs;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Sop.People;
using static PerijinanBot.Bot.Tests.Graph.Directory.RoleGroups;

namespace PerijinanBot.Bot.Tests.Graph.Directory;

/// <summary>
/// Someone leaves a role's group while a step of that role is theirs: the step is not silently orphaned. The superior (or,
/// with nobody in the superior role, the Admin) is told once, with the <c>alihkan</c> command; a notice nobody could
/// receive waits for the next sync.
/// </summary>
[NeedsAzurite]
public sealed class LeftRoleFlagTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_Ketua_is_told_once_across_two_syncs_that_Budi_left_the_Anggota_group_holding_step_2_and_can_reassign_it_from_the_notice()
    {
        await using var graph = await FakeGraph.StartAsync();
        var (h, anggota, _, number) = await AtStep2Async(storage.ConnectionString, graph);
        await using var session = h;

        Serve(graph, anggota, [Dewi]);
        await h.SayAsync(h.Admin, "peran sinkron", Ct);
        var first = (await h.CardAsync(h.Admin, IsSyncCard, "Admin: first sync")).Card;

        Assert.Contains(("Anggota Tim Kerja", "1 orang; dikeluarkan: Budi Santoso"), Facts(first));
        Assert.Contains("1 langkah yang masih dipegang pegawai yang tidak lagi memegang perannya telah diberitahukan kepada atasannya", DialogCards.Text(first), StringComparison.Ordinal);
        var notice = (await h.CardAsync(h.Ketua, IsLeftRoleNotice, "Ketua: left-role notice")).Card;
        var text = DialogCards.Text(notice);
        Assert.Contains($"Budi Santoso tidak lagi memegang peran Anggota Tim Kerja menurut grup Entra ID, tetapi masih tercatat sebagai pelaksana langkah 2", text, StringComparison.Ordinal);
        Assert.Contains($"kegiatan {number}.", text, StringComparison.Ordinal);
        Assert.Contains($"ketik **alihkan {number}**", text, StringComparison.Ordinal);
        var button = DialogCards.Find(notice, n => (string?)n["title"] == "Alihkan").Single();
        Assert.Equal(("Action.Submit", $"alihkan {number}"), ((string?)button["type"], (string?)button["data"]!["command"]));

        await h.SayAsync(h.Admin, "peran sinkron", Ct);
        var second = (await h.CardAsync(h.Admin, IsSyncCard, "Admin: second sync")).Card;
        Assert.Contains(("Anggota Tim Kerja", "1 orang; tidak berubah"), Facts(second));
        Assert.DoesNotContain("diberitahukan", DialogCards.Text(second), StringComparison.Ordinal);

        // The button runs "alihkan" for the Ketua, who may reassign (the superior of the step's role): Dewi is offered.
        await h.SubmitAsync(h.Ketua, "left-role-notice", (JsonObject)button["data"]!, Ct);
        var reassign = (await h.CardAsync(h.Ketua, c => DialogCards.Title(c)?.StartsWith("Alihkan langkah", StringComparison.Ordinal) == true, "Ketua: alihkan card")).Card;
        Assert.Contains("Dewi Lestari", DialogCards.Text(reassign), StringComparison.Ordinal);
        Assert.NotNull(DialogCards.Action(reassign, SopVerbs.Reassign));

        Assert.Single(h.CardsPostedTo(h.Ketua), IsLeftRoleNotice);
        foreach (var other in new[] { h.Budi, h.Kabid, h.Kadis, h.Dewi, h.Admin })
        {
            Assert.DoesNotContain(h.CardsPostedTo(other), IsLeftRoleNotice);
        }

        Assert.Empty(graph.Unexpected);
    }

    [Fact]
    public async Task A_notice_the_superior_cannot_receive_yet_waits_and_is_delivered_by_a_later_sync_once()
    {
        await using var graph = await FakeGraph.StartAsync();
        var (anggota, ketua) = (NewGroup(), NewGroup());
        Serve(graph, anggota, [Budi, Dewi]);
        Serve(graph, ketua, [Rina]);
        // Nobody has opened the bot yet: only who speaks below can be reached.
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct, introduce: false,
            settings: Settings(graph, (Role.AnggotaTimKerja, anggota), (Role.KetuaTimKerja, ketua)), configureServices: graph.Trust);
        await StatusAsync(h.Bot, s => s.LastSyncedAt is not null, "start-up sync");
        var (number, _) = await h.StartKegiatanAsync(Ct);
        await h.TasksIndexedAsync(number, Ct);

        // Budi leaves the Anggota group; the Ketua group now holds only Hendra, who has never opened the bot.
        Serve(graph, anggota, [Dewi]);
        Serve(graph, ketua, [Hendra]);
        await h.SayAsync(h.Admin, "peran sinkron", Ct);
        var first = DialogCards.Text((await h.CardAsync(h.Admin, IsSyncCard, "Admin: first sync")).Card);
        Assert.Contains("1 pemberitahuan pengalihan belum dapat dikirim", first, StringComparison.Ordinal);
        Assert.DoesNotContain("diberitahukan kepada atasannya", first, StringComparison.Ordinal);

        // Hendra opens the bot: Teams announces the installation in his 1:1 chat.
        await h.InstallAsync(h.Kabid, Ct);
        await h.CardAsync(h.Kabid, c => DialogCards.Title(c) == "Selamat datang di PerijinanBot", "Hendra: welcome card");
        Assert.DoesNotContain(h.CardsPostedTo(h.Kabid), IsLeftRoleNotice);

        await h.SayAsync(h.Admin, "peran sinkron", Ct);
        var second = DialogCards.Text((await h.CardAsync(h.Admin, IsSyncCard, "Admin: second sync")).Card);
        Assert.Contains("1 langkah yang masih dipegang pegawai yang tidak lagi memegang perannya telah diberitahukan kepada atasannya", second, StringComparison.Ordinal);
        var notice = DialogCards.Text((await h.CardAsync(h.Kabid, IsLeftRoleNotice, "Hendra: left-role notice")).Card);
        Assert.Contains($"Budi Santoso tidak lagi memegang peran Anggota Tim Kerja", notice, StringComparison.Ordinal);
        Assert.Contains($"alihkan {number}", notice, StringComparison.Ordinal);

        await h.SayAsync(h.Admin, "peran sinkron", Ct);
        var third = DialogCards.Text((await h.CardAsync(h.Admin, IsSyncCard, "Admin: third sync")).Card);
        Assert.DoesNotContain("pemberitahuan", third, StringComparison.Ordinal);
        Assert.DoesNotContain("diberitahukan", third, StringComparison.Ordinal);
        Assert.Single(h.CardsPostedTo(h.Kabid), IsLeftRoleNotice);
        Assert.Empty(graph.Unexpected);
    }

    [Fact]
    public async Task A_Plh_of_the_Ketua_in_force_today_is_told_as_well_as_the_Ketua()
    {
        // An Azurite of its own: the appointment must not reach the other tests' hosts.
        await using var azurite = await AzuriteProcess.StartAsync(Ct);
        await using var graph = await FakeGraph.StartAsync();
        var (h, anggota, _, number) = await AtStep2Async(azurite.ConnectionString, graph);
        await using var session = h;

        // Rina is away today: Hendra stands in for her (surat tugas), so he may reassign in her name.
        var today = OfficeWeek.Today;
        var appointed = await h.Bot.Services.GetRequiredService<DelegationStore>()
            .AddAsync(h.Admin.AadObjectId, "plh-rina-today", new NewDelegation(h.Ketua.AadObjectId, h.Kabid.AadObjectId, today, today, "ST 800/77/2026", BasisDate: today), Ct);
        Assert.True(appointed.IsOk, appointed.Error);

        Serve(graph, anggota, [Dewi]);
        await h.SayAsync(h.Admin, "peran sinkron", Ct);
        await h.CardAsync(h.Admin, IsSyncCard, "Admin: sync");

        await h.CardAsync(h.Ketua, IsLeftRoleNotice, "Ketua: left-role notice");
        await h.CardAsync(h.Kabid, IsLeftRoleNotice, "Kabid as Plh. of the Ketua: left-role notice");
        Assert.Single(h.CardsPostedTo(h.Kabid), IsLeftRoleNotice);
    }

    [Fact]
    public async Task When_nobody_holds_the_superior_role_the_Admin_is_told_instead_and_says_why()
    {
        await using var graph = await FakeGraph.StartAsync();
        var (h, anggota, ketua, number) = await AtStep2Async(storage.ConnectionString, graph);
        await using var session = h;

        Serve(graph, anggota, [Dewi]);
        Serve(graph, ketua, []);
        await h.SayAsync(h.Admin, "peran sinkron", Ct);
        await h.CardAsync(h.Admin, IsSyncCard, "Admin: sync");

        var notice = DialogCards.Text((await h.CardAsync(h.Admin, c => IsLeftRoleNotice(c) && DialogCards.Text(c).Contains(number, StringComparison.Ordinal), "Admin: left-role notice")).Card);
        Assert.Contains("Budi Santoso tidak lagi memegang peran Anggota Tim Kerja", notice, StringComparison.Ordinal);
        Assert.Contains("Pemberitahuan ini dikirim kepada Admin karena peran atasannya (Ketua Tim Kerja) saat ini tidak dipegang siapa pun.", notice, StringComparison.Ordinal);
        Assert.DoesNotContain(h.CardsPostedTo(h.Ketua), IsLeftRoleNotice);
        Assert.Empty(graph.Unexpected);
    }

    /// <summary>
    /// The bot with the Anggota group {Budi, Dewi} and the Ketua group {Rina}, synced at start, and a kegiatan at step 2 (Budi's),
    /// in the task index: what every left-role test starts from.
    /// </summary>
    private static async Task<(DialogHarness H, string Anggota, string Ketua, string Number)> AtStep2Async(string connectionString, FakeGraph graph)
    {
        var (anggota, ketua) = (NewGroup(), NewGroup());
        Serve(graph, anggota, [Budi, Dewi]);
        Serve(graph, ketua, [Rina]);
        var h = await DialogHarness.StartAsync(connectionString, Ct,
            settings: Settings(graph, (Role.AnggotaTimKerja, anggota), (Role.KetuaTimKerja, ketua)), configureServices: graph.Trust);
        await StatusAsync(h.Bot, s => s.LastSyncedAt is not null, "start-up sync");
        var number = await h.WalkToAsync(2, Ct);
        await h.TasksIndexedAsync(number, Ct);
        return (h, anggota, ketua, number);
    }
}
