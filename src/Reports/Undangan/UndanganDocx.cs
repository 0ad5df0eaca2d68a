using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PerijinanBot.Reports.Laporan;

namespace PerijinanBot.Reports.Undangan;

/// <summary>
/// Lays the invitation out as a Word document on A4 portrait, with the Laporan Kegiatan's parts (kop, borderless "label :
/// value" tables, the signature kept with the closing paragraph). Twips and half-points, as Open XML counts them.
/// </summary>
internal static class UndanganDocx
{
    private const int ShortSide = 11906;
    private const int LongSide = 16838;
    private const int MarginLeft = 1701;
    private const int MarginRight = 1134;
    private const int Width = ShortSide - MarginLeft - MarginRight;
    private const int Indent = 567;
    private const int KepalaLabel = 1300;
    private const int AcaraLabel = 1700;
    private const int ColonWidth = 284;

    public static byte[] Render(SuratUndangan surat)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = $"Surat Undangan {surat.KegiatanNumber}";
            document.PackageProperties.Creator = "PerijinanBot";
            var main = document.AddMainDocumentPart();
            DocxParts.AddStyles(main);
            var footer = DocxParts.AddFooter(main, $"Surat Undangan {surat.KegiatanNumber}");

            var body = new Body();
            DocxKop.Append(body, main, surat.Kop, Width);
            body.Append(DocxParts.Paragraph([DocxParts.Run(surat.TempatTanggal)], JustificationValues.Right, before: 240, after: 120));
            body.Append(EntryTable(surat.Kepala, 0, KepalaLabel));
            body.Append(DocxParts.Paragraph([DocxParts.Run(string.Join('\n', surat.Kepada))], before: 240, after: 240));
            body.Append(DocxParts.Paragraph([DocxParts.Run(surat.Pembuka)], JustificationValues.Both, after: 120, indent: Indent));
            body.Append(EntryTable(surat.Acara, Indent, AcaraLabel));

            // The closing paragraph keeps with the signature, so Word never leaves the signature alone on a page.
            body.Append(DocxParts.Paragraph([DocxParts.Run(surat.Penutup)], JustificationValues.Both, before: 120, indent: Indent, keepNext: true, keepLines: true));
            body.Append(DocxParts.Paragraph([], before: 240, keepNext: true));
            body.Append(Signature(surat.Signature));
            body.Append(Section(footer));
            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    private static Table EntryTable(IReadOnlyList<LaporanEntry> entries, int indent, int labelWidth)
    {
        var widths = new[] { labelWidth, ColonWidth, Width - indent - labelWidth - ColonWidth };
        var table = DocxParts.Table(widths, indent, borders: false);
        foreach (var entry in entries)
        {
            table.Append(new TableRow(
                DocxParts.Cell(widths[0], DocxParts.Paragraph([DocxParts.Run(entry.Label)], after: 40)),
                DocxParts.Cell(widths[1], DocxParts.Paragraph([DocxParts.Run(":")], after: 40)),
                DocxParts.Cell(widths[2], DocxParts.Paragraph([DocxParts.Run(entry.Value)], after: 40))));
        }

        return table;
    }

    /// <summary>The signature in the right half of a borderless row that never splits across pages.</summary>
    private static Table Signature(LaporanSignature signature)
    {
        var half = Width / 2;
        var table = DocxParts.Table([half, half], 0, borders: false);
        var cell = new List<Paragraph>();
        cell.AddRange(signature.Caption.Select(line => DocxParts.Paragraph([DocxParts.Run(line)], JustificationValues.Center, keepNext: true)));
        cell.Add(DocxParts.Paragraph([], keepNext: true, before: 1200));
        cell.Add(DocxParts.Paragraph([DocxParts.Run(signature.Name, bold: !signature.Vacant, underline: !signature.Vacant)], JustificationValues.Center, keepNext: signature.Details.Count > 0));
        cell.AddRange(signature.Details.Select((line, i) => DocxParts.Paragraph([DocxParts.Run(line)], JustificationValues.Center, keepNext: i < signature.Details.Count - 1)));
        table.Append(new TableRow(new TableRowProperties(new CantSplit()), DocxParts.Cell(half), DocxParts.Cell(half, [.. cell])));
        return table;
    }

    private static SectionProperties Section(string footerId) => new(
        new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
        new PageSize { Width = (UInt32Value)(uint)ShortSide, Height = (UInt32Value)(uint)LongSide, Orient = PageOrientationValues.Portrait },
        new PageMargin { Top = 1134, Bottom = 1134, Left = (UInt32Value)(uint)MarginLeft, Right = (UInt32Value)(uint)MarginRight, Header = 567U, Footer = 567U, Gutter = 0U });
}
