using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PerijinanBot.Bot.Turns;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Bot.Telemetry;

namespace PerijinanBot.Bot.Decisions;

/// <summary>
/// The SOP's card buttons. Action.Execute (answered with the card that replaces the clicked one) and its Action.Submit
/// fallback (the clicked card is updated through the connector) take this same path.
/// </summary>
internal sealed class StepCardTurns(KegiatanService kegiatan, OpenedAtStamps stamps, StepCards cards) : ITurnRoutes
{
    private static readonly HashSet<string> Verbs = new(StringComparer.Ordinal)
    {
        SopVerbs.Start, SopVerbs.Submit, SopVerbs.Approve, SopVerbs.Reject, SopVerbs.Execute, SopVerbs.Report, SopVerbs.Cancel, SopVerbs.Reassign, SopVerbs.Reschedule, SopVerbs.Open,
        SopVerbs.OpenKoperasi, SopVerbs.EditKoperasi,
    };

    public void Register(TurnRouter router)
    {
        foreach (var verb in Verbs)
        {
            router.Verb(verb, OnExecuteAsync, OnSubmitAsync);
        }
    }

    public async Task<JsonObject> OnExecuteAsync(TurnContext turn, string verb, JsonElement data, CancellationToken cancellationToken) =>
        await DecideAsync(turn, verb, CardInput.Read(data), cancellationToken);

    public async Task OnSubmitAsync(TurnContext turn, string verb, JsonElement value, CancellationToken cancellationToken)
    {
        var card = await DecideAsync(turn, verb, CardInput.Read(value), cancellationToken);
        await turn.ReplaceClickedCardAsync(card, cancellationToken);
    }

    private async Task<JsonObject> DecideAsync(TurnContext turn, string verb, CardInput input, CancellationToken cancellationToken)
    {
        var views = kegiatan.Views();
        var actorId = turn.Registered.AadObjectId;
        var commandId = CommandId(turn, verb, input);
        if (verb == SopVerbs.Start)
        {
            return await StartAsync(actorId, commandId, input, views, cancellationToken);
        }

        if (input.Number is not { } number)
        {
            return RefusalCard.Build(views.Refusal(new Refusal(RefusalCode.NotAvailable, SopTexts.NotFound("?")), null, null));
        }

        BotTracing.TagKegiatan(number);
        if (verb == SopVerbs.Open)
        {
            return await OpenAsync(number, actorId, views, cancellationToken);
        }

        if (verb == SopVerbs.OpenKoperasi)
        {
            return await KoperasiEditCards.OpenAsync(kegiatan, number, actorId, input, views, cancellationToken);
        }

        if (verb == SopVerbs.Reassign && string.IsNullOrWhiteSpace(input.Draft.GetValueOrDefault(SopVerbs.NewHolderInput)))
        {
            // Nobody picked (an older client skipped the required check): the same card again, with what was typed.
            return await ReassignAgainAsync(number, actorId, input, views, cancellationToken);
        }

        // The decision path: one point read and one batch inside ApplyAsync, nothing else before the answer.
        var command = Command(verb, actorId, input);
        var outcome = await kegiatan.ApplyAsync(number, commandId, command, cancellationToken);
        if (outcome.State is not { } state || kegiatan.DefinitionOf(state) is not { } definition)
        {
            return RefusalCard.Build(views.Refusal(outcome.Refusal ?? new Refusal(RefusalCode.NotAvailable, SopTexts.NotFound(number)), null, null));
        }

        if ((outcome.IsAccepted || outcome.AlreadyApplied) && command is Reassign moved)
        {
            // Nothing was decided on the step: the answer says who holds it now (or, on a late redelivery, where it stands).
            return state.Current?.Step == moved.Step
                ? ReassignCard.Build(views.Reassigned(state, definition))
                : StatusCard.Build(views.Status(state, definition));
        }

        if ((outcome.IsAccepted || outcome.AlreadyApplied) && command is Reschedule rescheduled)
        {
            // Nothing was decided on the step: the answer shows the change (or, once the step moved on, where it stands).
            return state.Current?.Step == rescheduled.Step
                ? RescheduleCard.Build(views.Rescheduled(state, definition))
                : StatusCard.Build(views.Status(state, definition));
        }

        if ((outcome.IsAccepted || outcome.AlreadyApplied) && command is EditKoperasi && kegiatan.PermittedActions(state, actorId) is { Count: > 0 } still)
        {
            // Nothing was decided on the step: the answer is step 2's card again, with the new list and version.
            return await cards.BuildAsync(state, definition, actorId, views.Step(state, definition, actorId, still), cancellationToken);
        }

        if (outcome.IsAccepted || outcome.AlreadyApplied)
        {
            var step = command is StepCommand s ? s.Step : state.Steps[^1].Step;
            var decided = state.Steps.LastOrDefault(r => r.Step == step && r.FinishedAt is not null) ?? state.Steps[^1];
            return OutcomeCard.Build(views.Outcome(state, definition, decided.Step, decided.Attempt));
        }

        return await RefusedAsync(outcome.Refusal!, state, definition, actorId, verb, input, views, cancellationToken);
    }

