using System.Text.Json.Serialization;

namespace PerijinanBot.Sop.Calendar;

/// <summary>The work calendar as the office writes it (<c>Calendar/work-calendar.json</c>).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record WorkCalendarData
{
    /// <summary>An IANA zone id; the office works in <c>Asia/Jakarta</c> (WIB, UTC+7, no daylight saving).</summary>
    public string TimeZone { get => _timeZone; init => _timeZone = value ?? ""; }

    private readonly string _timeZone = "";

    public IReadOnlyList<WorkingHours> WorkingHours { get => _workingHours; init => _workingHours = value ?? []; }

    private readonly IReadOnlyList<WorkingHours> _workingHours = [];

    /// <summary>
    /// Date ranges whose hours differ from <see cref="WorkingHours"/> (Ramadan): on a date inside a range, that range's week
    /// applies instead of the usual one. Ranges may not overlap. Holidays still close the office inside a range.
    /// </summary>
    public IReadOnlyList<SpecialHours> SpecialHours { get => _specialHours; init => _specialHours = value ?? []; }

    private readonly IReadOnlyList<SpecialHours> _specialHours = [];

    /// <summary>One list per year (libur nasional and cuti bersama). A year without a list counts weekends only.</summary>
    public IReadOnlyList<HolidayList> HolidayLists { get => _holidayLists; init => _holidayLists = value ?? []; }

    private readonly IReadOnlyList<HolidayList> _holidayLists = [];
}

/// <summary>Office hours for some weekdays, e.g. Monday–Thursday 07:30–16:00 with a 12:00–13:00 break. Times are "HH:mm".</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record WorkingHours
{
    public IReadOnlyList<DayOfWeek> Days { get => _days; init => _days = value ?? []; }

    private readonly IReadOnlyList<DayOfWeek> _days = [];

    public string Start { get => _start; init => _start = value ?? ""; }

    private readonly string _start = "";

    public string End { get => _end; init => _end = value ?? ""; }

    private readonly string _end = "";

    public IReadOnlyList<TimeRange> Breaks { get => _breaks; init => _breaks = value ?? []; }

    private readonly IReadOnlyList<TimeRange> _breaks = [];
}

/// <summary>
/// Hours that replace the usual week from <see cref="From"/> to <see cref="To"/>, both days included, e.g. Ramadan. The range's
/// <see cref="WorkingHours"/> is a whole week: a weekday it does not name has no working time inside the range.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SpecialHours
{
    /// <summary>What the range is, for operators and logs, e.g. "Ramadan 1447 H".</summary>
    public string Name { get => _name; init => _name = value ?? ""; }

    private readonly string _name = "";

    /// <summary>The first day of the range (yyyy-MM-dd); required.</summary>
    public DateOnly? From { get; init; }

    /// <summary>The last day of the range (yyyy-MM-dd), included; required, not before <see cref="From"/>.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Where the dates and hours come from: the regulation, or the office's own decision.</summary>
    public string Basis { get => _basis; init => _basis = value ?? ""; }

    private readonly string _basis = "";

    public IReadOnlyList<WorkingHours> WorkingHours { get => _workingHours; init => _workingHours = value ?? []; }

    private readonly IReadOnlyList<WorkingHours> _workingHours = [];
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record TimeRange
{
    public string Start { get => _start; init => _start = value ?? ""; }

    private readonly string _start = "";

    public string End { get => _end; init => _end = value ?? ""; }

    private readonly string _end = "";
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record HolidayList
{
    public int Year { get; init; }

    /// <summary>The legal basis, e.g. the SKB 3 Menteri that set the year's holidays.</summary>
    public string Basis { get => _basis; init => _basis = value ?? ""; }

    private readonly string _basis = "";

    public IReadOnlyList<Holiday> Days { get => _days; init => _days = value ?? []; }

    private readonly IReadOnlyList<Holiday> _days = [];
}

[JsonConverter(typeof(CamelCaseEnumConverter<HolidayKind>))]
public enum HolidayKind
{
    LiburNasional,
    CutiBersama,
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record Holiday
{
    public DateOnly Date { get; init; }

    public string Name { get => _name; init => _name = value ?? ""; }

    private readonly string _name = "";

    public HolidayKind Kind { get; init; }
}
