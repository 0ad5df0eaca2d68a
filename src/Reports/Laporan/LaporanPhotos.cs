using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PdfSharp.Drawing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace PerijinanBot.Reports.Laporan;

/// <summary>
/// Photos in the letter, in both formats: as wide as the text column allows and never taller than <see cref="MaxHeightMm"/>
/// (so a portrait photo leaves room on its page), the aspect ratio kept, the caption under the photo and on its page.
/// </summary>
internal static class LaporanPhotos
{
    public const double MaxHeightMm = 110;

    private const long EmuPerTwip = 635;

    private const double CaptionGap = 3;

    private const double PhotoGap = 8;

    /// <summary>Width and height that fit <paramref name="maxWidth"/> by <paramref name="maxHeight"/> with the photo's proportions.</summary>
    public static (double Width, double Height) Fit(LaporanImage image, double maxWidth, double maxHeight)
    {
        var width = maxWidth;
        var height = width / image.AspectRatio;
        return height <= maxHeight ? (width, height) : (maxHeight * image.AspectRatio, maxHeight);
    }

    // ---- PDF ----------------------------------------------------------------------------------------------------------

    public static double PdfHeight(PdfSheet sheet, LaporanPhoto photo, PdfFonts fonts, double x)
    {
        var (_, height) = Fit(photo.Image, sheet.Right - x, XUnit.FromMillimeter(MaxHeightMm).Point);
        return height + CaptionGap + (sheet.Wrap(photo.Caption, fonts.Regular, sheet.Right - x).Count * fonts.Line) + PhotoGap;
    }

    public static void Draw(PdfSheet sheet, LaporanPhoto photo, PdfFonts fonts, double x)
    {
        var (width, height) = Fit(photo.Image, sheet.Right - x, XUnit.FromMillimeter(MaxHeightMm).Point);
        var caption = sheet.Wrap(photo.Caption, fonts.Regular, sheet.Right - x);
        // The photo and its caption together: a page break never falls between them.
        sheet.Ensure(height + CaptionGap + (caption.Count * fonts.Line));
        using (var stream = photo.Image.Open())
        using (var image = XImage.FromStream(stream))
        {
            sheet.Graphics.DrawImage(image, x, sheet.Y, width, height);
        }

        sheet.Y += height + CaptionGap;
        PdfLetter.Lines(sheet, caption, fonts.Regular, fonts.Line, x);
        sheet.Y += PhotoGap;
    }

    // ---- DOCX ---------------------------------------------------------------------------------------------------------

    /// <summary>The photo as an inline picture in its own paragraph (kept with the caption's), then the caption.</summary>
    public static IEnumerable<Paragraph> Docx(MainDocumentPart main, LaporanPhoto photo, int columnTwips, int indent, uint id)
    {
        var part = main.AddImagePart(ImagePartType.Jpeg);
        using (var stream = photo.Image.Open())
        {
            part.FeedData(stream);
        }

        var maxHeightTwips = MaxHeightMm / 25.4 * 1440;
        var (width, height) = Fit(photo.Image, columnTwips, maxHeightTwips);
        var (cx, cy) = ((long)(width * EmuPerTwip), (long)(height * EmuPerTwip));
        var name = $"foto-{id}.jpg";
        var graphic = new A.Graphic(new A.GraphicData(
            new PIC.Picture(
                new PIC.NonVisualPictureProperties(
                    new PIC.NonVisualDrawingProperties { Id = 0U, Name = name },
                    new PIC.NonVisualPictureDrawingProperties()),
                new PIC.BlipFill(new A.Blip { Embed = main.GetIdOfPart(part) }, new A.Stretch(new A.FillRectangle())),
                new PIC.ShapeProperties(
                    new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                    new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
        {
            Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture",
        });
        var drawing = new Drawing(new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            // Ids of drawings are unique in the document; the kop's emblem has 1.
            new DW.DocProperties { Id = id, Name = name, Description = photo.Caption },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            graphic)
        {
            DistanceFromTop = 0U,
            DistanceFromBottom = 0U,
            DistanceFromLeft = 0U,
            DistanceFromRight = 0U,
        });

        yield return DocxParts.Paragraph([new Run(drawing)], before: 120, indent: indent, keepNext: true);
        yield return DocxParts.Paragraph([DocxParts.Run(photo.Caption, size: 20)], after: 160, indent: indent);
    }

    /// <summary>Appendix II in the landscape section: its heading, a note and the links.</summary>
    public static IEnumerable<OpenXmlElement> DocxBerkas(MainDocumentPart main, LaporanBerkas berkas)
    {
        yield return DocxParts.Paragraph([DocxParts.Run(berkas.Heading, bold: true)], before: 360, after: 60, keepNext: true);
        yield return DocxParts.Paragraph([DocxParts.Run(berkas.Note)], after: 120, keepNext: true);
        foreach (var link in berkas.Files)
        {
            yield return DocxParts.Paragraph([DocxParts.Link(main, link)], after: 60);
        }
    }

    /// <summary>Appendix II on the landscape pages, after the trail table.</summary>
    public static void PdfBerkas(PdfSheet sheet, LaporanBerkas berkas, PdfFonts fonts, XBrush linkBrush)
    {
        sheet.Y += 16;
        sheet.Ensure(3 * fonts.Line);
        PdfLetter.Lines(sheet, sheet.Wrap(berkas.Heading, fonts.Bold, sheet.Width), fonts.Bold, fonts.Line, sheet.Left);
        PdfLetter.Lines(sheet, sheet.Wrap(berkas.Note, fonts.Regular, sheet.Width), fonts.Regular, fonts.Line, sheet.Left);
        sheet.Y += 4;
        foreach (var link in berkas.Files)
        {
            foreach (var line in sheet.Wrap(link.Text, fonts.Regular, sheet.Width))
            {
                sheet.Ensure(fonts.Line);
                sheet.Draw(line, fonts.Regular, sheet.Left, link.Target is null ? null : linkBrush);
                if (link.Target is { } target)
                {
                    sheet.Link(target, sheet.Left, sheet.Measure(line, fonts.Regular), fonts.Line);
                }

                sheet.Y += fonts.Line;
            }

            sheet.Y += 2;
        }
    }
}