    /// <summary>The reassignment card again with the reason on top, when the kegiatan may still be reassigned by this person.</summary>
    private async Task<JsonObject> ReassignAgainAsync(string number, string actorId, CardInput input, SopCardViews views, CancellationToken cancellationToken)
    {
        if (await kegiatan.FindAsync(number, cancellationToken) is not { } state || kegiatan.DefinitionOf(state) is not { } definition)
        {
            return RefusalCard.Build(views.Refusal(new Refusal(RefusalCode.NotAvailable, SopTexts.NotFound(number)), null, null));
        }

        var mayReassign = kegiatan.May(state, actorId, SopTrigger.Reassign);
        if (state.Status != KegiatanStatus.Open || state.Version != input.Version || !mayReassign)
        {
            // Closed, cancelled or moved on since the card was made, or not theirs to move: the engine says which.
            var refusal = kegiatan.WouldRefuse(state, new Reassign(actorId, input.Step, input.Version, ""));
            return RefusalCard.Build(views.Refusal(refusal ?? new Refusal(RefusalCode.Stale, SopTexts.NotFound(number)), state, definition));
        }

        return ReassignCard.Build(views.Reassign(state, definition, input.Draft, SopTexts.NewHolderNeeded));
    }

    /// <summary>"Buka kartu langkah" from the tasks list: the step card for whoever may act on it now, the status for anyone else.</summary>
    private async Task<JsonObject> OpenAsync(string number, string actorId, SopCardViews views, CancellationToken cancellationToken)
    {
        if (await kegiatan.FindAsync(number, cancellationToken) is not { } state || kegiatan.DefinitionOf(state) is not { } definition)
        {
            return RefusalCard.Build(views.Refusal(new Refusal(RefusalCode.NotAvailable, SopTexts.NotFound(number)), null, null));
        }

        var permitted = kegiatan.PermittedActions(state, actorId);
        return permitted.Count > 0
            ? await cards.BuildAsync(state, definition, actorId, views.Step(state, definition, actorId, permitted), cancellationToken)
            : StatusCard.Build(views.Status(state, definition));
    }

    private async Task<JsonObject> StartAsync(string actorId, string commandId, CardInput input, SopCardViews views, CancellationToken cancellationToken)
    {
        var definition = kegiatan.CurrentDefinition;
        // The card's opening time only as far as the bot's own signature vouches for it (security review, item 8).
        var openedAt = stamps.OpenedAt(definition.Id, actorId, input.OpenedAt, input.OpenedAtTag);
        var outcome = await kegiatan.StartAsync(actorId, commandId, input.Form, openedAt, cancellationToken);
        if (outcome.State is { } started && outcome.Refusal is null)
        {
            return OutcomeCard.Build(views.Outcome(started, definition, started.Steps[0].Step, started.Steps[0].Attempt));
        }

        var refusal = outcome.Refusal ?? new Refusal(RefusalCode.NotAvailable, SopTexts.NotRegistered);
        var actor = kegiatan.MayStart(actorId);
        return actor is not null && IsFixable(refusal)
            ? StepCard.Build(views.Start(definition, actor, input.Draft, refusal.Message, stamps.Stamp(definition.Id, actorId)))
            : RefusalCard.Build(views.Refusal(refusal, null, definition));
    }

