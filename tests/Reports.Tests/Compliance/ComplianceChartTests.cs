using PerijinanBot.Reports.Charts;
using PerijinanBot.Reports.Compliance;
using PerijinanBot.Reports.Fonts;
using PerijinanBot.Sop.People;
using SkiaSharp;
using static PerijinanBot.Reports.Tests.Compliance.ComplianceFixture;

namespace PerijinanBot.Reports.Tests.Compliance;

/// <summary>The chart of the <c>laporan</c> card: each step against its own standard. Expected values are worked out by hand.</summary>
public sealed class ComplianceChartTests
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static ComplianceFigures November =>
        ComplianceReport.Compute(All, Definition, CompliancePeriod.Containing(PeriodKind.Bulan, new DateOnly(2026, 11, 1)), Now, Calendar);

    [Fact]
    public void Each_step_is_measured_as_its_median_over_its_own_standard_with_its_share_on_time()
    {
        var model = ComplianceChartModel.Of(November);

        // Medians from ComplianceReportTests: 4 of 5 min, 50 of 60, 14 of 15, 22.5 of 15, 12 of 15, 3.5 of 5, 15 h of 2 days (15 h).
        Assert.Equal(["80%", "83%", "93%", "150%", "80%", "70%", "100%"], model.Rows.Select(r => r.PercentText));
        Assert.Equal([0.8, 50.0 / 60, 14.0 / 15, 1.5, 0.8, 0.7, 1.0], model.Rows.Select(r => r.OfStandard!.Value), new Near());
        Assert.Equal([false, false, false, true, false, false, false], model.Rows.Select(r => r.Over));
        Assert.DoesNotContain(model.Rows, r => r.Capped);
        Assert.Equal(
            ["80% tepat waktu", "80% tepat waktu", "60% tepat waktu", "25% tepat waktu", "67% tepat waktu", "100% tepat waktu", "50% tepat waktu"],
            model.Rows.Select(r => r.OnTimeText));
        Assert.Equal(["(4 dari 5)", "(4 dari 5)", "(3 dari 5)", "(1 dari 4)", "(2 dari 3)", "(2 dari 2)", "(1 dari 2)"], model.Rows.Select(r => r.OfVisits));
        Assert.Equal([true, true, false, false, false, true, false], model.Rows.Select(r => r.Good));
        Assert.Equal("Langkah 3 · standar 15 menit", model.Rows[2].Label);
        Assert.Equal("Langkah 7 · standar 2 hari kerja", model.Rows[6].Label);
        Assert.Equal("November 2026 · median waktu, dalam % mutu baku tiap langkah", model.Subtitle);
    }

    [Fact]
    public void A_bar_far_over_its_standard_stops_at_300_percent_and_a_step_without_visits_has_no_bar()
    {
        var model = ComplianceChartModel.Of(Figures(
            Step(1, "5 menit", 5, median: 32.5, onTime: 0, visits: 3),
            Step(2, "1 jam", 60, median: 180, onTime: 1, visits: 8),
            Step(3, "15 menit", 15, median: null, onTime: 0, visits: 0),
            Step(4, "15 menit", 15, median: 15_000, onTime: 0, visits: 1)));

        var (over, exactlyAtCap, none, huge) = (model.Rows[0], model.Rows[1], model.Rows[2], model.Rows[3]);
        Assert.Equal(("650%", true, true, 1.0), (over.PercentText, over.Over, over.Capped, over.Length));
        Assert.Equal(("300%", true, false, 1.0), (exactlyAtCap.PercentText, exactlyAtCap.Over, exactlyAtCap.Capped, exactlyAtCap.Length));
        // One of eight is 12.5%: halves round up, as the monitoring form rounds.
        Assert.Equal("13% tepat waktu", exactlyAtCap.OnTimeText);
        Assert.Null(none.OfStandard);
        Assert.Null(none.PercentText);
        Assert.Null(none.OnTimeText);
        Assert.Equal((false, false, 0.0, ""), (none.Over, none.Capped, none.Length, none.OfVisits));
        Assert.Equal(("100.000%", true), (huge.PercentText, huge.Capped));
    }

    [Fact]
    public void A_5_minute_step_and_a_2_day_step_each_at_its_standard_draw_equally_long_bars_ending_on_the_100_percent_line()
    {
        // The old chart drew working hours on one axis: there the 2-day bar was 180 times the 5-minute one.
        var figures = Figures(
            Step(1, "5 menit", 5, median: 5, onTime: 4, visits: 4),
            Step(2, "2 hari kerja", 900, median: 900, onTime: 4, visits: 4),
            Step(3, "15 menit", 15, median: 22.5, onTime: 1, visits: 4));
        var model = ComplianceChartModel.Of(figures);
        Assert.Equal(model.Rows[0].Length, model.Rows[1].Length);

        using var bitmap = SKBitmap.Decode(ComplianceChart.Png(figures));
        var scale = ComplianceChart.SizeFor(3).Scale;
        var fiveMinutes = BarEnd(bitmap, scale, 0, ComplianceChart.WithinColor);
        var twoDays = BarEnd(bitmap, scale, 1, ComplianceChart.WithinColor);
        var start = ComplianceChart.Pad * scale;
        var line = ComplianceChart.XAt(1.0) * scale;

        // The 100% line (1.5 points wide) is drawn over the bar's last pixels.
        Assert.InRange(fiveMinutes, line - 4, line + 1);
        Assert.Equal(fiveMinutes, twoDays);
        // 150% of its standard, in the warning colour, half again as long as the bars at 100%.
        var over = BarEnd(bitmap, scale, 2, ComplianceChart.OverColor);
        Assert.InRange(over - start, (1.5 * (line - start)) - 2, (1.5 * (line - start)) + 1);
        Assert.Equal(-1, BarEnd(bitmap, scale, 2, ComplianceChart.WithinColor));
    }

    [Fact]
    public void A_capped_bar_ends_at_the_right_of_the_scale_with_its_marker_and_a_row_without_visits_draws_no_bar()
    {
        var figures = Figures(
            Step(1, "5 menit", 5, median: 32.5, onTime: 0, visits: 3),
            Step(2, "15 menit", 15, median: null, onTime: 0, visits: 0));

        using var bitmap = SKBitmap.Decode(ComplianceChart.Png(figures));
        var scale = ComplianceChart.SizeFor(2).Scale;
        var right = ComplianceChart.XAt(ComplianceChartModel.Cap) * scale;

        Assert.InRange(BarEnd(bitmap, scale, 0, ComplianceChart.OverColor), right - 2, right + 1);
        var markerY = (int)((ComplianceChart.BarTop(0) + (ComplianceChart.BarHeight / 2)) * scale);
        Assert.Equal(ComplianceChart.CapColor, bitmap.GetPixel((int)(right + (3 * scale)), markerY));
        Assert.Equal(-1, BarEnd(bitmap, scale, 1, ComplianceChart.WithinColor));
        Assert.Equal(-1, BarEnd(bitmap, scale, 1, ComplianceChart.OverColor));
    }

    [Fact]
    public void The_chart_is_a_small_palette_PNG_sized_for_a_card_image_with_its_text_drawn()
    {
        var png = ComplianceChart.Png(November);

        Assert.Equal(PngSignature, png.Take(8));
        Assert.Equal(3, png[25]); // IHDR colour type: palette
        Assert.True(png.Length < 45_000, $"the chart is {png.Length} bytes");
        using var bitmap = SKBitmap.Decode(png);
        // 480 points wide, the ~480 px Teams gives a card image, drawn at twice that for dense screens.
        Assert.Equal((960, 772), (bitmap.Width, bitmap.Height));
        Assert.Equal((bitmap.Width, bitmap.Height), (ComplianceChart.SizeFor(7).Width, ComplianceChart.SizeFor(7).Height));
        var dark = bitmap.Pixels.Count(p => p.Red < 80 && p.Green < 80 && p.Blue < 80);
        Assert.True(dark > 5_000, $"only {dark} dark pixels: the labels did not render");
    }

    [Theory]
    [InlineData(7)]
    [InlineData(25)]
    public void Every_SOP_length_fits_the_1024_pixel_limit_of_a_Teams_card_image(int steps)
    {
        var (width, height, scale) = ComplianceChart.SizeFor(steps);

        Assert.InRange(width, 1, 1024);
        Assert.InRange(height, 1, 1024);
        // Sharp at twice the layout while it fits; a longer SOP is drawn smaller rather than cut.
        Assert.Equal(steps == 7, scale == 2f);
        using var bitmap = SKBitmap.Decode(ComplianceChart.Png(Figures([.. Enumerable.Range(1, steps).Select(n => Step(n, "15 menit", 15, 10, 1, 1))])));
        Assert.Equal((width, height), (bitmap.Width, bitmap.Height));
    }

    [Fact]
    public void The_chart_draws_with_the_embedded_faces_not_a_system_font()
    {
        Assert.Equal(EmbeddedFonts.Family, ChartFonts.Regular.FamilyName);
        Assert.Equal(EmbeddedFonts.Family, ChartFonts.Bold.FamilyName);
        Assert.True(ChartFonts.Bold.IsBold);
        Assert.False(ChartFonts.Regular.IsBold);
    }

    [Fact]
    public void A_palette_PNG_keeps_the_256_most_frequent_colours_exactly_and_gives_rarer_ones_their_nearest()
    {
        // 256 greys twice each, then 44 colours once, each one step of blue from a grey.
        var colours = Enumerable.Range(0, 256).SelectMany(s => new[] { (s, 0), (s, 0) }).Concat(Enumerable.Range(0, 44).Select(s => (s, 1))).ToList();
        var rgba = colours.SelectMany(c => new[] { (byte)c.Item1, (byte)c.Item1, (byte)c.Item2, (byte)255 }).ToArray();

        using var bitmap = SKBitmap.Decode(PalettePng.Encode(rgba, colours.Count, 1));

        Assert.Equal((colours.Count, 1), (bitmap.Width, bitmap.Height));
        for (var x = 0; x < colours.Count; x++)
        {
            var grey = (byte)colours[x].Item1;
            Assert.Equal(new SKColor(grey, grey, 0), bitmap.GetPixel(x, 0));
        }
    }

    /// <summary>The rightmost pixel of <paramref name="color"/> along row <paramref name="row"/>'s bar, just under its top edge (above its text); -1 when none.</summary>
    private static int BarEnd(SKBitmap bitmap, float scale, int row, SKColor color)
    {
        var y = (int)((ComplianceChart.BarTop(row) + 1) * scale);
        for (var x = bitmap.Width - 1; x >= 0; x--)
        {
            if (bitmap.GetPixel(x, y) == color)
            {
                return x;
            }
        }

        return -1;
    }

    private static StepFigures Step(int step, string standard, double standardMinutes, double? median, int onTime, int visits) => new(
        step, $"Langkah {step}", Role.KetuaTimKerja, new(standard, TimeSpan.FromMinutes(standardMinutes)), visits, visits,
        median is { } m ? TimeSpan.FromMinutes(m) : null, null, onTime, visits == 0 ? null : (double)onTime / visits, 0);

    private static ComplianceFigures Figures(params StepFigures[] steps) =>
        new(CompliancePeriod.Containing(PeriodKind.Bulan, new DateOnly(2026, 11, 1)), Now, steps, [], 0, 0, [], []);

    private sealed class Near : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-9;

        public int GetHashCode(double obj) => 0;
    }
}
