using PerijinanBot.Reports.Charts;
using PerijinanBot.Reports.Fonts;
using PerijinanBot.Sop;
using ScottPlot;

namespace PerijinanBot.Reports.Compliance;

/// <summary>
/// The compliance report's picture: per step, the median actual working time beside the time standard, both in working
/// hours. Each bar carries its value as text, because the 2-day step dwarfs the minute-long ones on a linear axis.
/// </summary>
public static class ComplianceChart
{
    public const int Width = 1200;
    public const int Height = 640;

    private static readonly Color _median = Color.FromHex("#2F6DB5");
    private static readonly Color _standard = Color.FromHex("#B8C2CC");

    public static byte[] Png(ComplianceFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        EmbeddedFontResolver.EnsureRegistered();

        using var plot = new Plot();
        var bars = new List<Bar>();
        var ticks = new List<Tick>();
        for (var i = 0; i < figures.Steps.Count; i++)
        {
            var step = figures.Steps[i];
            bars.Add(new Bar
            {
                Position = i - 0.2,
                Value = step.MedianActual?.TotalHours ?? 0,
                Size = 0.38,
                FillColor = _median,
                Label = step.MedianActual is { } median ? WibFormat.Duration(median) : "–",
            });
            bars.Add(new Bar
            {
                Position = i + 0.2,
                Value = step.Standard.WorkingTime.TotalHours,
                Size = 0.38,
                FillColor = _standard,
                Label = step.Standard.Text,
            });
            ticks.Add(new Tick(i, $"{step.Step}. {step.Title}"));
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontName = EmbeddedFonts.Family;
        barPlot.ValueLabelStyle.FontSize = 12;

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 11;
        plot.Axes.Margins(bottom: 0, top: 0.15);
        plot.Title($"Waktu pelaksanaan per langkah SOP — {figures.Period.Label}");
        plot.YLabel("Jam kerja");
        plot.XLabel("Langkah");

        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Median waktu pelaksanaan", FillColor = _median });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Waktu baku SOP", FillColor = _standard });
        plot.Legend.SetBestFontOnEachRender = false;
        plot.ShowLegend(Alignment.UpperLeft);

        // Last, so every label created above (title, axes, ticks, legend) uses the embedded family.
        plot.Font.Set(EmbeddedFonts.Family, FontWeight.Normal, FontSlant.Upright, FontSpacing.Normal);
        plot.Legend.FontName = EmbeddedFonts.Family;
        plot.Axes.Title.Label.Bold = true;
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }
}
