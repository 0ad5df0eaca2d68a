using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PerijinanBot.Bot.Archive;
using PerijinanBot.Bot.Letters;
using PerijinanBot.Bot.Outbox;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Bot.Tests.Dialogs;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Reports.Agenda;
using PerijinanBot.Reports.Tests.Support;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Bot.Tests.Graph.Archive;

/// <summary>
/// Through the whole host on a real Azurite, against the local Graph stand-in: the letters of a kegiatan walked to its end
/// put the Surat Undangan with the Lembar Disposisi, the Laporan Kegiatan and the year's Buku Agenda (each line linked to its archived letter) in the
/// SharePoint archive, the closing card links the archived files,
/// Graph's throttling is waited out, Graph being down holds nothing up, a wrong library fails loudly, and with the archive
/// off Graph is never called.
/// </summary>
[NeedsAzurite]
public sealed class ArchiveTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>
{
    private const string Drive = "b!QXJzaXAtUGVyaWppbmFuLURpc2tvcHVrbQ";
    private const string Folder = "Arsip Fasilitasi Perijinan";
    private const string Site = "https://diskopukmkalbar.sharepoint.com/sites/Perijinan/Dokumen%20Bersama";
    private const string PdfType = "application/pdf";
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly string[] ClosingLinks = ["Unduh Laporan (PDF)", "Unduh Laporan (Word)", "Buka arsip SharePoint (PDF)", "Buka arsip SharePoint (Word)"];

    /// <summary>"dokumen" after the closing: the report, the Surat Undangan and the Lembar Disposisi, downloads first, then their archived copies.</summary>
    private static readonly string[] DocumentLinks =
    [
        "Unduh Laporan (PDF)", "Unduh Laporan (Word)", "Unduh Undangan (PDF)", "Unduh Undangan (Word)", "Unduh Lembar Disposisi (PDF)",
        "Buka arsip SharePoint (PDF)", "Buka arsip SharePoint (Word)", "Buka arsip SharePoint (Undangan PDF)", "Buka arsip SharePoint (Undangan Word)",
        "Buka arsip SharePoint (Disposisi)",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Closing_a_kegiatan_archives_its_letters_and_the_year_register_and_the_closing_card_opens_the_archived_files()
    {
        await using var graph = await FakeGraph.StartAsync();
        ScriptUploads(graph);
        await using var h = await StartAsync(graph);
        var (year, before) = await RegisterAsync(h);

        // The invitation sent at the disposition (step 5) is the year's first letter of this kegiatan: its PDF and Word file
        // go to the kegiatan's folder with the internal Lembar Disposisi beside them, then the register, whose line links the
        // archived invitation.
        var number = await h.WalkToAsync(7, Ct);
        var agendaPath = $"{Folder}/{year}/Buku-Agenda-Surat-Keluar-{year}.xlsx";
        var lembarPath = $"{Folder}/{number[4..8]}/IUSP/{number}/Lembar-Disposisi-{number}.pdf";
        var undanganPath = $"{Folder}/{number[4..8]}/IUSP/{number}/Surat-Undangan-{number}.pdf";
        var undanganDocxPath = $"{Folder}/{number[4..8]}/IUSP/{number}/Surat-Undangan-{number}.docx";
        var first = await graph.WaitForAsync(r => r.Method == "PUT" && r.Path == Put(agendaPath), "the register after the disposition");
        Assert.Equal(XlsxType, first.ContentType);
        var afterDisposition = AgendaXlsxReader.Read(first.Content);
        Assert.Equal(before + 1, afterDisposition.Count);
        var invitationLine = Assert.Single(afterDisposition, l => l.KegiatanNumber == number);
        Assert.Equal(AgendaDocuments.Undangan, invitationLine.Document);
        Assert.Equal(WebUrl(undanganPath), AgendaXlsxReader.ReadLinks(first.Content)[(invitationLine.Year, invitationLine.Serial)]);
        var lembar = Assert.Single(graph.Requests, r => r.Method == "PUT" && r.Path == Put(lembarPath));
        Assert.Equal(PdfType, lembar.ContentType);
        Assert.True(lembar.At <= first.At, "the Lembar Disposisi is archived with the invitation, before the register");
        Assert.True(Assert.Single(graph.Requests, r => r.Method == "PUT" && r.Path == Put(undanganPath)).At <= first.At, "the invitation is archived before the register that links it");

        var (_, reported) = await h.ActAsync(h.Budi, number, 7, SopVerbs.Report, DialogHarness.Step7Form, Ct);
        Assert.True(reported.IsCard, reported.ToString());

        // Everyone involved gets the closing card: the signed downloads, and the archived copies at the URLs SharePoint gave.
        var pdfPath = $"{Folder}/{number[4..8]}/IUSP/{number}/Laporan-Kegiatan-{number}.pdf";
        var docxPath = $"{Folder}/{number[4..8]}/IUSP/{number}/Laporan-Kegiatan-{number}.docx";
        List<(string Title, Uri Url)> links = [];
        foreach (var person in new[] { h.Ketua, h.Budi, h.Kabid, h.Kadis })
        {
            links = OpenUrls((await h.CardAsync(person, c => DialogCards.Title(c) == $"Kegiatan {number} selesai", $"{person}: closing card")).Card);
            Assert.Equal(ClosingLinks, links.Select(l => l.Title));
            Assert.Equal([WebUrl(pdfPath), WebUrl(docxPath)], links.Skip(2).Select(l => l.Url));
        }

        // What went to SharePoint is exactly what the bot stored, with its own media type, at the kegiatan's folder.
        var pdf = Assert.Single(graph.Requests, r => r.Method == "PUT" && r.Path == Put(pdfPath));
        var docx = Assert.Single(graph.Requests, r => r.Method == "PUT" && r.Path == Put(docxPath));
        Assert.Equal((PdfType, DocxType), (pdf.ContentType, docx.ContentType));
        Assert.Equal(await DownloadAsync(h, links[0].Url), pdf.Content);
        Assert.Equal(await DownloadAsync(h, links[1].Url), docx.Content);
        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf.Content, 0, 4));
        Assert.Equal("PK\u0003\u0004", Encoding.ASCII.GetString(docx.Content, 0, 4));

