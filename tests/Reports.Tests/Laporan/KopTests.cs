using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PerijinanBot.Reports.Disposisi;
using PerijinanBot.Reports.Laporan;
using PerijinanBot.Reports.Tests.Disposisi;
using PerijinanBot.Reports.Tests.Support;
using UglyToad.PdfPig;
using static PerijinanBot.Reports.Tests.Laporan.LaporanScenario;
using A = DocumentFormat.OpenXml.Drawing;

namespace PerijinanBot.Reports.Tests.Laporan;

/// <summary>
/// The kop surat of both letters: the SOP header's names, the office's address, telephone, website and e-mail when
/// configured, and the provincial emblem as the one image of the letter (none when it is not configured).
/// </summary>
public sealed class KopTests
{
    private const string Address = "Jalan Sutan Syahrir No. 5, Pontianak";
    private const string Where = Address + ", Telepon (0561) 732690";
    private const string Online = "Laman diskopukm.kalbarprov.go.id, Pos-el diskopukm@kalbarprov.go.id";

    private static readonly KopSettings _contacts = new(Address, "(0561) 732690", "diskopukm@kalbarprov.go.id", "diskopukm.kalbarprov.go.id");

    [Fact]
    public void Configured_contacts_become_two_lines_under_the_names_and_blank_ones_print_nothing()
    {
        var full = LaporanKegiatanDocument.From(Request(kop: _contacts)).Kop;
        var phoneOnly = LaporanKegiatanDocument.From(Request(kop: new KopSettings(Telephone: " (0561) 732690 ", Email: "  "))).Kop;

        Assert.Equal(["PEMERINTAH PROVINSI KALIMANTAN BARAT", "DINAS KOPERASI, USAHA KECIL DAN MENENGAH", "BIDANG PERIJINAN DAN KELEMBAGAAN"], full.Names);
        Assert.Equal([Where, Online], full.Contact);
        Assert.Equal(["Telepon (0561) 732690"], phoneOnly.Contact);
    }

    [Fact]
    public void Both_PDFs_print_the_address_telephone_website_and_email_on_the_first_page_above_the_title()
    {
        var laporan = FirstPage(LaporanKegiatanDocument.Pdf(LaporanKegiatanDocument.From(Request(kop: _contacts))));
        var lembar = FirstPage(LembarDisposisiDocument.Pdf(LembarDisposisiDocument.From(DisposisiScenario.Request() with { Kop = _contacts })));

        foreach (var (page, title) in new[] { (laporan, "LAPORANKEGIATAN"), (lembar, "LEMBARDISPOSISI") })
        {
            var contacts = page.IndexOf(DocumentText.Compact(Where + Online), StringComparison.Ordinal);
            Assert.True(contacts >= 0, $"the contact lines are missing from '{page}'");
            Assert.True(contacts < page.IndexOf(title, StringComparison.Ordinal), "the contact lines should come before the title");
        }
    }

