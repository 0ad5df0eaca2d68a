using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.Events.Item.Cancel;
using Microsoft.Kiota.Abstractions;
using PerijinanBot.Bot.Decisions;
using PerijinanBot.Bot.Graph;
using PerijinanBot.Bot.Outbox;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Dialogs.Meetings;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.People;
using MsalException = Microsoft.Identity.Client.MsalException;

namespace PerijinanBot.Bot.Meetings;

/// <summary>
/// Keeps the facilitation's calendar event (with a Teams meeting, in the organiser's calendar) in step with the kegiatan:
/// created after the Kepala Dinas's disposition, moved when the jadwal or tempat it was given changed, cancelled with the
/// kegiatan. It reconciles with the kegiatan's current state every time, so a repeat (or an item overtaken by a later
/// decision) does no harm; the create carries a transaction id, so one whose answer was lost never makes a second event.
/// </summary>
/// <remarks>
/// Registered always (every outbox kind has a handler); with the feature off it delivers nothing and never asks for the Graph
/// client, so no credentials are needed. Graph being slow or down never holds a decision up: the item waits in the outbox.
/// </remarks>
internal sealed partial class CalendarHandler(
    GraphFeatures features,
    IOptions<GraphOptions> graphOptions,
    IOptions<StorageOptions> storageOptions,
    PeopleDirectory people,
    KegiatanService kegiatan,
    CalendarEvents events,
    IServiceProvider services,
    GraphAttempts attempts,
    TimeProvider time,
    ILogger<CalendarHandler> logger) : IOutboxHandler
{
    /// <summary>The facilitation's calendar event follows the kegiatan (created after the disposition, updated, cancelled).</summary>
    public const string Kind = "graph.calendar";

    public IReadOnlyCollection<string> Kinds { get; } = [Kind];

    public async Task<OutboxOutcome> HandleAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!features.Calendar.IsOn)
        {
            return OutboxOutcome.Delivered("calendar off");
        }

        var payload = OutboxPayloads.Read(item);
        if (await kegiatan.FindAsync(item, cancellationToken) is not { } state)
        {
            return OutboxOutcome.Failed($"no kegiatan {payload.Number}");
        }

        var stored = await events.FindAsync(state.Number, cancellationToken);
        if (state.Status == KegiatanStatus.Cancelled)
        {
            return stored is null ? OutboxOutcome.Delivered("no calendar event was made: nothing to cancel")
                : stored.Cancelled ? OutboxOutcome.Delivered($"event {stored.EventId} cancelled already")
                : await CallGraphAsync(Operation.Cancel, state.Number, stored.Organizer, graph => CancelAsync(graph, state, stored, cancellationToken), cancellationToken);
        }

        if (stored is { Cancelled: true })
        {
            return OutboxOutcome.Delivered($"event {stored.EventId} was cancelled");
        }

        var definition = kegiatan.DefinitionOf(state)!;
        var disposition = definition.Steps.FirstOrDefault(s => s.SuratKeluar?.Document == MeetingPlanner.Document)?.Number;
        if (state.Status == KegiatanStatus.Open && state.CurrentStep <= disposition)
        {
            // A late item for a kegiatan that is back before the disposition: its jadwal is not decided yet, the next disposition brings it.
            return OutboxOutcome.Delivered($"the kegiatan is at step {state.CurrentStep}, before the disposition: the calendar waits for it");
        }

        var calendar = graphOptions.Value.Calendar;
        var invitation = CalendarInvitation.For(state, definition, kegiatan.Calendar, people, calendar.Duration, storageOptions.Value.TableNamePrefix);
        if (invitation is null)
        {
            // The disposition comes after step 2, where jadwal is required: only a changed definition could get here.
            NoJadwal(logger, state.Number);
            return OutboxOutcome.Delivered("the kegiatan has no jadwal: no calendar event");
        }

        if (stored is null)
        {
            var organizer = calendar.Organizer!.Trim();
            return await CallGraphAsync(Operation.Create, state.Number, organizer, graph => CreateAsync(graph, state.Number, organizer, invitation, cancellationToken), cancellationToken);
        }

        return invitation.Matches(stored)
            ? OutboxOutcome.Delivered($"event {stored.EventId} unchanged")
            : await CallGraphAsync(Operation.Move, state.Number, stored.Organizer, graph => MoveAsync(graph, stored, invitation, cancellationToken), cancellationToken);
    }

    private async Task<OutboxOutcome> CreateAsync(GraphServiceClient graph, string number, string organizer, CalendarInvitation invitation, CancellationToken cancellationToken)
    {
        var created = await graph.Users[organizer].Events.PostAsync(invitation.ToEvent(), cancellationToken: cancellationToken);
        // Thrown on, not reported: the event may exist, and the retry (same transaction id) gets its id back.
        var id = created?.Id is { Length: > 0 } eventId ? eventId : throw new InvalidDataException($"Graph created the calendar event of {number} but returned no id.");
        await events.SaveAsync(new CalendarEvent(number, id, organizer, invitation.Start, invitation.End, invitation.Location, Attendees: invitation.AttendeeKey), time.GetUtcNow(), cancellationToken);
        Created(logger, number, id, organizer, invitation.Attendees.Count);
        return OutboxOutcome.Delivered(id);
    }

    private async Task<OutboxOutcome> MoveAsync(GraphServiceClient graph, CalendarEvent stored, CalendarInvitation invitation, CancellationToken cancellationToken)
    {
        // The event stays where it was made, even if Graph:Calendar:Organizer was changed since.
        await graph.Users[stored.Organizer].Events[stored.EventId].PatchAsync(invitation.ToMove(stored), cancellationToken: cancellationToken);
        await events.SaveAsync(stored with { Start = invitation.Start, End = invitation.End, Location = invitation.Location, Attendees = invitation.AttendeeKey }, time.GetUtcNow(), cancellationToken);
        Moved(logger, stored.Number, stored.EventId, invitation.Start, invitation.Location);
        return OutboxOutcome.Delivered($"event {stored.EventId} moved");
    }

    private async Task<OutboxOutcome> CancelAsync(GraphServiceClient graph, Kegiatan state, CalendarEvent stored, CancellationToken cancellationToken)
    {
        var outcome = $"event {stored.EventId} cancelled";
        try
        {
            var comment = InvitationTexts.Cancelled(state.Number, state.Cancellation?.By.Describe(), state.Cancellation?.Reason);
            await graph.Users[stored.Organizer].Events[stored.EventId].Cancel.PostAsync(new CancelPostRequestBody { Comment = comment }, cancellationToken: cancellationToken);
        }
        catch (ApiException e) when (e.ResponseStatusCode == 404)
        {
            // Gone already: removed by hand, or cancelled by an earlier attempt whose answer was lost. Either way no event is left.
            outcome = $"event {stored.EventId} no longer exists";
        }

        await events.SaveAsync(stored with { Cancelled = true }, time.GetUtcNow(), cancellationToken);
        CancelledEvent(logger, state.Number, stored.EventId);
        return OutboxOutcome.Delivered(outcome);
    }

    /// <summary>
    /// Runs one Graph call and classifies its failure. 429/503/504 were already retried by the SDK (honouring Retry-After), so
    /// what comes out is either "try later" (unreachable, throttled, 5xx, token trouble) or "never" (Graph refused the request:
    /// a bad organiser, no permission), which is kept for an operator.
    /// </summary>
    private async Task<OutboxOutcome> CallGraphAsync(Operation operation, string number, string organizer, Func<GraphServiceClient, Task<OutboxOutcome>> call, CancellationToken cancellationToken)
    {
        var outcome = await TryGraphAsync(operation, number, organizer, call, cancellationToken);
        if (outcome.Kind == OutboxOutcomeKind.Delivered)
        {
            attempts.Succeeded(features.Calendar);
        }
        else
        {
            attempts.Failed(features.Calendar);
        }

        return outcome;
    }

    private async Task<OutboxOutcome> TryGraphAsync(Operation operation, string number, string organizer, Func<GraphServiceClient, Task<OutboxOutcome>> call, CancellationToken cancellationToken)
    {
        try
        {
            // Resolved only here, so a bot with the feature off never builds the client (or needs credentials).
            return await call(services.GetRequiredService<GraphClient>().Client);
        }
        catch (ApiException e) when (IsPermanent(e.ResponseStatusCode))
        {
            var reason = Describe(e);
            Refused(logger, e, operation, number, organizer, e.ResponseStatusCode, reason);
            return OutboxOutcome.Failed($"Graph refused to {operation.ToString().ToLowerInvariant()} the calendar event in {organizer}'s calendar: {reason}");
        }
        catch (ApiException e)
        {
            return Later(operation, number, Describe(e));
        }
        catch (HttpRequestException e)
        {
            return Later(operation, number, $"Graph unreachable: {e.Message}");
        }
        catch (MsalException e)
        {
            return Later(operation, number, $"no Graph token: {e.ErrorCode}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The HTTP client's own timeout. Every call here is safe to repeat (the create by its transaction id).
            return Later(operation, number, "Graph did not answer in time");
        }
    }

    private OutboxOutcome Later(Operation operation, string number, string reason)
    {
        Unavailable(logger, operation, number, reason);
        return OutboxOutcome.RetryLater(reason);
    }

    /// <summary>A refusal that sending the same request again cannot change. 401 (token), 408, 409, 412, 423 and 429 may pass later.</summary>
    private static bool IsPermanent(int status) => status is >= 400 and < 500 and not (401 or 408 or 409 or 412 or 423 or 429);

    private static string Describe(ApiException e) => e is ODataError { Error: { } error }
        ? $"{e.ResponseStatusCode} {error.Code}: {error.Message}"
        : $"{e.ResponseStatusCode}: {e.Message}";

    internal enum Operation
    {
        Create,
        Move,
        Cancel,
    }

    [LoggerMessage(EventId = 1430, Level = LogLevel.Information, Message = "Calendar event {EventId} of {Number} created in {Organizer}'s calendar with {Attendees} attendees")]
    private static partial void Created(ILogger logger, string number, string eventId, string organizer, int attendees);

    [LoggerMessage(EventId = 1431, Level = LogLevel.Information, Message = "Calendar event {EventId} of {Number} moved to {Start} at {Location}")]
    private static partial void Moved(ILogger logger, string number, string eventId, DateTimeOffset start, string location);

    [LoggerMessage(EventId = 1432, Level = LogLevel.Information, Message = "Calendar event {EventId} of {Number} cancelled")]
    private static partial void CancelledEvent(ILogger logger, string number, string eventId);

    [LoggerMessage(EventId = 1433, Level = LogLevel.Warning, Message = "Graph unavailable to {Operation} the calendar event of {Number}; the outbox retries later: {Reason}")]
    private static partial void Unavailable(ILogger logger, Operation operation, string number, string reason);

    [LoggerMessage(EventId = 1434, Level = LogLevel.Error, Message = "Graph refused to {Operation} the calendar event of {Number} in {Organizer}'s calendar ({Status}): {Reason}. Kept as Failed for an operator.")]
    private static partial void Refused(ILogger logger, Exception exception, Operation operation, string number, string organizer, int status, string reason);

    [LoggerMessage(EventId = 1435, Level = LogLevel.Warning, Message = "Kegiatan {Number} has no jadwal; no calendar event made")]
    private static partial void NoJadwal(ILogger logger, string number);
}
