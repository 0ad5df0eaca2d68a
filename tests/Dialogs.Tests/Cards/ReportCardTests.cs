using System.Text.Json.Nodes;
using PerijinanBot.Dialogs.Reports;
using PerijinanBot.Dialogs.Tests.Sop;

namespace PerijinanBot.Dialogs.Tests.Cards;

/// <summary>The documents section of the closing card, the agenda card and the compliance card.</summary>
[NeedsNode]
public sealed class ReportCardTests
{
    private static readonly DateTimeOffset Expires = new(2026, 12, 3, 3, 0, 0, TimeSpan.Zero);
    private static readonly Uri Pdf = new("https://bot.example/unduh/tok1/Laporan-Kegiatan-FAS-2026-0001.pdf");
    private static readonly Uri Docx = new("https://bot.example/unduh/tok2/Laporan-Kegiatan-FAS-2026-0001.docx");
    private static readonly Uri Lembar = new("https://bot.example/unduh/tok6/Lembar-Disposisi-FAS-2026-0001.pdf");

    [Fact]
    public void The_documents_card_offers_each_file_and_says_when_the_links_expire_and_how_to_renew_them()
    {
        var card = DocumentsCard.Build(new DocumentsView("FAS-2026-0001", ["Laporan Kegiatan nomor 000.8 / 0002 / DISKOPUKM.B"],
            [new("Unduh Laporan (PDF)", Pdf), new("Unduh Laporan (Word)", Docx)], Expires));
        var text = Text(card);

        Assert.Equal([Pdf.AbsoluteUri, Docx.AbsoluteUri], Find(card, n => (string?)n["type"] == "Action.OpenUrl").Select(n => (string?)n["url"]));
        Assert.Contains("Tautan berlaku sampai Kamis, 3 Desember 2026 10.00 WIB", text, StringComparison.Ordinal);
        Assert.Contains("ketik “dokumen FAS-2026-0001” untuk tautan baru", text, StringComparison.Ordinal);
        CardAssert.MatchesGolden(card, "dokumen");
        CardAssert.IsValidAdaptiveCard(card);
    }

    [Fact]
    public void Archived_files_are_opened_in_SharePoint_apart_from_the_expiring_downloads()
    {
        var archivedPdf = new Uri("https://diskopukm.sharepoint.com/sites/Perijinan/Dokumen%20Bersama/Arsip%20Fasilitasi%20Perijinan/2026/IUSP/FAS-2026-0001/Laporan-Kegiatan-FAS-2026-0001.pdf");
        var archivedDocx = new Uri("https://diskopukm.sharepoint.com/sites/Perijinan/Dokumen%20Bersama/Arsip%20Fasilitasi%20Perijinan/2026/IUSP/FAS-2026-0001/Laporan-Kegiatan-FAS-2026-0001.docx");
        var notice = Dialogs.Cards.CardElements.Card([Dialogs.Cards.CardElements.Text("Kegiatan FAS-2026-0001 selesai")]);
        var card = DocumentsCard.Append(notice, new DocumentsView("FAS-2026-0001", ["Laporan Kegiatan nomor 000.8 / 0002 / DISKOPUKM.B"],
            [new("Unduh Laporan (PDF)", Pdf), new("Unduh Laporan (Word)", Docx)], Expires,
            Archive: [new("Buka arsip SharePoint (PDF)", archivedPdf), new("Buka arsip SharePoint (Word)", archivedDocx)]));
        var text = Text(card);

        // The downloads first, then the archive, each button on its own row so that no title is cut on a phone.
        var buttons = Find(card, n => (string?)n["type"] == "ActionSet").Select(set => set["actions"]!.AsArray().Single()!).ToList();
        Assert.Equal([Pdf.AbsoluteUri, Docx.AbsoluteUri, archivedPdf.AbsoluteUri, archivedDocx.AbsoluteUri], buttons.Select(a => (string?)a["url"]));
        Assert.Equal(["Buka arsip SharePoint (PDF)", "Buka arsip SharePoint (Word)"], buttons.Skip(2).Select(a => (string?)a["title"]));
        // The expiry note speaks of the downloads only; the archive asks for the office account instead.
        Assert.True(text.IndexOf("Tautan berlaku sampai", StringComparison.Ordinal) < text.IndexOf("Buka arsip SharePoint", StringComparison.Ordinal));
        Assert.Contains("Arsip resmi tersimpan di SharePoint kantor", text, StringComparison.Ordinal);
        CardAssert.MatchesGolden(card, "dokumen-arsip");
        CardAssert.IsValidAdaptiveCard(card);
    }

