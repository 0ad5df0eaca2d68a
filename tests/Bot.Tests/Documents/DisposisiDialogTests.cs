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
/// its letter. The Kepala Dinas's Setuju (step 5) makes the internal Lembar Disposisi, which is no longer a line of the
/// register (changed with the Surat Undangan: the letter of step 5 in the register is the invitation), and "dokumen" lists
/// it beside the invitation before the kegiatan closes; after the closing, the Excel export links each line to its document.
/// </summary>
[NeedsAzurite]
public sealed class DisposisiDialogTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>
{
    private const string PdfType = "application/pdf";
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string Isi = "Segera koordinasikan dengan Dinas Koperasi Kota Pontianak & siapkan undangan peserta.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_Lembar_Disposisi_is_made_at_the_disposition_listed_by_dokumen_and_not_entered_in_the_agenda()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        var number = await h.WalkToAsync(5, Ct);
        var (_, approved) = await h.ActAsync(h.Kadis, number, 5, SopVerbs.Approve, new() { ["disposisiKepalaDinas"] = Isi }, Ct);
        Assert.True(approved.IsCard, approved.ToString());
        await h.OutboxDrainedAsync(number, Ct);

        // The agenda card: the kegiatan's one line is the invitation; no line is the disposition.
        var agenda = await AgendaCardOfAsync(h, h.Kadis);
        Assert.Contains("Undangan fasilitasi IUSP KSP Maju Bersama", DialogCards.Text(agenda), StringComparison.Ordinal);
        Assert.DoesNotContain("Disposisi pelaksanaan fasilitasi", DialogCards.Text(agenda), StringComparison.Ordinal);
        Assert.DoesNotContain(ChoiceTitles(agenda), t => t.Contains("(disposisi)", StringComparison.Ordinal));

        // "dokumen" at step 6, before the closing: the invitation and the Lembar Disposisi.
        Assert.Equal(6, (await h.KegiatanAsync(number, Ct)).CurrentStep);
        await h.SayAsync(h.Ketua, $"dokumen {number}", Ct);
        var documents = (await h.CardAsync(h.Ketua, c => DialogCards.Title(c) == $"Dokumen kegiatan {number}", "Ketua: documents card at step 6")).Card;
        var links = OpenUrls(documents);
        Assert.Equal(["Unduh Undangan (PDF)", "Unduh Undangan (Word)", "Unduh Lembar Disposisi (PDF)"], links.Select(l => l.Title));
        Assert.Contains("Lembar Disposisi", DialogCards.Text(documents), StringComparison.Ordinal);
        Assert.DoesNotContain("Lembar Disposisi nomor", DialogCards.Text(documents), StringComparison.Ordinal);
        Assert.DoesNotContain("Laporan Kegiatan", DialogCards.Text(documents), StringComparison.Ordinal);

