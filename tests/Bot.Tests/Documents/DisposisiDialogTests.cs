using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PerijinanBot.Bot.Tests.Dialogs;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Reports.Agenda;
using PerijinanBot.Reports.Tests.Support;
using static PerijinanBot.Bot.Tests.Documents.DocumentsKit;

namespace PerijinanBot.Bot.Tests.Documents;

/// <summary>
/// Through the whole host, in process, on a real Azurite (tables and blobs): every line of the Buku Agenda Surat Keluar opens
/// its letter. The Kepala Dinas's Setuju (step 5) makes the Lembar Disposisi, linked from the agenda card and listed by
/// "dokumen" before the kegiatan closes; a SRIKANDI number makes it again; after the closing, the Excel export links each
/// line to its document.
/// </summary>
[NeedsAzurite]
public sealed class DisposisiDialogTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>
{
    private const string PdfType = "application/pdf";
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string Isi = "Segera koordinasikan dengan Dinas Koperasi Kota Pontianak & siapkan undangan peserta.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_disposition_row_of_the_agenda_downloads_its_Lembar_Disposisi_dokumen_lists_it_and_a_SRIKANDI_number_remakes_it()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        var number = await h.WalkToAsync(5, Ct);
        var (_, approved) = await h.ActAsync(h.Kadis, number, 5, SopVerbs.Approve, new() { ["disposisiKepalaDinas"] = Isi }, Ct);
        Assert.True(approved.IsCard, approved.ToString());
        await h.OutboxDrainedAsync(number, Ct);

        // The agenda card: the disposition's row has its own "Unduh", which downloads the Lembar Disposisi.
        var agenda = await AgendaCardOfAsync(h, h.Ketua);
        var row = DispositionRow(agenda, number);
        var nomor = Fact(row, "Nomor surat");
        var unduh = Assert.Single(OpenUrls(row));
        Assert.Equal("Unduh", unduh.Title);
        var text = PdfText(await DownloadAsync(h, unduh.Url, PdfType));
        Assert.Contains("LEMBAR DISPOSISI", text, StringComparison.Ordinal);
        Assert.Contains(nomor, text, StringComparison.Ordinal);
        Assert.Contains(Isi, text, StringComparison.Ordinal);
        Assert.Contains(number, text, StringComparison.Ordinal);
        Assert.Contains("KSP Maju Bersama", text, StringComparison.Ordinal);
        Assert.Contains("Siti Aminah", text, StringComparison.Ordinal);
        Assert.Contains("Jalan Sutan Syahrir No. 5, Pontianak", text, StringComparison.Ordinal);

        // "dokumen" at step 6, before the closing: the Lembar Disposisi alone.
        Assert.Equal(6, (await h.KegiatanAsync(number, Ct)).CurrentStep);
        await h.SayAsync(h.Ketua, $"dokumen {number}", Ct);
        var documents = (await h.CardAsync(h.Ketua, c => DialogCards.Title(c) == $"Dokumen kegiatan {number}", "Ketua: documents card at step 6")).Card;
        var links = OpenUrls(documents);
        Assert.Equal(["Unduh Lembar Disposisi (PDF)"], links.Select(l => l.Title));
        Assert.Contains($"Lembar Disposisi nomor {nomor}", DialogCards.Text(documents), StringComparison.Ordinal);
        Assert.DoesNotContain("Laporan Kegiatan", DialogCards.Text(documents), StringComparison.Ordinal);
        Assert.Contains(Isi, PdfText(await DownloadAsync(h, links[0].Url, PdfType)), StringComparison.Ordinal);

