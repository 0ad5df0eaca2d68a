using DocumentFormat.OpenXml.Packaging;
using PerijinanBot.Reports.Laporan;
using PerijinanBot.Reports.Tests.Support;
using SkiaSharp;
using UglyToad.PdfPig;
using static PerijinanBot.Reports.Tests.Laporan.LaporanScenario;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace PerijinanBot.Reports.Tests.Laporan;

/// <summary>
/// The dokumentasi sent as files at step 7: each photo printed in section IV of both formats (inside the text column, its
/// proportions kept, upright), the documents listed in Lampiran II with their links, and a photo that is not one refused.
/// </summary>
public sealed class LaporanDokumentasiTests
{
    private static readonly Uri _link = new("https://perijinanbot.example/unduh/token/daftar-hadir.pdf");

    private static LaporanDokumentasi Dokumentasi(int photos) => new(
        [.. Enumerable.Range(1, photos).Select(i => new LaporanPhotoFile($"foto-{i}.jpg", LaporanImage.Prepare(i % 2 == 0 ? TestEmblem.Png(900, 1200) : TestEmblem.Jpeg(1200, 900))!))],
        [new LaporanFileLink("daftar-hadir.pdf", "Daftar hadir", 250_000, _link), new LaporanFileLink("berita-acara.docx", "Berita acara", 2_621_440, new Uri("https://perijinanbot.example/unduh/t2/berita-acara.docx"))]);

    private static LaporanKegiatan With(LaporanDokumentasi? dokumentasi) => LaporanKegiatanDocument.From(Request() with { Dokumentasi = dokumentasi });

    [Fact]
    public void The_PDF_holds_every_photo_within_the_text_column_and_lists_the_documents_with_links_in_Lampiran_II()
    {
        var pdf = LaporanKegiatanDocument.Pdf(With(Dokumentasi(3)));

        using var document = PdfDocument.Open(pdf);
        var images = document.GetPages().SelectMany(p => p.GetImages().Select(i => (Page: p, Image: i))).ToList();
        Assert.Equal(3, images.Count);
        foreach (var (page, image) in images)
        {
            // Never wider than the page's text area, and not distorted (the printed box has the photo's proportions).
            Assert.InRange(image.BoundingBox.Width, 100, page.Width - 100);
            Assert.Equal((double)image.WidthInSamples / image.HeightInSamples, image.BoundingBox.Width / image.BoundingBox.Height, 2);
        }

        var text = string.Join("\n", document.GetPages().Select(p => p.Text));
        Assert.Contains("Foto 1. foto-1.jpg", text, StringComparison.Ordinal);
        Assert.Contains("Foto 3. foto-3.jpg", text, StringComparison.Ordinal);
        Assert.Contains("LAMPIRAN II", text, StringComparison.Ordinal);
        Assert.Contains("Daftar hadir: daftar-hadir.pdf (244 KB)", text, StringComparison.Ordinal);
        Assert.Contains("Berita acara: berita-acara.docx (2,5 MB)", text, StringComparison.Ordinal);
        var links = document.GetPages().SelectMany(p => p.GetHyperlinks()).Select(l => l.Uri).ToList();
        Assert.Contains(_link.AbsoluteUri, links);
    }

    [Fact]
    public void The_DOCX_embeds_every_photo_inside_the_text_column_links_the_documents_and_passes_the_Open_XML_validator()
    {
        var docx = LaporanKegiatanDocument.Docx(With(Dokumentasi(2)));

        Assert.Empty(DocumentText.DocxErrors(docx));
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        var main = document.MainDocumentPart!;
        Assert.Equal(2, main.ImageParts.Count());
        var extents = main.Document!.Body!.Descendants<DW.Inline>().Select(i => i.Extent!).ToList();
        // A4 portrait text column: 11906 - 1701 - 1134 twips less the block indent, 635 EMU a twip.
        Assert.All(extents, e => Assert.InRange(e.Cx!.Value, 1, (11906 - 1701 - 1134 - 425) * 635L));
        Assert.Contains(main.HyperlinkRelationships, r => r.Uri == _link);
        var text = DocumentText.Docx(docx);
        Assert.Contains("Foto 2. foto-2.jpg", text, StringComparison.Ordinal);
        Assert.Contains("Daftar hadir: daftar-hadir.pdf", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_files_the_report_has_no_images_and_no_second_appendix()
    {
        var laporan = With(null);

        Assert.Null(laporan.Berkas);
        using var document = PdfDocument.Open(LaporanKegiatanDocument.Pdf(laporan));
        Assert.Empty(document.GetPages().SelectMany(p => p.GetImages()));
        Assert.DoesNotContain("LAMPIRAN II", string.Join("\n", document.GetPages().Select(p => p.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_large_photo_is_scaled_down_and_a_sideways_camera_photo_is_turned_upright()
    {
        var large = LaporanImage.Prepare(TestEmblem.Jpeg(4000, 3000))!;
        Assert.Equal(LaporanImage.MaxSide, Math.Max(large.PixelWidth, large.PixelHeight));
        Assert.Equal(4.0 / 3.0, large.AspectRatio, 2);

        var sideways = LaporanImage.Prepare(JpegWithOrientation(TestEmblem.Jpeg(400, 300), orientation: 6))!;
        Assert.Equal((300, 400), (sideways.PixelWidth, sideways.PixelHeight));
    }

    [Fact]
    public void Bytes_that_are_not_a_whole_JPEG_or_PNG_make_no_photo()
    {
        Assert.Null(LaporanImage.Prepare(TestEmblem.Gif()));
        Assert.Null(LaporanImage.Prepare(TestEmblem.TruncatedPng()));
        Assert.Null(LaporanImage.Prepare("%PDF-1.7"u8.ToArray()));
    }

    /// <summary>Inserts an EXIF APP1 segment with the given Orientation right after the JPEG's SOI marker (a camera held on its side writes 6).</summary>
    private static byte[] JpegWithOrientation(byte[] jpeg, ushort orientation)
    {
        byte[] tiff = [0x4D, 0x4D, 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08, 0x00, 0x01, 0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, (byte)(orientation >> 8), (byte)orientation, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00];
        byte[] header = [.. "Exif"u8, 0, 0];
        var length = 2 + header.Length + tiff.Length;
        byte[] app1 = [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. header, .. tiff];
        Assert.Equal(SKEncodedOrigin.TopLeft, SKCodec.Create(new MemoryStream(jpeg))!.EncodedOrigin);
        return [.. jpeg[..2], .. app1, .. jpeg[2..]];
    }
}
