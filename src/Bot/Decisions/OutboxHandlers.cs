using PerijinanBot.Bot.Conversations;
using PerijinanBot.Bot.Outbox;
using PerijinanBot.Bot.Telemetry;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Protocol.Connector;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.People;
using PerijinanBot.Sop.Reminders;

namespace PerijinanBot.Bot.Decisions;

/// <summary>
/// Sends the step card to the person whose turn it is, or to their Plh. (an item of its own, with the Plh. note and the
/// buttons the engine allows the stand-in, while the delegation is in force). A card whose earlier send may have landed is not sent again (a card
/// is never posted twice); the person still finds the step in "tugas".
/// </summary>
internal sealed class StepCardHandler(
    KegiatanService kegiatan, PeopleDirectory people, PersonalMessenger messenger, CardCopies copies, ProactiveInstaller installer, StepCards cards, BotMetrics metrics, TimeProvider time, ILogger<StepCardHandler> logger)
    : IOutboxHandler
{
    public IReadOnlyCollection<string> Kinds { get; } = [OutboxKinds.StepCard];

    /// <summary>The card is marked in flight right before it is posted, after the state is read and the card built.</summary>
    public bool MarksItsEffect => true;

    public async Task<OutboxOutcome> HandleAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var payload = OutboxPayloads.Read(item);
        if (item.PriorOutcomeUnknown)
        {
            WorkflowLog.NotResent(logger, item.DedupeKey);
            return OutboxOutcome.Delivered("outcome of an earlier send unknown; not sent again");
        }

        var state = await kegiatan.FindAsync(item, cancellationToken);
        var current = state?.Current;
        var holder = payload.OnBehalfOf ?? payload.To;
        if (state is null || current is null || current.Step != payload.Step || current.Attempt != payload.Attempt
            || !string.Equals(current.Assignee?.Id, holder, StringComparison.OrdinalIgnoreCase))
        {
            return OutboxOutcome.Delivered("superseded: the step moved on before its card was sent");
        }

        var definition = kegiatan.DefinitionOf(state)!;
        var permitted = kegiatan.PermittedActions(state, payload.To!);
        if (payload.OnBehalfOf is not null && !permitted.Any(p => string.Equals(p.As.OnBehalfOf?.Id, holder, StringComparison.OrdinalIgnoreCase)))
        {
            // The Plh.'s card: only while the delegation still lets them act for the holder (it may have ended meanwhile).
            return OutboxOutcome.Delivered("the Plh. delegation is no longer in force");
        }

        var card = await cards.BuildAsync(state, definition, payload.To!, kegiatan.Views().Step(state, definition, payload.To!, permitted), cancellationToken);
        return await OutboxPayloads.SendAsync(item, messenger, installer, payload.To!, card, logger, async delivered =>
            {
                if (item.CreatedAt is { } decidedAt)
                {
                    metrics.CardDelivered(time.GetUtcNow() - decidedAt);
                }

                await copies.RecordAsync(item, current.Step, current.Attempt, new CardCopy(delivered.ServiceUrl, delivered.ConversationId, delivered.ActivityId, payload.Version), cancellationToken);
            },
            cancellationToken,
            problem => TellAssignerAsync(state, definition, current, payload.To!, problem, cancellationToken));
    }

    /// <summary>
    /// The card cannot reach its person and the bot cannot install itself for them: whoever handed the step on (the last
    /// person who finished a step, or who moved this one) is told once per card, so the failure is not silent. Retries go on.
    /// </summary>
    private async Task TellAssignerAsync(Kegiatan state, SopDefinition definition, StepRecord current, string to, string problem, CancellationToken cancellationToken)
    {
        var moved = current.Reassignments.Count > 0 ? current.Reassignments[^1] : null;
        var finished = state.Steps.LastOrDefault(r => r.FinishedBy is not null);
        var assigner = moved is not null && (finished?.FinishedAt is not { } at || moved.At > at) ? moved.By.Id : finished?.FinishedBy?.Id;
        if (assigner is null || string.Equals(assigner, to, StringComparison.OrdinalIgnoreCase)
            || !await installer.FirstTellingAsync(assigner, $"{state.Number}|{current.Step}|{current.Attempt}|{to}", cancellationToken))
        {
            return;
        }

        var name = string.Equals(current.Assignee?.Id, to, StringComparison.OrdinalIgnoreCase) ? current.Assignee!.Name : people.Find(to)?.Name ?? to;
        var notice = SopCardViews.Undeliverable(state, definition, new PersonRef(assigner, ""), name, problem);
        try
        {
            await messenger.SendCardAsync(assigner, NoticeCard.Build(notice.View), cancellationToken);
        }
        catch (ConnectorException e)
        {
            WorkflowLog.AssignerNotTold(logger, e, assigner, state.Number);
        }
    }
}

/// <summary>Replaces every posted copy of a decided step's card with its read-only outcome. Repeating it is harmless.</summary>
internal sealed class RefreshCardsHandler(KegiatanService kegiatan, PersonalMessenger messenger, CardCopies copies) : IOutboxHandler
{
    public IReadOnlyCollection<string> Kinds { get; } = [OutboxKinds.RefreshCards];

