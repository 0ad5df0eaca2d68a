using System.Text.Json;

namespace PerijinanBot.Sop.Calendar;

/// <summary>
/// Working time of the office: zone, hours per weekday with breaks, holidays. Turns a step's <see cref="Waktu"/> into a
/// due time and measures how much working time passed between two instants. All math happens in the office's local time.
/// </summary>
/// <remarks>
/// Conventions: a working period is half-open, [start, end). A clock that starts outside working time starts at the next
/// working instant. Minutes and hours are added as working time; when they run out exactly at the end of a period the due
/// time is that end (16:00, not 07:30 the next morning). "N working days" is the same time of day on the N-th working day
/// after the (normalised) start; when that time is not working time on the target day (a break, or after a shorter day's
/// close) the due time is the last working instant before it, never later.
/// </remarks>
public sealed class WorkCalendar
{
    /// <summary>Ten years: validation refuses a week without working time, so this only stops a runaway loop.</summary>
    private const int MaxDaysScanned = 3660;

    private static readonly Lazy<WorkCalendar> _default = new(() =>
        FromJson(EmbeddedResources.ReadText(typeof(WorkCalendar).Assembly, "PerijinanBot.Sop.Calendar.work-calendar.json")));

    private readonly IReadOnlyDictionary<DayOfWeek, WorkPeriod[]> _week;
    private readonly IReadOnlyList<HoursRange> _ranges;
    private readonly Dictionary<DateOnly, Holiday> _holidays;
    private readonly HashSet<int> _holidayYears;

    internal WorkCalendar(WorkCalendarData data, TimeZoneInfo zone, IReadOnlyDictionary<DayOfWeek, WorkPeriod[]> week, IReadOnlyList<HoursRange> ranges)
    {
        Data = data;
        Zone = zone;
        _week = week;
        _ranges = ranges;
        _holidays = data.HolidayLists.SelectMany(l => l.Days).ToDictionary(d => d.Date);
        _holidayYears = data.HolidayLists.Select(l => l.Year).ToHashSet();
    }

    /// <summary>The office calendar embedded in this assembly (<c>Calendar/work-calendar.json</c>).</summary>
    public static WorkCalendar Default => _default.Value;

    public WorkCalendarData Data { get; }

    public TimeZoneInfo Zone { get; }

    /// <summary>Parses and validates calendar JSON; throws <see cref="WorkCalendarException"/> listing every problem.</summary>
    public static WorkCalendar FromJson(string json)
    {
        WorkCalendarData? data;
        try
        {
            data = JsonSerializer.Deserialize(json, SopJsonContext.Default.WorkCalendarData);
        }
        catch (JsonException e)
        {
            throw new WorkCalendarException([$"work calendar JSON is invalid at {e.Path ?? "$"} (line {e.LineNumber + 1}): {e.Message}"]);
        }

        return Create(data ?? throw new WorkCalendarException(["work calendar JSON is empty."]));
    }

    /// <summary>Validates calendar data; throws <see cref="WorkCalendarException"/> listing every problem.</summary>
    public static WorkCalendar Create(WorkCalendarData data) => WorkCalendarCompiler.Compile(data);

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    public Holiday? HolidayOn(DateOnly date) => _holidays.GetValueOrDefault(date);

    /// <summary>False when no holiday list is loaded for <paramref name="year"/>: only weekends count then, and admins should be told.</summary>
    public bool HasHolidayList(int year) => _holidayYears.Contains(year);

    /// <summary>
    /// The first year without a holiday list among <paramref name="today"/>'s year and the years that begin within
    /// <paramref name="daysAhead"/> days after it, or null: what an operator should be warned of before the year begins.
    /// </summary>
    public int? YearWithoutHolidayList(DateOnly today, int daysAhead)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(daysAhead);
        for (var year = today.Year; year <= today.AddDays(daysAhead).Year; year++)
        {
            if (!HasHolidayList(year))
            {
                return year;
            }
        }

