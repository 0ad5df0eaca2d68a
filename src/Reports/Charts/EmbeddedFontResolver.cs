using PerijinanBot.Reports.Fonts;
using ScottPlot;
using SkiaSharp;

namespace PerijinanBot.Reports.Charts;

/// <summary>
/// Hands ScottPlot the embedded DejaVu Sans for <see cref="EmbeddedFonts.Family"/>, so charts render the same on a server
/// with no fonts installed. Other names fall through to the next resolver (ScottPlot's system fonts).
/// </summary>
internal sealed class EmbeddedFontResolver : IFontResolver
{
    private static readonly Lazy<bool> _registered = new(() =>
    {
        // First in the list, so a system copy of the same family never wins over the embedded one.
        ScottPlot.Fonts.FontResolvers.Insert(0, new EmbeddedFontResolver());
        return true;
    });

    /// <summary>Registers the resolver once per process; safe to call before every chart.</summary>
    public static void EnsureRegistered() => _ = _registered.Value;

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) =>
        Create(fontName, weight >= FontWeight.SemiBold);

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) => Create(fontName, bold);

    // The faces are upright only: an italic request gets the upright face rather than another family.
    private static SKTypeface? Create(string fontName, bool bold)
    {
        if (!string.Equals(fontName, EmbeddedFonts.Family, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        using var data = SKData.CreateCopy(bold ? EmbeddedFonts.Bold : EmbeddedFonts.Regular);
        return SKTypeface.FromData(data);
    }
}
