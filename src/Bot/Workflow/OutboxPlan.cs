using System.Text.Json;
using System.Text.Json.Serialization;
using PerijinanBot.Bot.Delegations;
using PerijinanBot.Bot.Workflow.Storage;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Bot.Workflow;

/// <summary>The kinds of outbound work a decision leaves behind.</summary>
public static class OutboxKinds
{
    /// <summary>
    /// The step's card to the person whose turn it now is (after a reassignment: the new holder), in their 1:1 chat; and to
    /// each Plh. of theirs in force that day, one item per recipient.
    /// </summary>
    public const string StepCard = "card.step";

    /// <summary>Older copies of a decided step's card (e.g. in a group chat) are replaced by the read-only outcome.</summary>
    public const string RefreshCards = "card.refresh";

    /// <summary>Copies of a still-open step's card sent before its jadwal moved are replaced by the record of the change.</summary>
    public const string SupersedeCards = "card.supersede";

    /// <summary>A notice to one person: approved, sent back, the Kadis's disposition, closed, cancelled, vacant role.</summary>
    public const string Notice = "notice";

    /// <summary>The open-task index ("tugas") follows the kegiatan's current assignee.</summary>
    public const string TaskIndex = "index.tasks";

    /// <summary>A step that sends a letter out finished: its Buku Agenda line (and for the report, the Laporan Kegiatan files).</summary>
    public const string AgendaLetter = "agenda.letter";

    /// <summary>The closing notice to one person, sent with the Laporan Kegiatan's download links.</summary>
    public const string ClosingNotice = "notice.closing";

    /// <summary>Graph: the facilitation's calendar event follows the kegiatan (created after the disposition, updated, cancelled).</summary>
    public const string GraphCalendar = "graph.calendar";

    /// <summary>Graph: an outgoing letter's files (the Laporan Kegiatan, the year's Buku Agenda) go to the SharePoint archive.</summary>
    public const string GraphArchive = "graph.archive";
}

/// <summary>
/// What one outbox item carries. A notice carries its card, made when the decision was taken, so it says exactly what
/// happened then; step cards and refreshes are made when delivered, from the state at that time. <see cref="OnBehalfOf"/> is
/// set on a step card for a Plh.: the holder (the step's assignee) they receive it for.
/// </summary>
public sealed record OutboxPayload(string Number, int Version, int? Step = null, int? Attempt = null, string? To = null, string? CardJson = null, string? OnBehalfOf = null);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OutboxPayload))]
internal sealed partial class WorkflowJsonContext : JsonSerializerContext;

/// <summary>Which optional outbound work this instance plans (Graph features switched on by configuration).</summary>
public sealed record PlanFeatures(bool Calendar, bool Archive)
{
    public static PlanFeatures None { get; } = new(false, false);
}

/// <summary>Turns the engine's events into the outbox rows committed with them.</summary>
public static class OutboxPlan
{
    /// <summary>The letter whose issue puts the facilitation in calendars: the Kepala Dinas's disposition.</summary>
    public const string CalendarDocument = "disposisi";

