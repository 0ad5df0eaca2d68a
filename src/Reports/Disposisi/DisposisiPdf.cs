using PerijinanBot.Reports.Laporan;

namespace PerijinanBot.Reports.Disposisi;

/// <summary>
/// Lays the form out on A4 portrait with the Laporan Kegiatan's building blocks: the kop surat, the title, one bordered table
/// (label | value, the disposition in a tall box at the bottom so it reads as a form), and the signature on the right.
/// </summary>
internal static class DisposisiPdf
{
    private const double LabelWidth = 120;

    /// <summary>The disposition box is at least this many lines tall, as on the printed forms, however short the text.</summary>
    private const int IsiMinLines = 8;

    public static byte[] Render(LembarDisposisi lembar) =>
        PdfLetter.Render($"Lembar Disposisi {lembar.KegiatanNumber}", $"Lembar Disposisi {lembar.KegiatanNumber}", (sheet, fonts) =>
        {
            sheet.NewPage(landscape: false);
            PdfKop.Draw(sheet, lembar.Kop, fonts);
            PdfLetter.Centered(sheet, lembar.Title, fonts.Title, underline: true);
            sheet.Y += 10;

            var widths = new[] { LabelWidth, sheet.Width - LabelWidth };
            var padding = 2 * PdfTable.CellPadding;
            List<List<string>> Cells(string label, string value) =>
                [sheet.Wrap(label, fonts.Bold, widths[0] - padding), sheet.Wrap(value, fonts.Regular, widths[1] - padding)];

            var isi = Cells(lembar.IsiLabel, lembar.Isi);
            while (isi[1].Count < IsiMinLines)
            {
                isi[1].Add("");
            }

            var rows = lembar.Rows.Select(r => Cells(r.Label, r.Value)).Append(isi);
            PdfTable.Rows(sheet, rows, widths, [fonts.Bold, fonts.Regular], fonts.Line, () => sheet.NewPage(landscape: false));

            // Signed on the right half, where Indonesian letters put the signature.
            sheet.Y += 14;
            var half = sheet.Width / 2;
            PdfLetter.Signatures(sheet, [lembar.Signature], fonts, sheet.Left + half, half);
        });
}