    [Fact]
    public void The_documents_card_names_each_document_on_its_own_line_and_offers_the_Lembar_Disposisi_beside_the_report()
    {
        var archivedLembar = new Uri("https://diskopukm.sharepoint.com/sites/Perijinan/Dokumen%20Bersama/Arsip%20Fasilitasi%20Perijinan/2026/IUSP/FAS-2026-0001/Lembar-Disposisi-FAS-2026-0001.pdf");
        var card = DocumentsCard.Build(new DocumentsView("FAS-2026-0001",
            ["Laporan Kegiatan nomor 000.8 / 0002 / DISKOPUKM.B", "Lembar Disposisi nomor B-511/DISKOPUKM-B/XI/2026"],
            [new("Unduh Laporan (PDF)", Pdf), new("Unduh Laporan (Word)", Docx), new("Unduh Lembar Disposisi (PDF)", Lembar)], Expires,
            Archive: [new("Buka arsip SharePoint (Disposisi)", archivedLembar)]));

        Assert.Equal(
            ["Dokumen kegiatan FAS-2026-0001", "Laporan Kegiatan nomor 000.8 / 0002 / DISKOPUKM.B", "Lembar Disposisi nomor B-511/DISKOPUKM-B/XI/2026"],
            Find(card, n => (string?)n["weight"] == "Bolder").Select(n => (string?)n["text"]));
        Assert.Equal(
            ["Unduh Laporan (PDF)", "Unduh Laporan (Word)", "Unduh Lembar Disposisi (PDF)", "Buka arsip SharePoint (Disposisi)"],
            Find(card, n => (string?)n["type"] == "Action.OpenUrl").Select(n => (string?)n["title"]));
        CardAssert.MatchesGolden(card, "dokumen-disposisi");
        CardAssert.IsValidAdaptiveCard(card);
    }

    [Fact]
    public void A_closing_notice_gains_the_section_and_a_failure_is_said_instead_of_links()
    {
        var notice = Dialogs.Cards.CardElements.Card([Dialogs.Cards.CardElements.Text("Kegiatan FAS-2026-0001 selesai")]);
        var problem = DocumentsCard.Append(notice, new DocumentsView("FAS-2026-0001", ["Laporan Kegiatan"], [], Expires, "Berkas Laporan Kegiatan belum dapat dibuat."));

        Assert.Single(notice["body"]!.AsArray());
        Assert.Equal(2, problem["body"]!.AsArray().Count);
        Assert.Empty(Find(problem, n => (string?)n["type"] == "Action.OpenUrl"));
        Assert.Contains("belum dapat dibuat", Text(problem), StringComparison.Ordinal);
        CardAssert.IsValidAdaptiveCard(problem);
    }

    [Fact]
    public void The_agenda_card_lists_letters_with_typed_perihal_as_text_runs_and_the_SRIKANDI_form_keeps_what_was_typed()
    {
        var view = new AgendaCardView(
            "November 2026",
            "bulan",
            [
                new(2026, 1, new DateOnly(2026, 11, 20), "000.8 / 0001 / DISKOPUKM.B", false, "Disposisi pelaksanaan fasilitasi IUSP KSP **Maju** Bersama", "Kepala Bidang Perijinan dan Kelembagaan", "Siti Aminah", "FAS-2026-0001", Lembar),
                new(2026, 2, new DateOnly(2026, 11, 24), "B-512/DISKOPUKM-B/XI/2026", true, "Laporan kegiatan fasilitasi IUSP KSP **Maju** Bersama", "Kepala Dinas Koperasi, Usaha Kecil dan Menengah Provinsi Kalimantan Barat", "Budi Santoso", "FAS-2026-0001", Pdf),
            ],
            30,
            new DocumentLink("Unduh Buku Agenda (Excel)", new Uri("https://bot.example/unduh/tok3/Buku-Agenda-Surat-Keluar-2026-11.xlsx")),
            Expires,
            [new("2026-2", "No. 2 · B-512/DISKOPUKM-B/XI/2026 · FAS-2026-0001 (laporan)")],
            Error: "Nomor SRIKANDI “B-1” sudah dipakai surat lain tahun ini. Periksa kembali nomornya.",
            DraftEntry: "2026-2",
            DraftNomor: "B-1");
        var card = AgendaCard.Build(view);
        var text = Text(card);

        Assert.Contains("Menampilkan 2 surat terakhir dari 30", text, StringComparison.Ordinal);
        Assert.Contains("B-512/DISKOPUKM-B/XI/2026 (SRIKANDI)", text, StringComparison.Ordinal);
        Assert.Contains(Find(card, n => (string?)n["type"] == "TextRun"), n => ((string?)n["text"])!.Contains("KSP **Maju** Bersama", StringComparison.Ordinal));
        // Every letter opens its own document: the Lembar Disposisi and the Laporan Kegiatan.
        Assert.Equal(
            [("Unduh", Lembar.AbsoluteUri), ("Unduh", Pdf.AbsoluteUri), ("Unduh Buku Agenda (Excel)", "https://bot.example/unduh/tok3/Buku-Agenda-Surat-Keluar-2026-11.xlsx")],
            Find(card, n => (string?)n["type"] == "Action.OpenUrl").Select(n => ((string?)n["title"], (string?)n["url"])));
        Assert.Equal("B-1", (string?)Find(card, n => (string?)n["id"] == AgendaCard.NomorInput).Single()["value"]);
        Assert.Equal("2026-2", (string?)Find(card, n => (string?)n["id"] == AgendaCard.EntryInput).Single()["value"]);
        var save = Find(card, n => (string?)n["type"] == "Action.Execute").Single();
        Assert.Equal((AgendaCard.SrikandiVerb, "bulan"), ((string?)save["verb"], (string?)save["data"]![AgendaCard.PeriodKey]));
        CardAssert.MatchesGolden(card, "agenda");
        CardAssert.IsValidAdaptiveCard(card);
    }

