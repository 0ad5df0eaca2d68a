using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace PerijinanBot.Reports.Laporan;

/// <summary>
/// Lays the printed model out as a PDF with PDFsharp: the letter on A4 portrait pages, the appendix table on A4 landscape pages
/// (its header row repeated on each), every line wrapped to the page and the page count in the footer.
/// </summary>
internal static class LaporanPdf
{
    private const double Indent = 18;
    private const double LabelWidth = 118;
    private const double ColonWidth = 10;
    private const double SignatureSpace = 56;

    private static readonly XBrush _linkBrush = new XSolidBrush(XColor.FromArgb(5, 99, 193));

    public static byte[] Render(LaporanKegiatan laporan)
    {
        PdfFontResolver.EnsureInstalled();
        var fonts = new PdfFonts();
        using var document = new PdfDocument();
        document.Info.Title = $"Laporan Kegiatan {laporan.KegiatanNumber}";
        document.Info.Creator = "PerijinanBot";

        using (var sheet = new PdfSheet(document))
        {
            sheet.NewPage(landscape: false);
            Letter(sheet, laporan, fonts);
            sheet.NewPage(landscape: true);
            LaporanPdfLampiran.Draw(sheet, laporan.Lampiran, fonts);
        }

        Footers(document, $"Laporan Kegiatan {laporan.KegiatanNumber}", fonts.Footer);
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private static void Letter(PdfSheet sheet, LaporanKegiatan laporan, PdfFonts fonts)
    {
        for (var i = 0; i < laporan.Kop.Count; i++)
        {
            Centered(sheet, laporan.Kop[i], i == 0 ? fonts.KopTop : fonts.Kop);
        }

        // The thick-thin rule under the letterhead.
        sheet.Y += 3;
        sheet.Graphics.DrawLine(new XPen(XColors.Black, 2), sheet.Left, sheet.Y, sheet.Right, sheet.Y);
        sheet.Graphics.DrawLine(new XPen(XColors.Black, 0.6), sheet.Left, sheet.Y + 3, sheet.Right, sheet.Y + 3);
        sheet.Y += 20;

        Centered(sheet, laporan.Title, fonts.Title, underline: true);
        sheet.Y += 10;
        foreach (var entry in laporan.Identitas)
        {
            Entry(sheet, entry, sheet.Left, fonts);
        }

        foreach (var section in laporan.Sections)
        {
            sheet.Y += 8;
            var heading = sheet.Wrap(section.Heading, fonts.Bold, sheet.Width);

            // Keep a heading with at least two lines of what follows it.
            sheet.Ensure((heading.Count + 2) * fonts.Line);
            Lines(sheet, heading, fonts.Bold, fonts.Line, sheet.Left);
            sheet.Y += 3;
            foreach (var block in section.Blocks)
            {
                Block(sheet, block, fonts);
            }
        }

        sheet.Y += 14;
        Signatures(sheet, laporan.Signatures, fonts);
    }

    private static void Block(PdfSheet sheet, LaporanBlock block, PdfFonts fonts)
    {
        var x = sheet.Left + Indent;
        switch (block)
        {
            case LaporanEntry entry:
                Entry(sheet, entry, x, fonts);
                break;
            case LaporanParagraph paragraph:
                Lines(sheet, sheet.Wrap(paragraph.Text, fonts.Regular, sheet.Right - x), fonts.Regular, fonts.Line, x);
                sheet.Y += 3;
                break;
            case LaporanLink link:
                foreach (var line in sheet.Wrap(link.Text, fonts.Regular, sheet.Right - x))
                {
                    sheet.Ensure(fonts.Line);
                    sheet.Draw(line, fonts.Regular, x, link.Target is null ? null : _linkBrush);
                    if (link.Target is { } target)
                    {
                        sheet.Link(target, x, sheet.Measure(line, fonts.Regular), fonts.Line);
                    }

                    sheet.Y += fonts.Line;
                }

                sheet.Y += 2;
                break;
            default:
                throw new InvalidOperationException($"Unknown block {block.GetType().Name}.");
        }
    }

    /// <summary>"Label : value", label and value each wrapped in their own column and continued across pages line by line.</summary>
    private static void Entry(PdfSheet sheet, LaporanEntry entry, double x, PdfFonts fonts)
    {
        var valueX = x + LabelWidth + ColonWidth;
        var label = sheet.Wrap(entry.Label, fonts.Regular, LabelWidth - 4);
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
                sheet.Draw(":", fonts.Regular, x + LabelWidth);
            }

            if (i < value.Count)
            {
                sheet.Draw(value[i], fonts.Regular, valueX);
            }

            sheet.Y += fonts.Line;
        }

        sheet.Y += 2;
    }

    /// <summary>The signature columns side by side, kept on one page.</summary>
    private static void Signatures(PdfSheet sheet, IReadOnlyList<LaporanSignature> signatures, PdfFonts fonts)
    {
        var width = sheet.Width / Math.Max(1, signatures.Count);
        var columns = signatures.Select(s => (
            Caption: s.Caption.SelectMany(line => sheet.Wrap(line, fonts.Regular, width - 10)).ToList(),
            Name: sheet.Wrap(s.Name, s.Vacant ? fonts.Regular : fonts.Bold, width - 10),
            s.Vacant,
            Details: s.Details.SelectMany(line => sheet.Wrap(line, fonts.Regular, width - 10)).ToList())).ToList();
        var height = columns.Max(c => (c.Caption.Count + c.Name.Count + c.Details.Count) * fonts.Line) + SignatureSpace;
        sheet.Ensure(height);

        var top = sheet.Y;
        for (var i = 0; i < columns.Count; i++)
        {
            var (caption, name, vacant, details) = columns[i];
            var left = sheet.Left + (i * width);
            sheet.Y = top;
            CenteredLines(sheet, caption, fonts.Regular, left, width, underline: false, fonts.Line);
            sheet.Y += SignatureSpace;
            CenteredLines(sheet, name, vacant ? fonts.Regular : fonts.Bold, left, width, underline: !vacant, fonts.Line);
            CenteredLines(sheet, details, fonts.Regular, left, width, underline: false, fonts.Line);
        }

        sheet.Y = top + height;
    }

    internal static void Lines(PdfSheet sheet, List<string> lines, XFont font, double lineHeight, double x)
    {
        foreach (var line in lines)
        {
            sheet.Ensure(lineHeight);
            sheet.Draw(line, font, x);
            sheet.Y += lineHeight;
        }
    }

    private static void Centered(PdfSheet sheet, string text, XFont font, bool underline = false) =>
        CenteredLines(sheet, sheet.Wrap(text, font, sheet.Width), font, sheet.Left, sheet.Width, underline, font.GetHeight());

    private static void CenteredLines(PdfSheet sheet, List<string> lines, XFont font, double left, double width, bool underline, double lineHeight)
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
