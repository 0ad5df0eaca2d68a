using PerijinanBot.Sop;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Dialogs.Sop;

public sealed partial class SopCardViews
{
    /// <summary>Earlier steps' typed text is cut for display at this length, so the largest card stays within budget.</summary>
    internal const int EarlierTextLimit = 220;

    private static readonly SopTrigger[] _stepTriggers =
        [SopTrigger.SubmitData, SopTrigger.Approve, SopTrigger.RecordExecution, SopTrigger.SubmitReport, SopTrigger.Reject];

    /// <summary>
    /// The step-1 form that <c>mulai</c> shows. <paramref name="actingAs"/> is what <c>SopEngine.CanStart</c> answered (it says
    /// whether the person starts as Plh.). After a refusal pass what was submitted as <paramref name="draft"/> and the refusal
    /// message as <paramref name="error"/>. <paramref name="start"/> is the opening time as the bot signed it for the viewer;
    /// without it the card carries now, unsigned.
    /// </summary>
    public StepCardView Start(
        SopDefinition definition,
        Actor actingAs,
        IReadOnlyDictionary<string, string?>? draft = null,
        string? error = null,
        StartTarget? start = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(actingAs);
        if (start is not null && start.DefinitionId != definition.Id)
        {
            throw new ArgumentException($"The start target is for '{start.DefinitionId}', the card for '{definition.Id}'.", nameof(start));
        }

        var step = definition.FirstStep;
        var due = _calendar.DueAt(Now, step.Waktu);
        var next = step.Next is int n ? definition.Step(n) : null;
        var nextText = next is null ? null : next.Assignment.Rule switch
        {
            AssignmentRule.AssignedAtStart when step.Fields.FirstOrDefault(f => f.Id == next.Assignment.Field) is { } field =>
                $"Setelah dikirim, {SopPhrases.StepRef(next)} diteruskan kepada {SopPhrases.Role(definition, next)} yang Anda pilih pada isian “{field.Label}”.",
            AssignmentRule.Starter => $"Setelah dikirim, {SopPhrases.StepRef(next)} menjadi tugas Anda.",
            _ => $"Setelah dikirim, {SopPhrases.StepRef(next)} diteruskan kepada {SopPhrases.Role(definition, next)}.",
        };
        return new StepCardView(
            Header(null, definition),
            "Kegiatan baru " + SopPhrases.Dash + " " + SopPhrases.StepOf(step, definition),
            error,
            actingAs.IsStandIn ? SopPhrases.StandInNote(actingAs) : null,
            SendBack: null,
            ReworkNote: null,
            step.Activity,
            Standard(definition, step, $"{WibFormat.DateTime(due)} (dihitung sejak formulir ini dibuka)"),
            LateText: null,
            HolderNote: null,
            Data: [],
            Inputs(step, null, draft, clientRequired: true),
            nextText is null ? [] : [nextText],
            [new StepButton(SopVerbs.Start, "Kirim dan mulai kegiatan")],
            Reject: null,
            CancelCommand: null,
            Target: null,
            start ?? new StartTarget(definition.Id, _calendar.ToLocal(Now)),
            Timeline(null, definition));
    }

    /// <summary>
    /// The card of the kegiatan's current step as <paramref name="viewerId"/> sees it. <paramref name="permitted"/> is
    /// <c>SopEngine.PermittedActions</c> for that viewer: only those buttons appear. After a refusal pass what was submitted as
    /// <paramref name="draft"/> (input id → value, including <c>kelengkapan</c> and <c>alasan</c>) and the refusal message.
    /// </summary>
    public StepCardView Step(
        Kegiatan kegiatan,
        SopDefinition definition,
        string viewerId,
        IReadOnlyList<PermittedAction> permitted,
        IReadOnlyDictionary<string, string?>? draft = null,
        string? error = null)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(permitted);
        var step = definition.Step(kegiatan.CurrentStep);
        var current = kegiatan.Current;
        var mine = current is null ? [] : permitted.Where(p => p.Step == step.Number && _stepTriggers.Contains(p.Trigger)).ToList();
        var canAct = mine.Count > 0;
        var canCancel = current is not null && permitted.Any(p => p.Trigger == SopTrigger.Cancel);
        var canReschedule = current is not null && permitted.Any(p => p.Trigger == SopTrigger.Reschedule);
        var canEditKoperasi = current is not null && permitted.Any(p => p.Trigger == SopTrigger.EditKoperasi);
        var actingAs = canAct ? mine[0].As : null;
        var (timing, late) = current is null ? ("", false) : Timing(current);
        var target = new CardTarget(kegiatan.Number, step.Number, kegiatan.Version);
        var reject = mine.Any(p => p.Trigger == SopTrigger.Reject) && step.SendBackTo is int back
            ? new RejectView("Tidak", $"Kembalikan ke langkah {back}", AlasanInput("Alasan (catatan perbaikan)", draft))
            : null;