        var text = PdfText(await DownloadAsync(h, links[2].Url, PdfType));
        Assert.Contains("LEMBAR DISPOSISI", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nomor agenda", text, StringComparison.Ordinal);
        Assert.Contains(Isi, text, StringComparison.Ordinal);
        Assert.Contains(number, text, StringComparison.Ordinal);
        Assert.Contains("KSP Maju Bersama", text, StringComparison.Ordinal);
        Assert.Contains("Siti Aminah", text, StringComparison.Ordinal);
        Assert.Contains("Jalan Sutan Syahrir No. 5, Pontianak", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_the_closing_dokumen_lists_every_document_and_every_line_of_the_agenda_export_opens_its_letter()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        var number = await h.WalkToAsync(7, Ct);
        var (_, reported) = await h.ActAsync(h.Budi, number, 7, SopVerbs.Report, DialogHarness.Step7Form, Ct);
        Assert.True(reported.IsCard, reported.ToString());
        await h.CardAsync(h.Ketua, c => DialogCards.Title(c) == $"Kegiatan {number} selesai", "Ketua: closing card");
        await h.OutboxDrainedAsync(number, Ct);

        // "dokumen": the report's buttons as before, then the invitation's, then the Lembar Disposisi; a caption line for each
        // letter with a number (the Lembar Disposisi, internal, has none).
        await h.SayAsync(h.Kabid, $"dokumen {number}", Ct);
        var documents = (await h.CardAsync(h.Kabid, c => DialogCards.Title(c) == $"Dokumen kegiatan {number}", "Kabid: documents card")).Card;
        Assert.Equal(
            ["Unduh Laporan (PDF)", "Unduh Laporan (Word)", "Unduh Undangan (PDF)", "Unduh Undangan (Word)", "Unduh Lembar Disposisi (PDF)"],
            OpenUrls(documents).Select(l => l.Title));
        Assert.Equal(2, DialogCards.Find(documents, o => (string?)o["weight"] == "Bolder" && ((string?)o["text"])?.Contains(" nomor ", StringComparison.Ordinal) == true).Count());

        // The agenda's Excel export: a Tautan per line, each downloading that line's letter, which carries the line's number.
        var agenda = await AgendaCardOfAsync(h, h.Kabid);
        var export = OpenUrls(agenda).Single(l => l.Title == "Unduh Buku Agenda (Excel)");
        var xlsx = await DownloadAsync(h, export.Url, XlsxType);
        var lines = AgendaXlsxReader.Read(xlsx);
        var links = AgendaXlsxReader.ReadLinks(xlsx);
        Assert.All(lines, line => Assert.True(links.ContainsKey((line.Year, line.Serial)), $"line {line.Serial} ({line.KegiatanNumber}, {line.Document}) has no link"));
        var ours = lines.Where(l => l.KegiatanNumber == number).ToList();
        Assert.Equal([AgendaDocuments.Undangan, AgendaDocuments.Laporan], ours.Select(l => l.Document));
        foreach (var line in ours)
        {
            var text = PdfText(await DownloadAsync(h, links[(line.Year, line.Serial)], PdfType));
            Assert.Contains(line.Document == AgendaDocuments.Undangan ? "Surat Undangan" : "LAPORAN KEGIATAN", text, StringComparison.Ordinal);
            Assert.Contains(line.Nomor, text, StringComparison.Ordinal);
            Assert.Contains(number, text, StringComparison.Ordinal);
        }

        // Signed links expire, and the sheet says when.
        Assert.Contains("Tautan unduhan dari bot berlaku sampai", CellText(xlsx, "A2"), StringComparison.Ordinal);

        // The invitation's SRIKANDI number, recorded by the Ketua after the closing with the agenda form, is printed in it.
        var saved = await SrikandiAsync(h, h.Ketua, agenda, Choice(agenda, $"{number} (undangan)"), "B-902/DISKOPUKM-B/XI/2026");
        Assert.Contains("Berkas Surat Undangan sudah diperbarui dengan nomor ini.", DialogCards.Text(saved), StringComparison.Ordinal);
        await h.SayAsync(h.Kabid, $"dokumen {number}", Ct);
        var renewed = OpenUrls((await h.CardAsync(h.Kabid, c => DialogCards.Title(c) == $"Dokumen kegiatan {number}", "Kabid: documents card after the number")).Card);
        Assert.Contains("B-902/DISKOPUKM-B/XI/2026", PdfText(await DownloadAsync(h, renewed[2].Url, PdfType)), StringComparison.Ordinal);
    }

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

            await h.SayAsync(h.Ketua, $"dokumen {number}", Ct);
            var documents = (await h.CardAsync(h.Ketua, c => DialogCards.Title(c) == $"Dokumen kegiatan {number}", "Ketua: documents card")).Card;
            foreach (var link in OpenUrls(documents).Where(l => l.Title.EndsWith("(PDF)", StringComparison.Ordinal)))
            {
                using var pdf = UglyToad.PdfPig.PdfDocument.Open(await DownloadAsync(h, link.Url, PdfType));
                var image = Assert.Single(pdf.GetPages().SelectMany(p => p.GetImages()));
                Assert.Equal((90, 120), (image.WidthInSamples, image.HeightInSamples));
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    // ---- Plumbing -------------------------------------------------------------------------------------------------------

    private static IEnumerable<string> ChoiceTitles(JsonObject card) =>
        DialogCards.Find(card, o => (string?)o["id"] == PerijinanBot.Dialogs.Reports.AgendaCard.EntryInput)
            .SelectMany(o => o["choices"]!.AsArray().Select(c => (string)c!["title"]!));

    private static string CellText(byte[] xlsx, string reference)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), isEditable: false);
        var cell = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>().Single(c => c.CellReference?.Value == reference);
        return cell.InlineString?.InnerText ?? "";
    }

}
