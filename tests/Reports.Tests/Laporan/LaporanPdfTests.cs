using PerijinanBot.Reports.Laporan;
using UglyToad.PdfPig;
using static PerijinanBot.Reports.Tests.Laporan.LaporanScenario;

namespace PerijinanBot.Reports.Tests.Laporan;

public sealed class LaporanPdfTests
{
    private static readonly byte[] _pdf = LaporanKegiatanDocument.Pdf(LaporanKegiatanDocument.From(Request()));

    /// <summary>Every free-text field filled to its limit.</summary>
    private static readonly byte[] _longPdf = LaporanKegiatanDocument.Pdf(LaporanKegiatanDocument.From(Request(longLists: true)));

    [Fact]
    public void The_PDF_says_what_happened_including_both_agenda_numbers_and_every_decision()
    {
        var text = DocumentText.PdfBody(_pdf, Number);

        Assert.Contains(DocumentText.Compact(Number), text, StringComparison.Ordinal);
        Assert.Contains(DocumentText.Compact("KSP Sejahtera & Makmur <Kubu Raya> \"Bersama\""), text, StringComparison.Ordinal);
        Assert.Contains(DocumentText.Compact(AgendaLaporan), text, StringComparison.Ordinal);
        Assert.Contains(DocumentText.Compact("Hasil: Siap mengajukan"), text, StringComparison.Ordinal);
        Assert.Contains(DocumentText.Compact("Jumlah peserta (daftar hadir): 1.200 orang"), text, StringComparison.Ordinal);
        Assert.Contains(DocumentText.Compact("Nomor berita acara: BA-519/FAS/VII/2026"), text, StringComparison.Ordinal);
        Assert.Contains(DocumentText.Compact(AgendaDisposisi), text, StringComparison.Ordinal);
        Assert.Contains(DocumentText.Compact(RejectReason), text, StringComparison.Ordinal);
        Assert.Contains(DocumentText.Compact($"NIP. {BudiNip}"), text, StringComparison.Ordinal);
        Assert.Contains(LongWord, text, StringComparison.Ordinal);
        Assert.All(Decisions.Distinct(), decision => Assert.Contains(DocumentText.Compact(decision), text, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_page_is_numbered_out_of_the_total()
    {
        var pages = DocumentText.PdfPages(_pdf);

        Assert.True(pages.Count >= 2, $"Expected the letter and the appendix on separate pages, got {pages.Count} page(s).");
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains(DocumentText.Compact($"Halaman {i + 1} dari {pages.Count}"), DocumentText.Compact(pages[i]), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Documentation_links_are_clickable_over_their_own_text()
    {
        using var document = PdfDocument.Open(_pdf);
        var links = document.GetPages().SelectMany(p => p.GetHyperlinks()).ToList();

        Assert.Equal([new Uri(Foto), new Uri(Galeri)], links.Select(l => new Uri(l.Uri)));
        Assert.All(links, link => Assert.Equal(link.Uri, DocumentText.Compact(link.Text)));
    }

    [Fact]
    public void The_letter_is_A4_portrait_and_the_appendix_A4_landscape()
    {
        using var document = PdfDocument.Open(_pdf);
        var pages = document.GetPages().ToList();

        Assert.Equal((595, 842), ((int)Math.Round(pages[0].Width), (int)Math.Round(pages[0].Height)));
        Assert.Equal((842, 595), ((int)Math.Round(pages[^1].Width), (int)Math.Round(pages[^1].Height)));
        Assert.Contains("LAMPIRAN", pages[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_report_runs_over_several_pages_without_losing_a_line_or_leaving_the_page()
    {
        using var document = PdfDocument.Open(_longPdf);
        var pages = document.GetPages().ToList();
        var text = DocumentText.PdfBody(_longPdf, Number);

        Assert.True(pages.Count(p => p.Width < p.Height) > 2, $"Expected the letter to span more than two pages, got {pages.Count} page(s) in all.");
        Assert.All(Peserta(PesertaCount), line => Assert.Contains(DocumentText.Compact(line), text, StringComparison.Ordinal));
        Assert.Contains("HASIL-01", text, StringComparison.Ordinal);
        Assert.Contains("CATATAN-01", text, StringComparison.Ordinal);
        Assert.Contains(LongWord, text, StringComparison.Ordinal);
        Assert.Contains(DocumentText.Compact("Demikian laporan kegiatan ini disampaikan"), text, StringComparison.Ordinal);

        foreach (var page in pages)
        {
            Assert.All(page.Letters, letter =>
            {
                var box = letter.BoundingBox;
                Assert.True(box.Left >= 0 && box.Right <= page.Width && box.Bottom >= 0 && box.Top <= page.Height, $"'{letter.Value}' at {box} is off page {page.Number}.");
            });
        }
    }

    [Fact]
    public void Body_text_stops_above_the_footer_on_every_page()
    {
        using var document = PdfDocument.Open(_longPdf);
        foreach (var page in document.GetPages())
        {
            var words = page.GetWords().ToList();
            var footer = Assert.Single(words, w => w.Text == "Halaman").BoundingBox;
            var body = words.Where(w => Math.Abs(w.BoundingBox.Bottom - footer.Bottom) > 1).ToList();

            Assert.NotEmpty(body);
            Assert.All(body, w => Assert.True(w.BoundingBox.Bottom > footer.Top, $"'{w.Text}' runs into the footer on page {page.Number}."));
        }
    }

    [Fact]
    public void A_long_approval_trail_continues_on_more_landscape_pages_under_a_repeated_header()
    {
        var pdf = LaporanKegiatanDocument.Pdf(LaporanKegiatanDocument.From(Request(sendBacks: 8)));

        using var document = PdfDocument.Open(pdf);
        var landscape = document.GetPages().Where(p => p.Width > p.Height).ToList();
        var text = DocumentText.PdfBody(pdf, Number);

        Assert.True(landscape.Count > 1, $"Expected the appendix to need more than one page, got {landscape.Count}.");
        Assert.All(landscape, page => Assert.Contains("KeputusanAlasan", DocumentText.Compact(page.Text), StringComparison.Ordinal));
        for (var round = 1; round <= 8; round++)
        {
            Assert.Contains($"ALASAN-{round:00}-AWAL", text, StringComparison.Ordinal);
            Assert.Contains($"ALASAN-{round:00}-AKHIR", text, StringComparison.Ordinal);
        }

        Assert.All(landscape.SelectMany(p => p.Letters.Select(l => (Page: p, Letter: l))), x =>
            Assert.True(x.Letter.BoundingBox.Right <= x.Page.Width && x.Letter.BoundingBox.Bottom >= 0, $"'{x.Letter.Value}' is off page {x.Page.Number}."));
    }

    [Fact]
    public void Missing_jabatan_and_NIP_print_nothing_not_null()
    {
        var pdf = LaporanKegiatanDocument.Pdf(LaporanKegiatanDocument.From(Request(anggota: Dewi, reportPeople: Bare)));
        var text = string.Concat(DocumentText.PdfPages(pdf));

        Assert.DoesNotContain("null", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("NIP", text, StringComparison.Ordinal);
        Assert.Contains("DewiLestari", DocumentText.Compact(text), StringComparison.Ordinal);
    }

    [Fact]
    public void Rendering_from_many_threads_at_once_gives_the_same_text()
    {
        var laporan = LaporanKegiatanDocument.From(Request());

        var texts = Enumerable.Range(0, 6).AsParallel().Select(_ => string.Concat(DocumentText.PdfPages(LaporanKegiatanDocument.Pdf(laporan)))).ToList();

        Assert.Single(texts.Distinct());
    }
}
