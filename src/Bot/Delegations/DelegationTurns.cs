using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PerijinanBot.Bot.Conversations;
using PerijinanBot.Bot.Decisions;
using PerijinanBot.Bot.People;
using PerijinanBot.Bot.Turns;
using PerijinanBot.Dialogs.Commands;
using PerijinanBot.Dialogs.Delegations;
using PerijinanBot.Sop;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Bot.Delegations;

/// <summary>
/// <c>plh</c> and its card verbs (<c>plh.add</c>, <c>plh.end</c>). Action.Execute is answered with the updated card; the
/// Action.Submit fallback updates the clicked card through the connector. A new Plh. is told in their 1:1 chat, and given the
/// cards of the holder's steps already open when the appointment is in force today; a Plh. whose appointment is ended early is told too.
/// </summary>
internal sealed partial class DelegationTurns(
    DelegationStore store,
    PeopleDirectory people,
    StaffingSource staffingSource,
    PersonalMessenger messenger,
    KegiatanService kegiatan,
    TaskIndex tasks,
    CardCopies copies,
    StepCards cards,
    ILogger<DelegationTurns> logger) : ITurnRoutes
{
    public void Register(TurnRouter router)
    {
        router.Command(CommandKind.Delegation, (turn, _, ct) => ShowAsync(turn, ct));
        router.Verb(DelegationCard.AddVerb, OnExecuteAsync, OnSubmitAsync);
        router.Verb(DelegationCard.EndVerb, OnExecuteAsync, OnSubmitAsync);
    }


    public async Task ShowAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        await turn.SendCardAsync(await CardAsync(turn.Registered, DelegationDraft.Empty, null, null, cancellationToken), cancellationToken);
    }

    public Task<JsonObject> OnExecuteAsync(TurnContext turn, string verb, JsonElement data, CancellationToken cancellationToken) =>
        DecideAsync(turn, verb, data, cancellationToken);

    public async Task OnSubmitAsync(TurnContext turn, string verb, JsonElement value, CancellationToken cancellationToken)
    {
        var card = await DecideAsync(turn, verb, value, cancellationToken);
        await turn.ReplaceClickedCardAsync(card, cancellationToken);
    }

    private async Task<JsonObject> DecideAsync(TurnContext turn, string verb, JsonElement data, CancellationToken cancellationToken)
    {
        var draft = Draft(data);
        var sender = turn.Registered;
        if (verb == DelegationCard.EndVerb)
        {
            var id = Text(data, DelegationCard.IdKey) ?? "";
            var ended = await store.EndAsync(sender.AadObjectId, id, cancellationToken);
            if (!ended.IsOk)
            {
                return await CardAsync(sender, DelegationDraft.Empty, null, ended.Error, cancellationToken);
            }

            var endedItem = Item(ended.Record!, sender);
            await TellEndedAsync(ended.Record!, endedItem, sender, cancellationToken);
            return await CardAsync(sender, DelegationDraft.Empty, DelegationTexts.Ended(endedItem), null, cancellationToken);
        }

        // Whether the sender may appoint for this official (superior or Admin, never themself) is the store's to decide.
        if (Dates(draft) is not { } dates)
        {
            return await CardAsync(sender, draft, null, DelegationTexts.BadDates, cancellationToken);
        }

        var request = new NewDelegation(draft.Holder ?? "", draft.StandIn ?? "", dates.From, dates.To, draft.Basis ?? "", draft.Reason, KindOf(draft.Kind), DateOf(draft.BasisDate));
        var added = await store.AddAsync(sender.AadObjectId, CommandId(turn, request), request, cancellationToken);
        if (!added.IsOk)
        {
            return await CardAsync(sender, draft, null, added.Error, cancellationToken);
        }

        var item = Item(added.Record!, sender);
        // A redelivered click finds the appointment already stored: the stand-in was told the first time, never twice.
        var told = true;
        if (added.IsNew)
        {
            told = await TellStandInAsync(added.Record!, item, sender, cancellationToken);
            await SendOpenStepsAsync(added.Record!, cancellationToken);
        }

        return await CardAsync(sender, DelegationDraft.Empty, DelegationTexts.Added(item, told), null, cancellationToken);
    }

    /// <summary>Best effort: the appointment stands even when the stand-in cannot be reached yet (they see it with <c>plh</c>).</summary>
    private async Task<bool> TellStandInAsync(DelegationRecord record, DelegationItem item, Person by, CancellationToken cancellationToken)
    {
        try
        {
            if (await messenger.SendCardAsync(record.StandInId, DelegationCard.Appointed(item, by.Name), cancellationToken) is not null)
            {
                return true;
            }

            StandInUnreachable(logger, record.Id, record.StandInId);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            StandInNotTold(logger, e, record.Id, record.StandInId);
        }

        return false;
    }

    /// <summary>
    /// Best effort: the cards of the steps the holder already has open, built for the Plh. with the buttons the engine allows
    /// them (the cache already holds the new appointment). Steps that move on later reach the Plh. through the outbox as usual.
    /// </summary>
    private async Task SendOpenStepsAsync(DelegationRecord record, CancellationToken cancellationToken)
    {
        if (!record.ToDelegation().IsActiveOn(store.Today))
        {
            return;
        }

        try
        {
            var staffing = staffingSource.Now;
            var views = kegiatan.Views();
            foreach (var task in await tasks.ForAsync(record.HolderId, cancellationToken))
            {
                // The index may lag a decision by a moment: trust the kegiatan itself.
                if (await kegiatan.FindAsync(task.Number, cancellationToken) is not { Current: { } current } state
                    || !Same(current.Assignee?.Id ?? "", record.HolderId)
                    || kegiatan.DefinitionOf(state) is not { } definition)
                {
                    continue;
                }

                var permitted = kegiatan.PermittedActions(state, record.StandInId);
                if (!permitted.Any(p => Same(p.As.OnBehalfOf?.Id ?? "", record.HolderId)))
                {
                    continue;
                }

                var card = await cards.BuildAsync(state, definition, record.StandInId, views.Step(state, definition, record.StandInId, permitted), cancellationToken);
                if (await messenger.SendCardAsync(record.StandInId, card, cancellationToken) is not { } delivered)
                {
                    StandInUnreachable(logger, record.Id, record.StandInId);
                    return;
                }

                await copies.RecordAsync(state.Number, current.Step, current.Attempt, new CardCopy(delivered.ServiceUrl, delivered.ConversationId, delivered.ActivityId, state.Version), cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            OpenStepsNotSent(logger, e, record.Id, record.StandInId);
        }
    }

    /// <summary>Best effort: the appointment is ended whether or not the stand-in can be told.</summary>
    private async Task TellEndedAsync(DelegationRecord record, DelegationItem item, Person by, CancellationToken cancellationToken)
    {
        try
        {
            if (await messenger.SendCardAsync(record.StandInId, DelegationCard.Ended(item, by.Name, store.Today), cancellationToken) is null)
            {
                StandInUnreachable(logger, record.Id, record.StandInId);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            StandInNotToldOfEnd(logger, e, record.Id, record.StandInId);
        }
    }

    private async Task<JsonObject> CardAsync(Person viewer, DelegationDraft draft, string? notice, string? error, CancellationToken cancellationToken)
    {
        var records = await store.ListAsync(cancellationToken);
        return DelegationCard.Build(new DelegationCardView(store.Today, [.. records.Select(r => Item(r, viewer))], FormFor(viewer), draft, notice, error));
    }

    /// <summary>
    /// An Admin appoints for any official, a superior for the officials whose SOP role is below theirs; nobody for themself.
    /// Anyone who may appoint for nobody only sees the list.
    /// </summary>
    private DelegationForm? FormFor(Person viewer)
    {
        var holders = people.People.Where(p => IsHolder(p) && StandInRules.MayAppoint(viewer, p, store.Definition)).Select(Choice).ToList();
        return holders.Count == 0 ? null : new DelegationForm(holders, [.. people.People.Select(Choice)]);
    }

    private DelegationItem Item(DelegationRecord record, Person viewer)
    {
        var holder = people.Find(record.HolderId);
        var mayEnd = viewer.Holds(Role.Admin) || Same(record.HolderId, viewer.AadObjectId) || Same(record.CreatedBy, viewer.AadObjectId);
        return new DelegationItem(record.Id, holder?.Name ?? record.HolderId, holder is null ? record.HolderId : StandInRules.PositionOf(holder, store.Definition),
            people.Find(record.StandInId)?.Name ?? record.StandInId, record.From, record.To, record.Basis, mayEnd, record.Reason, record.Kind, record.BasisDate);
    }

    private static DelegationChoice Choice(Person person) =>
        new(person.AadObjectId, DelegationTexts.Choice(person.Name, person.Roles.Order().Select(r => r.Indonesian())));

    private static bool IsHolder(Person person) => RoleNames.Pelaksana.Any(person.Holds);

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static DelegationDraft Draft(JsonElement data) => new(
        Text(data, DelegationCard.HolderInput),
        Text(data, DelegationCard.StandInInput),
        Text(data, DelegationCard.FromInput),
        Text(data, DelegationCard.ToInput),
        Text(data, DelegationCard.BasisInput),
        Text(data, DelegationCard.ReasonInput),
        Text(data, DelegationCard.KindInput),
        Text(data, DelegationCard.BasisDateInput));

    private static StandInKind? KindOf(string? value) => value?.Trim() switch
    {
        DelegationCard.AbsenceValue => StandInKind.Absence,
        DelegationCard.VacancyValue => StandInKind.Vacancy,
        _ => null,
    };

    /// <summary>
    /// The Surat Perintah's date from its Input.Date (yyyy-MM-dd), or as people write it where text still arrives (the Submit
    /// fallback: "14/12/2026", "14 Desember 2026"); null when missing or not a date.
    /// </summary>
    private static DateOnly? DateOf(string? text) => WibParse.TryDate(text, out var date) ? date : null;

    private static (DateOnly From, DateOnly To)? Dates(DelegationDraft draft) =>
        DateOf(draft.From) is { } from && DateOf(draft.To) is { } to ? (from, to) : null;

    private static string? Text(JsonElement data, string key) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>The same click delivered twice (a Teams retry, the fallback) names the same appointment, so it is stored once.</summary>
    private static string CommandId(TurnContext turn, NewDelegation request)
    {
        var key = string.Join('|', turn.Reference.ConversationId, turn.Activity.ReplyToId ?? turn.Activity.Id ?? "", turn.Sender?.AadObjectId ?? "",
            request.HolderId, request.StandInId, request.From.ToString("O", CultureInfo.InvariantCulture), request.To.ToString("O", CultureInfo.InvariantCulture), request.Basis, request.Reason,
            request.Kind?.ToString(), request.BasisDate?.ToString("O", CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
    }

    [LoggerMessage(EventId = 501, Level = LogLevel.Warning, Message = "Plh. {DelegationId}: stand-in {PersonId} cannot be reached yet (no conversation reference); not told")]
    private static partial void StandInUnreachable(ILogger logger, string delegationId, string personId);

    [LoggerMessage(EventId = 502, Level = LogLevel.Warning, Message = "Plh. {DelegationId}: telling stand-in {PersonId} failed; the appointment stands")]
    private static partial void StandInNotTold(ILogger logger, Exception exception, string delegationId, string personId);

    [LoggerMessage(EventId = 503, Level = LogLevel.Warning, Message = "Plh. {DelegationId}: sending the holder's open step cards to stand-in {PersonId} failed; they find them with tugas")]
    private static partial void OpenStepsNotSent(ILogger logger, Exception exception, string delegationId, string personId);

    [LoggerMessage(EventId = 504, Level = LogLevel.Warning, Message = "Plh. {DelegationId}: telling stand-in {PersonId} that the appointment ended failed; it is ended")]
    private static partial void StandInNotToldOfEnd(ILogger logger, Exception exception, string delegationId, string personId);
}
