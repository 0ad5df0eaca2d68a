using PerijinanBot.Reports.Laporan;

namespace PerijinanBot.Reports.Undangan;

/// <summary>
/// Lays the invitation out on one A4 portrait page (more when the text is long) with the letters' shared blocks: the kop,
/// place and date on the right, the nomor block, the addressees, the body with the acara's "label : value" lines, and the
/// signature on the right half, kept on the page of the closing paragraph.
/// </summary>
internal static class UndanganPdf
{
    private const double KepalaLabel = 62;
    private const double AcaraLabel = 84;
    private const double ColonWidth = 10;
    private const double Indent = 28;
    private const double Gap = 10;

    public static byte[] Render(SuratUndangan surat) =>
        PdfLetter.Render($"Surat Undangan {surat.KegiatanNumber}", $"Surat Undangan {surat.KegiatanNumber}", (sheet, fonts) =>
        {
            sheet.NewPage(landscape: false);
            PdfKop.Draw(sheet, surat.Kop, fonts);
            var half = sheet.Width / 2;
            PdfLetter.Lines(sheet, sheet.Wrap(surat.TempatTanggal, fonts.Regular, half), fonts.Regular, fonts.Line, sheet.Left + half);
            sheet.Y += Gap / 2;
            foreach (var entry in surat.Kepala)
            {
                Entry(sheet, entry, sheet.Left, KepalaLabel, fonts);
            }

            sheet.Y += Gap;
            foreach (var line in surat.Kepada)
            {
                PdfLetter.Lines(sheet, sheet.Wrap(line, fonts.Regular, half + (half / 2)), fonts.Regular, fonts.Line, sheet.Left);
            }

            sheet.Y += Gap;
            Paragraph(sheet, surat.Pembuka, fonts);
            foreach (var entry in surat.Acara)
            {
                Entry(sheet, entry, sheet.Left + Indent, AcaraLabel, fonts);
            }

            // The closing paragraph and the signature share a page: the signature never stands alone on the next one.
            var closing = sheet.Wrap(surat.Penutup, fonts.Regular, sheet.Width - Indent);
            var needed = Gap + ((closing.Count + 1) * fonts.Line) + Gap + PdfLetter.SignaturesHeight(sheet, [surat.Signature], fonts, half);
            if (sheet.Y + needed > sheet.Bottom && sheet.Top + needed <= sheet.Bottom)
            {
                sheet.NewPage(landscape: false);
            }

            sheet.Y += Gap / 2;
            Paragraph(sheet, surat.Penutup, fonts);
            sheet.Y += Gap;
            PdfLetter.Signatures(sheet, [surat.Signature], fonts, sheet.Left + half, half);
        });

    private static void Paragraph(PdfSheet sheet, string text, PdfFonts fonts)
    {
        PdfLetter.Lines(sheet, sheet.Wrap(text, fonts.Regular, sheet.Width - Indent), fonts.Regular, fonts.Line, sheet.Left + Indent);
        sheet.Y += 3;
    }

    private static void Entry(PdfSheet sheet, LaporanEntry entry, double x, double labelWidth, PdfFonts fonts) =>
        PdfLetter.Entry(sheet, entry, x, labelWidth, ColonWidth, fonts, gapAfter: 1);
}
