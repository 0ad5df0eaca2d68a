using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PerijinanBot.Reports.Fonts;

namespace PerijinanBot.Reports.Laporan;

/// <summary>The faces and sizes the report uses; the line heights come from the font so lines never overlap.</summary>
internal sealed class PdfFonts
{
    private static readonly XPdfFontOptions _unicode = new(PdfFontEncoding.Unicode);

    public XFont Regular { get; } = Font(10, bold: false);

    public XFont Bold { get; } = Font(10, bold: true);

    public XFont KopTop { get; } = Font(13, bold: true);

    public XFont Kop { get; } = Font(12, bold: true);

    public XFont KopContact { get; } = Font(9, bold: false);

    public XFont Title { get; } = Font(13, bold: true);

    public XFont Table { get; } = Font(7.5, bold: false);

    public XFont TableBold { get; } = Font(7.5, bold: true);

    public XFont Footer { get; } = Font(8, bold: false);

    public double Line => Regular.GetHeight();

    public double TableLine => Table.GetHeight();

    private static XFont Font(double size, bool bold) =>
        new(EmbeddedFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, _unicode);
}
