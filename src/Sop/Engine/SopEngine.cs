using PerijinanBot.Sop.Calendar;
using PerijinanBot.Sop.Definitions;

namespace PerijinanBot.Sop.Engine;

/// <summary>
/// Runs kegiatan through their SOP. Stateless itself: give it the kegiatan, a command and who is who (<see cref="Staffing"/>);
/// it answers with the new state and events, or a refusal in Indonesian. The time is read from the <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>
/// Guards, in order: the SOP version is loaded; the kegiatan is open; the card is current (step and version); the person is
/// registered; the step permits the action; the person may do it (assignee, or their Plh. on that day, who never inherits
/// Admin; Admin or superior to reassign; the <c>cancelBy</c> rules to cancel; assignee or superior to reschedule); the step
/// timed from the jadwal not recorded before the jadwal's day (<see cref="PlanRule"/>); kelengkapan complete; fields valid; a
/// jadwal the calendar allows (future, working day, working hours: <see cref="JadwalRule"/>); a change from the plan explained;
/// reason present and not too long.
/// </remarks>
public sealed class SopEngine
{
    private readonly TimeProvider _time;
    private readonly WorkCalendarSource _calendars;
    private readonly Dictionary<(string Id, int Version), TransitionTable> _tables;

    public SopEngine(SopCatalog catalog, WorkCalendar calendar, TimeProvider time)
        : this(catalog, new WorkCalendarSource(calendar), time)
    {
    }

    /// <summary>An engine that reads the calendar in force from <paramref name="calendars"/> at each command.</summary>
    public SopEngine(SopCatalog catalog, WorkCalendarSource calendars, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(calendars);
        ArgumentNullException.ThrowIfNull(time);
        Catalog = catalog;
        _calendars = calendars;
        _time = time;
        _tables = catalog.All.ToDictionary(d => (d.Id, d.Version), TransitionTable.For);
    }

    public SopCatalog Catalog { get; }

    /// <summary>The calendar in force now; a command reads it once, so one decision never mixes two calendars.</summary>
    public WorkCalendar Calendar => _calendars.Current;

