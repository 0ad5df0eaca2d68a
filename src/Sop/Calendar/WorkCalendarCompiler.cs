using System.Globalization;

namespace PerijinanBot.Sop.Calendar;

/// <summary>Checks calendar data and turns office hours minus breaks into working periods. Collects every problem.</summary>
internal static class WorkCalendarCompiler
{
    public static WorkCalendar Compile(WorkCalendarData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var errors = new List<string>();
        var zone = FindZone(data.TimeZone, errors);
        var week = CompileWeek(data.WorkingHours ?? [], errors);
        CheckHolidays(data.HolidayLists ?? [], errors);

        if (errors.Count > 0)
        {
            throw new WorkCalendarException(errors);
        }

        return new WorkCalendar(data, zone!, week);
    }

    private static TimeZoneInfo? FindZone(string? id, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            errors.Add("timeZone is required (the office uses 'Asia/Jakarta').");
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            errors.Add($"timeZone '{id}' is not known on this machine.");
            return null;
        }
    }

    private static Dictionary<DayOfWeek, WorkPeriod[]> CompileWeek(IReadOnlyList<WorkingHours> entries, List<string> errors)
    {
        var week = new Dictionary<DayOfWeek, WorkPeriod[]>();
        for (var i = 0; i < entries.Count; i++)
        {
            var where = $"workingHours[{i}]";
            var entry = entries[i];
            var periods = CompilePeriods(entry, where, errors);
            if ((entry.Days ?? []).Count == 0)
            {
                errors.Add($"{where}.days must name at least one weekday.");
            }

            foreach (var day in entry.Days ?? [])
            {
                if (!week.TryAdd(day, periods))
                {
                    errors.Add($"{where}.days: {day} has working hours twice.");
                }
            }
        }

        if (!week.Values.Any(p => p.Length > 0) && errors.Count == 0)
        {
            errors.Add("workingHours must give at least one weekday working hours.");
        }

        return week;
    }

    private static WorkPeriod[] CompilePeriods(WorkingHours entry, string where, List<string> errors)
    {
        var start = ParseTime(entry.Start, $"{where}.start", errors);
        var end = ParseTime(entry.End, $"{where}.end", errors);
        if (start is null || end is null)
        {
            return [];
        }

        if (start >= end)
        {
            errors.Add($"{where}: start {entry.Start} must be before end {entry.End}.");
            return [];
        }

        var periods = new List<WorkPeriod>();
        var cursor = start.Value;
        var breaks = entry.Breaks ?? [];
        for (var b = 0; b < breaks.Count; b++)
        {
            var bWhere = $"{where}.breaks[{b}]";
            var from = ParseTime(breaks[b].Start, $"{bWhere}.start", errors);
            var to = ParseTime(breaks[b].End, $"{bWhere}.end", errors);
            if (from is null || to is null)
            {
                continue;
            }

            if (from <= cursor || to >= end || from >= to)
            {
                errors.Add($"{bWhere} ({breaks[b].Start}–{breaks[b].End}) must lie inside the working hours, after the previous break, and start before it ends.");
                continue;
            }

            periods.Add(new WorkPeriod(cursor, from.Value));
            cursor = to.Value;
        }

        periods.Add(new WorkPeriod(cursor, end.Value));
        return [.. periods];
    }

    private static TimeOnly? ParseTime(string? text, string where, List<string> errors)
    {
        if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        errors.Add($"{where} '{text}' is not a time in HH:mm (e.g. 07:30).");
        return null;
    }

    private static void CheckHolidays(IReadOnlyList<HolidayList> lists, List<string> errors)
    {
        var years = new HashSet<int>();
        var dates = new HashSet<DateOnly>();
        for (var i = 0; i < lists.Count; i++)
        {
            var list = lists[i];
            var where = $"holidayLists[{i}]";
            if (!years.Add(list.Year))
            {
                errors.Add($"{where}: the year {list.Year} has two holiday lists.");
            }

            var days = list.Days ?? [];
            for (var d = 0; d < days.Count; d++)
            {
                var day = days[d];
                if (day.Date.Year != list.Year)
                {
                    errors.Add($"{where}.days[{d}]: {day.Date:yyyy-MM-dd} is not in {list.Year}.");
                }

                if (!dates.Add(day.Date))
                {
                    errors.Add($"{where}.days[{d}]: {day.Date:yyyy-MM-dd} is listed twice.");
                }

                if (string.IsNullOrWhiteSpace(day.Name))
                {
                    errors.Add($"{where}.days[{d}]: name is required.");
                }

                if (!Enum.IsDefined(day.Kind))
                {
                    errors.Add($"{where}.days[{d}]: kind must be liburNasional or cutiBersama.");
                }
            }
        }
    }
}
