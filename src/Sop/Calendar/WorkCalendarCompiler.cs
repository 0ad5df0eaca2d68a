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
        var week = CompileWeek(data.WorkingHours ?? [], "workingHours", errors);
        var ranges = CompileRanges(data.SpecialHours ?? [], errors);
        CheckHolidays(data.HolidayLists ?? [], errors);

        if (errors.Count > 0)
        {
            throw new WorkCalendarException(errors);
        }

        return new WorkCalendar(data, zone!, week, ranges);
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

    /// <summary>One week of hours; <paramref name="section"/> names it in errors ("workingHours", "specialHours[0].workingHours").</summary>
    private static Dictionary<DayOfWeek, WorkPeriod[]> CompileWeek(IReadOnlyList<WorkingHours> entries, string section, List<string> errors)
    {
        var errorsBefore = errors.Count;
        var week = new Dictionary<DayOfWeek, WorkPeriod[]>();
        for (var i = 0; i < entries.Count; i++)
        {
            var where = $"{section}[{i}]";
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

        if (!week.Values.Any(p => p.Length > 0) && errors.Count == errorsBefore)
        {
            errors.Add($"{section} must give at least one weekday working hours.");
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

    /// <summary>
    /// The special-hours ranges, ordered by their first day: each named, with both dates, not ending before it starts, with a
    /// valid week of its own, and overlapping no other range (a date has one set of hours).
    /// </summary>
    private static List<HoursRange> CompileRanges(IReadOnlyList<SpecialHours> entries, List<string> errors)
    {
        var ranges = new List<(int Index, HoursRange Range)>();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var where = $"specialHours[{i}]";
            if (string.IsNullOrWhiteSpace(entry.Name))
            {
                errors.Add($"{where}: name is required (e.g. \"Ramadan 1447 H\").");
            }

            if (entry.From is null)
            {
                errors.Add($"{where}: from is required, the first day of the range as yyyy-MM-dd.");
            }

            if (entry.To is null)
            {
                errors.Add($"{where}: to is required, the last day of the range (included) as yyyy-MM-dd.");
            }

            var week = CompileWeek(entry.WorkingHours ?? [], $"{where}.workingHours", errors);
            if (entry.From is not { } from || entry.To is not { } to)
            {
                continue;
            }

            if (to < from)
            {
                errors.Add($"{where} ({entry.Name}): to {to:yyyy-MM-dd} is before from {from:yyyy-MM-dd}.");
                continue;
            }

            ranges.Add((i, new HoursRange(from, to, entry.Name, week)));
        }

        ranges.Sort((a, b) => a.Range.From.CompareTo(b.Range.From));
        for (var r = 1; r < ranges.Count; r++)
        {
            var (before, after) = (ranges[r - 1], ranges[r]);
            if (after.Range.From <= before.Range.To)
            {
                errors.Add($"specialHours[{after.Index}] ({after.Range.Name}, {after.Range.From:yyyy-MM-dd} to {after.Range.To:yyyy-MM-dd}) overlaps "
                    + $"specialHours[{before.Index}] ({before.Range.Name}, {before.Range.From:yyyy-MM-dd} to {before.Range.To:yyyy-MM-dd}); a date can have only one set of special hours.");
            }
        }

        return [.. ranges.Select(r => r.Range)];
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
