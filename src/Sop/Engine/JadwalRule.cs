using PerijinanBot.Sop.Calendar;
using PerijinanBot.Sop.Definitions;

namespace PerijinanBot.Sop.Engine;

/// <summary>
/// What the calendar allows as a jadwal: a field some step's clock starts at (<c>clockStartsAtField</c>) must name a moment in
/// the future, on a working day (no weekend, libur nasional or cuti bersama), within that day's working hours (not before
/// opening, after closing or in a break). A refusal says which rule and offers the nearest moment that keeps them all.
/// </summary>
internal static class JadwalRule
{
    /// <summary>The refusals for the jadwal fields among a step's normalised <paramref name="values"/>; empty when all is well.</summary>
    public static IEnumerable<string> Problems(StepDefinition step, IReadOnlyDictionary<string, string> values, CommandContext context)
    {
        foreach (var field in step.Fields.Where(f => f.Kind == FieldKind.Datetime && IsJadwal(context.Definition, f)))
        {
            if (values.TryGetValue(field.Id, out var value) && WibParse.Instant(value, context.Calendar.Zone) is { } at
                && Check(field.Label, at, context.Now, context.Calendar) is { } problem)
            {
                yield return problem;
            }
        }
    }

    /// <summary>Null when a kegiatan may be held at <paramref name="at"/>; else why not, with the nearest working alternative.</summary>
    public static string? Check(string label, DateTimeOffset at, DateTimeOffset now, WorkCalendar calendar)
    {
        var local = calendar.ToLocal(at);
        var day = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (at <= now)
        {
            return Texts.JadwalPast(label, local, SameTimeOn(calendar.NextWorkingDay(calendar.LocalDate(now)), time, calendar));
        }

        if (calendar.HolidayOn(day) is { } holiday)
        {
            return Texts.JadwalOnHoliday(label, day, holiday, SameTimeOn(calendar.NextWorkingDay(day), time, calendar));
        }

        if (!calendar.IsWorkingDay(day))
        {
            return Texts.JadwalOffDay(label, day, SameTimeOn(calendar.NextWorkingDay(day), time, calendar));
        }

        return calendar.IsWorkingTime(local)
            ? null
            : Texts.JadwalOutsideHours(label, local, calendar.WorkingPeriodsOn(day), calendar.ToLocal(calendar.NextWorkingInstant(local)));
    }

    /// <summary>True for a datetime field that some step of <paramref name="definition"/> is timed from: the facilitation's jadwal.</summary>
    public static bool IsJadwal(SopDefinition definition, FieldDefinition field) =>
        definition.Steps.Any(s => string.Equals(s.ClockStartsAtField, field.Id, StringComparison.Ordinal));

    // The same time of day on a working day, or the first working moment after it when that time is outside the day's hours.
    private static DateTimeOffset SameTimeOn(DateOnly day, TimeOnly time, WorkCalendar calendar)
    {
        var local = day.ToDateTime(time);
        var candidate = new DateTimeOffset(local, calendar.Zone.GetUtcOffset(local));
        return calendar.ToLocal(calendar.NextWorkingInstant(candidate));
    }
}
