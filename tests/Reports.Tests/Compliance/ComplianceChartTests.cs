using PerijinanBot.Reports.Charts;
using PerijinanBot.Reports.Compliance;
using PerijinanBot.Reports.Fonts;
using SkiaSharp;
using static PerijinanBot.Reports.Tests.Compliance.ComplianceFixture;

namespace PerijinanBot.Reports.Tests.Compliance;

public sealed class ComplianceChartTests
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static ComplianceFigures Figures(int month) =>
        ComplianceReport.Compute(All, Definition, CompliancePeriod.Containing(PeriodKind.Bulan, new DateOnly(2026, month, 1)), Now, Calendar);

    [Theory]
    [InlineData(11)]
    [InlineData(10)]
    public void The_chart_is_a_PNG_of_the_promised_size_with_bars_and_text_drawn(int month)
    {
        var png = ComplianceChart.Png(Figures(month));

        Assert.Equal(PngSignature, png.Take(8));
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal((ComplianceChart.Width, ComplianceChart.Height), (bitmap.Width, bitmap.Height));

        var background = bitmap.GetPixel(0, 0);
        var pixels = bitmap.Pixels;
        var drawn = pixels.Count(p => p != background);
        var medianBlue = pixels.Count(p => p == new SKColor(0x2F, 0x6D, 0xB5));
        var standardGrey = pixels.Count(p => p == new SKColor(0xB8, 0xC2, 0xCC));
        var dark = pixels.Count(p => p.Red < 80 && p.Green < 80 && p.Blue < 80);

        Assert.True(drawn > 10_000, $"only {drawn} pixels differ from the background");
        Assert.True(medianBlue > 500, $"only {medianBlue} pixels of median bars");
        Assert.True(standardGrey > 500, $"only {standardGrey} pixels of standard bars");
        Assert.True(dark > 2_000, $"only {dark} dark pixels: the labels did not render");
        Assert.IsType<EmbeddedFontResolver>(ScottPlot.Fonts.FontResolvers[0]);
    }

    [Fact]
    public void The_embedded_family_resolves_to_the_embedded_faces_and_other_names_fall_through()
    {
        var resolver = new EmbeddedFontResolver();

        using var regular = resolver.CreateTypeface(EmbeddedFonts.Family, bold: false, italic: false);
        using var bold = resolver.CreateTypeface(EmbeddedFonts.Family, ScottPlot.FontWeight.Bold, ScottPlot.FontSlant.Upright, ScottPlot.FontSpacing.Normal);

        Assert.Equal(EmbeddedFonts.Family, regular!.FamilyName);
        Assert.True(bold!.IsBold);
        Assert.False(regular.IsBold);
        Assert.Null(resolver.CreateTypeface("Comic Sans MS", bold: false, italic: false));
    }
}
