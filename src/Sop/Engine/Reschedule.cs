using System.Globalization;
using System.Text.Json.Serialization;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Sop.Engine;

/// <summary>
/// Ubah jadwal: moves the facilitation to <paramref name="NewJadwal"/> (any form the jadwal field reads, <see cref="WibParse"/>:
/// <c>2026-12-14 09:00</c> as the card joins its pickers, <c>14/12/2026 09.00</c> typed, … WIB, or with an offset) and/or
/// <paramref name="NewTempat"/>, with a reason (required, at most <see cref="RescheduleRules.MaxReasonLength"/> characters).
/// Empty or null keeps that value; a new jadwal must keep the calendar's rule (<see cref="JadwalRule"/>). Only while the step
/// timed from the jadwal (step 6) waits, by its assignee (or their Plh.) or the holder of its role's superior role.
/// </summary>
public sealed record Reschedule(string ActorId, int Step, int ExpectedVersion, string? NewJadwal, string? NewTempat, string? Reason)
    : StepCommand(ActorId, Step, ExpectedVersion)
{
    public override SopTrigger Trigger => SopTrigger.Reschedule;
}

/// <summary>One change of the jadwal and/or tempat, kept on the step record it happened during, for the history.</summary>
public sealed record Rescheduling(DateTimeOffset OldJadwal, DateTimeOffset NewJadwal, string? OldTempat, string? NewTempat, Actor By, DateTimeOffset At, string Reason)
{
    [JsonIgnore]
    public bool JadwalChanged => OldJadwal != NewJadwal;

    [JsonIgnore]
    public bool TempatChanged => !string.Equals(OldTempat, NewTempat, StringComparison.Ordinal);
}

/// <summary>The fields a reschedule changes: the jadwal (a datetime field) and, beside it in the same step, the tempat.</summary>
/// <param name="DataStep">The step whose form holds them (step 2, the supporting data).</param>
/// <param name="Tempat">Null when that step has no tempat field: then only the jadwal can move.</param>
public sealed record RescheduleFields(int DataStep, FieldDefinition Jadwal, FieldDefinition? Tempat);

/// <summary>
/// Which step can be rescheduled and which fields that touches, read from the definition: the step whose clock starts at a
/// datetime field (<c>clockStartsAtField</c>), so another SOP with its own scheduled step gets the same feature without code.
/// </summary>
public static class RescheduleRules
{
    /// <summary>A reschedule's reason is told to everyone involved and shown in history and calendars: shorter than a Tidak's.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>
    /// The SOP asks for "jadwal dan tempat" together; the place is the text field with this id in the jadwal's step (the calendar
    /// invitation reads the same field as the event's location).
    /// </summary>
    public const string TempatFieldId = "tempat";

    /// <summary>The first step timed from a datetime field, or null when the SOP has none.</summary>
    public static StepDefinition? ScheduledStep(SopDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Steps.FirstOrDefault(s => FieldsOf(definition, s) is not null);
    }

    /// <summary>The fields a reschedule at <paramref name="step"/> changes, or null when that step is not timed from a datetime field.</summary>
    public static RescheduleFields? FieldsOf(SopDefinition definition, StepDefinition step)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(step);
        if (step.ClockStartsAtField is not { } fieldId || definition.FindField(fieldId) is not { } found || found.Field.Kind != FieldKind.Datetime)
        {
            return null;
        }

        var tempat = found.Step.Fields.FirstOrDefault(f => f.Id == TempatFieldId && f.Kind is FieldKind.Text or FieldKind.Multiline);
        return new RescheduleFields(found.Step.Number, found.Field, tempat);
    }

    /// <summary>The step's assignee (a Plh. qualifies through them) or a holder of the role above the step's role.</summary>
    internal static Func<Person, bool> MayReschedule(SopDefinition definition, StepDefinition step, StepRecord current)
    {
        var isAssignee = Authority.IsAssignee(current);
        var superior = definition.RoleOf(step.Role).Superior;
        return person => isAssignee(person) || (superior is { } role && person.Holds(role));
    }
}

