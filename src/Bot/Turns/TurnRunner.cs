using PerijinanBot.Bot.Conversations;
using PerijinanBot.Dialogs;
using PerijinanBot.Protocol;
using PerijinanBot.Protocol.Connector;
using PerijinanBot.Sop.People;
using PerijinanBot.Bot.Telemetry;

namespace PerijinanBot.Bot.Turns;

/// <summary>
/// The error boundary of a turn: remembers where the conversation is, runs the handler under a deadline, and
/// when anything fails logs it with the activity id and tells the person, in neutral words, to try again.
/// </summary>
internal sealed class TurnRunner(
    TurnHandler handler,
    ConversationReferenceStore references,
    PeopleDirectory directory,
    ConnectorClient connector,
    ILogger<TurnRunner> logger)
{
    /// <summary>A background turn (message, conversation update) may take this long before it is abandoned.</summary>
    public static readonly TimeSpan BackgroundTurnTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Teams waits about 5 s for an invoke; answer within 4.</summary>
    public static readonly TimeSpan InvokeTimeout = TimeSpan.FromSeconds(4);

    public async Task RunAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (CreateTurn(activity) is not { } turn)
        {
            return;
        }

        using var span = BotTracing.StartTurn(activity.Type, activity.Name);
        using var scope = BeginScope(activity);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(BackgroundTurnTimeout);
        try
        {
            await RememberAsync(turn.Reference, IsInstallation(activity), deadline.Token);
            if (activity.IsType(ActivityTypes.Message))
            {
                await handler.OnMessageAsync(turn, deadline.Token);
            }
            else if (activity.IsType(ActivityTypes.ConversationUpdate))
            {
                await handler.OnConversationUpdateAsync(turn, deadline.Token);
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            Log.TurnFailed(logger, e, activity.Type, activity.Id);
            span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, e.GetType().Name);
            await ApologiseAsync(turn, e);
        }
    }

    public async Task<InvokeResult> InvokeAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (CreateTurn(activity) is not { } turn)
        {
            return InvokeResult.BadRequest("BadRequest", "The invoke has no conversation or serviceUrl.");
        }

        using var span = BotTracing.StartTurn(activity.Type, activity.Name);
        using var scope = BeginScope(activity);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(InvokeTimeout);
        // Off the decision path: the answer waits for one read and one batch, not for bookkeeping.
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(() => RememberOffPathAsync(turn.Reference), CancellationToken.None);
        }

        try
        {
            return await handler.OnInvokeAsync(turn, deadline.Token);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            Log.TurnFailed(logger, e, activity.Type, activity.Id);
            span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, e.GetType().Name);
            return InvokeResult.Message(Texts.TurnFailed);
        }
    }

    private TurnContext? CreateTurn(Activity activity) =>
        ConversationReference.From(activity) is { } reference
            ? new TurnContext(activity, reference, directory.Find(activity.From?.AadObjectId), connector)
            : null;

    private IDisposable? BeginScope(Activity activity) =>
        logger.BeginScope(new Dictionary<string, object?>
        {
            ["ActivityId"] = activity.Id,
            ["ActivityType"] = activity.Type,
            ["ConversationId"] = activity.Conversation?.Id,
        });

    /// <summary>A storage hiccup must not cost the person their answer: the reference is captured again on their next activity.</summary>
    private async Task RememberAsync(ConversationReference reference, bool installing, CancellationToken cancellationToken)
    {
        try
        {
            await references.RememberAsync(reference, installing, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.ReferenceNotStored(logger, e, reference.ConversationId);
        }
    }

    private async Task RememberOffPathAsync(ConversationReference reference)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await RememberAsync(reference, installing: false, timeout.Token);
    }

    /// <summary>Teams announcing that the app was installed for the sender: the one event that may move their 1:1 chat.</summary>
    private static bool IsInstallation(Activity activity) =>
        activity.AddsTheBot
        || (activity.IsType(ActivityTypes.InstallationUpdate) && activity.Action?.StartsWith("add", StringComparison.OrdinalIgnoreCase) == true);

    private async Task ApologiseAsync(TurnContext turn, Exception failure)
    {
        // A send whose outcome is unknown may have arrived: an apology after it would contradict what the person sees.
        if (failure is DeliveryOutcomeUnknownException)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await turn.SendTextAsync(Texts.TurnFailed, timeout.Token);
        }
        catch (Exception e)
        {
            Log.ApologyFailed(logger, e, turn.Activity.Id);
        }
    }
}
