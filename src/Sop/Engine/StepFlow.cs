using PerijinanBot.Sop.Calendar;
using PerijinanBot.Sop.Definitions;

namespace PerijinanBot.Sop.Engine;

/// <summary>Everything one command needs to know besides the kegiatan: the rules, the calendar, who is who, and the clock.</summary>
internal sealed record CommandContext(SopDefinition Definition, TransitionTable Table, WorkCalendar Calendar, Staffing Staffing, DateTimeOffset Now, string Number, int Version)
{
    public DateOnly Today => Calendar.LocalDate(Now);
}

/// <summary>Opening, finishing and routing step records: the moves every command is made of.</summary>
internal static class StepFlow
{
    public static StepRecord Open(StepDefinition step, int attempt, PersonRef? assignee, DateTimeOffset clockStart, CommandContext context)
    {
        var due = context.Calendar.DueAt(clockStart, step.Waktu);
        return new StepRecord
        {
            Step = step.Number,
            Attempt = attempt,
            Assignee = assignee,
            EnteredAt = context.Now,
            ClockStartsAt = clockStart,
            DueAt = due,
            StandardWorkingTime = context.Calendar.WorkingTimeBetween(clockStart, due),
        };
    }

    /// <summary>Closes a record now and measures it: working time taken, and how late (in working time) against its due time.</summary>
    public static StepRecord Finish(StepRecord open, StepDefinition step, StepOutcome outcome, Actor by, CommandContext context)
    {
        var calendar = context.Calendar;
        var lateBy = calendar.WorkingTimeBetween(open.DueAt, context.Now);
        var measurement = new StepMeasurement(
            step.Waktu, open.StandardWorkingTime, calendar.WorkingTimeBetween(open.ClockStartsAt, context.Now), lateBy == TimeSpan.Zero, lateBy);
        return open with { FinishedAt = context.Now, Outcome = outcome, FinishedBy = by, Measurement = measurement };
    }

    /// <summary>Follows a route: enters step <paramref name="destination"/>, or closes the kegiatan when there is none.</summary>
    public static Kegiatan Route(Kegiatan kegiatan, int? destination, bool isRework, CommandContext context, List<KegiatanEvent> events)
    {
        if (destination is not int number)
        {
            var closed = kegiatan with { Status = KegiatanStatus.Closed, ClosedAt = context.Now };
            events.Add(new Closed(context.Number, context.Version, context.Now, closed.Participants()));
            return closed;
        }

        var step = context.Definition.Step(number);
        var clockStart = step.ClockStartsAtField is { } field && kegiatan.DateTimeValue(field) is { } at ? at : context.Now;
        var attempt = kegiatan.Steps.Count(r => r.Step == number) + 1;
        var record = Open(step, attempt, Assignee(kegiatan, step, context), clockStart, context);

        var rework = new Dictionary<int, int>(kegiatan.Rework);
        if (isRework)
        {
            rework[number] = rework.GetValueOrDefault(number) + 1;
        }

        events.Add(new StepAssigned(context.Number, context.Version, context.Now, number, attempt, record.Assignee, step.Role, record.ClockStartsAt, record.DueAt, isRework));
        return kegiatan with { Steps = [.. kegiatan.Steps, record], CurrentStep = number, Rework = rework };
    }

    public static Kegiatan ReplaceCurrent(Kegiatan kegiatan, StepRecord record) =>
        kegiatan with { Steps = [.. kegiatan.Steps.Take(kegiatan.Steps.Count - 1), record] };

    public static CommandResult Commit(Kegiatan kegiatan, List<KegiatanEvent> events, CommandContext context) =>
        CommandResult.Accepted(kegiatan with { Version = context.Version, UpdatedAt = context.Now }, events);

    private static PersonRef? Assignee(Kegiatan kegiatan, StepDefinition step, CommandContext context) => step.Assignment.Rule switch
    {
        AssignmentRule.Starter => kegiatan.Starter,
        AssignmentRule.AssignedAtStart => kegiatan.AssignedAtStart.GetValueOrDefault(step.Assignment.Field ?? ""),
        _ => RoleHolder(kegiatan, step, context),
    };

    // Whoever held this step last keeps it when it comes round again (a reassignment sticks); otherwise the first holder listed.
    private static PersonRef? RoleHolder(Kegiatan kegiatan, StepDefinition step, CommandContext context)
    {
        var previous = kegiatan.Steps.LastOrDefault(r => r.Step == step.Number)?.Assignee;
        if (previous is not null && context.Staffing.People.Find(previous.Id)?.Holds(step.Role) == true)
        {
            return previous;
        }

        return context.Staffing.People.HoldersOf(step.Role) is [var holder, ..] ? new PersonRef(holder.AadObjectId, holder.Name) : null;
    }
}