    /// <summary>A mistake in what was typed comes back on the same card, filled in as sent, with the reason on top: nothing typed is lost.</summary>
    private async Task<JsonObject> RefusedAsync(Refusal refusal, Kegiatan state, SopDefinition definition, string actorId, string verb, CardInput input, SopCardViews views, CancellationToken cancellationToken)
    {
        if (IsFixable(refusal))
        {
            if (verb == SopVerbs.Cancel)
            {
                return CancelCard.Build(views.Cancel(state, definition, input.Draft, refusal.Message));
            }

            if (verb == SopVerbs.Reassign && state.Current is not null)
            {
                return ReassignCard.Build(views.Reassign(state, definition, input.Draft, refusal.Message));
            }

            if (verb == SopVerbs.EditKoperasi && kegiatan.May(state, actorId, SopTrigger.EditKoperasi))
            {
                return KoperasiEditCard.Build(views.KoperasiEdit(state, definition, input.Draft, refusal.Message));
            }

            if (verb == SopVerbs.Reschedule && state.Current is { } current && RescheduleRules.FieldsOf(definition, definition.Step(current.Step)) is not null)
            {
                return RescheduleCard.Build(views.Reschedule(state, definition, input.Draft, refusal.Message));
            }

            var permitted = kegiatan.PermittedActions(state, actorId);
            if (permitted.Count > 0)
            {
                return await cards.BuildAsync(state, definition, actorId, views.Step(state, definition, actorId, permitted, input.Draft, refusal.Message), cancellationToken);
            }
        }

        return RefusalCard.Build(views.Refusal(refusal, state, definition));
    }

    private static bool IsFixable(Refusal refusal) =>
        refusal.Code is RefusalCode.InvalidInput or RefusalCode.IncompleteKelengkapan or RefusalCode.InvalidReason or RefusalCode.TooEarly;

    private static KegiatanCommand Command(string verb, string actorId, CardInput input) => verb switch
    {
        SopVerbs.Submit => new SubmitData(actorId, input.Step, input.Version, input.Form),
        SopVerbs.Approve => new Approve(actorId, input.Step, input.Version, input.Form),
        SopVerbs.Reject => new Reject(actorId, input.Step, input.Version, input.Alasan),
        SopVerbs.Execute => new RecordExecution(actorId, input.Step, input.Version, input.Form),
        SopVerbs.Report => new SubmitReport(actorId, input.Step, input.Version, input.Form),
        SopVerbs.Cancel => new Cancel(actorId, input.Version, input.Alasan),
        SopVerbs.EditKoperasi => new EditKoperasi(actorId, input.Step, input.Version, input.Form),
        SopVerbs.Reschedule => new Reschedule(
            actorId, input.Step, input.Version, DateTimeInput.Joined(input.Draft, SopVerbs.NewJadwalInput), input.Draft.GetValueOrDefault(SopVerbs.NewTempatInput), input.Alasan),
        SopVerbs.Reassign => new Reassign(actorId, input.Step, input.Version, input.Draft.GetValueOrDefault(SopVerbs.NewHolderInput)?.Trim() ?? "", input.Alasan),
        _ => throw new ArgumentOutOfRangeException(nameof(verb), verb, null),
    };

    /// <summary>
    /// The same click (a double click, a Teams retry of the invoke, the Submit fallback arriving twice) gives the same id,
    /// so it is applied once and answered alike: conversation, clicked card, verb, person, and the card's kegiatan version.
    /// </summary>
    private static string CommandId(TurnContext turn, string verb, CardInput input)
    {
        var key = string.Join('|', turn.Reference.ConversationId, turn.Activity.ReplyToId ?? turn.Activity.Id ?? "", verb, turn.Sender?.AadObjectId ?? "", input.Number ?? "", input.Version.ToString(CultureInfo.InvariantCulture));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }
}

/// <summary>What a card sent: its target (kegiatan, step, version) and the person's inputs.</summary>
internal sealed record CardInput(
    string? Number,
    int Step,
    int Version,
    DateTimeOffset? OpenedAt,
    string? OpenedAtTag,
    FormInput Form,
    string? Alasan,
    IReadOnlyDictionary<string, string?> Draft)
{
    public static CardInput Read(JsonElement data)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        var draft = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (data.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in data.EnumerateObject())
            {
                var text = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                    _ => null,
                };
                if (!SopVerbs.Reserved.Contains(property.Name))
                {
                    values[property.Name] = text;
                }

                draft[property.Name] = text;
            }
        }

        var checklist = draft.GetValueOrDefault(SopVerbs.KelengkapanInput) is { Length: > 0 } ticked
            ? ticked.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];
        return new CardInput(
            draft.GetValueOrDefault(SopVerbs.KegiatanKey),
            Int(draft.GetValueOrDefault(SopVerbs.StepKey)),
            Int(draft.GetValueOrDefault(SopVerbs.VersionKey)),
            DateTimeOffset.TryParse(draft.GetValueOrDefault(SopVerbs.OpenedAtKey), CultureInfo.InvariantCulture, DateTimeStyles.None, out var opened) ? opened : null,
            draft.GetValueOrDefault(SopVerbs.OpenedAtTagKey),
            new FormInput(values, checklist),
            draft.GetValueOrDefault(SopVerbs.AlasanInput),
            draft);
    }

    private static int Int(string? text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
