using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PerijinanBot.Reports.Laporan;

/// <summary>
/// Lays the printed model out as a Word document: A4 portrait for the letter, a landscape section for the appendix table so
/// its ten columns stay readable. Measures are in twips (1/20 pt) and font sizes in half-points, as Open XML counts them.
/// </summary>
internal static class LaporanDocx
{
    private const int ShortSide = 11906;
    private const int LongSide = 16838;
    private const int MarginTop = 1134;
    private const int MarginBottom = 1134;
    private const int MarginLeft = 1701;
    private const int MarginRight = 1134;
    private const int PortraitWidth = ShortSide - MarginLeft - MarginRight;
    private const int LandscapeWidth = LongSide - (2 * MarginRight);
    private const int BlockIndent = 425;
    private const int LabelWidth = 2400;
    private const int ColonWidth = 284;

    public static byte[] Render(LaporanKegiatan laporan)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = $"Laporan Kegiatan {laporan.KegiatanNumber}";
            document.PackageProperties.Creator = "PerijinanBot";
            var main = document.AddMainDocumentPart();
            DocxParts.AddStyles(main);
            var footer = DocxParts.AddFooter(main, $"Laporan Kegiatan {laporan.KegiatanNumber}");

            var body = new Body();
            AppendLetter(body, main, laporan);
            body.Append(new Paragraph(new ParagraphProperties { SectionProperties = Section(footer, landscape: false) }));
            AppendLampiran(body, laporan.Lampiran);
            if (laporan.Berkas is { } berkas)
            {
                body.Append(LaporanPhotos.DocxBerkas(main, berkas));
            }

            body.Append(Section(footer, landscape: true));
            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    private static void AppendLetter(Body body, MainDocumentPart main, LaporanKegiatan laporan)
    {
        DocxKop.Append(body, main, laporan.Kop, PortraitWidth);
        body.Append(DocxParts.Paragraph([DocxParts.Run(laporan.Title, bold: true, size: 28, underline: true)], JustificationValues.Center, before: 360, after: 240));
        body.Append(EntryTable(laporan.Identitas, indent: 0));
        var photoId = 100U;

        for (var s = 0; s < laporan.Sections.Count; s++)
        {
            // The closing section keeps with the signature table: Word moves it to the next page with them rather than
            // leave the signatures alone there.
            var section = laporan.Sections[s];
            var closing = s == laporan.Sections.Count - 1;
            body.Append(DocxParts.Paragraph([DocxParts.Run(section.Heading, bold: true)], before: 240, after: 120, keepNext: true));
            var entries = new List<LaporanEntry>();
            foreach (var block in section.Blocks)
            {
                if (block is LaporanEntry entry)
                {
                    entries.Add(entry);
                    continue;
                }

                Flush(body, entries);
                if (block is LaporanPhoto photo)
                {
                    body.Append(LaporanPhotos.Docx(main, photo, PortraitWidth - BlockIndent, BlockIndent, photoId++));
                    continue;
                }

                body.Append(block switch
                {
                    LaporanParagraph paragraph => DocxParts.Paragraph([DocxParts.Run(paragraph.Text)], JustificationValues.Both, after: 120, indent: BlockIndent, keepNext: closing, keepLines: closing),
                    LaporanLink link => DocxParts.Paragraph([DocxParts.Link(main, link)], after: 60, indent: BlockIndent, keepNext: closing, keepLines: closing),
                    _ => throw new InvalidOperationException($"Unknown block {block.GetType().Name}."),
                });
            }

            Flush(body, entries);
        }

        body.Append(DocxParts.Paragraph([], before: 240, keepNext: true));
        body.Append(SignatureTable(laporan.Signatures));
    }

    private static void Flush(Body body, List<LaporanEntry> entries)
    {
        if (entries.Count > 0)
        {
            body.Append(EntryTable(entries, BlockIndent));
            entries.Clear();
        }
    }

