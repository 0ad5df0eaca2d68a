using PdfSharp.Drawing;

namespace PerijinanBot.Reports.Laporan;

/// <summary>
/// Draws the kop surat at the top of a letter's first page: the emblem at the left margin, the names and contact lines
/// centred in the width beside it (across the whole width when there is no emblem), and the thick-thin rule under both.
/// </summary>
internal static class PdfKop
{
    /// <summary>About the height of three name lines and two contact lines, as on the office's printed letterheads.</summary>
    private static readonly double EmblemHeight = XUnit.FromMillimeter(22).Point;

    /// <summary>A wide emblem is scaled down to this width, so the names keep most of the line.</summary>
    private static readonly double EmblemMaxWidth = XUnit.FromMillimeter(26).Point;

    private const double EmblemGap = 8;

    public static void Draw(PdfSheet sheet, KopSurat kop, PdfFonts fonts)
    {
        var top = sheet.Y;
        var left = sheet.Left;
        var emblemBottom = top;
        if (kop.Emblem is { } emblem)
        {
            var (width, height) = Size(emblem);
            using (var stream = emblem.Open())
            using (var image = XImage.FromStream(stream))
            {
                sheet.Graphics.DrawImage(image, sheet.Left, top, width, height);
            }

            left += width + EmblemGap;
            emblemBottom = top + height;
        }

        var textWidth = sheet.Right - left;
        var lines = kop.Names
            .SelectMany((name, i) => Lines(sheet, name, i == 0 ? fonts.KopTop : fonts.Kop, textWidth))
            .Concat(kop.Contact.SelectMany(line => ContactLines(sheet, line, fonts.KopContact, textWidth)))
            .ToList();

        // Beside an emblem taller than the text, the text sits in the middle of its height.
        var textHeight = lines.Sum(l => l.Font.GetHeight());
        sheet.Y = top + Math.Max(0, (emblemBottom - top - textHeight) / 2);
        foreach (var (text, font) in lines)
        {
            PdfLetter.CenteredLines(sheet, [text], font, left, textWidth, underline: false, font.GetHeight());
        }

        sheet.Y = Math.Max(sheet.Y, emblemBottom) + 3;
        sheet.Graphics.DrawLine(new XPen(XColors.Black, 2), sheet.Left, sheet.Y, sheet.Right, sheet.Y);
        sheet.Graphics.DrawLine(new XPen(XColors.Black, 0.6), sheet.Left, sheet.Y + 3, sheet.Right, sheet.Y + 3);
        sheet.Y += 20;
    }

    /// <summary>The printed size in points: <see cref="EmblemHeight"/> tall, narrower than <see cref="EmblemMaxWidth"/>, never distorted.</summary>
    private static (double Width, double Height) Size(KopEmblem emblem)
    {
        var width = EmblemHeight * emblem.AspectRatio;
        return width <= EmblemMaxWidth ? (width, EmblemHeight) : (EmblemMaxWidth, EmblemMaxWidth / emblem.AspectRatio);
    }

    private static IEnumerable<(string Text, XFont Font)> Lines(PdfSheet sheet, string text, XFont font, double width) =>
        sheet.Wrap(text, font, width).Select(line => (line, font));

    /// <summary>
    /// A contact line too wide for the kop breaks after a comma, between its parts ("Laman …, Pos-el …"), so a label never
    /// ends a line without its value; only a part too wide on its own is wrapped between words.
    /// </summary>
    private static IEnumerable<(string Text, XFont Font)> ContactLines(PdfSheet sheet, string text, XFont font, double width)
    {
        var line = "";
        foreach (var part in text.Split(KopSurat.KopSeparator))
        {
            var candidate = line.Length == 0 ? part : $"{line}{KopSurat.KopSeparator}{part}";
            if (sheet.Measure(candidate, font) <= width)
            {
                line = candidate;
                continue;
            }

            if (line.Length > 0)
            {
                yield return ($"{line}{KopSurat.KopSeparator}".TrimEnd(), font);
            }

            var wrapped = sheet.Wrap(part, font, width);
            foreach (var piece in wrapped[..^1])
            {
                yield return (piece, font);
            }

            line = wrapped[^1];
        }

        if (line.Length > 0)
        {
            yield return (line, font);
        }
    }
}
