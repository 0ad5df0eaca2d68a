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
