using PerijinanBot.Sop.Definitions;

namespace PerijinanBot.Sop.Engine;

/// <summary>The commands that finish the current step: submit, Setuju, Tidak, record execution, submit report.</summary>
internal static class StepCommands
{
    public static CommandResult Handle(Kegiatan kegiatan, StepCommand command, CommandContext context)
    {
        var current = kegiatan.Current!;
        var step = context.Definition.Step(current.Step);
        if (context.Table.Find(step.Number, command.Trigger) is not { } transition)
        {
            return CommandResult.Refused(RefusalCode.NotAvailable, Texts.NotAvailable(step, command.Trigger, context.Table));
        }

        var actor = Authority.Resolve(context.Staffing, command.ActorId, context.Today, Authority.IsAssignee(current));
        if (actor is null)
        {
            var holdsRole = context.Staffing.People.Find(command.ActorId)?.Holds(step.Role) == true;
            return CommandResult.Refused(RefusalCode.NotYours, Texts.NotYours(context.Definition, step, current.Assignee, holdsRole));
        }

        return command is Reject reject
            ? SendBack(kegiatan, reject, step, transition, actor, context)
            : Complete(kegiatan, command, step, transition, actor, context);
    }

    /// <summary>
    /// Checks a step form: every required kelengkapan ticked, then every field, then the jadwal against the calendar and a change
    /// from the plan of <paramref name="kegiatan"/> (null for the start form) against its reason. Null when all is well.
    /// </summary>
    public static CommandResult? Check(StepDefinition step, FormInput input, Actor actor, Kegiatan? kegiatan, CommandContext context, out StepData? data)
    {
        data = null;
        var missing = InputValidator.MissingKelengkapan(step, input);
        if (missing.Count > 0)
        {
            return CommandResult.Refused(RefusalCode.IncompleteKelengkapan, Texts.IncompleteKelengkapan(missing));
        }

        var (values, problems) = InputValidator.Fields(step, input, context.Staffing, context.Calendar, context.Now, kegiatan is null ? [] : KegiatanKoperasi.Of(kegiatan));
        problems.AddRange(JadwalRule.Problems(step, values, context));
        problems.AddRange(PlanRule.UnexplainedChanges(step, values, kegiatan, context));
        if (problems.Count > 0)
        {
            return CommandResult.Refused(RefusalCode.InvalidInput, Texts.InvalidFields(problems));
        }

        data = new StepData(values, InputValidator.Ticked(step, input), actor, context.Now);
        return null;
    }

    private static CommandResult SendBack(Kegiatan kegiatan, Reject command, StepDefinition step, Transition transition, Actor actor, CommandContext context)
    {
        var (reason, problem) = InputValidator.Reason(command.Reason, Texts.RejectReasonRequired);
        if (problem is not null)
        {
            return CommandResult.Refused(RefusalCode.InvalidReason, problem);
        }

        var done = StepFlow.Finish(kegiatan.Current!, step, StepOutcome.SentBack, actor, context) with { Reason = reason, SentBackTo = transition.To };
        var followUps = new List<KegiatanEvent>();
        var next = StepFlow.Route(StepFlow.ReplaceCurrent(kegiatan, done), transition.To, isRework: true, context, followUps);
        List<KegiatanEvent> events =
        [
            new StepSentBack(context.Number, context.Version, context.Now, step.Number, actor, done.Measurement!, transition.To!.Value, reason!, next.Current?.Assignee),
            .. followUps,
        ];
        return StepFlow.Commit(next, events, context);
    }

    private static CommandResult Complete(Kegiatan kegiatan, StepCommand command, StepDefinition step, Transition transition, Actor actor, CommandContext context)
    {
        var input = command switch
        {
            SubmitData c => c.Input,
            Approve c => c.Input,
            RecordExecution c => c.Input,
            SubmitReport c => c.Input,
            _ => throw new InvalidOperationException($"{command.GetType().Name} does not finish a step."),
        };
        if (PlanRule.TooEarly(kegiatan.Current!, step, context) is { } early)
        {
            return CommandResult.Refused(RefusalCode.TooEarly, early);
        }

        if (Check(step, input, actor, kegiatan, context, out var data) is { } refusal)
        {
            return refusal;
        }

        var outcome = command.Trigger switch
        {
            SopTrigger.Approve => StepOutcome.Approved,
            SopTrigger.RecordExecution => StepOutcome.Executed,
            SopTrigger.SubmitReport => StepOutcome.Reported,
            _ => StepOutcome.Completed,
        };
        var done = StepFlow.Finish(kegiatan.Current!, step, outcome, actor, context);
        var updated = StepFlow.ReplaceCurrent(kegiatan, done) with
        {
            Data = new Dictionary<int, StepData>(kegiatan.Data) { [step.Number] = data! },
            AssignedAtStart = step.Kind == StepKind.Start ? People(step, data!, context, kegiatan.AssignedAtStart) : kegiatan.AssignedAtStart,
        };

        var measurement = done.Measurement!;
        KegiatanEvent finished = command.Trigger switch
        {
            SopTrigger.Approve => new StepApproved(context.Number, context.Version, context.Now, step.Number, actor, measurement, WorkApproved(kegiatan, step, context)),
            SopTrigger.RecordExecution => new ExecutionRecorded(context.Number, context.Version, context.Now, step.Number, actor, measurement),
            SopTrigger.SubmitReport => new ReportSubmitted(context.Number, context.Version, context.Now, step.Number, actor, measurement),
            _ => new StepSubmitted(context.Number, context.Version, context.Now, step.Number, actor, measurement),
        };
        var events = new List<KegiatanEvent> { finished };
        var next = StepFlow.Route(updated, transition.To, isRework: false, context, events);
        return StepFlow.Commit(next, events, context);
    }

    /// <summary>The people picked in the start step's person fields, keeping earlier picks for fields left empty.</summary>
    public static Dictionary<string, PersonRef> People(StepDefinition start, StepData data, CommandContext context, IReadOnlyDictionary<string, PersonRef> earlier)
    {
        var people = new Dictionary<string, PersonRef>(earlier, StringComparer.Ordinal);
        foreach (var field in start.Fields.Where(f => f.Kind == FieldKind.Person))
        {
            if (data.Values.TryGetValue(field.Id, out var id) && context.Staffing.People.Find(id) is { } person)
            {
                people[field.Id] = new PersonRef(person.AadObjectId, person.Name);
            }
        }

        return people;
    }

    // Whose work a Setuju approves: the last person to finish the step that feeds this one (step 3's Setuju approves the Anggota's step 2).
    private static PersonRef? WorkApproved(Kegiatan kegiatan, StepDefinition step, CommandContext context) =>
        kegiatan.Steps.Take(kegiatan.Steps.Count - 1)
            .LastOrDefault(r => r.FinishedBy is not null && r.Outcome != StepOutcome.SentBack && context.Definition.FindStep(r.Step)?.Next == step.Number)
            ?.FinishedBy?.Person;
}