    [Fact]
    public void Without_settings_the_PDFs_have_the_names_but_no_contact_line_and_no_image()
    {
        foreach (var pdf in new[]
        {
            LaporanKegiatanDocument.Pdf(LaporanKegiatanDocument.From(Request())),
            LembarDisposisiDocument.Pdf(LembarDisposisiDocument.From(DisposisiScenario.Request())),
        })
        {
            using var document = PdfDocument.Open(pdf);
            var text = DocumentText.Compact(string.Concat(document.GetPages().Select(p => p.Text)));

            Assert.Contains("DINASKOPERASI,USAHAKECILDANMENENGAH", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Telepon", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Pos-el", text, StringComparison.Ordinal);
            Assert.Empty(document.GetPages().SelectMany(p => p.GetImages()));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_configured_emblem_is_the_one_image_of_each_PDF_at_the_top_left_of_the_first_page(bool jpeg)
    {
        var emblem = KopEmblem.Read(jpeg ? TestEmblem.Jpeg() : TestEmblem.Png());
        var kop = _contacts with { Emblem = emblem };

        foreach (var pdf in new[]
        {
            LaporanKegiatanDocument.Pdf(LaporanKegiatanDocument.From(Request(longLists: true, kop: kop))),
            LembarDisposisiDocument.Pdf(LembarDisposisiDocument.From(DisposisiScenario.Request() with { Kop = kop })),
        })
        {
            using var document = PdfDocument.Open(pdf);
            var pages = document.GetPages().ToList();
            var image = Assert.Single(pages[0].GetImages());
            Assert.All(pages.Skip(1), page => Assert.Empty(page.GetImages()));

            // 30 mm from the left edge (the letter's margin), 22 mm tall, as wide as the 120 x 150 picture allows.
            Assert.Equal(85.0, image.BoundingBox.Left, 0.5);
            Assert.Equal(62.4, image.BoundingBox.Height, 0.5);
            Assert.Equal(62.4 * 120 / 150, image.BoundingBox.Width, 0.5);
            Assert.True(image.BoundingBox.Top > pages[0].Height - 60, $"the emblem should sit at the top of the page, not at {image.BoundingBox}");
            var kopName = pages[0].GetWords().First(w => w.Text == "PEMERINTAH");
            Assert.True(kopName.BoundingBox.Left > image.BoundingBox.Right, "the names should stand to the right of the emblem");
        }
    }

    [Fact]
    public void A_contact_line_too_wide_for_the_kop_breaks_between_its_parts_never_between_a_label_and_its_value()
    {
        // Just too long for "Telepon (0561) 732690" to follow on its line beside the emblem: a plain word wrap would leave
        // "Telepon" at the end of the first line and the number on the next.
        var address = "Jalan Sutan Syahrir No. 5, Kelurahan Akcaya, Kecamatan Pontianak Selatan";
        var kop = _contacts with { Address = address, Emblem = KopEmblem.Read(TestEmblem.Png()) };

        using var document = PdfDocument.Open(LembarDisposisiDocument.Pdf(LembarDisposisiDocument.From(DisposisiScenario.Request() with { Kop = kop })));
        var words = document.GetPage(1).GetWords().ToList();

        Assert.True(Line(words, "Kelurahan") != Line(words, "Telepon"), "the test's address should be too long to share a line with the telephone");
        Assert.Equal(Line(words, "Telepon"), Line(words, "(0561)"));
        Assert.Equal(Line(words, "Pos-el"), Line(words, "diskopukm@kalbarprov.go.id"));
        Assert.Equal(Line(words, "Laman"), Line(words, "diskopukm.kalbarprov.go.id,"));
    }

    [Fact]
    public void The_Lembar_Disposisi_stays_on_one_page_under_the_full_kop()
    {
        var kop = _contacts with { Emblem = KopEmblem.Read(TestEmblem.Png()) };

        using var document = PdfDocument.Open(LembarDisposisiDocument.Pdf(LembarDisposisiDocument.From(DisposisiScenario.Request() with { Kop = kop })));

        Assert.Equal(1, document.NumberOfPages);
    }

    [Fact]
    public void The_DOCX_carries_the_emblem_as_a_picture_part_shown_inline_beside_the_names_and_stays_valid()
    {
        var png = TestEmblem.Png();
        var docx = LaporanKegiatanDocument.Docx(LaporanKegiatanDocument.From(Request(kop: _contacts with { Emblem = KopEmblem.Read(png) })));

        using var document = WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);
        var main = document.MainDocumentPart!;
        var part = Assert.Single(main.ImageParts);
        Assert.Equal("image/png", part.ContentType);
        using (var stream = part.GetStream())
        using (var copy = new MemoryStream())
        {
            stream.CopyTo(copy);
            Assert.Equal(png, copy.ToArray());
        }

        var kop = main.Document!.Body!.Elements<Table>().First();
        var cells = kop.Descendants<TableCell>().ToList();
        var blip = Assert.Single(cells[0].Descendants<A.Blip>());
        Assert.Equal(main.GetIdOfPart(part), blip.Embed!.Value);
        Assert.Contains("PEMERINTAH PROVINSI KALIMANTAN BARAT", cells[1].InnerText, StringComparison.Ordinal);
        Assert.Contains(Where, cells[1].InnerText, StringComparison.Ordinal);
        Assert.Contains(Online, cells[1].InnerText, StringComparison.Ordinal);
        Assert.NotNull(kop.GetFirstChild<TableProperties>()!.TableBorders?.BottomBorder);
        Assert.Empty(DocumentText.DocxErrors(docx));
    }

    [Fact]
    public void Without_an_emblem_the_DOCX_has_no_picture_and_the_rule_under_the_last_contact_line()
    {
        var docx = LaporanKegiatanDocument.Docx(LaporanKegiatanDocument.From(Request(kop: _contacts)));

        using var document = WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);
        var main = document.MainDocumentPart!;
        Assert.Empty(main.ImageParts);
        Assert.Empty(main.Document!.Body!.Descendants<Drawing>());
        var ruled = main.Document!.Body!.Elements<Paragraph>().First(p => p.ParagraphProperties?.ParagraphBorders is not null);
        Assert.Equal(Online, ruled.InnerText);
        Assert.Empty(DocumentText.DocxErrors(docx));
    }

