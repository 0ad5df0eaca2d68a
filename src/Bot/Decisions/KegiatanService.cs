using System.Text.Json;
using PerijinanBot.Bot.Outbox;
using PerijinanBot.Bot.People;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Sop;
using PerijinanBot.Sop.Calendar;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.People;
using PerijinanBot.Bot.Telemetry;

namespace PerijinanBot.Bot.Decisions;

/// <summary>What became of a command: accepted (with the state after it), or refused with a reason for the person.</summary>
public sealed record KegiatanOutcome(Kegiatan? State, Refusal? Refusal, bool AlreadyApplied = false)
{
    public bool IsAccepted => Refusal is null && State is not null;
}

/// <summary>
/// The decision path: one point read, the engine, one batch (state + history + outbox) under the state's ETag. Everything
/// the decision causes afterwards (cards, notices, indexes) is in the outbox, delivered after the caller has its answer.
/// </summary>
public sealed class KegiatanService(SopEngine engine, KegiatanStore store, PeopleDirectory people, TimeProvider time, DelegationCache delegations, IEnumerable<IOutboxPlanner>? planners = null, BotMetrics? metrics = null)
{
    private readonly IOutboxPlanner[] _planners = [.. planners ?? []];

    private SopEngine Engine { get; } = engine;

    /// <summary>Who is who now: the directory and the Plh. delegations from the in-memory snapshot (no storage read).</summary>
    private Staffing Staffing => Staffing.Of(people, delegations.Current);

    /// <summary>The office's working calendar (WIB, hours, holidays) the engine measures with.</summary>
    public WorkCalendar Calendar => Engine.Calendar;

    /// <summary>The office's date now (WIB).</summary>
    public DateOnly Today => Engine.Calendar.LocalDate(time.GetUtcNow());

    /// <summary>The definition a new kegiatan starts with.</summary>
    public SopDefinition CurrentDefinition => Engine.Catalog.Default;

    /// <summary>The definition (and version) a kegiatan runs under; null for one the catalog no longer has.</summary>
    public SopDefinition? DefinitionOf(Kegiatan state) => Engine.DefinitionOf(state);

    /// <summary>What the person may do on the kegiatan now (own role, or as Plh. of the holder within the dates).</summary>
    public IReadOnlyList<PermittedAction> PermittedActions(Kegiatan state, string personId) => Engine.PermittedActions(state, personId, Staffing);

    /// <summary>As whom the person may act on the kegiatan now (themselves, or a Plh./Plt.), or null when they may not.</summary>
    public Actor? ActingAs(Kegiatan state, string personId) => PermittedActions(state, personId) is [var first, ..] ? first.As : null;

    public bool May(Kegiatan state, string personId, SopTrigger trigger) => PermittedActions(state, personId).Any(a => a.Trigger == trigger);

    /// <summary>As whom the person may start a kegiatan (their role or a Plh. of it); null: they may not.</summary>
    public Actor? MayStart(string personId) => Engine.CanStart(CurrentDefinition.Id, personId, Staffing);

    /// <summary>Why the engine would refuse the command now, without deciding anything; null: it would accept it.</summary>
    public Refusal? WouldRefuse(Kegiatan state, KegiatanCommand command) => Engine.Apply(state, command, Staffing).Refusal;

    /// <summary>Starts a kegiatan on the catalog's default SOP (<see cref="Sop.Definitions.SopCatalog.Default"/>).</summary>
    public async Task<KegiatanOutcome> StartAsync(string actorId, string commandId, FormInput input, DateTimeOffset? openedAt, CancellationToken cancellationToken)
    {
        var definitionId = Engine.Catalog.Default.Id;
        // Check the form before a number is taken, so a refused start never consumes one.
        var trial = Engine.Start(new StartKegiatan(actorId, definitionId, "FAS-0000-0000", input, openedAt), Staffing);
        if (!trial.IsAccepted)
        {
            return Counted(0, "Start", new KegiatanOutcome(null, trial.Refusal));
        }

        Kegiatan? started = null;
        Refusal? refusal = null;
        var result = await store.StartAsync(commandId, number =>
        {
            var outcome = Engine.Start(new StartKegiatan(actorId, definitionId, number, input, openedAt), Staffing);
            started = outcome.State;
            refusal = outcome.Refusal;
            return outcome.IsAccepted
                ? Change(outcome.State!, outcome.Events, actorId)
                : throw new InvalidOperationException($"the engine refused a start it had accepted a moment ago: {outcome.Refusal?.Message}");
        }, cancellationToken);

        if (result.Outcome == CommitOutcome.AlreadyApplied || started is null)
        {
            // A redelivered start: answer with what the first delivery created.
            var stored = await store.GetAsync(result.Number, cancellationToken);
            return Counted(0, "Start", new KegiatanOutcome(stored is null ? null : Read(stored), refusal, AlreadyApplied: true));
        }

        BotTracing.TagKegiatan(result.Number);
        return Counted(0, "Start", new KegiatanOutcome(started, null));
    }

