using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PerijinanBot.Reports.Laporan;
using UglyToad.PdfPig;
using static PerijinanBot.Reports.Tests.Laporan.LaporanScenario;

namespace PerijinanBot.Reports.Tests.Laporan;

/// <summary>
/// The signatures never stand alone on a page: the closing paragraph (penutup) always shares their page, in the PDF by a fit
/// check before the penutup, in the DOCX by keep-with-next from the penutup to the signature row that Word honours.
/// </summary>
public sealed class SignaturePageTests
{
    private const string Penutup = "Demikian laporan kegiatan ini disampaikan untuk dapat dipergunakan sebagaimana mestinya.";

    [Fact]
    public void In_a_short_report_the_signatures_land_on_the_page_of_the_penutup()
    {
        var pages = Pages(LaporanKegiatanDocument.Pdf(LaporanKegiatanDocument.From(Request())));

        Assert.Equal(PageOf(pages, Penutup), SignaturePage(pages));
    }

    [Fact]
    public void In_a_long_report_the_signatures_land_on_the_page_of_the_penutup()
    {
        var pages = Pages(LaporanKegiatanDocument.Pdf(LaporanKegiatanDocument.From(Request(longLists: true))));

        Assert.True(SignaturePage(pages) > 1, "the long report's signatures should be past its first page");
        Assert.Equal(PageOf(pages, Penutup), SignaturePage(pages));
    }

    /// <summary>
    /// The ringkasan hasil grows a line at a time, so the end of the letter passes every height of the page, including the
    /// band where the penutup still fits and the signatures no longer do.
    /// </summary>
    [Fact]
    public void Whatever_the_length_of_the_body_the_signatures_share_the_page_of_the_penutup_and_no_page_is_left_blank()
    {
        var alone = new List<string>();
        for (var lines = 1; lines <= 70; lines++)
        {
            var pages = Pages(LaporanKegiatanDocument.Pdf(LaporanKegiatanDocument.From(Request(hasilLines: lines))));
            var signatures = SignaturePage(pages);

            // Its first and last words, since a penutup split by a page break is on no single page.
            var (starts, ends) = (PageOf(pages, "Demikian laporan kegiatan"), PageOf(pages, "mestinya."));
            if (starts != signatures || ends != signatures)
            {
                alone.Add(string.Create(CultureInfo.InvariantCulture, $"{lines} lines: penutup on pages {starts}-{ends}, signatures on page {signatures}"));
            }

            // Moving the penutup on never leaves a page with nothing but its footer (about 45 characters).
            Assert.All(pages, page => Assert.True(page.Length > 120, $"{lines} lines: a page holds only '{page}'"));
        }

        Assert.True(alone.Count == 0, string.Join("\n", alone));
    }

    [Fact]
    public void In_the_DOCX_every_paragraph_from_the_penutup_heading_to_the_signature_row_keeps_with_the_next()
    {
        var docx = LaporanKegiatanDocument.Docx(LaporanKegiatanDocument.From(Request()));

        using var document = WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);
        var body = document.MainDocumentPart!.Document!.Body!.Elements<OpenXmlElement>().ToList();
        var heading = body.FindIndex(e => e is Paragraph p && p.InnerText == "V. PENUTUP");
        var table = body.FindIndex(heading, e => e is Table t && t.InnerText.Contains("Yang melaporkan,", StringComparison.Ordinal));
        Assert.True(heading >= 0 && table > heading, "the penutup heading and the signature table should both be in the body");

        var between = body[heading..table];
        Assert.All(between, e => Assert.NotNull(Assert.IsType<Paragraph>(e).ParagraphProperties?.KeepNext));
        var penutup = Assert.Single(between, e => e.InnerText == Penutup);
        Assert.NotNull(((Paragraph)penutup).ParagraphProperties!.KeepLines);

        var row = Assert.Single(body[table].Elements<TableRow>());
        Assert.NotNull(row.TableRowProperties?.GetFirstChild<CantSplit>());
        Assert.All(row.Elements<TableCell>(), cell =>
        {
            var paragraphs = cell.Elements<Paragraph>().ToList();
            Assert.Contains(paragraphs, p => p.InnerText is "Budi Santoso" or "Hendra Wijaya");
            Assert.All(paragraphs[..^1], p => Assert.NotNull(p.ParagraphProperties?.KeepNext));
        });
        Assert.Empty(DocumentText.DocxErrors(docx));
    }

    private static List<string> Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().Where(p => p.Height > p.Width).Select(p => DocumentText.Compact(p.Text))];
    }

    /// <summary>The 1-based page holding <paramref name="text"/>, which must be on exactly one page.</summary>
    private static int PageOf(List<string> pages, string text)
    {
        var compact = DocumentText.Compact(text);
        var found = pages.Select((page, i) => (page, Number: i + 1)).Where(p => p.page.Contains(compact, StringComparison.Ordinal)).ToList();
        return Assert.Single(found).Number;
    }

    /// <summary>The page of both signature columns: the captions and the NIPs under both names.</summary>
    private static int SignaturePage(List<string> pages)
    {
        var page = PageOf(pages, "Yang melaporkan,");
        Assert.Equal(page, PageOf(pages, "Mengetahui,"));
        Assert.Equal(page, PageOf(pages, $"NIP. {BudiNip}"));
        Assert.Equal(page, PageOf(pages, $"NIP. {HendraNip}"));
        return page;
    }
}
