using System.Text.Json.Nodes;
using PerijinanBot.Bot.Tests.Dialogs;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Dialogs.Reports;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Reports.Agenda;
using PerijinanBot.Reports.Tests.Support;
using static PerijinanBot.Bot.Tests.Documents.DocumentsKit;

namespace PerijinanBot.Bot.Tests.Documents;

/// <summary>
/// Through the whole host, in process, on a real Azurite (tables and blobs): the report of step 7 becomes a Laporan Kegiatan
/// offered in the closing card, both letters enter the Buku Agenda, a SRIKANDI number recorded with the agenda card is
/// printed in the regenerated report, and "dokumen" gives fresh links.
/// </summary>
[NeedsAzurite]
public sealed class LaporanDialogTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Closing_the_kegiatan_yields_the_report_files_the_agenda_lines_and_SRIKANDI_numbers_flow_into_the_report()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        var number = await h.WalkToAsync(7, Ct);
        var (_, reported) = await h.ActAsync(h.Budi, number, 7, SopVerbs.Report, DialogHarness.Step7Form, Ct);
        Assert.True(reported.IsCard, reported.ToString());

        // Everyone involved gets the closing card, with links to the PDF and the Word file.
        Uri? pdfLink = null;
        foreach (var person in new[] { h.Ketua, h.Budi, h.Kabid, h.Kadis })
        {
            var closing = await h.CardAsync(person, c => DialogCards.Title(c) == $"Kegiatan {number} selesai", $"{person}: closing card");
            var links = OpenUrls(closing.Card);
            Assert.Equal(["Unduh Laporan (PDF)", "Unduh Laporan (Word)"], links.Select(l => l.Title));
            Assert.Contains($"Laporan Kegiatan nomor 000.8/2/DISKOPUKM.B/{OfficeWeek.Today.Year}", DialogCards.Text(closing.Card), StringComparison.Ordinal);
            pdfLink ??= links[0].Url;
        }

        // The PDF downloads and holds the kegiatan, the koperasi, each decision and its agenda number.
        var pdf = await DownloadAsync(h, pdfLink!, "application/pdf");
        var text = PdfText(pdf);
        Assert.Contains(number, text, StringComparison.Ordinal);
        Assert.Contains("KSP Maju Bersama", text, StringComparison.Ordinal);
        // Under the kop of Documents:Kop (the Development settings name the office's telephone and website).
        Assert.Contains("Telepon (0561) 732690", text, StringComparison.Ordinal);
        Assert.Contains("Laman diskopukm.kalbarprov.go.id", text, StringComparison.Ordinal);
        // Numbered as the Tata Naskah Dinas writes it: klasifikasi/serial (not padded)/unit/year.
        // (Changed with the Surat Undangan: No. 1 is now the invitation, klasifikasi 005, which the report does not quote; the
        // internal Lembar Disposisi has no number to quote.)
        Assert.Contains($"000.8/2/DISKOPUKM.B/{OfficeWeek.Today.Year}", text, StringComparison.Ordinal);
        Assert.DoesNotContain($"/1/DISKOPUKM.B/{OfficeWeek.Today.Year}", text, StringComparison.Ordinal);

        // The agenda: the invitation sent at the disposition (step 5, the Kadis) is No. 1 and the report (step 7, Budi) No. 2.
        await h.SayAsync(h.Ketua, "agenda", Ct);
        var agenda = (await h.CardAsync(h.Ketua, c => DialogCards.Title(c)?.StartsWith("Buku Agenda Surat Keluar", StringComparison.Ordinal) == true, "Ketua: agenda card")).Card;
        var agendaText = DialogCards.Text(agenda);
        Assert.Contains("Undangan fasilitasi IUSP KSP Maju Bersama", agendaText, StringComparison.Ordinal);
        Assert.DoesNotContain("Disposisi pelaksanaan fasilitasi", agendaText, StringComparison.Ordinal);
        Assert.Contains("Laporan kegiatan fasilitasi IUSP KSP Maju Bersama", agendaText, StringComparison.Ordinal);
        Assert.Contains("Siti Aminah", agendaText, StringComparison.Ordinal);

        // Its Excel export holds both lines.
        var export = OpenUrls(agenda).Single(l => l.Title == "Unduh Buku Agenda (Excel)");
        var lines = AgendaXlsxReader.Read(await DownloadAsync(h, export.Url, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        Assert.Equal([(1, AgendaDocuments.Undangan, "Siti Aminah"), (2, AgendaDocuments.Laporan, "Budi Santoso")], lines.Select(l => (l.Serial, l.Document, l.PengolahName)));

        // Budi may record his report's SRIKANDI number, not the invitation's (the Kadis's letter).
        var budiCard = await AgendaCardOfAsync(h, h.Budi);
        var choices = ChoiceValues(budiCard, AgendaCard.EntryInput);
        var only = Assert.Single(choices);
        Assert.EndsWith("-2", only, StringComparison.Ordinal);
        var year = only.Split('-')[0];
        var refused = await SrikandiAsync(h, h.Budi, budiCard, $"{year}-1", "B-1/DISKOPUKM-B/XI/2026");
        Assert.Contains("dicatat oleh pengolah surat", DialogCards.Text(refused), StringComparison.Ordinal);
        Assert.Equal("B-1/DISKOPUKM-B/XI/2026", DialogCards.InputValue(refused, AgendaCard.NomorInput));

        var empty = await SrikandiAsync(h, h.Budi, budiCard, $"{year}-2", "   ");
        Assert.Contains("Isi nomor surat dari SRIKANDI", DialogCards.Text(empty), StringComparison.Ordinal);

        var saved = await SrikandiAsync(h, h.Budi, budiCard, $"{year}-2", "B-512/DISKOPUKM-B/XI/2026");
        Assert.Contains("Nomor SRIKANDI B-512/DISKOPUKM-B/XI/2026 dicatat untuk surat No. 2", DialogCards.Text(saved), StringComparison.Ordinal);
        Assert.Contains("B-512/DISKOPUKM-B/XI/2026 (SRIKANDI)", DialogCards.Text(saved), StringComparison.Ordinal);

        // The same number for the invitation is refused (the Ketua may edit it, but numbers are unique in a year).
        var ketuaCard = await AgendaCardOfAsync(h, h.Ketua);
        var duplicate = await SrikandiAsync(h, h.Ketua, ketuaCard, $"{year}-1", "B-512/DISKOPUKM-B/XI/2026");
        Assert.Contains("sudah dipakai surat lain", DialogCards.Text(duplicate), StringComparison.Ordinal);

        // "dokumen" gives new links; the report now carries the SRIKANDI number.
        await h.SayAsync(h.Kabid, $"dokumen {number}", Ct);
        var documents = await h.CardAsync(h.Kabid, c => DialogCards.Title(c) == $"Dokumen kegiatan {number}", "Kabid: documents card");
        Assert.Contains("Laporan Kegiatan nomor B-512/DISKOPUKM-B/XI/2026", DialogCards.Text(documents.Card), StringComparison.Ordinal);
        var fresh = PdfText(await DownloadAsync(h, OpenUrls(documents.Card)[0].Url, "application/pdf"));
        Assert.Contains("B-512/DISKOPUKM-B/XI/2026", fresh, StringComparison.Ordinal);

        // Bad input gets an answer and changes nothing.
        await h.SayAsync(h.Kabid, "agenda kemarin", Ct);
        Assert.Contains("bukan periode yang dikenal", await h.TextInAsync(h.Kabid.ConversationId, "Kabid: bad period"), StringComparison.Ordinal);
        await h.SayAsync(h.Kabid, "dokumen FAS-2026-9999", Ct);
        Assert.Contains("tidak ditemukan", await h.TextInAsync(h.Kabid.ConversationId, "Kabid: unknown kegiatan"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kegiatan_still_open_has_no_report_yet_and_dokumen_says_when_it_will()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        var number = await h.WalkToAsync(3, Ct);
        await h.SayAsync(h.Ketua, $"dokumen {number}", Ct);
        Assert.Contains("dibuat setelah Anggota Tim Kerja mengirim laporan (langkah 7)", await h.TextInAsync(h.Ketua.ConversationId, "Ketua: no report yet"), StringComparison.Ordinal);
    }

    private static List<string> ChoiceValues(JsonObject card, string inputId) =>
        [.. DialogCards.Find(card, o => (string?)o["id"] == inputId).Single()["choices"]!.AsArray().Select(c => (string)c!["value"]!)];
}
