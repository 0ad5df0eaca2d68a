using System.Globalization;
using PerijinanBot.Sop;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Dialogs.Reports;

/// <summary>What the <c>laporan</c> command says, and how its figures read on the card ("12 menit", "4 dari 5 (80%)").</summary>
public static class ComplianceTexts
{
    public const string ViewersOnly = "Laporan kepatuhan SOP dapat dilihat oleh Ketua Tim Kerja, Kepala Bidang, Kepala Dinas, dan Admin.";

    /// <summary>The button under the card that downloads the period's workbook.</summary>
    public const string ExportLink = "Unduh laporan kepatuhan (Excel)";

    /// <summary>Shown for a figure the period has nothing to measure by.</summary>
    public const string None = "–";

    public static string BadPeriod(string given) =>
        $"“{Markdown.Literal(given)}” bukan periode yang dikenal. Ketik **laporan** (bulan ini), **laporan triwulan**, **laporan semester** atau **laporan tahun**.";

    /// <summary>"Grafik-Kepatuhan-SOP-Bulan-2026-11.png".</summary>
    public static string ChartFileName(string periodSuffix) => $"Grafik-Kepatuhan-SOP-{periodSuffix}.png";

    /// <summary>"Kepatuhan-SOP-Bulan-2026-11.xlsx".</summary>
    public static string ExportFileName(string periodSuffix) => $"Kepatuhan-SOP-{periodSuffix}.xlsx";

    /// <summary>A working-time figure: "1 jam 2 menit", or <see cref="None"/>.</summary>
    public static string Duration(TimeSpan? value) => value is { } v ? WibFormat.Duration(v) : None;

    /// <summary>"4 dari 5 (80%)": on time out of all visits, the share rounded half away from zero; <see cref="None"/> without visits.</summary>
    public static string OnTime(int onTime, int visits, double? share) => share is { } s
        ? string.Create(CultureInfo.InvariantCulture, $"{onTime} dari {visits} ({Math.Round(s * 100, MidpointRounding.AwayFromZero):0}%)")
        : None;
}

/// <summary>
/// The compliance figures as card lines. Dialogs does not see the Reports project, so the figures come as their values;
/// every word and number format is chosen here.
/// </summary>
public static class ComplianceViews
{
    /// <param name="standard">The step's time standard as the SOP writes it ("15 menit").</param>
    public static ComplianceStepLine StepLine(
        int step, string title, Role role, string standard, int kegiatanCount, int visits, TimeSpan? median, TimeSpan? p90, int onTime, double? onTimeShare, int rework) =>
        new(step, title, role.Indonesian(), standard, kegiatanCount, visits,
            ComplianceTexts.Duration(median), ComplianceTexts.Duration(p90), ComplianceTexts.OnTime(onTime, visits, onTimeShare), rework);

    public static ComplianceRoleLine RoleLine(
        Role role, int kegiatanCount, int visits, TimeSpan? median, TimeSpan? p90, int onTime, double? onTimeShare, int rework) =>
        new(role.Indonesian(), kegiatanCount, visits,
            ComplianceTexts.Duration(median), ComplianceTexts.Duration(p90), ComplianceTexts.OnTime(onTime, visits, onTimeShare), rework);
}
