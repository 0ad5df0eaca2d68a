using System.Diagnostics.CodeAnalysis;
using PerijinanBot.Sop;
using PerijinanBot.Sop.Calendar;

namespace PerijinanBot.Reports.Compliance;

/// <summary>How long a reporting period is. Triwulan and semester follow the calendar year (Triwulan I = Januari–Maret).</summary>
public enum PeriodKind
{
    Bulan,
    Triwulan,
    Semester,
    Tahun,
}

/// <summary>
/// A reporting period of whole WIB days, [<see cref="From"/>, <see cref="ToExclusive"/>), with the label an office report uses:
/// <c>November 2026</c>, <c>Triwulan IV 2026</c>, <c>Semester II 2026</c>, <c>Tahun 2026</c>.
/// </summary>
public sealed record CompliancePeriod(PeriodKind Kind, DateOnly From, DateOnly ToExclusive, string Label)
{
    private static readonly string[] _roman = ["I", "II", "III", "IV"];

    /// <summary>The period of <paramref name="kind"/> that contains <paramref name="day"/>.</summary>
    public static CompliancePeriod Containing(PeriodKind kind, DateOnly day)
    {
        var year = day.Year;
        switch (kind)
        {
            case PeriodKind.Bulan:
                var month = new DateOnly(year, day.Month, 1);
                return new(kind, month, month.AddMonths(1), WibFormat.MonthAndYear(year, day.Month));
            case PeriodKind.Triwulan:
                var quarter = (day.Month - 1) / 3;
                var quarterStart = new DateOnly(year, (quarter * 3) + 1, 1);
                return new(kind, quarterStart, quarterStart.AddMonths(3), $"Triwulan {_roman[quarter]} {year}");
            case PeriodKind.Semester:
                var half = (day.Month - 1) / 6;
                var halfStart = new DateOnly(year, (half * 6) + 1, 1);
                return new(kind, halfStart, halfStart.AddMonths(6), $"Semester {_roman[half]} {year}");
            case PeriodKind.Tahun:
                return new(kind, new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1), $"Tahun {year}");
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown period kind.");
        }
    }

    /// <summary>
    /// Reads the word a user typed after the report command: empty (this month), <c>bulan</c>/<c>month</c>,
    /// <c>triwulan</c>/<c>quarter</c>, <c>semester</c>, <c>tahun</c>/<c>year</c>, any case. The period is the one containing
    /// <paramref name="today"/> (the WIB date). False for any other word.
    /// </summary>
    public static bool TryParse(string? word, DateOnly today, [MaybeNullWhen(false)] out CompliancePeriod period)
    {
        PeriodKind? kind = (word ?? "").Trim().ToUpperInvariant() switch
        {
            "" or "BULAN" or "MONTH" => PeriodKind.Bulan,
            "TRIWULAN" or "QUARTER" => PeriodKind.Triwulan,
            "SEMESTER" => PeriodKind.Semester,
            "TAHUN" or "YEAR" => PeriodKind.Tahun,
            _ => null,
        };

        period = kind is { } k ? Containing(k, today) : null;
        return period is not null;
    }

    /// <summary>Whether <paramref name="instant"/> falls in the period by its date in the office's zone (WIB), not by its UTC date.</summary>
    public bool Contains(DateTimeOffset instant, WorkCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var date = calendar.LocalDate(instant);
        return date >= From && date < ToExclusive;
    }
}