    /// <summary>The definition version a kegiatan is pinned to, or null if it is no longer loaded.</summary>
    public SopDefinition? DefinitionOf(Kegiatan kegiatan)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        return Catalog.Find(kegiatan.DefinitionId, kegiatan.DefinitionVersion);
    }

    public TransitionTable TableOf(SopDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return _tables[(definition.Id, definition.Version)];
    }

    /// <summary>As whom <paramref name="personId"/> would start a kegiatan of this SOP today, or null if they may not.</summary>
    public Actor? CanStart(string definitionId, string personId, Staffing staffing)
    {
        ArgumentNullException.ThrowIfNull(staffing);
        var definition = Catalog.Latest(definitionId);
        return definition is null
            ? null
            : Authority.Resolve(staffing, personId, Calendar.LocalDate(_time.GetUtcNow()), p => p.Holds(definition.FirstStep.Role));
    }

    /// <summary>Starts a kegiatan: the start step's form is checked and recorded as done, and the next step is assigned.</summary>
    public CommandResult Start(StartKegiatan command, Staffing staffing)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(staffing);
        ArgumentException.ThrowIfNullOrWhiteSpace(command.Number);
        var definition = Catalog.Latest(command.DefinitionId);
        if (definition is null)
        {
            return CommandResult.Refused(RefusalCode.UnknownDefinition, Texts.UnknownSop(command.DefinitionId));
        }

        var context = Context(definition, staffing, command.Number, version: 1);
        if (staffing.People.Find(command.ActorId) is null)
        {
            return CommandResult.Refused(RefusalCode.NotRegistered, Texts.NotRegistered);
        }

        var first = definition.FirstStep;
        var actor = Authority.Resolve(staffing, command.ActorId, context.Today, p => p.Holds(first.Role));
        if (actor is null)
        {
            return CommandResult.Refused(RefusalCode.NotYours, Texts.StartNotAllowed(definition));
        }

        if (StepCommands.Check(first, command.Input, actor, kegiatan: null, context, out var data) is { } refusal)
        {
            return refusal;
        }

        var starter = actor.OnBehalfOf ?? new PersonRef(actor.Id, actor.Name);
        var opened = command.OpenedAt is { } at && at < context.Now ? at : context.Now;
        var record = StepFlow.Open(first, 1, starter, opened, context) with { EnteredAt = opened };
        var done = StepFlow.Finish(record, first, StepOutcome.Completed, actor, context);
        var kegiatan = new Kegiatan
        {
            Number = command.Number,
            DefinitionId = definition.Id,
            DefinitionVersion = definition.Version,
            Status = KegiatanStatus.Open,
            CurrentStep = first.Number,
            StartedAt = context.Now,
            Starter = starter,
            AssignedAtStart = StepCommands.People(first, data!, context, new Dictionary<string, PersonRef>()),
            Data = new Dictionary<int, StepData> { [first.Number] = data! },
            Steps = [done],
        };

        var events = new List<KegiatanEvent>
        {
            new KegiatanStarted(context.Number, context.Version, context.Now, actor, definition.Id, definition.Version, first.Number, done.Measurement!),
        };
        kegiatan = StepFlow.Route(kegiatan, first.Next, isRework: false, context, events);
        return StepFlow.Commit(kegiatan, events, context);
    }

    /// <summary>Applies one command to a kegiatan. On acceptance store <see cref="CommandResult.State"/> and its events together.</summary>
    public CommandResult Apply(Kegiatan kegiatan, KegiatanCommand command, Staffing staffing)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(staffing);
        var definition = DefinitionOf(kegiatan);
        if (definition is null)
        {
            return CommandResult.Refused(RefusalCode.UnknownDefinition, Texts.DefinitionMissing(kegiatan));
        }

        if (kegiatan.Status != KegiatanStatus.Open)
        {
            return CommandResult.Refused(RefusalCode.Finished, Texts.Finished(kegiatan));
        }

        if (StaleCard.IsStale(kegiatan, command))
        {
            return CommandResult.Refused(RefusalCode.Stale, StaleCard.Describe(kegiatan, command));
        }

        if (staffing.People.Find(command.ActorId) is null)
        {
            return CommandResult.Refused(RefusalCode.NotRegistered, Texts.NotRegistered);
        }

        var context = Context(definition, staffing, kegiatan.Number, kegiatan.Version + 1);
        return command switch
        {
            Reassign reassign => KegiatanCommands.Reassign(kegiatan, reassign, context),
            Cancel cancel => KegiatanCommands.Cancel(kegiatan, cancel, context),
            Reschedule reschedule => RescheduleCommand.Apply(kegiatan, reschedule, context),
            EditKoperasi edit => EditKoperasiCommand.Apply(kegiatan, edit, context),
            StepCommand step => StepCommands.Handle(kegiatan, step, context),
            _ => throw new ArgumentException($"Unknown command {command.GetType().Name}.", nameof(command)),
        };
    }

    /// <summary>
    /// What <paramref name="personId"/> may do now: the buttons their card shows. Payload checks (kelengkapan, fields, reason) are
    /// not made here; the command itself still may be refused for those.
    /// </summary>
    public IReadOnlyList<PermittedAction> PermittedActions(Kegiatan kegiatan, string personId, Staffing staffing)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        ArgumentNullException.ThrowIfNull(staffing);
        var definition = DefinitionOf(kegiatan);
        if (definition is null || kegiatan.Current is not { } current || staffing.People.Find(personId) is null)
        {
            return [];
        }

        var today = Calendar.LocalDate(_time.GetUtcNow());
        var step = definition.Step(current.Step);
        var actions = new List<PermittedAction>();
        if (Authority.Resolve(staffing, personId, today, Authority.IsAssignee(current)) is { } assignee)
        {
            actions.AddRange(TableOf(definition).PermittedTriggers(step.Number).Select(t => new PermittedAction(t, step.Number, assignee)));
            if (KoperasiEditRules.AllowedAt(definition, step))
            {
                actions.Add(new PermittedAction(SopTrigger.EditKoperasi, step.Number, assignee));
            }
        }

        if (Authority.Resolve(staffing, personId, today, Authority.MayReassign(definition, step)) is { } superior)
        {
            actions.Add(new PermittedAction(SopTrigger.Reassign, step.Number, superior));
        }

        if (Authority.Resolve(staffing, personId, today, Authority.MayCancel(definition, kegiatan)) is { } canceller)
        {
            actions.Add(new PermittedAction(SopTrigger.Cancel, step.Number, canceller));
        }

        if (RescheduleRules.FieldsOf(definition, step) is not null
            && Authority.Resolve(staffing, personId, today, RescheduleRules.MayReschedule(definition, step, current)) is { } rescheduler)
        {
            actions.Add(new PermittedAction(SopTrigger.Reschedule, step.Number, rescheduler));
        }

        return actions;
    }

    private CommandContext Context(SopDefinition definition, Staffing staffing, string number, int version) =>
        new(definition, TableOf(definition), Calendar, staffing, _time.GetUtcNow(), number, version);
}
