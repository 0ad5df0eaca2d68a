using PdfSharp.Drawing;

namespace PerijinanBot.Reports.Laporan;

/// <summary>
/// A bordered table drawn row by row: each cell's lines already wrapped to its column, a row taller than what is left of
/// the page continued on the next one. The appendix of the Laporan Kegiatan and the boxes of the Lembar Disposisi use it.
/// </summary>
internal static class PdfTable
{
    public const double CellPadding = 2.5;

    /// <summary>A row split across pages keeps at least this many lines together (fewer only when it has fewer).</summary>
    private const int MinLinesTogether = 3;

    /// <summary>
    /// Draws <paramref name="rows"/> (per row, per column, the wrapped lines) under the cursor. When a row does not fit,
    /// <paramref name="newPage"/> starts the next page (and draws whatever must head it, e.g. a repeated header row).
    /// </summary>
    /// <param name="fonts">One font per column.</param>
    public static void Rows(PdfSheet sheet, IEnumerable<List<List<string>>> rows, double[] widths, IReadOnlyList<XFont> fonts, double lineHeight, Action newPage)
    {
        foreach (var cells in rows)
        {
            var count = cells.Max(c => c.Count);
            for (var offset = 0; offset < count;)
            {
                var fit = (int)Math.Floor((sheet.Bottom - sheet.Y - (2 * CellPadding)) / lineHeight);
                if (fit < Math.Min(count - offset, MinLinesTogether))
                {
                    newPage();
                    continue;
                }

                var take = Math.Min(fit, count - offset);
                Row(sheet, cells, offset, take, widths, (take * lineHeight) + (2 * CellPadding), fonts, lineHeight, fill: null);
                offset += take;
            }
        }
    }

    /// <summary>One band of a row: lines <paramref name="offset"/> to <paramref name="offset"/> + <paramref name="take"/> of each cell, boxed.</summary>
    public static void Row(PdfSheet sheet, List<List<string>> cells, int offset, int take, double[] widths, double height, IReadOnlyList<XFont> fonts, double lineHeight, XBrush? fill)
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
                sheet.Draw(line, fonts[i], x + CellPadding);
                sheet.Y += lineHeight;
            }

            x += widths[i];
        }

        sheet.Y = top + height;
    }
}