    /// <param name="today">The WIB date of the decision: which Plh. delegations are in force for the step cards.</param>
    public static IReadOnlyList<OutboxMessage> For(Kegiatan state, SopDefinition definition, IReadOnlyList<KegiatanEvent> events, Staffing staffing, SopCardViews views, DateOnly today, PlanFeatures? features = null)
    {
        features ??= PlanFeatures.None;
        var plan = new List<OutboxMessage>();
        void Add(string kind, string key, OutboxPayload payload) =>
            plan.Add(new OutboxMessage(kind, $"{state.Number}|v{state.Version}|{key}", JsonSerializer.Serialize(payload, WorkflowJsonContext.Default.OutboxPayload)));

        foreach (var e in events)
        {
            switch (e)
            {
                case StepAssigned { Assignee: { } assignee } assigned:
                    StepCards(assigned.Step, assigned.Attempt, assignee, $"card|{assigned.Step}|{assigned.Attempt}");
                    break;
                case Reassigned moved when state.Current is { } current && current.Step == moved.Step:
                    // The engine emits no StepAssigned for a move: the new holder's card goes from here.
                    StepCards(moved.Step, current.Attempt, moved.To, $"card|{moved.Step}|{current.Attempt}|{moved.To.Id.ToLowerInvariant()}");
                    if (features.Calendar)
                    {
                        // The new holder joins the facilitation's event (nothing happens before the disposition made one).
                        Add(OutboxKinds.GraphCalendar, "calendar", new OutboxPayload(state.Number, state.Version));
                    }

                    break;
                case Rescheduled moved:
                    if (state.Current is { Assignee: { } holder } open && open.Step == moved.Step)
                    {
                        // The step stays open: its old copies (old jadwal) become the record of the change, then the holder and
                        // their Plh. get the step card again, with the new jadwal and due time.
                        Add(OutboxKinds.SupersedeCards, $"supersede|{moved.Step}|{open.Attempt}", new OutboxPayload(state.Number, state.Version, moved.Step, open.Attempt));
                        StepCards(moved.Step, open.Attempt, holder, $"card|{moved.Step}|{open.Attempt}|jadwal");
                    }

                    if (features.Calendar)
                    {
                        // Moves the event to the new jadwal and tempat (PATCH), or makes it if the disposition's create never landed.
                        Add(OutboxKinds.GraphCalendar, "calendar", new OutboxPayload(state.Number, state.Version, moved.Step));
                    }

                    break;
                case StepSubmitted { Step: var step }:
                    Refresh(step);
                    Letter(step);
                    break;
                case StepApproved { Step: var step }:
                    Refresh(step);
                    Letter(step);
                    break;
                case StepSentBack { Step: var step }:
                    Refresh(step);
                    break;
                case ExecutionRecorded { Step: var step }:
                    Refresh(step);
                    Letter(step);
                    break;
                case ReportSubmitted { Step: var step }:
                    Refresh(step);
                    Letter(step);
                    break;
                case Cancelled { Step: var step }:
                    Refresh(step);
                    if (features.Calendar)
                    {
                        // Cancels the event if one was made; harmless when none was.
                        Add(OutboxKinds.GraphCalendar, "calendar", new OutboxPayload(state.Number, state.Version));
                    }

                    break;
                default:
                    break;
            }
        }

        foreach (var notice in views.Notices(events, state, definition))
        {
            // A step nobody holds is the Admins' to fix.
            var to = notice.Kind == NoticeKind.Vacant && notice.To.Count == 0
                ? [.. staffing.People.HoldersOf(Role.Admin).Select(p => new PersonRef(p.AadObjectId, p.Name))]
                : notice.To;
            var card = NoticeCard.Build(notice.View).ToJsonString();
            // The closing notice carries the Laporan Kegiatan's links, added when it is sent (the files are made just before).
            var kind = notice.Kind == NoticeKind.Closed ? OutboxKinds.ClosingNotice : OutboxKinds.Notice;
            foreach (var person in to.DistinctBy(p => p.Id, StringComparer.OrdinalIgnoreCase))
            {
                Add(kind, $"notice|{notice.Kind}|{person.Id}", new OutboxPayload(state.Number, state.Version, To: person.Id, CardJson: card));
            }
        }

        Add(OutboxKinds.TaskIndex, "tasks", new OutboxPayload(state.Number, state.Version));
        Add(Reminders.ReminderIndexHandler.Kind, "reminders", new OutboxPayload(state.Number, state.Version));
        return plan;

        void StepCards(int step, int attempt, PersonRef assignee, string key)
        {
            Add(OutboxKinds.StepCard, key, new OutboxPayload(state.Number, state.Version, step, attempt, assignee.Id));
            foreach (var (standIn, _) in StandIns.Of(staffing, assignee.Id, today))
            {
                Add(OutboxKinds.StepCard, $"{key}|plh|{standIn.Id.ToLowerInvariant()}", new OutboxPayload(state.Number, state.Version, step, attempt, standIn.Id, OnBehalfOf: assignee.Id));
            }
        }

        void Letter(int step)
        {
            // Only a step that sends a letter out; and not a send-back (the engine emits no forward event for it).
            if (definition.FindStep(step)?.SuratKeluar is not { } surat)
            {
                return;
            }

            Add(OutboxKinds.AgendaLetter, $"agenda|{step}", new OutboxPayload(state.Number, state.Version, step));
            if (features.Archive)
            {
                Add(OutboxKinds.GraphArchive, $"archive|{step}", new OutboxPayload(state.Number, state.Version, step));
            }

            if (features.Calendar && surat.Document == CalendarDocument)
            {
                // Creates the event, or moves it when the disposition came again after a send-back changed the jadwal.
                Add(OutboxKinds.GraphCalendar, "calendar", new OutboxPayload(state.Number, state.Version, step));
            }
        }

        void Refresh(int step)
        {
            var attempt = state.Steps.LastOrDefault(s => s.Step == step)?.Attempt ?? 1;
            Add(OutboxKinds.RefreshCards, $"refresh|{step}|{attempt}", new OutboxPayload(state.Number, state.Version, step, attempt));
        }
    }
}