        return null;
    }

    public bool IsWorkingDay(DateOnly date) => PeriodsOn(date).Length > 0;

    public bool IsWorkingTime(DateTimeOffset instant) => NextWorkingInstant(instant) == instant;

    /// <summary>The working periods of one day (empty on weekends and holidays), as instants in the office's zone.</summary>
    public IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> WorkingPeriodsOn(DateOnly date) =>
        [.. PeriodsOn(date).Select(p => (At(date, p.Start), At(date, p.End)))];

    public DateOnly NextWorkingDay(DateOnly after) => ScanDays(after, +1);

    public DateOnly PreviousWorkingDay(DateOnly before) => ScanDays(before, -1);

    /// <summary><paramref name="instant"/> itself during working time, otherwise the start of the next working period.</summary>
    public DateTimeOffset NextWorkingInstant(DateTimeOffset instant)
    {
        var (day, cursor) = Split(instant);
        for (var i = 0; i < MaxDaysScanned; i++, day = day.AddDays(1), cursor = TimeOnly.MinValue)
        {
            foreach (var period in PeriodsOn(day))
            {
                if (cursor < period.End)
                {
                    return cursor <= period.Start ? At(day, period.Start) : At(day, cursor);
                }
            }
        }

        throw NoWorkingTime(instant);
    }

    /// <summary>When a step whose clock starts at <paramref name="start"/> is due. See the class remarks for the rules.</summary>
    public DateTimeOffset DueAt(DateTimeOffset start, Waktu waktu)
    {
        ArgumentNullException.ThrowIfNull(waktu);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(waktu.Amount);
        return waktu.Unit switch
        {
            WaktuUnit.Minutes => AddWorkingTime(start, TimeSpan.FromMinutes(waktu.Amount)),
            WaktuUnit.Hours => AddWorkingTime(start, TimeSpan.FromHours(waktu.Amount)),
            WaktuUnit.WorkingDays => AddWorkingDays(start, waktu.Amount),
            _ => throw new ArgumentOutOfRangeException(nameof(waktu), waktu.Unit, "Unknown unit."),
        };
    }

    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan amount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, TimeSpan.Zero);
        var (day, cursor) = Split(start);
        var remaining = amount;
        for (var i = 0; i < MaxDaysScanned; i++, day = day.AddDays(1), cursor = TimeOnly.MinValue)
        {
            foreach (var period in PeriodsOn(day))
            {
                if (period.End <= cursor)
                {
                    continue;
                }

                var from = cursor > period.Start ? cursor : period.Start;
                var available = period.End - from;
                if (remaining <= available)
                {
                    return At(day, from.Add(remaining));
                }

                remaining -= available;
            }
        }

        throw NoWorkingTime(start);
    }

    public DateTimeOffset AddWorkingDays(DateTimeOffset start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var (day, time) = Split(NextWorkingInstant(start));
        for (var counted = 0; counted < days;)
        {
            day = NextWorkingDay(day);
            counted++;
        }

        // Clamp back: a time of day that is not working time on the target day becomes the last working instant before it.
        var periods = PeriodsOn(day);
        var due = periods[0].Start;
        foreach (var period in periods)
        {
            if (time < period.Start)
            {
                break;
            }

            if (time < period.End)
            {
                return At(day, time);
            }

            due = period.End;
        }

        return At(day, due);
    }

    /// <summary>Working time in [<paramref name="from"/>, <paramref name="to"/>); zero when <paramref name="to"/> is not later.</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        var a = ToLocal(from).DateTime;
        var b = ToLocal(to).DateTime;
        var total = TimeSpan.Zero;
        for (var day = DateOnly.FromDateTime(a); day <= DateOnly.FromDateTime(b); day = day.AddDays(1))
        {
            foreach (var period in PeriodsOn(day))
            {
                var start = day.ToDateTime(period.Start);
                var end = day.ToDateTime(period.End);
                start = start < a ? a : start;
                end = end > b ? b : end;
                if (end > start)
                {
                    total += end - start;
                }
            }
        }

        return total;
    }

    /// <summary>Every computation reads the hours of a day here: none on a holiday, a special range's week inside it, else the usual week.</summary>
    private WorkPeriod[] PeriodsOn(DateOnly date)
    {
        if (_holidays.ContainsKey(date))
        {
            return [];
        }

        foreach (var range in _ranges)
        {
            if (range.Contains(date))
            {
                return range.Week.GetValueOrDefault(date.DayOfWeek, []);
            }
        }

        return _week.GetValueOrDefault(date.DayOfWeek, []);
    }

    private DateOnly ScanDays(DateOnly from, int step)
    {
        var day = from;
        for (var i = 0; i < MaxDaysScanned; i++)
        {
            day = day.AddDays(step);
            if (IsWorkingDay(day))
            {
                return day;
            }
        }

        throw new InvalidOperationException($"The work calendar has no working day within ten years of {from:yyyy-MM-dd}.");
    }

    private (DateOnly Day, TimeOnly Time) Split(DateTimeOffset instant)
    {
        var local = ToLocal(instant).DateTime;
        return (DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
    }

    private DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    private static InvalidOperationException NoWorkingTime(DateTimeOffset instant) =>
        new($"The work calendar has no working time within ten years of {instant:O}.");
}

/// <summary>One stretch of working time within a day, [Start, End).</summary>
internal readonly record struct WorkPeriod(TimeOnly Start, TimeOnly End);

/// <summary>A compiled <see cref="SpecialHours"/>: its week applies from <see cref="From"/> to <see cref="To"/>, both included.</summary>
internal sealed record HoursRange(DateOnly From, DateOnly To, string Name, IReadOnlyDictionary<DayOfWeek, WorkPeriod[]> Week)
{
    public bool Contains(DateOnly date) => From <= date && date <= To;
}