    /// <summary>"Label : value" rows in a borderless table, so long and multi-line values stay aligned after the colon.</summary>
    private static Table EntryTable(IReadOnlyList<LaporanEntry> entries, int indent)
    {
        var widths = new[] { LabelWidth, ColonWidth, PortraitWidth - indent - LabelWidth - ColonWidth };
        var table = DocxParts.Table(widths, indent, borders: false);
        foreach (var entry in entries)
        {
            table.Append(new TableRow(
                DocxParts.Cell(widths[0], DocxParts.Paragraph([DocxParts.Run(entry.Label)], after: 60)),
                DocxParts.Cell(widths[1], DocxParts.Paragraph([DocxParts.Run(":")], after: 60)),
                DocxParts.Cell(widths[2], DocxParts.Paragraph([DocxParts.Run(entry.Value)], after: 60))));
        }

        return table;
    }

    /// <summary>
    /// The signature columns side by side, in one row that never splits across pages; every line but each column's last
    /// keeps with the next, so caption, space, name and NIP stay together even where a row's cantSplit is not honoured.
    /// </summary>
    private static Table SignatureTable(IReadOnlyList<LaporanSignature> signatures)
    {
        var width = PortraitWidth / Math.Max(1, signatures.Count);
        var table = DocxParts.Table([.. signatures.Select(_ => width)], 0, borders: false);
        var row = new TableRow(new TableRowProperties(new CantSplit()));
        foreach (var signature in signatures)
        {
            var cell = new List<Paragraph>();
            cell.AddRange(signature.Caption.Select(line => DocxParts.Paragraph([DocxParts.Run(line)], JustificationValues.Center, keepNext: true)));
            cell.Add(DocxParts.Paragraph([], keepNext: true, before: 1200));
            cell.Add(DocxParts.Paragraph([DocxParts.Run(signature.Name, bold: !signature.Vacant, underline: !signature.Vacant)], JustificationValues.Center, keepNext: true));
            cell.AddRange(signature.Details.Select((line, i) => DocxParts.Paragraph([DocxParts.Run(line)], JustificationValues.Center, keepNext: i < signature.Details.Count - 1)));
            row.Append(DocxParts.Cell(width, [.. cell]));
        }

        table.Append(row);
        return table;
    }

    private static void AppendLampiran(Body body, LaporanLampiran lampiran)
    {
        body.Append(DocxParts.Paragraph([DocxParts.Run(lampiran.Heading, bold: true)], after: 60, keepNext: true));
        foreach (var line in lampiran.Subheading)
        {
            body.Append(DocxParts.Paragraph([DocxParts.Run(line)], after: 60, keepNext: true));
        }

        body.Append(DocxParts.Paragraph([], after: 60, keepNext: true));
        var total = lampiran.Columns.Sum(c => c.Width);
        var widths = lampiran.Columns.Select(c => (int)(LandscapeWidth * c.Width / total)).ToArray();
        var table = DocxParts.Table(widths, 0, borders: true);
        var header = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        for (var i = 0; i < widths.Length; i++)
        {
            header.Append(DocxParts.Cell(widths[i], shaded: true, DocxParts.Paragraph([DocxParts.Run(lampiran.Columns[i].Header, bold: true, size: 16)])));
        }

        table.Append(header);
        foreach (var values in lampiran.Rows)
        {
            var row = new TableRow();
            for (var i = 0; i < widths.Length; i++)
            {
                row.Append(DocxParts.Cell(widths[i], DocxParts.Paragraph([DocxParts.Run(i < values.Count ? values[i] : "", size: 16)])));
            }

            table.Append(row);
        }

        body.Append(table);
    }

    private static SectionProperties Section(string footerId, bool landscape) => new(
        new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
        new PageSize
        {
            Width = (UInt32Value)(uint)(landscape ? LongSide : ShortSide),
            Height = (UInt32Value)(uint)(landscape ? ShortSide : LongSide),
            Orient = landscape ? PageOrientationValues.Landscape : PageOrientationValues.Portrait,
        },
        new PageMargin
        {
            Top = MarginTop,
            Bottom = MarginBottom,
            Left = (UInt32Value)(uint)(landscape ? MarginRight : MarginLeft),
            Right = (UInt32Value)(uint)MarginRight,
            Header = 567U,
            Footer = 567U,
            Gutter = 0U,
        });
}
