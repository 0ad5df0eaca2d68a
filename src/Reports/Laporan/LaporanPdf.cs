using PdfSharp.Drawing;

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
    private const double SectionGap = 8;
    private const double HeadingGap = 3;
    private const double SignatureGap = 14;

    private static readonly XBrush _linkBrush = new XSolidBrush(XColor.FromArgb(5, 99, 193));

    public static byte[] Render(LaporanKegiatan laporan) =>
        PdfLetter.Render($"Laporan Kegiatan {laporan.KegiatanNumber}", $"Laporan Kegiatan {laporan.KegiatanNumber}", (sheet, fonts) =>
        {
            sheet.NewPage(landscape: false);
            Letter(sheet, laporan, fonts);
            sheet.NewPage(landscape: true);
            LaporanPdfLampiran.Draw(sheet, laporan.Lampiran, fonts);
            if (laporan.Berkas is { } berkas)
            {
                LaporanPhotos.PdfBerkas(sheet, berkas, fonts, _linkBrush);
            }
        });

    private static void Letter(PdfSheet sheet, LaporanKegiatan laporan, PdfFonts fonts)
    {
        PdfKop.Draw(sheet, laporan.Kop, fonts);
        PdfLetter.Centered(sheet, laporan.Title, fonts.Title, underline: true);
        sheet.Y += 10;
        foreach (var entry in laporan.Identitas)
        {
            Entry(sheet, entry, sheet.Left, fonts);
        }

        for (var s = 0; s < laporan.Sections.Count; s++)
        {
            var section = laporan.Sections[s];
            if (s == laporan.Sections.Count - 1)
            {
                KeepWithSignatures(sheet, section, laporan.Signatures, fonts);
            }

            sheet.Y += SectionGap;
            var heading = sheet.Wrap(section.Heading, fonts.Bold, sheet.Width);

            // Keep a heading with at least two lines of what follows it.
            sheet.Ensure((heading.Count + 2) * fonts.Line);
            PdfLetter.Lines(sheet, heading, fonts.Bold, fonts.Line, sheet.Left);
            sheet.Y += HeadingGap;
            foreach (var block in section.Blocks)
            {
                Block(sheet, block, fonts);
            }
        }

        sheet.Y += SignatureGap;
        PdfLetter.Signatures(sheet, laporan.Signatures, fonts, sheet.Left, sheet.Width);
    }

    /// <summary>
    /// The closing section (the penutup) and the signatures under it share a page: when both do not fit on what is left of
    /// this one, the section starts the next page, so the signatures never stand alone there. A closing section too long for
    /// any page is left to flow.
    /// </summary>
    private static void KeepWithSignatures(PdfSheet sheet, LaporanSection closing, IReadOnlyList<LaporanSignature> signatures, PdfFonts fonts)
    {
        var heading = sheet.Wrap(closing.Heading, fonts.Bold, sheet.Width).Count * fonts.Line;
        var needed = SectionGap + heading + HeadingGap + closing.Blocks.Sum(b => BlockHeight(sheet, b, fonts))
            + SignatureGap + PdfLetter.SignaturesHeight(sheet, signatures, fonts, sheet.Width);
        if (sheet.Y + needed > sheet.Bottom && sheet.Top + needed <= sheet.Bottom)
        {
            sheet.NewPage(landscape: false);
        }
    }

    /// <summary>What <see cref="Block"/> advances the cursor by for <paramref name="block"/> (page breaks aside).</summary>
    private static double BlockHeight(PdfSheet sheet, LaporanBlock block, PdfFonts fonts)
    {
        var x = sheet.Left + Indent;
        return block switch
        {
            LaporanEntry entry => (EntryLines(sheet, entry, x, fonts) * fonts.Line) + 2,
            LaporanParagraph paragraph => (sheet.Wrap(paragraph.Text, fonts.Regular, sheet.Right - x).Count * fonts.Line) + 3,
            LaporanLink link => (sheet.Wrap(link.Text, fonts.Regular, sheet.Right - x).Count * fonts.Line) + 2,
            LaporanPhoto photo => LaporanPhotos.PdfHeight(sheet, photo, fonts, x),
            _ => throw new InvalidOperationException($"Unknown block {block.GetType().Name}."),
        };
    }

    private static int EntryLines(PdfSheet sheet, LaporanEntry entry, double x, PdfFonts fonts) => Math.Max(
        sheet.Wrap(entry.Label, fonts.Regular, LabelWidth - 4).Count,
        sheet.Wrap(entry.Value, fonts.Regular, sheet.Right - (x + LabelWidth + ColonWidth)).Count);

    private static void Block(PdfSheet sheet, LaporanBlock block, PdfFonts fonts)
    {
        var x = sheet.Left + Indent;
        switch (block)
        {
            case LaporanEntry entry:
                Entry(sheet, entry, x, fonts);
                break;
            case LaporanParagraph paragraph:
                PdfLetter.Lines(sheet, sheet.Wrap(paragraph.Text, fonts.Regular, sheet.Right - x), fonts.Regular, fonts.Line, x);
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
            case LaporanPhoto photo:
                LaporanPhotos.Draw(sheet, photo, fonts, x);
                break;
            default:
                throw new InvalidOperationException($"Unknown block {block.GetType().Name}.");
        }
    }

    private static void Entry(PdfSheet sheet, LaporanEntry entry, double x, PdfFonts fonts) =>
        PdfLetter.Entry(sheet, entry, x, LabelWidth, ColonWidth, fonts, gapAfter: 2);
}