    [Fact]
    public void Someone_who_may_not_record_numbers_sees_the_register_without_the_form_and_an_empty_month_says_so()
    {
        var card = AgendaCard.Build(new AgendaCardView("Desember 2026", "bulan", [], 0, null, Expires, []));

        Assert.Empty(Find(card, n => n["id"] is not null));
        Assert.Contains("Belum ada surat keluar pada Desember 2026.", Text(card), StringComparison.Ordinal);
        CardAssert.IsValidAdaptiveCard(card);
    }

    [Fact]
    public void The_compliance_card_shows_figures_per_step_and_role_the_chart_and_the_prefilled_monitoring_form()
    {
        var view = new ComplianceCardView(
            "Semester II 2026",
            new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero),
            3,
            1,
            [
                new(3, "Verifikasi data dukung", "Ketua Tim Kerja", "15 menit", 4, 5, "12 menit", "40 menit", "4 dari 5 (80%)", 1),
                new(6, "Pelaksanaan fasilitasi", "Ketua Tim Kerja", "1 hari kerja", 0, 0, "–", "–", "–", 0),
            ],
            [new("Ketua Tim Kerja", 4, 5, "12 menit", "40 menit", "4 dari 5 (80%)", 1)],
            [
                new(3, "Verifikasi data dukung", true, "4 dari 5 tepat waktu (80%); median 12 menit, baku 15 menit; 1 kali dikembalikan."),
                new(5, "Telaah data dukung", false, "1 dari 3 tepat waktu (33%); median 1 jam 2 menit, baku 15 menit."),
                new(6, "Pelaksanaan fasilitasi", null, "Tidak ada pelaksanaan."),
            ],
            new Uri("https://bot.example/unduh/tok4/Grafik.png"),
            new DocumentLink("Unduh laporan kepatuhan (Excel)", new Uri("https://bot.example/unduh/tok5/Kepatuhan.xlsx")),
            Expires);
        var card = ComplianceCard.Build(view);
        var text = Text(card);

        Assert.Contains("5 kali selesai (4 kegiatan) · separuh selesai dalam 12 menit, 9 dari 10 dalam 40 menit · mutu baku 15 menit · tepat waktu 4 dari 5 (80%) · dikembalikan (Tidak) 1 kali", text, StringComparison.Ordinal);
        Assert.Contains("Tidak ada langkah selesai dalam periode ini. Mutu baku 1 hari kerja.", text, StringComparison.Ordinal);
        Assert.Equal(["Dilaksanakan dengan baik", "Belum dilaksanakan dengan baik", "Tidak ada pelaksanaan dalam periode ini"],
            Find(card, n => (string?)n["weight"] == "Bolder" && n["color"] is not null).Select(n => (string?)n["text"]));
        Assert.Equal("https://bot.example/unduh/tok4/Grafik.png", (string?)Find(card, n => (string?)n["type"] == "Image").Single()["url"]);
        Assert.Equal(["laporan bulan", "laporan triwulan", "laporan semester", "laporan tahun"],
            Find(card, n => (string?)n["type"] == "Action.Submit").Select(n => (string?)n["data"]!["command"]));
        CardAssert.MatchesGolden(card, "laporan-kepatuhan");
        CardAssert.IsValidAdaptiveCard(card);
    }

    private static string Text(JsonObject card) => card.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static IEnumerable<JsonObject> Find(JsonNode? node, Func<JsonObject, bool> predicate) => CardJson.All(node).Where(predicate);
}