        // The Kepala Dinas, the disposition's pengolah, records its SRIKANDI number: the form is made again with it.
        var kadisCard = await AgendaCardOfAsync(h, h.Kadis);
        var entry = Choice(kadisCard, $"{number} (disposisi)");
        var saved = await SrikandiAsync(h, h.Kadis, kadisCard, entry, "B-901/DISKOPUKM-B/XI/2026");
        Assert.Contains("Lembar Disposisi sudah diperbarui dengan nomor ini.", DialogCards.Text(saved), StringComparison.Ordinal);
        var remade = PdfText(await DownloadAsync(h, Assert.Single(OpenUrls(DispositionRow(saved, number))).Url, PdfType));
        Assert.Contains("B-901/DISKOPUKM-B/XI/2026", remade, StringComparison.Ordinal);
        Assert.DoesNotContain(nomor, remade, StringComparison.Ordinal);
        Assert.Contains(Isi, remade, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_the_closing_dokumen_lists_both_letters_and_every_line_of_the_agenda_export_opens_its_document()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        var number = await h.WalkToAsync(7, Ct);
        var (_, reported) = await h.ActAsync(h.Budi, number, 7, SopVerbs.Report, DialogHarness.Step7Form, Ct);
        Assert.True(reported.IsCard, reported.ToString());
        await h.CardAsync(h.Ketua, c => DialogCards.Title(c) == $"Kegiatan {number} selesai", "Ketua: closing card");
        await h.OutboxDrainedAsync(number, Ct);

        // "dokumen": the report's buttons as before, the Lembar Disposisi beside them, a caption line for each.
        await h.SayAsync(h.Kabid, $"dokumen {number}", Ct);
        var documents = (await h.CardAsync(h.Kabid, c => DialogCards.Title(c) == $"Dokumen kegiatan {number}", "Kabid: documents card")).Card;
        Assert.Equal(["Unduh Laporan (PDF)", "Unduh Laporan (Word)", "Unduh Lembar Disposisi (PDF)"], OpenUrls(documents).Select(l => l.Title));
        Assert.Equal(2, DialogCards.Find(documents, o => (string?)o["weight"] == "Bolder" && ((string?)o["text"])?.Contains(" nomor ", StringComparison.Ordinal) == true).Count());

        // The agenda's Excel export: a Tautan per line, each downloading that line's letter, which carries the line's number.
        var agenda = await AgendaCardOfAsync(h, h.Kabid);
        var export = OpenUrls(agenda).Single(l => l.Title == "Unduh Buku Agenda (Excel)");
        var xlsx = await DownloadAsync(h, export.Url, XlsxType);
        var lines = AgendaXlsxReader.Read(xlsx);
        var links = AgendaXlsxReader.ReadLinks(xlsx);
        Assert.All(lines, line => Assert.True(links.ContainsKey((line.Year, line.Serial)), $"line {line.Serial} ({line.KegiatanNumber}, {line.Document}) has no link"));
        var ours = lines.Where(l => l.KegiatanNumber == number).ToList();
        Assert.Equal([AgendaDocuments.Disposisi, AgendaDocuments.Laporan], ours.Select(l => l.Document));
        foreach (var line in ours)
        {
            var text = PdfText(await DownloadAsync(h, links[(line.Year, line.Serial)], PdfType));
            Assert.Contains(line.Document == AgendaDocuments.Disposisi ? "LEMBAR DISPOSISI" : "LAPORAN KEGIATAN", text, StringComparison.Ordinal);
            Assert.Contains(line.Nomor, text, StringComparison.Ordinal);
            Assert.Contains(number, text, StringComparison.Ordinal);
        }

        // Signed links expire, and the sheet says when.
        Assert.Contains("Tautan unduhan dari bot berlaku sampai", CellText(xlsx, "A2"), StringComparison.Ordinal);

        // The disposition's SRIKANDI number, recorded by the Ketua after the closing, is printed in the Lembar Disposisi and in
        // the report, which quotes the disposition's number.
        var saved = await SrikandiAsync(h, h.Ketua, agenda, Choice(agenda, $"{number} (disposisi)"), "B-902/DISKOPUKM-B/XI/2026");
        Assert.Contains("Lembar Disposisi sudah diperbarui dengan nomor ini.", DialogCards.Text(saved), StringComparison.Ordinal);
        await h.SayAsync(h.Kabid, $"dokumen {number}", Ct);
        var renewed = OpenUrls((await h.CardAsync(h.Kabid, c => DialogCards.Title(c) == $"Dokumen kegiatan {number}", "Kabid: documents card after the number")).Card);
        Assert.Contains("B-902/DISKOPUKM-B/XI/2026", PdfText(await DownloadAsync(h, renewed[0].Url, PdfType)), StringComparison.Ordinal);
        Assert.Contains("B-902/DISKOPUKM-B/XI/2026", PdfText(await DownloadAsync(h, renewed[2].Url, PdfType)), StringComparison.Ordinal);
    }

    // ---- Plumbing -------------------------------------------------------------------------------------------------------

    /// <summary>The agenda card's row of the kegiatan's disposition (a container with the letter's facts).</summary>
    /// <summary>Documents:Kop:Emblem reaches the letters: the Lembar Disposisi made from the outbox carries it, once, on its page.</summary>
    [Fact]
    public async Task The_configured_emblem_heads_the_Lembar_Disposisi_as_its_one_image()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("kop-");
        try
        {
            var emblem = Path.Combine(directory.FullName, "lambang.jpg");
            await File.WriteAllBytesAsync(emblem, TestEmblem.Jpeg(90, 120), Ct);
            await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct, settings: new Dictionary<string, string?> { ["Documents:Kop:Emblem"] = emblem });
            var number = await h.WalkToAsync(5, Ct);
            var (_, approved) = await h.ActAsync(h.Kadis, number, 5, SopVerbs.Approve, new() { ["disposisiKepalaDinas"] = Isi }, Ct);
            Assert.True(approved.IsCard, approved.ToString());
            await h.OutboxDrainedAsync(number, Ct);

            var unduh = Assert.Single(OpenUrls(DispositionRow(await AgendaCardOfAsync(h, h.Ketua), number)));
            using var pdf = UglyToad.PdfPig.PdfDocument.Open(await DownloadAsync(h, unduh.Url, PdfType));
            var image = Assert.Single(pdf.GetPages().SelectMany(p => p.GetImages()));
            Assert.Equal((90, 120), (image.WidthInSamples, image.HeightInSamples));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static JsonObject DispositionRow(JsonObject card, string number) =>
        Assert.Single(DialogCards.Find(card, o => (string?)o["type"] == "Container"
            && o["items"] is JsonArray items && items.Any(i => (string?)i?["type"] == "FactSet")
            && Fact(o, "Kegiatan") == number
            && DialogCards.Text(o).Contains("Disposisi pelaksanaan fasilitasi", StringComparison.Ordinal)));

    private static string Fact(JsonObject row, string title) =>
        (string)DialogCards.Find(row, o => (string?)o["type"] == "FactSet").Single()["facts"]!.AsArray().Single(f => (string?)f!["title"] == title)!["value"]!;

    private static string CellText(byte[] xlsx, string reference)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), isEditable: false);
        var cell = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>().Single(c => c.CellReference?.Value == reference);
        return cell.InlineString?.InnerText ?? "";
    }

}