        return new StepCardView(
            Header(kegiatan, definition),
            SopPhrases.StepOf(step, definition) + SopPhrases.Attempt(current?.Attempt ?? 1),
            error,
            actingAs?.IsStandIn == true ? SopPhrases.StandInNote(actingAs) : null,
            SendBack(kegiatan, current),
            ReworkNote(kegiatan),
            Instruction(step, current),
            Standard(definition, step, current is null ? null : DueText(current, timing, late)),
            late ? timing : null,
            canAct ? null : HolderNote(kegiatan, definition, step, viewerId),
            DataSections(kegiatan, definition, skipStep: canAct ? step.Number : null),
            canAct ? Inputs(step, kegiatan.Data.GetValueOrDefault(step.Number), draft, clientRequired: !step.IsDecision, kegiatan) : [],
            canAct ? NextSteps(kegiatan, definition, step, mine) : [],
            [.. mine.Where(p => p.Trigger != SopTrigger.Reject).Select(p => new StepButton(SopVerbs.For(p.Trigger), p.Trigger.Label()))],
            reject,
            canCancel ? $"batal {kegiatan.Number}" : null,
            target,
            Start: null,
            Timeline(kegiatan, definition),
            canReschedule ? $"jadwal {kegiatan.Number}" : null,
            EditKoperasi: canEditKoperasi);
    }

    // The SOP's activity; for a step timed from the jadwal also when to record it and what its standard is measured from.
    private string Instruction(StepDefinition step, StepRecord? current) => step.ClockStartsAtField is null || current is null
        ? step.Activity
        : $"{step.Activity} Catat saat kegiatan dimulai: mutu baku {WibFormat.Waktu(step.Waktu)} dihitung dari jadwal, {WibFormat.DateTime(_calendar.ToLocal(current.ClockStartsAt))}.";

    private static List<LabelledValue> Standard(SopDefinition definition, StepDefinition step, string? due)
    {
        var rows = new List<LabelledValue>
        {
            LabelledValue.Fixed("Pelaksana", SopPhrases.RoleFull(definition, step)),
            LabelledValue.Fixed("Kelengkapan", step.Kelengkapan),
            LabelledValue.Fixed("Waktu", WibFormat.Waktu(step.Waktu)),
        };
        if (due is not null)
        {
            rows.Add(LabelledValue.Fixed("Batas waktu", due));
        }

        rows.Add(LabelledValue.Fixed("Output", step.Output));
        if (!string.IsNullOrWhiteSpace(step.Keterangan))
        {
            rows.Add(LabelledValue.Fixed("Keterangan", step.Keterangan));
        }

        return rows;
    }

    private string DueText(StepRecord current, string timing, bool late)
    {
        var due = WibFormat.DateTime(current.DueAt);
        if (current.ClockStartsAt > current.EnteredAt && Now >= current.ClockStartsAt)
        {
            due += $", dihitung dari {WibFormat.DateTime(current.ClockStartsAt)}";
        }

        return late ? due : $"{due} ({timing})";
    }

    /// <summary>The reason this visit exists, when an earlier step's holder sent it back here.</summary>
    private static LabelledValue? SendBack(Kegiatan kegiatan, StepRecord? current)
    {
        if (current is null || current.Attempt < 2)
        {
            return null;
        }

        var sent = kegiatan.Steps.LastOrDefault(r => r.Outcome == StepOutcome.SentBack && r.SentBackTo == current.Step && r.FinishedAt <= current.EnteredAt);
        return sent is null
            ? null
            : LabelledValue.Typed($"Dikembalikan oleh {SopPhrases.Who(sent.FinishedBy)} pada {WibFormat.DateTime(sent.FinishedAt!.Value)}:", sent.Reason ?? "", SopVerbs.MaxAlasanLength);
    }

    private static string? ReworkNote(Kegiatan kegiatan)
    {
        var count = kegiatan.Steps.Count(r => r.Outcome == StepOutcome.SentBack);
        return count > 1 ? $"Kegiatan ini sudah {count} kali dikembalikan. Semua alasan ada di riwayat: ketik riwayat {kegiatan.Number}." : null;
    }

    private static string HolderNote(Kegiatan kegiatan, SopDefinition definition, StepDefinition step, string viewerId)
    {
        if (kegiatan.Status == KegiatanStatus.Closed)
        {
            return $"Kegiatan ini sudah selesai pada {WibFormat.DateTime(kegiatan.ClosedAt ?? kegiatan.UpdatedAt)}.";
        }

        if (kegiatan.Cancellation is { } cancel)
        {
            return $"Kegiatan ini sudah dibatalkan oleh {SopPhrases.Who(cancel.By)} pada {WibFormat.DateTime(cancel.At)}.";
        }

        var assignee = kegiatan.Current?.Assignee;
        if (assignee is null)
        {
            return $"Langkah ini belum memiliki pelaksana ({SopPhrases.Role(definition, step)}). Admin perlu menugaskannya.";
        }

        return string.Equals(assignee.Id, viewerId, StringComparison.OrdinalIgnoreCase)
            ? "Langkah ini ditugaskan kepada Anda, tetapi saat ini Anda tidak dapat bertindak. Hubungi Admin."
            : $"Langkah ini menunggu tindakan {assignee.Name} ({SopPhrases.Role(definition, step)}). Kartu ini hanya untuk dilihat.";
    }

    private List<string> NextSteps(Kegiatan kegiatan, SopDefinition definition, StepDefinition step, List<PermittedAction> mine)
    {
        var lines = new List<string>();
        foreach (var trigger in mine.Select(p => p.Trigger).Distinct())
        {
            var to = trigger == SopTrigger.Reject ? step.SendBackTo : step.Next;
            var label = trigger == SopTrigger.Reject ? "Tidak" : trigger.Label();
            if (to is not int number)
            {
                lines.Add($"{label}: kegiatan selesai dan semua yang terlibat diberi tahu.");
                continue;
            }

            var target = definition.Step(number);
            var who = SopPhrases.RoleAndName(definition, target, Expected(kegiatan, target));
            lines.Add(trigger == SopTrigger.Reject
                ? $"{label}: dikembalikan ke {SopPhrases.StepRef(target)}, kepada {who}, dengan alasan yang wajib Anda tulis."
                : $"{label}: diteruskan ke {who} untuk {SopPhrases.StepRef(target)}.");
            if (trigger == SopTrigger.Approve && IsDisposition(definition, step) && step.SendBackTo is int fed)
            {
                var forwardedBy = kegiatan.Steps.LastOrDefault(r => r.Step == fed && r.Outcome == StepOutcome.Approved)?.FinishedBy;
                var fedStep = definition.Step(fed);
                var holder = forwardedBy?.OnBehalfOf ?? (forwardedBy is null ? null : new PersonRef(forwardedBy.Id, forwardedBy.Name));
                lines.Add($"Disposisi Anda diberitahukan kepada {SopPhrases.RoleAndName(definition, fedStep, holder)} untuk ditindaklanjuti.");
            }
        }

        return lines;
    }

    /// <summary>The last decision before the work is carried out (step 5): its Setuju disposes the kegiatan to the step it came from.</summary>
    internal static bool IsDisposition(SopDefinition definition, StepDefinition step) =>
        step.IsDecision && step.Next is int next && !definition.Step(next).IsDecision && step.SendBackTo is not null;
}
