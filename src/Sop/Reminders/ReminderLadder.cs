using PerijinanBot.Sop.Calendar;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Sop.Reminders;

/// <summary>
/// The reminders of one visit to a step, in the order they fire: "soon" at a share of the waktu, "due" at the due time,
/// "overdue" repeated (every working hour for minute and hour steps, every working day at 07:30 for day steps), one
/// "escalation" to the superior role's holder. A step timed from a jadwal (step 6, recorded when the kegiatan starts) has its
/// own ladder: the team is reminded the working day before and at the jadwal (that reminder asks the assignee to record the
/// start), and nothing else fires on the jadwal's day, while the kegiatan runs; if the start is still unrecorded, "overdue"
/// comes every working day at 07:30 from the next working day, and the escalation an hour after the first. Pure: the same
/// definition, record and calendar always give the same reminders, and every fire time is working time (an instant outside
/// it moves to the next working start).
/// </summary>
public sealed class ReminderLadder(SopDefinition definition, WorkCalendar calendar)
{
    private readonly ReminderSettings _settings = definition?.Reminders ?? ReminderSettings.Default;

    public SopDefinition Definition { get; } = definition ?? throw new ArgumentNullException(nameof(definition));

    /// <summary>Every reminder of the visit, earliest first (on a tie the one-off reminders come before an overdue repeat).</summary>
    public IEnumerable<Reminder> Schedule(StepRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var step = Definition.Step(record.Step);
        var fixedOnes = Fixed(step, record).OrderBy(r => r.FireAt).ThenBy(r => Rank(r.Kind)).ToList();
        var next = 0;
        foreach (var overdue in Overdue(step, record))
        {
            while (next < fixedOnes.Count && fixedOnes[next].FireAt <= overdue.FireAt)
            {
                yield return fixedOnes[next++];
            }

            yield return overdue;
        }

        while (next < fixedOnes.Count)
        {
            yield return fixedOnes[next++];
        }
    }

    /// <summary>The first reminder firing at or after <paramref name="onOrAfter"/> (the decision that opened or changed the visit).</summary>
    public Reminder? First(StepRecord record, DateTimeOffset onOrAfter) =>
        Schedule(record).FirstOrDefault(r => r.FireAt >= onOrAfter);

    /// <summary>
    /// The reminder after <paramref name="fired"/>. Overdue repeats that a later repeat, also due by <paramref name="now"/>,
    /// makes pointless are skipped (after an outage a person gets one "still late", not a burst); nothing else is skipped.
    /// </summary>
    public Reminder? After(StepRecord record, Reminder fired, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(fired);
        var all = Schedule(record).ToList();
        var at = all.FindIndex(r => r.SameAs(fired));
        var rest = at >= 0 ? all.Skip(at + 1) : all.Where(r => r.FireAt > fired.FireAt);
        var candidates = rest.ToList();
        for (var i = 0; i < candidates.Count; i++)
        {
            var candidate = candidates[i];
            var superseded = candidate.Kind == ReminderKind.Overdue
                && candidates.Skip(i + 1).Any(r => r.Kind == ReminderKind.Overdue && r.FireAt <= now);
            if (!superseded)
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The role told when a step of <paramref name="step"/>'s role is late, or null at the top.</summary>
    public Role? SuperiorOf(StepDefinition step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return Definition.Roles.FirstOrDefault(r => r.Role == step.Role)?.Superior;
    }

    private IEnumerable<Reminder> Fixed(StepDefinition step, StepRecord record)
    {
        var start = calendar.NextWorkingInstant(record.ClockStartsAt);
        if (step.ClockStartsAtField is not null)
        {
            var day = calendar.PreviousWorkingDay(calendar.LocalDate(record.ClockStartsAt));
            yield return Make(record, ReminderKind.JadwalDayBefore, 1, Local(day, _settings.JadwalDayBeforeTime), ReminderAudience.Team);
            yield return Make(record, ReminderKind.Jadwal, 1, record.ClockStartsAt, ReminderAudience.Team);
            if (SuperiorOf(step) is { } above)
            {
                var firstOverdue = calendar.NextWorkingInstant(Local(AfterTheJadwalDay(record), _settings.OverdueDailyTime));
                yield return Make(record, ReminderKind.Escalation, 1, calendar.DueAt(firstOverdue, _settings.EscalateAtLeast), ReminderAudience.Superior, above);
            }

            yield break;
        }

        var shortest = calendar.WorkingTimeBetween(start, calendar.DueAt(start, _settings.SoonNotUpTo));
        if (record.StandardWorkingTime > shortest)
        {
            var share = TimeSpan.FromMinutes(Math.Floor(record.StandardWorkingTime.TotalMinutes * _settings.SoonShare));
            yield return Make(record, ReminderKind.Soon, 1, calendar.AddWorkingTime(start, share), ReminderAudience.Assignee);
        }

        yield return Make(record, ReminderKind.Due, 1, record.DueAt, ReminderAudience.Assignee);
        if (SuperiorOf(step) is { } superior)
        {
            var byWaktu = calendar.DueAt(record.DueAt, _settings.EscalateAfter ?? step.Waktu);
            var atLeast = calendar.DueAt(record.DueAt, _settings.EscalateAtLeast);
            yield return Make(record, ReminderKind.Escalation, 1, byWaktu > atLeast ? byWaktu : atLeast, ReminderAudience.Superior, superior);
        }
    }

    private IEnumerable<Reminder> Overdue(StepDefinition step, StepRecord record)
    {
        var n = 0;
        var dueFiresAt = calendar.NextWorkingInstant(record.DueAt);
        if (step.Waktu.Unit == WaktuUnit.WorkingDays || step.ClockStartsAtField is not null)
        {
            // Daily from the working day after the due day, or, for a step timed from a jadwal, after the jadwal's day.
            var first = step.ClockStartsAtField is null ? calendar.NextWorkingDay(calendar.LocalDate(dueFiresAt)) : AfterTheJadwalDay(record);
            for (var day = first; n < _settings.MaxOverdueCount; day = calendar.NextWorkingDay(day))
            {
                yield return Make(record, ReminderKind.Overdue, ++n, Local(day, _settings.OverdueDailyTime), ReminderAudience.Assignee);
            }

            yield break;
        }

        for (var at = record.DueAt; n < _settings.MaxOverdueCount;)
        {
            at = calendar.DueAt(at, _settings.OverdueEvery);
            var reminder = Make(record, ReminderKind.Overdue, n + 1, at, ReminderAudience.Assignee);
            if (reminder.FireAt > dueFiresAt)
            {
                n++;
                yield return reminder;
            }
        }
    }

    // The first working day after the one the jadwal falls on (or, for a jadwal outside working time, the day it starts at).
    private DateOnly AfterTheJadwalDay(StepRecord record) =>
        calendar.NextWorkingDay(calendar.LocalDate(calendar.NextWorkingInstant(record.ClockStartsAt)));

    private Reminder Make(StepRecord record, ReminderKind kind, int occurrence, DateTimeOffset at, ReminderAudience audience, Role? superior = null) =>
        new(record.Step, record.Attempt, kind, occurrence, calendar.NextWorkingInstant(at), audience, superior, record.Reschedules.Count);

    private DateTimeOffset Local(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, calendar.Zone.GetUtcOffset(local));
    }

    private static int Rank(ReminderKind kind) => kind switch
    {
        ReminderKind.JadwalDayBefore => 0,
        ReminderKind.Jadwal => 1,
        ReminderKind.Soon => 2,
        ReminderKind.Due => 3,
        ReminderKind.Overdue => 4,
        _ => 5,
    };
}
