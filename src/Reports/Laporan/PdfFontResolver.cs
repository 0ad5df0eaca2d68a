using PdfSharp.Fonts;
using PerijinanBot.Reports.Fonts;

namespace PerijinanBot.Reports.Laporan;

/// <summary>
/// Serves the embedded DejaVu Sans faces for every family PDFsharp asks for: its Core build finds no fonts on a Linux server.
/// PDFsharp takes one resolver per process and refuses a change once fonts were used, so <see cref="EnsureInstalled"/> installs
/// this one only when nobody else has installed one.
/// </summary>
internal sealed class PdfFontResolver : IFontResolver
{
    private const string RegularFace = "DejaVuSans";
    private const string BoldFace = "DejaVuSans-Bold";

    private static readonly Lock _gate = new();

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        // There is no italic face; PDFsharp slants the regular or bold one when italic is asked for.
        new(bold ? BoldFace : RegularFace, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) => faceName switch
    {
        BoldFace => EmbeddedFonts.Bold,
        RegularFace => EmbeddedFonts.Regular,
        _ => null,
    };

    /// <summary>Installs the resolver once per process; a resolver another component installed first is left in place.</summary>
    public static void EnsureInstalled()
    {
        if (GlobalFontSettings.FontResolver is not null)
        {
            return;
        }

        lock (_gate)
        {
            GlobalFontSettings.FontResolver ??= new PdfFontResolver();
        }
    }
}
