using System.Globalization;
using PerijinanBot.Sop;
using PerijinanBot.Sop.Calendar;

namespace PerijinanBot.Bot.Tests.Infrastructure;

/// <summary>
/// The working fortnight the bot lives in during a test, whatever day the suite runs: the first Monday after today (WIB) whose
/// two weeks have no holiday or cuti bersama on a weekday. Bots under test start their clock on its Tuesday at 07.00 WIB
/// (<c>Development:ClockStartsAt</c>), so the jadwal the walks give (that Tuesday, 09.00) is ahead and on the day step 6 is
/// recorded, and a weekday named in a test ("Kamis") is that weekday. Day 0 is the Monday.
/// </summary>
public static class OfficeWeek
{
    public static readonly DateOnly Monday = FindMonday(WorkCalendar.Default, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, WorkCalendar.Default.Zone).DateTime));

    /// <summary>When the bot's clock starts: the Tuesday at 07.00 WIB, before opening (the setting's value).</summary>
    public static string ClockStartsAt => Iso(1, "07:00") + "+07:00";

    /// <summary>The bot's today (WIB): the Tuesday.</summary>
    public static DateOnly Today => Monday.AddDays(1);

    /// <summary>The walks' jadwal: the Tuesday at 09.00 WIB.</summary>
    public static string JadwalDate => Date(1);

    public const string JadwalTime = "09:00";

    /// <summary><c>yyyy-MM-dd</c> of day <paramref name="day"/> (0 = the Monday), as a date picker sends it.</summary>
    public static string Date(int day) => Monday.AddDays(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary><c>yyyy-MM-ddTHH:mm:00</c>, wall time in WIB (as Graph events carry it).</summary>
    public static string Iso(int day, string time) => $"{Date(day)}T{time}:00";

    /// <summary>How the product writes that moment: "Selasa, 2 Februari 2027 09.00 WIB".</summary>
    public static string Text(int day, string time) => WibFormat.DateTime(At(day, time));

    /// <summary>How the product writes that day: "Sabtu, 6 Februari 2027".</summary>
    public static string DayText(int day) => WibFormat.Date(Monday.AddDays(day));

    /// <summary>That moment with the WIB offset.</summary>
    public static DateTimeOffset At(int day, string time) =>
        new(Monday.AddDays(day).ToDateTime(TimeOnly.ParseExact(time, "HH:mm", CultureInfo.InvariantCulture)), TimeSpan.FromHours(7));

    private static DateOnly FindMonday(WorkCalendar calendar, DateOnly today)
    {
        var monday = today.AddDays(1);
        while (monday.DayOfWeek != DayOfWeek.Monday)
        {
            monday = monday.AddDays(1);
        }

        while (!Enumerable.Range(0, 14).Select(monday.AddDays).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).All(calendar.IsWorkingDay))
        {
            monday = monday.AddDays(7);
        }

        return monday;
    }
}
