using PerijinanBot.Bot.Outbox;
using PerijinanBot.Bot.People;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Bot.Decisions;

/// <summary>The kinds of outbound work the kegiatan itself leaves behind (features add their own through <see cref="IOutboxPlanner"/>).</summary>
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

    /// <summary>The koperasi search index ("cari") follows the koperasi recorded at the start and edited at step 2.</summary>
    public const string KoperasiIndex = "index.koperasi";
}

/// <summary>Turns the engine's events into the outbox rows committed with them: the kegiatan's own, then each feature's.</summary>
public static class OutboxPlan
{
    public static IReadOnlyList<OutboxMessage> For(OutboxPlanContext plan, SopCardViews views, IEnumerable<IOutboxPlanner> features)
    {
        var state = plan.State;
        foreach (var e in plan.Events)
        {
            switch (e)
            {
                case StepAssigned { Assignee: { } assignee } assigned:
                    StepCards(assigned.Step, assigned.Attempt, assignee, $"card|{assigned.Step}|{assigned.Attempt}");
                    break;
                case Reassigned moved when state.Current is { } current && current.Step == moved.Step:
                    // The engine emits no StepAssigned for a move: the new holder's card goes from here.
                    StepCards(moved.Step, current.Attempt, moved.To, $"card|{moved.Step}|{current.Attempt}|{moved.To.Id.ToLowerInvariant()}");
                    break;
                case Rescheduled moved when state.Current is { Assignee: { } holder } open && open.Step == moved.Step:
                    // The step stays open: its old copies (old jadwal) become the record of the change, then the holder and
                    // their Plh. get the step card again, with the new jadwal and due time.
                    plan.Add(OutboxKinds.SupersedeCards, $"supersede|{moved.Step}|{open.Attempt}", new OutboxPayload(state.Number, state.Version, moved.Step, open.Attempt));
                    StepCards(moved.Step, open.Attempt, holder, $"card|{moved.Step}|{open.Attempt}|jadwal");
                    break;
                case StepSubmitted or StepApproved or StepSentBack or ExecutionRecorded or ReportSubmitted or Cancelled:
                    Refresh(StepOf(e));
                    break;
                default:
                    break;
            }
        }

        foreach (var feature in features)
        {
            feature.Plan(plan);
        }

        foreach (var notice in views.Notices(plan.Events, state, plan.Definition))
        {
            // A step nobody holds is the Admins' to fix.
            var to = notice.Kind == NoticeKind.Vacant && notice.To.Count == 0
                ? [.. plan.Staffing.People.HoldersOf(Role.Admin).Select(p => new PersonRef(p.AadObjectId, p.Name))]
                : notice.To;
            var card = NoticeCard.Build(notice.View).ToJsonString();
            var kind = plan.NoticeKindOr(notice.Kind, OutboxKinds.Notice);
            foreach (var person in to.DistinctBy(p => p.Id, StringComparer.OrdinalIgnoreCase))
            {
                plan.Add(kind, $"notice|{notice.Kind}|{person.Id}", new OutboxPayload(state.Number, state.Version, To: person.Id, CardJson: card));
            }
        }

        plan.Add(OutboxKinds.TaskIndex, "tasks");
        // The koperasi are recorded at the start and change only through an edit at step 2.
        if (plan.Events.Any(e => e is KegiatanStarted or KoperasiEdited))
        {
            plan.Add(OutboxKinds.KoperasiIndex, "koperasi");
        }

        return plan.Messages;

        void StepCards(int step, int attempt, PersonRef assignee, string key)
        {
            plan.Add(OutboxKinds.StepCard, key, new OutboxPayload(state.Number, state.Version, step, attempt, assignee.Id));
            foreach (var (standIn, _) in StandIns.Of(plan.Staffing, assignee.Id, plan.Today))
            {
                plan.Add(OutboxKinds.StepCard, $"{key}|plh|{standIn.Id.ToLowerInvariant()}", new OutboxPayload(state.Number, state.Version, step, attempt, standIn.Id, OnBehalfOf: assignee.Id));
            }
        }

        void Refresh(int step)
        {
            var attempt = state.Steps.LastOrDefault(s => s.Step == step)?.Attempt ?? 1;
            plan.Add(OutboxKinds.RefreshCards, $"refresh|{step}|{attempt}", new OutboxPayload(state.Number, state.Version, step, attempt));
        }
    }

    private static int StepOf(KegiatanEvent e) => e switch
    {
        StepSubmitted s => s.Step,
        StepApproved s => s.Step,
        StepSentBack s => s.Step,
        ExecutionRecorded s => s.Step,
        ReportSubmitted s => s.Step,
        Cancelled s => s.Step,
        _ => throw new ArgumentOutOfRangeException(nameof(e)),
    };
}
