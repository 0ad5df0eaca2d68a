namespace PerijinanBot.Reports.Fonts;

/// <summary>The typeface every generated PDF and chart uses, read once from the assembly: a server needs no fonts installed.</summary>
public static class EmbeddedFonts
{
    /// <summary>The family name the PDF and chart renderers know the embedded faces by.</summary>
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<byte[]> RegularFace = new(() => Read("DejaVuSans.ttf"));
    private static readonly Lazy<byte[]> BoldFace = new(() => Read("DejaVuSans-Bold.ttf"));

    public static byte[] Regular => RegularFace.Value;

    public static byte[] Bold => BoldFace.Value;

    private static byte[] Read(string file)
    {
        var name = $"PerijinanBot.Reports.Fonts.{file}";
        using var stream = typeof(EmbeddedFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font {name} is not embedded in the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
