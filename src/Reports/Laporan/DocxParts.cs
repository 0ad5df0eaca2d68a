using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PerijinanBot.Reports.Laporan;

/// <summary>
/// The few Open XML building blocks the report needs. Properties are set through the SDK's typed members, which keep child
/// elements in schema order: the validator rejects a document whose property elements are merely out of order.
/// </summary>
internal static class DocxParts
{
    private const string Font = "Arial";
    private const string HyperlinkStyle = "Hyperlink";

    public static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle
                {
                    RunFonts = new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                    FontSize = new FontSize { Val = "22" },
                    FontSizeComplexScript = new FontSizeComplexScript { Val = "22" },
                    Languages = new Languages { Val = "id-ID" },
                }),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle
                {
                    SpacingBetweenLines = new SpacingBetweenLines { After = "0", Line = "264", LineRule = LineSpacingRuleValues.Auto },
                })),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new Style(
                new StyleName { Val = "Hyperlink" },
                new StyleRunProperties(new Color { Val = "0563C1" }, new Underline { Val = UnderlineValues.Single }))
            { Type = StyleValues.Character, StyleId = HyperlinkStyle });
    }

    /// <summary>"Laporan Kegiatan FAS-2026-0001 — Halaman 2 dari 5", the numbers being Word fields so they stay right after edits.</summary>
    public static string AddFooter(MainDocumentPart main, string caption)
    {
        var part = main.AddNewPart<FooterPart>();
        part.Footer = new Footer(Paragraph(
            [
                Run($"{caption} — Halaman ", size: 16),
                new SimpleField(Run("1", size: 16)) { Instruction = " PAGE " },
                Run(" dari ", size: 16),
                new SimpleField(Run("1", size: 16)) { Instruction = " NUMPAGES " },
            ],
            JustificationValues.Center));
        return main.GetIdOfPart(part);
    }

    public static Paragraph Paragraph(
        IEnumerable<OpenXmlElement> content,
        JustificationValues? align = null,
        int before = 0,
        int after = 0,
        int indent = 0,
        bool keepNext = false,
        bool keepLines = false)
    {
        var properties = new ParagraphProperties
        {
            KeepNext = keepNext ? new KeepNext() : null,
            KeepLines = keepLines ? new KeepLines() : null,
            SpacingBetweenLines = new SpacingBetweenLines { Before = Twips(before), After = Twips(after) },
            Indentation = indent > 0 ? new Indentation { Left = Twips(indent) } : null,
            Justification = align is { } value ? new Justification { Val = value } : null,
        };
        var paragraph = new Paragraph(properties);
        paragraph.Append(content);
        return paragraph;
    }

    /// <summary>A run of text; line breaks in the text become Word line breaks, spaces are kept as typed.</summary>
    public static Run Run(string text, bool bold = false, int? size = null, bool underline = false)
    {
        var run = new Run();
        if (bold || size is not null || underline)
        {
            run.RunProperties = new RunProperties
            {
                Bold = bold ? new Bold() : null,
                FontSize = size is { } s ? new FontSize { Val = Twips(s) } : null,
                FontSizeComplexScript = size is { } c ? new FontSizeComplexScript { Val = Twips(c) } : null,
                Underline = underline ? new Underline { Val = UnderlineValues.Single } : null,
            };
        }

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }

        return run;
    }

    /// <summary>A clickable link (an external hyperlink relationship), or plain text when the model has no usable address.</summary>
    public static OpenXmlElement Link(MainDocumentPart main, LaporanLink link)
    {
        if (link.Target is null)
        {
            return Run(link.Text);
        }

        var relationship = main.AddHyperlinkRelationship(link.Target, isExternal: true);
        var run = Run(link.Text);
        run.RunProperties = new RunProperties { RunStyle = new RunStyle { Val = HyperlinkStyle } };
        return new Hyperlink(run) { Id = relationship.Id, History = true };
    }

    public static Table Table(IReadOnlyList<int> widths, int indent, bool borders)
    {
        var properties = new TableProperties
        {
            TableWidth = new TableWidth { Width = Twips(widths.Sum()), Type = TableWidthUnitValues.Dxa },
            TableIndentation = new TableIndentation { Width = indent, Type = TableWidthUnitValues.Dxa },
            TableBorders = borders
                ? new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4U, Color = "000000" },
                    new LeftBorder { Val = BorderValues.Single, Size = 4U, Color = "000000" },
                    new BottomBorder { Val = BorderValues.Single, Size = 4U, Color = "000000" },
                    new RightBorder { Val = BorderValues.Single, Size = 4U, Color = "000000" },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U, Color = "000000" },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4U, Color = "000000" })
                : null,
            TableLayout = new TableLayout { Type = TableLayoutValues.Fixed },
            TableCellMarginDefault = new TableCellMarginDefault(
                new TopMargin { Width = "28", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 57, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "28", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 57, Type = TableWidthValues.Dxa }),
        };
        return new Table(properties, new TableGrid(widths.Select(w => new GridColumn { Width = Twips(w) })));
    }

    public static TableCell Cell(int width, params Paragraph[] paragraphs) => Cell(width, shaded: false, paragraphs);

    public static TableCell Cell(int width, bool shaded, params Paragraph[] paragraphs)
    {
        var cell = new TableCell(new TableCellProperties
        {
            TableCellWidth = new TableCellWidth { Width = Twips(width), Type = TableWidthUnitValues.Dxa },
            Shading = shaded ? new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "D9D9D9" } : null,
        });

        // A cell without a paragraph is invalid Open XML.
        cell.Append(paragraphs.Length > 0 ? paragraphs : [Paragraph([])]);
        return cell;
    }

    private static string Twips(int value) => value.ToString(CultureInfo.InvariantCulture);
}
