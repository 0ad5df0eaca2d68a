using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace PerijinanBot.Reports.Laporan;

/// <summary>
/// What every letter the office prints has in common, shared by the Laporan Kegiatan, the Lembar Disposisi and the Surat Undangan so they look
/// like the same office wrote them: the document itself with "Halaman n dari m" footers, centred lines and the signature
/// columns (the letterhead is <see cref="PdfKop"/>).
/// </summary>
internal static class PdfLetter
{
    private const double SignatureSpace = 56;

    /// <summary>
    /// A PDF with the embedded fonts: <paramref name="body"/> starts its pages and draws on them, then every page gets the
    /// footer "<paramref name="footer"/> — Halaman n dari m".
    /// </summary>
    public static byte[] Render(string title, string footer, Action<PdfSheet, PdfFonts> body)
    {
        PdfFontResolver.EnsureInstalled();
        var fonts = new PdfFonts();
        using var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Creator = "PerijinanBot";

        using (var sheet = new PdfSheet(document))
        {
            body(sheet, fonts);
        }

        Footers(document, footer, fonts.Footer);
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    public static void Lines(PdfSheet sheet, List<string> lines, XFont font, double lineHeight, double x)
    {
        foreach (var line in lines)
        {
            sheet.Ensure(lineHeight);
            sheet.Draw(line, font, x);
            sheet.Y += lineHeight;
        }
    }

    /// <summary>
    /// "Label : value" in two columns from <paramref name="x"/>: the label wrapped in <paramref name="labelWidth"/>, the colon
    /// after it, the value wrapped to the right margin, continued across pages line by line; <paramref name="gapAfter"/> points below.
    /// </summary>
    public static void Entry(PdfSheet sheet, LaporanEntry entry, double x, double labelWidth, double colonWidth, PdfFonts fonts, double gapAfter)
    {
        var valueX = x + labelWidth + colonWidth;
        var label = sheet.Wrap(entry.Label, fonts.Regular, labelWidth - 4);
        var value = sheet.Wrap(entry.Value, fonts.Regular, sheet.Right - valueX);
        for (var i = 0; i < Math.Max(label.Count, value.Count); i++)
        {
            sheet.Ensure(fonts.Line);
            if (i < label.Count)
            {
                sheet.Draw(label[i], fonts.Regular, x);
            }

            if (i == 0)
            {
                sheet.Draw(":", fonts.Regular, x + labelWidth);
            }

            if (i < value.Count)
            {
                sheet.Draw(value[i], fonts.Regular, valueX);
            }

            sheet.Y += fonts.Line;
        }

        sheet.Y += gapAfter;
    }

    /// <summary>Text centred across the page, wrapped to its width.</summary>
    public static void Centered(PdfSheet sheet, string text, XFont font, bool underline = false) =>
        CenteredLines(sheet, sheet.Wrap(text, font, sheet.Width), font, sheet.Left, sheet.Width, underline, font.GetHeight());

    public static void CenteredLines(PdfSheet sheet, List<string> lines, XFont font, double left, double width, bool underline, double lineHeight)
    {
        foreach (var line in lines)
        {
            sheet.Ensure(lineHeight);
            var measured = sheet.Measure(line, font);
            var x = left + ((width - measured) / 2);
            sheet.Draw(line, font, x);
            if (underline && measured > 0)
            {
                var y = sheet.Y + (font.Size * 1.08);
                sheet.Graphics.DrawLine(new XPen(XColors.Black, 0.6), x, y, x + measured, y);
            }

            sheet.Y += lineHeight;
        }
    }

    /// <summary>
    /// Signature columns side by side across <paramref name="width"/> from <paramref name="left"/>, kept on one page: the caption,
    /// the space to sign in, the name (bold and underlined, unless it is a dotted line to fill in) and the lines under it.
    /// </summary>
    public static void Signatures(PdfSheet sheet, IReadOnlyList<LaporanSignature> signatures, PdfFonts fonts, double left, double width)
    {
        var columnWidth = width / Math.Max(1, signatures.Count);
        var columns = Columns(sheet, signatures, fonts, columnWidth);
        var height = Height(columns, fonts);
        sheet.Ensure(height);

        var top = sheet.Y;
        for (var i = 0; i < columns.Count; i++)
        {
            var (caption, name, vacant, details) = columns[i];
            var columnLeft = left + (i * columnWidth);
            sheet.Y = top;
            CenteredLines(sheet, caption, fonts.Regular, columnLeft, columnWidth, underline: false, fonts.Line);
            sheet.Y += SignatureSpace;
            CenteredLines(sheet, name, vacant ? fonts.Regular : fonts.Bold, columnLeft, columnWidth, underline: !vacant, fonts.Line);
            CenteredLines(sheet, details, fonts.Regular, columnLeft, columnWidth, underline: false, fonts.Line);
        }

        sheet.Y = top + height;
    }

    /// <summary>How tall <see cref="Signatures"/> draws the columns across <paramref name="width"/>, for keeping what precedes them on their page.</summary>
    public static double SignaturesHeight(PdfSheet sheet, IReadOnlyList<LaporanSignature> signatures, PdfFonts fonts, double width) =>
        Height(Columns(sheet, signatures, fonts, width / Math.Max(1, signatures.Count)), fonts);

    private static List<(List<string> Caption, List<string> Name, bool Vacant, List<string> Details)> Columns(
        PdfSheet sheet, IReadOnlyList<LaporanSignature> signatures, PdfFonts fonts, double columnWidth) =>
        [.. signatures.Select(s => (
            Caption: s.Caption.SelectMany(line => sheet.Wrap(line, fonts.Regular, columnWidth - 10)).ToList(),
            Name: sheet.Wrap(s.Name, s.Vacant ? fonts.Regular : fonts.Bold, columnWidth - 10),
            s.Vacant,
            Details: s.Details.SelectMany(line => sheet.Wrap(line, fonts.Regular, columnWidth - 10)).ToList()))];

    private static double Height(List<(List<string> Caption, List<string> Name, bool Vacant, List<string> Details)> columns, PdfFonts fonts) =>
        columns.Count == 0 ? 0 : columns.Max(c => (c.Caption.Count + c.Name.Count + c.Details.Count) * fonts.Line) + SignatureSpace;

    /// <summary>Drawn once every page exists, so each footer can say how many pages there are.</summary>
    private static void Footers(PdfDocument document, string caption, XFont font)
    {
        var count = document.PageCount;
        for (var i = 0; i < count; i++)
        {
            var page = document.Pages[i];
            using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var text = string.Create(CultureInfo.InvariantCulture, $"{caption} — Halaman {i + 1} dari {count}");
            var y = page.Height.Point - XUnit.FromMillimeter(14).Point;
            graphics.DrawString(text, font, XBrushes.Black, new XRect(0, y, page.Width.Point, font.GetHeight()), XStringFormats.TopCenter);
        }
    }
}