    [Fact]
    public void Control_characters_and_markup_in_the_settings_are_printed_cleaned_and_the_DOCX_stays_valid()
    {
        var kop = new KopSettings(Address: "Jalan <Sutan> & \"Syahrir\"\u0001\u000B No. 5 \uFFFF", Website: "diskopukm.kalbarprov.go.id\t");

        var laporan = LaporanKegiatanDocument.From(Request(kop: kop));
        var docx = LaporanKegiatanDocument.Docx(laporan);

        Assert.Equal(["Jalan <Sutan> & \"Syahrir\" No. 5", "Laman diskopukm.kalbarprov.go.id"], laporan.Kop.Contact);
        Assert.Empty(DocumentText.DocxErrors(docx));
        Assert.Contains("Jalan <Sutan> & \"Syahrir\" No. 5", DocumentText.Docx(docx), StringComparison.Ordinal);
    }

    [Fact]
    public void An_emblem_is_read_as_PNG_or_JPEG_by_its_bytes_with_its_pixel_size()
    {
        var png = KopEmblem.Read(TestEmblem.Png(80, 100));
        var jpeg = KopEmblem.Read(TestEmblem.Jpeg(90, 60));

        Assert.Equal((KopImageFormat.Png, 80, 100, "image/png"), (png.Format, png.PixelWidth, png.PixelHeight, png.ContentType));
        Assert.Equal((KopImageFormat.Jpeg, 90, 60, "image/jpeg"), (jpeg.Format, jpeg.PixelWidth, jpeg.PixelHeight, jpeg.ContentType));
    }

    [Fact]
    public void Text_a_GIF_and_cut_PNGs_are_refused_as_emblems_with_the_reason()
    {
        var text = Assert.Throws<InvalidDataException>(() => KopEmblem.Read("bukan gambar"u8));
        var gif = Assert.Throws<InvalidDataException>(() => KopEmblem.Read(TestEmblem.Gif()));
        var empty = Assert.Throws<InvalidDataException>(() => KopEmblem.Read([]));
        var truncated = Assert.Throws<InvalidDataException>(() => KopEmblem.Read(TestEmblem.TruncatedPng()));
        var half = Assert.Throws<InvalidDataException>(() => KopEmblem.Read(TestEmblem.HalfPng()));

        Assert.StartsWith("is not a PNG or JPEG image", text.Message, StringComparison.Ordinal);
        Assert.StartsWith("is not a PNG or JPEG image", gif.Message, StringComparison.Ordinal);
        Assert.StartsWith("is not a PNG or JPEG image", empty.Message, StringComparison.Ordinal);
        Assert.StartsWith("starts like a PNG image but cannot be read", truncated.Message, StringComparison.Ordinal);
        Assert.StartsWith("is a PNG image that does not decode whole", half.Message, StringComparison.Ordinal);
    }

    /// <summary>The baseline of <paramref name="text"/>, rounded to the point: words on one line share it.</summary>
    private static double Line(List<UglyToad.PdfPig.Content.Word> words, string text) =>
        Math.Round(Assert.Single(words, w => w.Text == text).BoundingBox.Bottom);

    private static string FirstPage(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return DocumentText.Compact(document.GetPage(1).Text);
    }
}
