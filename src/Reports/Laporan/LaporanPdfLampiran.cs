using PdfSharp.Drawing;

namespace PerijinanBot.Reports.Laporan;

/// <summary>The appendix table on landscape pages: bordered cells, a shaded header row repeated on every page, rows split across pages when they must.</summary>
internal static class LaporanPdfLampiran
{
    private const double CellPadding = PdfTable.CellPadding;

    private static readonly XBrush _headerFill = new XSolidBrush(XColor.FromArgb(217, 217, 217));

    public static void Draw(PdfSheet sheet, LaporanLampiran lampiran, PdfFonts fonts)
    {
        PdfLetter.Lines(sheet, sheet.Wrap(lampiran.Heading, fonts.Bold, sheet.Width), fonts.Bold, fonts.Line, sheet.Left);
        foreach (var line in lampiran.Subheading)
        {
            PdfLetter.Lines(sheet, sheet.Wrap(line, fonts.Regular, sheet.Width), fonts.Regular, fonts.Line, sheet.Left);
        }

        sheet.Y += 8;
        var total = lampiran.Columns.Sum(c => c.Width);
        var widths = lampiran.Columns.Select(c => sheet.Width * c.Width / total).ToArray();
        var header = lampiran.Columns.Select((c, i) => sheet.Wrap(c.Header, fonts.TableBold, widths[i] - (2 * CellPadding))).ToList();
        var lineHeight = fonts.TableLine;
        var headerHeight = (header.Max(h => h.Count) * lineHeight) + (2 * CellPadding);
        var bodyFonts = widths.Select(_ => fonts.Table).ToArray();
        var headerFonts = widths.Select(_ => fonts.TableBold).ToArray();

        sheet.Ensure(headerHeight + lineHeight + (2 * CellPadding));
        TableHeader();

        // A row taller than what is left of the page continues on the next one, under a repeated header row.
        var rows = lampiran.Rows.Select(values => widths.Select((w, i) => sheet.Wrap(i < values.Count ? values[i] : "", fonts.Table, w - (2 * CellPadding))).ToList());
        PdfTable.Rows(sheet, rows, widths, bodyFonts, lineHeight, () =>
        {
            sheet.NewPage(landscape: true);
            TableHeader();
        });

        void TableHeader() =>
            PdfTable.Row(sheet, header, 0, header.Max(h => h.Count), widths, headerHeight, headerFonts, fonts.TableLine, _headerFill);
    }
}
