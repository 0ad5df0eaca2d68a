using PdfSharp.Drawing;

namespace PerijinanBot.Reports.Laporan;

/// <summary>The appendix table on landscape pages: bordered cells, a shaded header row repeated on every page, rows split across pages when they must.</summary>
internal static class LaporanPdfLampiran
{
    private const double CellPadding = 2.5;

    private static readonly XBrush _headerFill = new XSolidBrush(XColor.FromArgb(217, 217, 217));

    public static void Draw(PdfSheet sheet, LaporanLampiran lampiran, PdfFonts fonts)
    {
        LaporanPdf.Lines(sheet, sheet.Wrap(lampiran.Heading, fonts.Bold, sheet.Width), fonts.Bold, fonts.Line, sheet.Left);
        foreach (var line in lampiran.Subheading)
        {
            LaporanPdf.Lines(sheet, sheet.Wrap(line, fonts.Regular, sheet.Width), fonts.Regular, fonts.Line, sheet.Left);
        }

        sheet.Y += 8;
        var total = lampiran.Columns.Sum(c => c.Width);
        var widths = lampiran.Columns.Select(c => sheet.Width * c.Width / total).ToArray();
        var header = lampiran.Columns.Select((c, i) => sheet.Wrap(c.Header, fonts.TableBold, widths[i] - (2 * CellPadding))).ToList();
        var lineHeight = fonts.TableLine;
        var headerHeight = (header.Max(h => h.Count) * lineHeight) + (2 * CellPadding);

        sheet.Ensure(headerHeight + lineHeight + (2 * CellPadding));
        TableHeader(sheet, header, widths, headerHeight, fonts);
        foreach (var values in lampiran.Rows)
        {
            var cells = widths.Select((w, i) => sheet.Wrap(i < values.Count ? values[i] : "", fonts.Table, w - (2 * CellPadding))).ToList();
            var count = cells.Max(c => c.Count);

            // A row taller than what is left of the page continues on the next one, under a repeated header row.
            for (var offset = 0; offset < count;)
            {
                var fit = (int)Math.Floor((sheet.Bottom - sheet.Y - (2 * CellPadding)) / lineHeight);
                if (fit < Math.Min(count - offset, 3))
                {
                    sheet.NewPage(landscape: true);
                    TableHeader(sheet, header, widths, headerHeight, fonts);
                    continue;
                }

                var take = Math.Min(fit, count - offset);
                TableRow(sheet, cells, offset, take, widths, (take * lineHeight) + (2 * CellPadding), fonts.Table, lineHeight, fill: null);
                offset += take;
            }
        }
    }

    private static void TableHeader(PdfSheet sheet, List<List<string>> header, double[] widths, double height, PdfFonts fonts) =>
        TableRow(sheet, header, 0, header.Max(h => h.Count), widths, height, fonts.TableBold, fonts.TableLine, _headerFill);

    private static void TableRow(PdfSheet sheet, List<List<string>> cells, int offset, int take, double[] widths, double height, XFont font, double lineHeight, XBrush? fill)
    {
        var pen = new XPen(XColors.Black, 0.5);
        var top = sheet.Y;
        var x = sheet.Left;
        for (var i = 0; i < widths.Length; i++)
        {
            if (fill is not null)
            {
                sheet.Graphics.DrawRectangle(fill, x, top, widths[i], height);
            }

            sheet.Graphics.DrawRectangle(pen, x, top, widths[i], height);
            sheet.Y = top + CellPadding;
            foreach (var line in cells[i].Skip(offset).Take(take))
            {
                sheet.Draw(line, font, x + CellPadding);
                sheet.Y += lineHeight;
            }

            x += widths[i];
        }

        sheet.Y = top + height;
    }
}
