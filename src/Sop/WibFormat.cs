using System.Globalization;
using PerijinanBot.Sop.Calendar;

namespace PerijinanBot.Sop;

/// <summary>
/// Dates, times and durations the way an Indonesian civil servant writes them: <c>Senin, 14 Juli 2025 10.15 WIB</c>.
/// Names are spelled out here rather than taken from the "id-ID" culture so the output never depends on the host's ICU data.
/// </summary>
public static class WibFormat
{
    /// <summary>The day names, Sunday first as <see cref="DayOfWeek"/> counts: the one list every card and document uses.</summary>
    public static IReadOnlyList<string> DayNames { get; } = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"];

    /// <summary>The month names, January first: the one list every card and document uses.</summary>
    public static IReadOnlyList<string> MonthNames { get; } =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    private static readonly Lazy<TimeZoneInfo> _wib = new(() => TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta"));

    /// <summary><c>Senin, 14 Juli 2025 10.15 WIB</c>.</summary>
    public static string DateTime(DateTimeOffset instant)
    {
        var local = ToWib(instant);
        return $"{Date(DateOnly.FromDateTime(local.DateTime))} {Time(instant)} WIB";
    }

    /// <summary><c>Senin, 14 Juli 2025</c>.</summary>
    public static string Date(DateOnly date) => $"{DayName(date.DayOfWeek)}, {PlainDate(date)}";

    /// <summary><c>14 Juli 2025</c>: without the weekday, as letters and the SOP header date things.</summary>
    public static string PlainDate(DateOnly date) => $"{date.Day} {MonthName(date.Month)} {date.Year}";

    /// <summary><c>Juli 2025</c>: a month as a period label.</summary>
    public static string MonthAndYear(int year, int month) => $"{MonthName(month)} {year}";

    /// <summary>1 → <c>Januari</c>.</summary>
    public static string MonthName(int month) => MonthNames[month - 1];

    public static string DayName(DayOfWeek day) => DayNames[(int)day];

    /// <summary><c>10.15</c> (WIB, 24-hour, a dot between hours and minutes).</summary>
    public static string Time(DateTimeOffset instant)
    {
        var local = ToWib(instant);
        return local.ToString("HH'.'mm", CultureInfo.InvariantCulture);
    }

    /// <summary>A working-time duration: <c>1 jam 15 menit</c>, <c>45 menit</c>, <c>0 menit</c>, <c>kurang dari 1 menit</c>.</summary>
    public static string Duration(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            duration = duration.Negate();
        }

        if (duration > TimeSpan.Zero && duration < TimeSpan.FromMinutes(1))
        {
            return "kurang dari 1 menit";
        }

        var hours = (long)duration.TotalHours;
        var minutes = duration.Minutes;
        return (hours, minutes) switch
        {
            (0, _) => $"{minutes} menit",
            (_, 0) => $"{Number(hours)} jam",
            _ => $"{Number(hours)} jam {minutes} menit",
        };
    }

    /// <summary>A time standard: <c>5 menit</c>, <c>1 jam</c>, <c>2 hari kerja</c>.</summary>
    public static string Waktu(Waktu waktu)
    {
        ArgumentNullException.ThrowIfNull(waktu);
        return waktu.Unit switch
        {
            WaktuUnit.Minutes => $"{Number(waktu.Amount)} menit",
            WaktuUnit.Hours => $"{Number(waktu.Amount)} jam",
            WaktuUnit.WorkingDays => $"{Number(waktu.Amount)} hari kerja",
            _ => waktu.Amount.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Thousands separated by dots: <c>1.000</c>.</summary>
    public static string Number(long value) =>
        value.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.');

    private static DateTimeOffset ToWib(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, _wib.Value);
}
