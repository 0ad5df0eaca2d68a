using PerijinanBot.Reports.Fonts;
using SkiaSharp;

namespace PerijinanBot.Reports.Charts;

/// <summary>
/// The embedded DejaVu Sans as Skia typefaces, made once per process: charts render the same on a server with no fonts
/// installed, and never fall back to whatever the machine has.
/// </summary>
internal static class ChartFonts
{
    private static readonly Lazy<SKTypeface> RegularFace = new(() => Load(EmbeddedFonts.Regular));
    private static readonly Lazy<SKTypeface> BoldFace = new(() => Load(EmbeddedFonts.Bold));

    public static SKTypeface Regular => RegularFace.Value;

    public static SKTypeface Bold => BoldFace.Value;

    private static SKTypeface Load(byte[] face)
    {
        using var data = SKData.CreateCopy(face);
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException("Skia could not read the embedded font.");
    }
}