/// <summary>Applies <see cref="Reschedule"/>: the guards, then the new values, due time and history entry.</summary>
internal static class RescheduleCommand
{
    public static CommandResult Apply(Kegiatan kegiatan, Reschedule command, CommandContext context)
    {
        var definition = context.Definition;
        var current = kegiatan.Current!;
        var step = definition.Step(current.Step);
        if (RescheduleRules.FieldsOf(definition, step) is not { } fields)
        {
            return CommandResult.Refused(RefusalCode.NotAvailable, Texts.RescheduleNotAvailable(definition, step, RescheduleRules.ScheduledStep(definition)));
        }

        var actor = Authority.Resolve(context.Staffing, command.ActorId, context.Today, RescheduleRules.MayReschedule(definition, step, current));
        if (actor is null)
        {
            return CommandResult.Refused(RefusalCode.NotYours, Texts.RescheduleNotAllowed(definition, step, current.Assignee));
        }

        if (!kegiatan.Data.TryGetValue(fields.DataStep, out var data) || kegiatan.DateTimeValue(fields.Jadwal.Id) is not { } oldJadwal)
        {
            return CommandResult.Refused(RefusalCode.NotAvailable, Texts.RescheduleNoJadwal(definition.Step(fields.DataStep), fields.Jadwal));
        }

        var oldTempat = fields.Tempat is { } t ? data.Values.GetValueOrDefault(t.Id) : null;
        var (values, problems) = InputValidator.Fields(Form(fields), Input(command, fields, data), context.Staffing, context.Calendar, context.Now);
        if (Check(command, fields, oldTempat, problems) is { } refusal)
        {
            return refusal;
        }

        var newJadwalText = values[fields.Jadwal.Id];
        var newJadwal = DateTimeOffset.Parse(newJadwalText, CultureInfo.InvariantCulture);
        var newTempat = fields.Tempat is { } place ? values.GetValueOrDefault(place.Id) : null;
        if (newJadwal == oldJadwal && string.Equals(newTempat, oldTempat, StringComparison.Ordinal))
        {
            return CommandResult.Refused(RefusalCode.InvalidInput, Texts.RescheduleNothingChanged);
        }

        // The same calendar rule as the step-2 form. A jadwal moved into the past is a typing slip (a wrong year or month); a
        // facilitation already held is recorded instead. A change of tempat alone keeps the jadwal, whatever it was.
        if (newJadwal != oldJadwal && JadwalRule.Check($"{fields.Jadwal.Label} baru", newJadwal, context.Now, context.Calendar) is { } problem)
        {
            return CommandResult.Refused(RefusalCode.InvalidInput, newJadwal <= context.Now ? $"{problem} {Texts.RescheduleAlreadyHeld}" : problem);
        }

        var reason = command.Reason!.Trim();
        var stored = new Dictionary<string, string>(data.Values, StringComparer.Ordinal) { [fields.Jadwal.Id] = newJadwalText };
        if (fields.Tempat is { } tempatField && newTempat is not null)
        {
            stored[tempatField.Id] = newTempat;
        }

        // The step's clock runs from the jadwal, as when the step was entered (StepFlow.Open), so the due time and the
        // reminders follow the new date; who filled in the form and when stays as it was, the change itself is in the history.
        var due = context.Calendar.DueAt(newJadwal, step.Waktu);
        var change = new Rescheduling(oldJadwal, newJadwal, oldTempat, newTempat, actor, context.Now, reason);
        var moved = current with
        {
            ClockStartsAt = newJadwal,
            DueAt = due,
            StandardWorkingTime = context.Calendar.WorkingTimeBetween(newJadwal, due),
            Reschedules = [.. current.Reschedules, change],
        };
        var updated = StepFlow.ReplaceCurrent(kegiatan, moved) with
        {
            Data = new Dictionary<int, StepData>(kegiatan.Data) { [fields.DataStep] = data with { Values = stored } },
        };
        List<KegiatanEvent> events =
            [new Rescheduled(context.Number, context.Version, context.Now, step.Number, actor, oldJadwal, newJadwal, oldTempat, newTempat, reason, due)];
        return StepFlow.Commit(updated, events, context);
    }

    /// <summary>The field problems the jadwal's own form rules found, and the reason's; every problem at once, so one correction does.</summary>
    private static CommandResult? Check(Reschedule command, RescheduleFields fields, string? oldTempat, List<string> problems)
    {
        if (fields.Tempat is null && !string.IsNullOrWhiteSpace(command.NewTempat) && !string.Equals(command.NewTempat.Trim(), oldTempat, StringComparison.Ordinal))
        {
            problems.Add(Texts.RescheduleNoTempat);
        }

        var fieldProblems = problems.Count;
        var reason = command.Reason?.Trim() ?? "";
        if (reason.Length == 0)
        {
            problems.Add(Texts.RescheduleReasonRequired);
        }
        else if (reason.Length > RescheduleRules.MaxReasonLength)
        {
            problems.Add(Texts.RescheduleReasonTooLong(reason.Length));
        }

        return problems.Count switch
        {
            0 => null,
            1 when fieldProblems == 0 => CommandResult.Refused(RefusalCode.InvalidReason, problems[0]),
            _ => CommandResult.Refused(fieldProblems > 0 ? RefusalCode.InvalidInput : RefusalCode.InvalidReason, Texts.InvalidFields(problems)),
        };
    }

    // The jadwal's step reduced to the two fields a reschedule may change: the same labels, limits and datetime rules as its form.
    private static StepDefinition Form(RescheduleFields fields) =>
        new() { Number = fields.DataStep, Fields = fields.Tempat is { } tempat ? [fields.Jadwal, tempat] : [fields.Jadwal] };

    // What was typed, or the stored value where nothing was: an empty input keeps that value.
    private static FormInput Input(Reschedule command, RescheduleFields fields, StepData data)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [fields.Jadwal.Id] = Either(command.NewJadwal, data.Values.GetValueOrDefault(fields.Jadwal.Id)),
        };
        if (fields.Tempat is { } tempat)
        {
            values[tempat.Id] = Either(command.NewTempat, data.Values.GetValueOrDefault(tempat.Id));
        }

        return new FormInput(values, []);
    }

    private static string? Either(string? typed, string? stored) => string.IsNullOrWhiteSpace(typed) ? stored : typed;
}
