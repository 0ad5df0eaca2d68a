using System.Text.Json;
using PerijinanBot.Dialogs.Commands;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Protocol;
using PerijinanBot.Sop.People;
using PerijinanBot.Bot.Telemetry;

namespace PerijinanBot.Bot.Turns;

/// <summary>Something a feature does when a person's 1:1 chat with the bot has just come to exist (they installed the app).</summary>
internal interface IPersonalChatOpened
{
    Task OnOpenedAsync(Person person, CancellationToken cancellationToken);
}

/// <summary>What a feature does with a message that carries files (Teams file attachments or pasted images).</summary>
internal interface IFileMessages
{
    Task OnFilesAsync(TurnContext turn, CancellationToken cancellationToken);
}

/// <summary>What the bot does with each kind of activity: chat commands and card verbs go through the one <see cref="TurnRouter"/>.</summary>
internal sealed class TurnHandler(TurnRouter router, IEnumerable<IPersonalChatOpened> opened, IEnumerable<IFileMessages> files, BotMetrics metrics)
{
    private readonly IFileMessages? _files = files.SingleOrDefault();

    public Task OnMessageAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        // A message with files is about the files (any text beside them only helps to place them); nobody unknown may leave any.
        if (_files is not null && turn.Activity.Attachments?.Any(TeamsFiles.IsFile) == true)
        {
            return turn.Sender is null ? turn.SendCardAsync(RefusalCard.NotRegistered(), cancellationToken) : _files.OnFilesAsync(turn, cancellationToken);
        }

        // A card's Action.Submit fallback (older clients) carries the verb in its value: the same path as Action.Execute.
        if (SubmittedVerb(turn.Activity) is { } verb && router.TryVerb(verb, out _, out var submit))
        {
            BotTracing.TagVerb(verb);
            return submit(turn, verb, turn.Activity.Value!.Value, cancellationToken);
        }

        var command = CommandParser.Parse(SubmittedCommand(turn.Activity) ?? turn.Activity.Text);
        BotTracing.TagCommand(command.Kind.ToString());
        return router.For(command.Kind)(turn, command, cancellationToken);
    }

    /// <summary>
    /// The bot was added to a conversation (a person installed it, or it joined a group chat or team): welcome there once.
    /// Teams also sends an installationUpdate for the same install; only this event welcomes, so nobody is greeted twice.
    /// </summary>
    public async Task OnConversationUpdateAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (!turn.Activity.AddsTheBot)
        {
            return;
        }

        var person = turn.Reference.IsPersonal ? turn.Sender : null;
        await HelpTurns.WelcomeAsync(turn, person, cancellationToken);
        if (person is not null)
        {
            foreach (var feature in opened)
            {
                await feature.OnOpenedAsync(person, cancellationToken);
            }
        }
    }

    /// <summary>Invokes are answered in the HTTP response: card actions by their verb, anything else as unhandled.</summary>
    public async Task<InvokeResult> OnInvokeAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (!string.Equals(turn.Activity.Name, "adaptiveCard/action", StringComparison.Ordinal))
        {
            return InvokeResult.NotHandled(turn.Activity.Name ?? "");
        }

        var parsed = CardAction.Parse(turn.Activity.Value);
        if (parsed.Error is not null)
        {
            return parsed.Error;
        }

        var (verb, data) = (parsed.Action!.Verb, parsed.Action.Data);
        BotTracing.TagVerb(verb);
        if (router.TryVerb(verb, out var execute, out _))
        {
            return InvokeResult.Card(await execute(turn, verb, data, cancellationToken));
        }

        // A button the bot does not know (an old card, or a forged one): the person is told, in a card, what to do instead.
        metrics.Refused("UnknownButton");
        return InvokeResult.Card(RefusalCard.UnknownButton());
    }

    /// <summary>The verb of an Action.Submit fallback: a message whose value is <c>{"verb": "...", ...}</c>.</summary>
    private static string? SubmittedVerb(Activity activity) =>
        activity.Value is { ValueKind: JsonValueKind.Object } value
        && value.TryGetProperty("verb", out var verb)
        && verb.ValueKind == JsonValueKind.String
            ? verb.GetString()
            : null;

    /// <summary>An Action.Submit button that runs a command arrives as a message whose value is <c>{"command": "..."}</c>.</summary>
    private static string? SubmittedCommand(Activity activity) =>
        activity.Value is { ValueKind: JsonValueKind.Object } value
        && value.TryGetProperty("command", out var command)
        && command.ValueKind == JsonValueKind.String
            ? command.GetString()
            : null;
}
