using System.Text.Json;
using System.Text.Json.Serialization;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Bot.Outbox;

/// <summary>
/// What one outbox item carries. A notice carries its card, made when the decision was taken, so it says exactly what
/// happened then; step cards and refreshes are made when delivered, from the state at that time. <see cref="OnBehalfOf"/> is
/// set on a step card for a Plh.: the holder (the step's assignee) they receive it for.
/// </summary>
public sealed record OutboxPayload(string Number, int Version, int? Step = null, int? Attempt = null, string? To = null, string? CardJson = null, string? OnBehalfOf = null);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OutboxPayload))]
internal sealed partial class OutboxJsonContext : JsonSerializerContext;

/// <summary>
/// A feature's share of the work a decision leaves behind: called inside the decision, so whatever it adds is committed in the
/// same batch as the state. Planners are called in registration order, after the kegiatan's own cards and before its notices.
/// </summary>
public interface IOutboxPlanner
{
    void Plan(OutboxPlanContext plan);
}

/// <summary>The decision being committed, and the outbox rows planned for it so far.</summary>
public sealed class OutboxPlanContext(Kegiatan state, SopDefinition definition, IReadOnlyList<KegiatanEvent> events, Staffing staffing, DateOnly today)
{
    private readonly List<OutboxMessage> _messages = [];
    private readonly Dictionary<NoticeKind, string> _noticeKinds = [];

    public Kegiatan State { get; } = state;

    public SopDefinition Definition { get; } = definition;

    public IReadOnlyList<KegiatanEvent> Events { get; } = events;

    public Staffing Staffing { get; } = staffing;

    /// <summary>The WIB date of the decision: which Plh. appointments are in force for the cards it sends.</summary>
    public DateOnly Today { get; } = today;

    public IReadOnlyList<OutboxMessage> Messages => _messages;

    /// <param name="key">Unique within this decision; the dedupe key is the kegiatan number and version plus this.</param>
    public void Add(string kind, string key, OutboxPayload payload) =>
        _messages.Add(new OutboxMessage(kind, $"{State.Number}|v{State.Version}|{key}", JsonSerializer.Serialize(payload, OutboxJsonContext.Default.OutboxPayload)));

    /// <summary>An item for the kegiatan as it now stands (number and version only).</summary>
    public void Add(string kind, string key, int? step = null) => Add(kind, key, new OutboxPayload(State.Number, State.Version, step));

    /// <summary>A feature that delivers one kind of notice itself (e.g. with links it adds) claims it here.</summary>
    public void DeliverNotices(NoticeKind noticeKind, string outboxKind) => _noticeKinds[noticeKind] = outboxKind;

    public string NoticeKindOr(NoticeKind noticeKind, string fallback) => _noticeKinds.GetValueOrDefault(noticeKind, fallback);

    /// <summary>
    /// The outgoing letters this decision sends: each step it finished forward (submitted, approved, executed, reported; never
    /// a send-back) whose definition names a <c>suratKeluar</c>, with that letter's document kind.
    /// </summary>
    public IEnumerable<(int Step, string Document)> LettersSent() => Events
        .Select(e => e switch
        {
            StepSubmitted s => s.Step,
            StepApproved s => s.Step,
            ExecutionRecorded s => s.Step,
            ReportSubmitted s => s.Step,
            _ => (int?)null,
        })
        .OfType<int>()
        .Select(step => (Step: step, Letter: Definition.FindStep(step)?.SuratKeluar))
        .Where(x => x.Letter is not null)
        .Select(x => (x.Step, x.Letter!.Document));

    public static OutboxPayload Read(string payloadJson) =>
        JsonSerializer.Deserialize(payloadJson, OutboxJsonContext.Default.OutboxPayload)
        ?? throw new InvalidDataException("an outbox payload is empty");
}
