using PerijinanBot.Sop;

namespace PerijinanBot.Reports.Compliance;

/// <summary>
/// What the compliance chart draws, worked out before any pixel: one row per step, each measured against its own time
/// standard, so a 5-minute step and a 2-day step share one scale (100% = the step's mutu baku).
/// </summary>
public sealed record ComplianceChartModel(string Title, string Subtitle, IReadOnlyList<ComplianceChartRow> Rows)
{
    /// <summary>The right end of the scale: a step's median beyond 3× its standard is drawn at 300% with a marker.</summary>
    public const double Cap = 3.0;

    public static ComplianceChartModel Of(ComplianceFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var rows = figures.Steps.Select(s => new ComplianceChartRow(
            s.Step,
            s.Standard.Text,
            s.MedianActual is { } median && s.Standard.WorkingTime > TimeSpan.Zero ? median / s.Standard.WorkingTime : null,
            s.OnTimeCount,
            s.Visits)).ToList();
        return new ComplianceChartModel(
            "Waktu tiap langkah dibanding mutu baku",
            $"{figures.Period.Label} · median waktu, dalam % mutu baku tiap langkah",
            rows);
    }

    /// <summary>What a row without visits shows where its bar would be.</summary>
    public const string NoVisits = "tidak ada langkah selesai dalam periode ini";

    /// <summary>A share as an office report writes it: whole percent, halves rounded up, thousands with a dot ("80%", "1.250%").</summary>
    internal static string Percent(double share) => WibFormat.Number((long)Math.Round(share * 100, MidpointRounding.AwayFromZero)) + "%";
}

/// <summary>One step of the chart.</summary>
/// <param name="Standard">The step's waktu as the SOP writes it: "15 menit", "2 hari kerja".</param>
/// <param name="OfStandard">
/// The median actual working time over the standard (1.5 = half again as long as allowed); null when no visit of the step
/// finished in the period. The median, as <see cref="ComplianceReport"/> defines it, not the mean: one forgotten card should
/// not make a step look late.
/// </param>
/// <param name="OnTime">Visits finished within the standard.</param>
/// <param name="Visits">Visits finished in the period (a step sent back and done again counts each time).</param>
public sealed record ComplianceChartRow(int Step, string Standard, double? OfStandard, int OnTime, int Visits)
{
    /// <summary>"Langkah 3".</summary>
    public string StepName => $"Langkah {Step}";

    /// <summary>"Langkah 3 · standar 15 menit".</summary>
    public string Label => $"{StepName} · standar {Standard}";

    /// <summary>The bar's value: "150%"; null without visits.</summary>
    public string? PercentText => OfStandard is { } share ? ComplianceChartModel.Percent(share) : null;

    /// <summary>Share of the visits finished on time; null without visits.</summary>
    public double? OnTimeShare => Visits == 0 ? null : (double)OnTime / Visits;

    /// <summary>"80% tepat waktu"; null without visits.</summary>
    public string? OnTimeText => OnTimeShare is { } share ? $"{ComplianceChartModel.Percent(share)} tepat waktu" : null;

    /// <summary>"(4 dari 5)": how many visits the share is of; empty without visits.</summary>
    public string OfVisits => Visits == 0 ? "" : $"({OnTime} dari {Visits})";

    /// <summary>The median took longer than the standard: the bar is drawn in the warning colour.</summary>
    public bool Over => OfStandard > 1.0;

    /// <summary>Beyond the scale: the bar stops at 300% and a marker says it goes on.</summary>
    public bool Capped => OfStandard > ComplianceChartModel.Cap;

    /// <summary>How much of the scale (0 to 300%) the bar fills, 0..1; the same for every step at the same share of its standard.</summary>
    public double Length => Math.Min(OfStandard ?? 0, ComplianceChartModel.Cap) / ComplianceChartModel.Cap;

    /// <summary>At least <see cref="ComplianceReport.GoodOnTimeShare"/> on time: the monitoring form's "dilaksanakan dengan baik".</summary>
    public bool Good => OnTimeShare >= ComplianceReport.GoodOnTimeShare;
}
