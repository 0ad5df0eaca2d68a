using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PerijinanBot.Bot.Tests.Dialogs;
using PerijinanBot.Bot.Tests.Graph.Directory;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Bot.Tests.Graph;

/// <summary>
/// Every Graph feature switched on, and Graph unreachable from the start: the bot starts, a whole kegiatan goes from mulai to
/// its closing card, and the Graph work it left (the calendar event, the archive uploads, the role sync) completes once Graph
/// answers again.
/// </summary>
[NeedsAzurite]
public sealed class GraphOutageTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>
{
    private const string Organizer = "bidang.perijinan@diskopukm.example";
    private const string Drive = "b!QXJzaXAtUGVyaWppbmFuLURpc2tvcHVrbQ";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_Graph_down_a_full_kegiatan_completes_and_the_pending_Graph_work_completes_when_it_returns()
    {
        await using var graph = await FakeGraph.StartAsync();
        graph.Unreachable = true;
        var anggota = RoleGroups.NewGroup();
        RoleGroups.Serve(graph, anggota, [RoleGroups.Budi, RoleGroups.Andi]);
        graph.On("POST", Regex.Escape($"/users/{Organizer}/events"), r => GraphReply.Json(new JsonObject { ["id"] = "AAMkADkegiatan=", ["transactionId"] = (string?)r.Json?["transactionId"] }, 201));
        graph.On("PUT", $"/drives/{Regex.Escape(Drive)}/items/root:/.+:/content", r => GraphReply.Json(new JsonObject
        {
            ["id"] = "01ARSIP",
            ["webUrl"] = $"https://diskopukm.sharepoint.example/sites/arsip/{Uri.EscapeDataString(r.Path)}",
        }, 201));

        var settings = RoleGroups.Settings(graph, (Role.AnggotaTimKerja, anggota));
        settings["Graph:TeamsAppId"] = "0b9c4f33-1a2b-4c3d-9e8f-7a6b5c4d3e2f";
        settings["Graph:Calendar:Organizer"] = Organizer;
        settings["Graph:Archive:DriveId"] = Drive;
        settings["Workflow:Storage:RetryBaseDelay"] = "00:00:00.200";
        settings["Workflow:Storage:RetryMaxDelay"] = "00:00:01";
        settings["Workflow:Storage:OutboxPollInterval"] = "00:00:00.300";
        settings["Workflow:Storage:MaxAttempts"] = "1000";
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct, settings: settings, configureServices: graph.Trust);

        // The whole SOP while Graph is down: every decision answers, the closing card comes with its download links.
        var number = await h.WalkToAsync(7, Ct);
        var (_, reported) = await h.ActAsync(h.Budi, number, 7, SopVerbs.Report, DialogHarness.Step7Form, Ct);
        Assert.True(reported.IsCard, reported.ToString());
        var closing = await h.CardAsync(h.Kadis, c => DialogCards.Title(c) == $"Kegiatan {number} selesai", "Kadis: closing card");
        Assert.Contains("Unduh Laporan (PDF)", DialogCards.Text(closing.Card), StringComparison.Ordinal);
        Assert.Equal(KegiatanStatus.Closed, (await h.KegiatanAsync(number, Ct)).Status);
        // The bot did try (the start-up role sync, the calendar, the archive), and nothing reached Graph.
        Assert.Empty(graph.Requests);
        Assert.True(graph.Dropped >= 3, $"only {graph.Dropped} Graph requests were attempted while it was down");

        // Graph answers again: the event is created, the files archived, and a sync on demand reads the role group.
        graph.Unreachable = false;
        var back = DateTimeOffset.UtcNow;
        var created = await graph.WaitForAsync(r => r.Method == "POST" && r.Path == $"/users/{Organizer}/events" && r.At > back, "the calendar event, once Graph is back", TimeSpan.FromSeconds(30));
        Assert.Equal("Fasilitasi Izin Usaha Simpan Pinjam KSP Maju Bersama", (string?)created.Json!["subject"]);
        await graph.WaitForAsync(r => r.Method == "PUT" && r.Path.EndsWith($"Laporan-Kegiatan-{number}.pdf:/content", StringComparison.Ordinal) && r.At > back, "the report's PDF in the archive", TimeSpan.FromSeconds(30));
        await graph.WaitForAsync(r => r.Method == "PUT" && r.Path.EndsWith($"Laporan-Kegiatan-{number}.docx:/content", StringComparison.Ordinal) && r.At > back, "the report's Word file in the archive", TimeSpan.FromSeconds(30));

        await h.SayAsync(h.Admin, "peran sinkron", Ct);
        await graph.WaitForAsync(r => r.Method == "GET" && r.Path == RoleGroups.PathOf(anggota) && r.At > back, "the role group, read on demand", TimeSpan.FromSeconds(30));
        await h.SayAsync(h.Kabid, $"dokumen {number}", Ct);
        var documents = await h.CardAsync(h.Kabid, c => DialogCards.Title(c) == $"Dokumen kegiatan {number}", "Kabid: documents card with the archive link");
        Assert.Contains("Buka arsip SharePoint", DialogCards.Text(documents.Card), StringComparison.Ordinal);
        Assert.Single(graph.Requests, r => r.Method == "POST" && r.Path == $"/users/{Organizer}/events");
        Assert.Empty(graph.Unexpected);
    }
}
