using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace PerijinanBot.Reports.Laporan;

/// <summary>
/// The kop surat at the top of the letter's first page. With an emblem: a borderless table of one row, the emblem as an
/// inline picture in the first cell and the names and contact lines centred in the second, ruled under the row. Without one:
/// centred paragraphs, the last of them ruled. The rule is Word's thick-thin line, as on the office's letters.
/// </summary>
internal static class DocxKop
{
    /// <summary>English Metric Units per millimetre: DrawingML sizes pictures in EMU.</summary>
    private const long EmuPerMillimetre = 36_000;

    /// <summary>The emblem's height (as in the PDF) and its widest, in millimetres.</summary>
    private const double EmblemHeight = 22;

    private const double EmblemMaxWidth = 26;

    /// <summary>The emblem's column, in twips: its widest plus a little air before the names.</summary>
    private const int EmblemColumn = 1701;

    private static BottomBorder Rule() => new() { Val = BorderValues.ThickThinSmallGap, Size = 18U, Space = 1U, Color = "000000" };

    public static void Append(Body body, MainDocumentPart main, KopSurat kop, int width)
    {
        if (kop.Emblem is not { } emblem)
        {
            var paragraphs = Text(kop);
            if (paragraphs.Count > 0)
            {
                paragraphs[^1].ParagraphProperties!.ParagraphBorders = new ParagraphBorders { BottomBorder = Rule() };
                body.Append(paragraphs);
            }

            return;
        }

        var widths = new[] { EmblemColumn, width - EmblemColumn };
        var table = DocxParts.Table(widths, 0, borders: false);
        table.GetFirstChild<TableProperties>()!.TableBorders = new TableBorders(Rule());
        var picture = DocxParts.Paragraph([new Run(Picture(main, emblem))]);
        var emblemCell = DocxParts.Cell(widths[0], picture);
        var textCell = DocxParts.Cell(widths[1], [.. Text(kop)]);
        textCell.TableCellProperties!.TableCellVerticalAlignment = new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center };
        table.Append(new TableRow(new TableRowProperties(new CantSplit()), emblemCell, textCell));
        body.Append(table);
    }

    /// <summary>The names (the government's larger) and the contact lines, centred.</summary>
    private static List<Paragraph> Text(KopSurat kop) =>
    [
        .. kop.Names.Select((name, i) => DocxParts.Paragraph([DocxParts.Run(name, bold: true, size: i == 0 ? 28 : 26)], JustificationValues.Center)),
        .. kop.Contact.Select(line => DocxParts.Paragraph([DocxParts.Run(line, size: 18)], JustificationValues.Center)),
    ];

    /// <summary>The emblem as an image part of the document and an inline DrawingML picture that shows it, with alt text.</summary>
    private static Drawing Picture(MainDocumentPart main, KopEmblem emblem)
    {
        var part = main.AddImagePart(emblem.Format == KopImageFormat.Png ? ImagePartType.Png : ImagePartType.Jpeg);
        using (var stream = emblem.Open())
        {
            part.FeedData(stream);
        }

        var widthMm = EmblemHeight * emblem.AspectRatio;
        var (cx, cy) = widthMm <= EmblemMaxWidth
            ? ((long)(widthMm * EmuPerMillimetre), (long)(EmblemHeight * EmuPerMillimetre))
            : ((long)(EmblemMaxWidth * EmuPerMillimetre), (long)(EmblemMaxWidth / emblem.AspectRatio * EmuPerMillimetre));
        var name = emblem.Format == KopImageFormat.Png ? "lambang.png" : "lambang.jpg";

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

        return new Drawing(new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = 1U, Name = "Lambang", Description = "Lambang Daerah" },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            graphic)
        {
            DistanceFromTop = 0U,
            DistanceFromBottom = 0U,
            DistanceFromLeft = 0U,
            DistanceFromRight = 0U,
        });
    }
}