        // The report is the kegiatan's second letter: the register goes again, replacing the first export.
        var second = await graph.WaitForAsync(r => r.Method == "PUT" && r.Path == Put(agendaPath) && r.At > first.At, "the register after the report");
        var afterReport = AgendaXlsxReader.Read(second.Content);
        Assert.Equal(before + 2, afterReport.Count);
        var lines = afterReport.Where(l => l.KegiatanNumber == number).ToList();
        Assert.Equal([AgendaDocuments.Undangan, AgendaDocuments.Laporan], lines.Select(l => l.Document));
        // Every line of the archived register opens its archived letter (never a signed link, which would expire there).
        var archivedLinks = AgendaXlsxReader.ReadLinks(second.Content);
        Assert.Equal([WebUrl(undanganPath), WebUrl(pdfPath)], lines.Select(l => archivedLinks[(l.Year, l.Serial)]));

        await h.OutboxDrainedAsync(number, Ct);
        Assert.Equal(
            [Put(undanganPath), Put(undanganDocxPath), Put(lembarPath), Put(agendaPath), Put(pdfPath), Put(docxPath), Put(agendaPath)],
            graph.Requests.Where(r => r.Method == "PUT").Select(r => r.Path));

        // "dokumen" offers the invitation and the Lembar Disposisi beside the report; the archived form is the very file the bot stored.
        await h.SayAsync(h.Kabid, $"dokumen {number}", Ct);
        var documents = OpenUrls((await h.CardAsync(h.Kabid, c => DialogCards.Title(c) == $"Dokumen kegiatan {number}", "Kabid: documents card")).Card);
        Assert.Equal(DocumentLinks, documents.Select(l => l.Title));
        Assert.Equal([WebUrl(pdfPath), WebUrl(docxPath), WebUrl(undanganPath), WebUrl(undanganDocxPath), WebUrl(lembarPath)], documents.Skip(5).Select(l => l.Url));
        Assert.Equal(await DownloadAsync(h, documents[4].Url), lembar.Content);
        Assert.Equal("%PDF", Encoding.ASCII.GetString(lembar.Content, 0, 4));
        Assert.Equal(7, graph.Requests.Count(r => r.Method == "PUT"));
        Assert.All(graph.Requests, r => Assert.Equal($"Bearer {FakeGraph.AccessToken}", r.Authorization));
        Assert.Empty(graph.Unexpected);
    }

    [Fact]
    public async Task A_SRIKANDI_number_recorded_after_the_closing_replaces_the_archived_report_with_one_that_carries_it()
    {
        await using var graph = await FakeGraph.StartAsync();
        ScriptUploads(graph);
        await using var h = await StartAsync(graph);
        var number = await h.WalkToAsync(7, Ct);
        await h.ActAsync(h.Budi, number, 7, SopVerbs.Report, DialogHarness.Step7Form, Ct);
        var pdfPath = $"{Folder}/{number[4..8]}/IUSP/{number}/Laporan-Kegiatan-{number}.pdf";
        var archived = await graph.WaitForAsync(r => r.Method == "PUT" && r.Path == Put(pdfPath), "the report's first upload");
        await h.OutboxDrainedAsync(number, Ct);

        // Budi, the report's pengolah, records its SRIKANDI number with the agenda card.
        await h.SayAsync(h.Budi, "agenda", Ct);
        var agenda = (await h.CardAsync(h.Budi, c => DialogCards.Title(c)?.StartsWith("Buku Agenda Surat Keluar", StringComparison.Ordinal) == true, "Budi: agenda card")).Card;
        var entry = (string)DialogCards.Find(agenda, o => (string?)o["id"] == PerijinanBot.Dialogs.Reports.AgendaCard.EntryInput).Single()["choices"]!.AsArray()
            .Single(c => ((string)c!["title"]!).Contains($"{number} (laporan)", StringComparison.Ordinal))!["value"]!;
        var data = DialogCards.Action(agenda, PerijinanBot.Dialogs.Reports.AgendaCard.SrikandiVerb)!.DeepClone().AsObject();
        data[PerijinanBot.Dialogs.Reports.AgendaCard.EntryInput] = entry;
        data[PerijinanBot.Dialogs.Reports.AgendaCard.NomorInput] = "B-777/DISKOPUKM-B/XI/2026";
        var saved = await h.ExecuteAsync(h.Budi, $"reply-{Guid.NewGuid():N}", PerijinanBot.Dialogs.Reports.AgendaCard.SrikandiVerb, data, Ct);
        Assert.Contains("Berkas Laporan Kegiatan sudah diperbarui", DialogCards.Text(saved.Card), StringComparison.Ordinal);

        // The archive gets the regenerated report at the same path, and it carries the SRIKANDI number.
        // Waits for the upload that carries the number: under load the first upload may be sent again before it (same bytes).
        var replaced = await graph.WaitForAsync(r => r.Method == "PUT" && r.Path == Put(pdfPath) && r.At > archived.At && PdfText(r.Content).Contains("B-777/DISKOPUKM-B/XI/2026", StringComparison.Ordinal), "the regenerated report's upload carrying the SRIKANDI number");
        Assert.Contains("B-777/DISKOPUKM-B/XI/2026", PdfText(replaced.Content), StringComparison.Ordinal);
        Assert.Empty(graph.Unexpected);
    }

    [Fact]
    public async Task A_SRIKANDI_number_for_the_invitation_replaces_the_archived_Surat_Undangan_with_one_that_carries_it()
    {
        // Changed with the Surat Undangan: the letter of step 5 in the register is the invitation, not the Lembar Disposisi.
        await using var graph = await FakeGraph.StartAsync();
        ScriptUploads(graph);
        await using var h = await StartAsync(graph);
        var number = await h.WalkToAsync(6, Ct);
        var undanganPath = $"{Folder}/{number[4..8]}/IUSP/{number}/Surat-Undangan-{number}.pdf";
        var archived = await graph.WaitForAsync(r => r.Method == "PUT" && r.Path == Put(undanganPath), "the Surat Undangan's first upload");
        await h.OutboxDrainedAsync(number, Ct);

        // The Kepala Dinas, the invitation's pengolah (it went out with his Setuju), records its SRIKANDI number with the agenda card.
        await h.SayAsync(h.Kadis, "agenda", Ct);
        var agenda = (await h.CardAsync(h.Kadis, c => DialogCards.Title(c)?.StartsWith("Buku Agenda Surat Keluar", StringComparison.Ordinal) == true, "Kadis: agenda card")).Card;
        var entry = (string)DialogCards.Find(agenda, o => (string?)o["id"] == PerijinanBot.Dialogs.Reports.AgendaCard.EntryInput).Single()["choices"]!.AsArray()
            .Single(c => ((string)c!["title"]!).Contains($"{number} (undangan)", StringComparison.Ordinal))!["value"]!;
        var data = DialogCards.Action(agenda, PerijinanBot.Dialogs.Reports.AgendaCard.SrikandiVerb)!.DeepClone().AsObject();
        data[PerijinanBot.Dialogs.Reports.AgendaCard.EntryInput] = entry;
        data[PerijinanBot.Dialogs.Reports.AgendaCard.NomorInput] = "B-778/DISKOPUKM-B/XI/2026";
        var saved = await h.ExecuteAsync(h.Kadis, $"reply-{Guid.NewGuid():N}", PerijinanBot.Dialogs.Reports.AgendaCard.SrikandiVerb, data, Ct);
        Assert.Contains("Berkas Surat Undangan sudah diperbarui", DialogCards.Text(saved.Card), StringComparison.Ordinal);

        // The archive gets the remade letter at the same path, and it carries the SRIKANDI number; no report exists to remake.
        // Waits for the upload that carries the number: under load the first upload may be sent again before it (same bytes).
        var replaced = await graph.WaitForAsync(r => r.Method == "PUT" && r.Path == Put(undanganPath) && r.At > archived.At && PdfText(r.Content).Contains("B-778/DISKOPUKM-B/XI/2026", StringComparison.Ordinal), "the remade Surat Undangan's upload carrying the SRIKANDI number");
        Assert.Contains("B-778/DISKOPUKM-B/XI/2026", PdfText(replaced.Content), StringComparison.Ordinal);
        Assert.DoesNotContain(graph.Requests, r => r.Path.Contains("Laporan-Kegiatan", StringComparison.Ordinal));
        Assert.Empty(graph.Unexpected);
    }

    [Fact]
    public async Task A_throttled_upload_is_sent_again_after_Retry_After_and_leaves_one_file()
    {
        await using var graph = await FakeGraph.StartAsync();
        ScriptUploads(graph);
        // The report's PDF is throttled (the Lembar Disposisi, archived at step 5, goes through at once).
        graph.Next("PUT", $"/drives/{Regex.Escape(Drive)}/items/root:/.+/Laporan-Kegiatan-[^/]+\\.pdf:/content", GraphReply.Error(429, "activityLimitReached", "Too many requests.", TimeSpan.FromSeconds(2)));
        await using var h = await StartAsync(graph);

        var number = await h.WalkToAsync(7, Ct);
        var (_, reported) = await h.ActAsync(h.Budi, number, 7, SopVerbs.Report, DialogHarness.Step7Form, Ct);
        Assert.True(reported.IsCard, reported.ToString());

        var pdfPath = $"{Folder}/{number[4..8]}/IUSP/{number}/Laporan-Kegiatan-{number}.pdf";
        var closing = await h.CardAsync(h.Ketua, c => DialogCards.Title(c) == $"Kegiatan {number} selesai", "Ketua: closing card");
        Assert.Equal(ClosingLinks, OpenUrls(closing.Card).Select(l => l.Title));
        Assert.Equal(WebUrl(pdfPath), OpenUrls(closing.Card)[2].Url);

        await h.OutboxDrainedAsync(number, Ct);
        var tries = graph.Requests.Where(r => r.Method == "PUT" && r.Path == Put(pdfPath)).ToList();
        Assert.Equal(2, tries.Count);
        Assert.True(tries[1].At - tries[0].At >= TimeSpan.FromSeconds(1.9), $"sent again after {(tries[1].At - tries[0].At).TotalSeconds:0.00}s; Retry-After said 2 s");
        Assert.Equal(tries[0].Content, tries[1].Content);
        // The report's PDF and Word file, the invitation's, the Lembar Disposisi, one register: the same paths, nothing beside them.
        var paths = graph.Requests.Where(r => r.Method == "PUT").Select(r => r.Path).Distinct().Order().ToList();
        Assert.Equal(6, paths.Count);
        Assert.Single(paths, p => p.EndsWith($"Laporan-Kegiatan-{number}.pdf:/content", StringComparison.Ordinal));
        Assert.Single(paths, p => p.EndsWith($"Lembar-Disposisi-{number}.pdf:/content", StringComparison.Ordinal));
        Assert.Empty(graph.Unexpected);
    }

    [Fact]
    public async Task With_Graph_down_at_the_closing_the_card_still_goes_and_the_files_are_archived_once_Graph_is_back()
    {
        await using var graph = await FakeGraph.StartAsync();
        ScriptUploads(graph);
        await using var h = await StartAsync(graph);

        var number = await h.WalkToAsync(7, Ct);
        await graph.WaitForAsync(r => r.Method == "PUT" && r.Path.Contains("Buku-Agenda", StringComparison.Ordinal), "the register after the disposition");
        graph.Unreachable = true;
        var (_, reported) = await h.ActAsync(h.Budi, number, 7, SopVerbs.Report, DialogHarness.Step7Form, Ct);
        Assert.True(reported.IsCard, reported.ToString());

        // The closing goes on without Graph: the card carries the downloads, not (yet) the archive.
        foreach (var person in new[] { h.Ketua, h.Budi, h.Kabid, h.Kadis })
        {
            var closing = await h.CardAsync(person, c => DialogCards.Title(c) == $"Kegiatan {number} selesai", $"{person}: closing card");
            Assert.Equal(ClosingLinks[..2], OpenUrls(closing.Card).Select(l => l.Title));
        }

        Assert.Equal(KegiatanStatus.Closed, (await h.KegiatanAsync(number, Ct)).Status);
        var pdfPath = $"{Folder}/{number[4..8]}/IUSP/{number}/Laporan-Kegiatan-{number}.pdf";
        Assert.DoesNotContain(graph.Requests, r => r.Path == Put(pdfPath));

        // Graph is back: the waiting item uploads the files, and "dokumen" now opens the archived copies.
        graph.Unreachable = false;
        await graph.WaitForAsync(r => r.Method == "PUT" && r.Path == Put(pdfPath), "the report once Graph is back");
        await h.OutboxDrainedAsync(number, Ct);
        await h.SayAsync(h.Kabid, $"dokumen {number}", Ct);
        var documents = await h.CardAsync(h.Kabid, c => DialogCards.Title(c) == $"Dokumen kegiatan {number}", "Kabid: documents card");
        var links = OpenUrls(documents.Card);
        Assert.Equal(DocumentLinks, links.Select(l => l.Title));
        Assert.Equal(WebUrl(pdfPath), links[5].Url);
        Assert.Single(graph.Requests, r => r.Method == "PUT" && r.Path == Put(pdfPath));
        Assert.Empty(graph.Unexpected);
    }

    [Fact]
    public async Task A_library_Graph_does_not_know_fails_the_item_with_the_setting_to_fix_after_a_passing_error_was_retried()
    {
        await using var graph = await FakeGraph.StartAsync();
        graph.On("PUT", $"/drives/{Regex.Escape(Drive)}/items/root:/.+:/content", _ => GraphReply.Error(404, "itemNotFound", "The resource could not be found."));
        graph.Next("PUT", $"/drives/{Regex.Escape(Drive)}/items/root:/.+:/content", GraphReply.Error(500, "generalException", "An unexpected error occurred."));
        var logs = new CapturedLogs();
        await using var h = await StartAsync(graph, services => services.AddSingleton<ILoggerProvider>(logs));

        var number = await h.WalkToAsync(6, Ct);
        var row = await ArchiveRowAsync(number, r => r.GetString("Status") == "Failed");

        Assert.Equal(2, row.GetInt32("Attempts"));
        var reason = row.GetString("LastError");
        Assert.Contains($"SharePoint refused '{Folder}/", reason, StringComparison.Ordinal);
        Assert.Contains("404 itemNotFound: The resource could not be found.", reason, StringComparison.Ordinal);
        Assert.Contains($"Check Graph:Archive:DriveId: drive '{Drive}' was not found", reason, StringComparison.Ordinal);
        Assert.Contains(logs.Lines, l => l.StartsWith("Warning: Graph unavailable while archiving", StringComparison.Ordinal) && l.Contains("500", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.StartsWith("Error: Archiving", StringComparison.Ordinal) && l.Contains($"to drive {Drive} refused (404)", StringComparison.Ordinal));
        Assert.Equal(2, graph.Requests.Count(r => r.Method == "PUT"));
        Assert.Empty(graph.Unexpected);
    }

    [Fact]
    public async Task With_the_archive_off_Graph_is_never_called_and_its_outbox_kind_still_has_its_one_handler()
    {
        await using var graph = await FakeGraph.StartAsync();
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct, settings: graph.Settings(), configureServices: graph.Trust);

        var number = await h.WalkToAsync(7, Ct);
        var (_, reported) = await h.ActAsync(h.Budi, number, 7, SopVerbs.Report, DialogHarness.Step7Form, Ct);
        Assert.True(reported.IsCard, reported.ToString());
        var closing = await h.CardAsync(h.Ketua, c => DialogCards.Title(c) == $"Kegiatan {number} selesai", "Ketua: closing card");
        Assert.Equal(ClosingLinks[..2], OpenUrls(closing.Card).Select(l => l.Title));
        await h.OutboxDrainedAsync(number, Ct);

        var handler = Assert.Single(h.Bot.Services.GetServices<IOutboxHandler>(), x => x.Kinds.Contains(ArchiveHandler.Kind));
        var payload = $$"""{"number":"{{number}}","version":9,"step":7}""";
        var outcome = await handler.HandleAsync(new OutboxItem(number, 9, 0, ArchiveHandler.Kind, $"{number}|v9|archive|7", payload, 0, false), Ct);
        Assert.Equal(OutboxOutcome.Delivered("archive off"), outcome);
        Assert.Empty(graph.Requests);
        Assert.Empty(graph.TokenRequests);
    }

    [Fact]
    public async Task A_file_over_4_MB_goes_through_an_upload_session_in_slices_that_replaces_the_archived_file()
    {
        await using var graph = await FakeGraph.StartAsync();
        var settings = graph.Settings();
        settings["Storage:ConnectionString"] = storage.ConnectionString;
        settings["Graph:Archive:DriveId"] = Drive;
        await using var bot = new BotFactory(settings, configureServices: graph.Trust);
        var content = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 420_000).Select(i => $"{i % 100_000:D9}\n")))[..(SharePointArchive.SimpleUploadLimit + 1000)];
        const string path = $"{Folder}/2026/IUSP/FAS-2026-0042/Lampiran-Besar.pdf";
        var expires = DateTimeOffset.UtcNow.AddHours(1).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        graph.On("POST", $"/drives/{Regex.Escape(Drive)}/items/root:/{Regex.Escape(path)}:/createUploadSession", _ => GraphReply.Json(new JsonObject
        {
            ["uploadUrl"] = $"{graph.BaseUrl.AbsoluteUri}/upload/sesi-1",
            ["expirationDateTime"] = expires,
            ["nextExpectedRanges"] = new JsonArray("0-"),
        }));
        long received = 0;
        graph.On("PUT", "/upload/sesi-1", request => Interlocked.Add(ref received, request.Content.Length) < content.Length
            ? GraphReply.Json(new JsonObject { ["expirationDateTime"] = expires, ["nextExpectedRanges"] = new JsonArray($"{Interlocked.Read(ref received)}-") }, 202)
            : GraphReply.Json(new JsonObject { ["id"] = "01ARSIPBESAR", ["name"] = "Lampiran-Besar.pdf", ["webUrl"] = WebUrl(path).AbsoluteUri }, 201));

        var url = await bot.Services.GetRequiredService<SharePointArchive>().UploadAsync(path, PdfType, content, Ct);

        Assert.Equal(WebUrl(path), url);
        var session = Assert.Single(graph.Requests, r => r.Method == "POST");
        Assert.Equal("replace", (string?)session.Json!["item"]!["@microsoft.graph.conflictBehavior"]);
        var slices = graph.Requests.Where(r => r.Path == "/upload/sesi-1").ToList();
        Assert.Equal([SharePointArchive.SliceSize, content.Length - SharePointArchive.SliceSize], slices.Select(s => s.Content.Length));
        Assert.Equal(content, slices.SelectMany(s => s.Content).ToArray());
        Assert.DoesNotContain(graph.Requests, r => r.Path.EndsWith(":/content", StringComparison.Ordinal));
        Assert.Empty(graph.Unexpected);
    }

    // ---- Plumbing -------------------------------------------------------------------------------------------------------

    private async Task<DialogHarness> StartAsync(FakeGraph graph, Action<IServiceCollection>? more = null)
    {
        var settings = graph.Settings();
        settings["Graph:Archive:DriveId"] = Drive;
        // Retries come quickly here, so a test sees the item that waited for Graph go through.
        settings["Workflow:Storage:RetryBaseDelay"] = "00:00:00.200";
        settings["Workflow:Storage:RetryMaxDelay"] = "00:00:01";
        settings["Workflow:Storage:OutboxPollInterval"] = "00:00:00.500";
        return await DialogHarness.StartAsync(storage.ConnectionString, Ct, settings: settings, configureServices: services =>
        {
            graph.Trust(services);
            more?.Invoke(services);
        });
    }

    /// <summary>SharePoint's answer to a simple upload: the item, with the web URL a person opens.</summary>
    private static void ScriptUploads(FakeGraph graph) =>
        graph.On("PUT", $"/drives/{Regex.Escape(Drive)}/items/root:/.+:/content", request =>
        {
            var path = request.Path[$"/drives/{Drive}/items/root:/".Length..^":/content".Length];
            return GraphReply.Json(
                new JsonObject
                {
                    ["id"] = $"01ARSIP{Math.Abs(StringComparer.Ordinal.GetHashCode(path)):X8}",
                    ["name"] = path[(path.LastIndexOf('/') + 1)..],
                    ["size"] = request.Content.Length,
                    ["webUrl"] = WebUrl(path).AbsoluteUri,
                },
                201);
        });

    private static Uri WebUrl(string path) => new($"{Site}/{string.Join('/', path.Split('/').Select(Uri.EscapeDataString))}");

    /// <summary>The upload's path as Graph receives it (decoded), relative to the version segment.</summary>
    private static string Put(string path) => $"/drives/{Drive}/items/root:/{path}:/content";

    /// <summary>The register's year now (WIB) and how many letters it holds already: other tests of this class share the Azurite.</summary>
    private static async Task<(int Year, int Count)> RegisterAsync(DialogHarness h)
    {
        var year = h.Bot.Services.GetRequiredService<SopEngine>().Calendar.LocalDate(DateTimeOffset.UtcNow).Year;
        return (year, (await h.Bot.Services.GetRequiredService<AgendaRegister>().ListAsync(year, Ct)).Count);
    }

    private async Task<TableEntity> ArchiveRowAsync(string number, Func<TableEntity, bool> predicate)
    {
        var table = new TableClient(storage.ConnectionString, "Kegiatan");
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {KegiatanKeys.Partition(number)} and Kind eq {ArchiveHandler.Kind}");
        var deadline = DateTimeOffset.UtcNow + DialogHarness.Patience;
        var seen = "";
        while (DateTimeOffset.UtcNow < deadline)
        {
            await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: Ct))
            {
                seen = $"{row.GetString("Status")} after {row.GetInt32("Attempts")} attempts: {row.GetString("LastError")}";
                if (predicate(row))
                {
                    return row;
                }
            }

            await Task.Delay(50, Ct);
        }

        throw new TimeoutException($"the archive item of {number} never got there; last seen: {seen}");
    }

    private static async Task<byte[]> DownloadAsync(DialogHarness h, Uri link)
    {
        // The link names the public base URL; in process the same path and token go to the test server.
        using var response = await h.Client.GetAsync(link.PathAndQuery, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync(Ct);
    }

    private static List<(string Title, Uri Url)> OpenUrls(JsonObject card) =>
        [.. DialogCards.Find(card, o => (string?)o["type"] == "Action.OpenUrl").Select(o => ((string)o["title"]!, new Uri((string)o["url"]!)))];

    private static string PdfText(byte[] content)
    {
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(content);
        return string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }
}