    /// <summary>Updating a card in place again shows the same card.</summary>
    public bool RepeatSafe => true;

    public async Task<OutboxOutcome> HandleAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var payload = OutboxPayloads.Read(item);
        var posted = await copies.OfStepAsync(item, payload.Step ?? 0, payload.Attempt ?? 1, cancellationToken);
        if (posted.Count == 0 || await kegiatan.FindAsync(item, cancellationToken) is not { } state)
        {
            return OutboxOutcome.Delivered("no posted copies");
        }

        var card = OutcomeCard.Build(kegiatan.Views().Outcome(state, kegiatan.DefinitionOf(state)!, payload.Step ?? 0, payload.Attempt));
        try
        {
            foreach (var copy in posted)
            {
                await messenger.UpdateCardAsync(copy, card, cancellationToken);
            }
        }
        catch (ConnectorException e)
        {
            return OutboxOutcome.RetryLater(e.Message);
        }

        return OutboxOutcome.Delivered($"{posted.Count} copies updated");
    }
}

/// <summary>
/// The jadwal of an open step was moved: the copies of its card sent before that decision still show the old jadwal, so each
/// is replaced by the read-only record of the change (the holder gets a new card with the new jadwal from the same decision).
/// Copies sent by this decision or later are left alone; repeating it is harmless.
/// </summary>
internal sealed class SupersedeCardsHandler(KegiatanService kegiatan, PersonalMessenger messenger, CardCopies copies) : IOutboxHandler
{
    public IReadOnlyCollection<string> Kinds { get; } = [OutboxKinds.SupersedeCards];

    /// <summary>Updating a card in place again shows the same card.</summary>
    public bool RepeatSafe => true;

    public async Task<OutboxOutcome> HandleAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var payload = OutboxPayloads.Read(item);
        var older = (await copies.OfStepAsync(item, payload.Step ?? 0, payload.Attempt ?? 1, cancellationToken))
            .Where(c => c.Version is null || c.Version < payload.Version)
            .ToList();
        if (older.Count == 0 || await kegiatan.FindAsync(item, cancellationToken) is not { } state)
        {
            return OutboxOutcome.Delivered("no older copies");
        }

        var card = RescheduleCard.Build(kegiatan.Views().Rescheduled(state, kegiatan.DefinitionOf(state)!));
        try
        {
            foreach (var copy in older)
            {
                await messenger.UpdateCardAsync(copy, card, cancellationToken);
            }
        }
        catch (ConnectorException e)
        {
            return OutboxOutcome.RetryLater(e.Message);
        }

        return OutboxOutcome.Delivered($"{older.Count} older copies replaced");
    }
}

/// <summary>Sends a notice card (made when the decision was taken) to one person. Never twice.</summary>
internal sealed class NoticeHandler(PersonalMessenger messenger, ProactiveInstaller installer, ILogger<NoticeHandler> logger) : IOutboxHandler
{
    public IReadOnlyCollection<string> Kinds { get; } = [OutboxKinds.Notice];

    /// <summary>The notice is marked in flight right before it is posted.</summary>
    public bool MarksItsEffect => true;

    public async Task<OutboxOutcome> HandleAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var (payload, card, stop) = OutboxPayloads.ReadNotice(item, logger);
        return stop ?? await OutboxPayloads.SendAsync(item, messenger, installer, payload.To!, card!, logger, _ => Task.CompletedTask, cancellationToken);
    }
}

/// <summary>
/// Keeps the open-steps index ("tugas", what falls due, the next reminder) in step with the kegiatan: it writes what the
/// pass's state says, the reminder being the first of the open step's ladder at or after the decision. A repeated write of
/// the same version may put back a reminder the sweep had already sent; the sweep's delivery ledger keeps it from going out twice.
/// </summary>
internal sealed class TaskIndexHandler(KegiatanService kegiatan, TaskIndex tasks) : IOutboxHandler
{
    public IReadOnlyCollection<string> Kinds { get; } = [OutboxKinds.TaskIndex];

    /// <summary>It writes what the state says.</summary>
    public bool RepeatSafe => true;

    public async Task<OutboxOutcome> HandleAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        if (await kegiatan.FindAsync(item, cancellationToken) is { } state)
        {
            var next = state.Current is { } current && kegiatan.DefinitionOf(state) is { } definition
                ? new ReminderLadder(definition, kegiatan.Calendar).First(current, state.UpdatedAt)
                : null;
            await tasks.SyncAsync(state, next, cancellationToken);
        }

        return OutboxOutcome.Delivered();
    }
}

internal static partial class WorkflowLog
{
    [LoggerMessage(EventId = 400, Level = LogLevel.Warning, Message = "Not sending {DedupeKey} again: an earlier attempt may have delivered it")]
    public static partial void NotResent(ILogger logger, string dedupeKey);

    [LoggerMessage(EventId = 401, Level = LogLevel.Warning, Message = "Cannot reach person {PersonId}: no conversation reference yet")]
    public static partial void Unreachable(ILogger logger, string personId);

    [LoggerMessage(EventId = 402, Level = LogLevel.Warning, Message = "Could not tell {AssignerId} that a card of {Number} cannot be delivered")]
    public static partial void AssignerNotTold(ILogger logger, Exception exception, string assignerId, string number);
}