    /// <summary>Applies a command to a kegiatan. <paramref name="commandId"/> makes a redelivered click a no-op that gets the same answer.</summary>
    public async Task<KegiatanOutcome> ApplyAsync(string number, string commandId, KegiatanCommand command, CancellationToken cancellationToken)
    {
        Refusal? refusal = null;
        Kegiatan? decided = null;
        var result = await store.DecideAsync(number, commandId, stored =>
        {
            var (change, outcome) = Decide(stored, command);
            refusal = outcome.Refusal;
            decided = outcome.State;
            return change;
        }, cancellationToken);

        return Counted((command as StepCommand)?.Step ?? 0, command.GetType().Name, result.Outcome switch
        {
            DecisionOutcome.Committed => new KegiatanOutcome(decided, null),
            DecisionOutcome.AlreadyApplied => new KegiatanOutcome(result.Current is null ? null : Read(result.Current), null, AlreadyApplied: true),
            DecisionOutcome.Declined => new KegiatanOutcome(result.Current is null ? null : Read(result.Current), refusal),
            DecisionOutcome.NotFound => new KegiatanOutcome(null, new Refusal(RefusalCode.NotAvailable, SopTexts.NotFound(number))),
            _ => new KegiatanOutcome(result.Current is null ? null : Read(result.Current), new Refusal(RefusalCode.NotAvailable, SopTexts.Busy)),
        });
    }

    // Every command's outcome is counted once, where it is decided (a refusal also by its code).
    private KegiatanOutcome Counted(int step, string command, KegiatanOutcome outcome)
    {
        var result = outcome.Refusal is not null ? DecisionCount.Refused : outcome.AlreadyApplied ? DecisionCount.Repeated : DecisionCount.Accepted;
        metrics?.Decided(step, command, result);
        if (outcome.Refusal is { } refusal)
        {
            metrics?.Refused(refusal.Code.ToString());
        }

        return outcome;
    }

    /// <summary>The decision alone, without storage: the engine's answer and, when accepted, the change to commit with it.</summary>
    public (KegiatanChange? Change, CommandResult Result) Decide(StoredKegiatan stored, KegiatanCommand command)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(command);
        var outcome = Engine.Apply(Read(stored), command, Staffing);
        return (outcome.IsAccepted ? Change(outcome.State!, outcome.Events, command.ActorId) : null, outcome);
    }

    public async Task<Kegiatan?> FindAsync(string number, CancellationToken cancellationToken) =>
        await store.GetAsync(number, cancellationToken) is { } stored ? Read(stored) : null;

    /// <summary>The kegiatan an outbox item belongs to: the dispatcher's snapshot when the item carries one, else read.</summary>
    public async Task<Kegiatan?> FindAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Snapshot is { } snapshot ? Parsed.GetValue(snapshot, Read) : await FindAsync(item.Number, cancellationToken);
    }

    // The items of one pass share one snapshot: it is parsed once, and let go with it.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<StoredKegiatan, Kegiatan> Parsed = new();

    /// <summary>Card views as of now, with names from the directory.</summary>
    public SopCardViews Views() => SopCardViews.For(Engine.Calendar, time.GetUtcNow(), people);

    public static Kegiatan Read(StoredKegiatan stored) =>
        JsonSerializer.Deserialize(stored.State.Json, SopJsonContext.Default.Kegiatan)
        ?? throw new InvalidDataException($"kegiatan {stored.Number} has an empty state");

    private KegiatanChange Change(Kegiatan state, IReadOnlyList<KegiatanEvent> events, string actorId)
    {
        var definition = Engine.DefinitionOf(state)!;
        return new KegiatanChange(
            new KegiatanState(JsonSerializer.Serialize(state, SopJsonContext.Default.Kegiatan), state.Status.ToString(), state.DefinitionId, state.DefinitionVersion),
            new HistoryAppend(
                string.Join(",", events.Select(e => e.GetType().Name)),
                JsonSerializer.Serialize(events, SopJsonContext.Default.IReadOnlyListKegiatanEvent),
                actorId,
                events.Count > 0 ? events[^1].At : state.UpdatedAt),
            OutboxPlan.For(new OutboxPlanContext(state, definition, events, Staffing, Engine.Calendar.LocalDate(time.GetUtcNow())), Views(), _planners));
    }
}
