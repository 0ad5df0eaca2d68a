using System.Text.Json;
using System.Text.Json.Nodes;
using PerijinanBot.Dialogs.Commands;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Bot.Telemetry;

namespace PerijinanBot.Bot.Turns;

internal delegate Task CommandHandler(TurnContext turn, ParsedCommand command, CancellationToken cancellationToken);

/// <summary>An <c>Action.Execute</c> click: answered with the card that replaces the clicked one.</summary>
internal delegate Task<JsonObject> ExecuteHandler(TurnContext turn, string verb, JsonElement data, CancellationToken cancellationToken);

/// <summary>The same click through the <c>Action.Submit</c> fallback of older clients: a message whose value carries the verb.</summary>
internal delegate Task SubmitHandler(TurnContext turn, string verb, JsonElement value, CancellationToken cancellationToken);

/// <summary>Who may reach a command or a card verb.</summary>
internal enum Audience
{
    /// <summary>People in the directory; anyone else gets the "belum terdaftar" card and nothing is read or changed.</summary>
    Registered,

    /// <summary>Anyone in the tenant: help, the hint for unknown text, the SOP's own description. Nothing of a kegiatan.</summary>
    Anyone,
}

/// <summary>A feature's chat commands and card verbs. Each feature's turn handler implements it and is registered as one.</summary>
internal interface ITurnRoutes
{
    void Register(TurnRouter router);
}

/// <summary>
/// The one table of chat commands and card verbs, filled at start-up by every <see cref="ITurnRoutes"/>. A verb or command
/// claimed twice, or a command in the catalog that nothing handles, stops the bot before it takes a request.
/// It is also the one read rule: unless registered for <see cref="Audience.Anyone"/>, a command or verb answers someone
/// not in the directory with the "belum terdaftar" card before its handler runs.
/// </summary>
internal sealed class TurnRouter
{
    private readonly Dictionary<CommandKind, CommandHandler> _commands = [];
    private readonly Dictionary<string, (ExecuteHandler Execute, SubmitHandler Submit)> _verbs = new(StringComparer.Ordinal);

    private readonly BotMetrics? _metrics;

    public TurnRouter(IEnumerable<ITurnRoutes> features, BotMetrics? metrics = null)
    {
        _metrics = metrics;
        foreach (var feature in features)
        {
            feature.Register(this);
        }

        var unhandled = CommandCatalog.All.Where(c => !_commands.ContainsKey(c.Kind)).Select(c => c.Word).ToList();
        if (unhandled.Count > 0)
        {
            throw new InvalidOperationException($"Commands listed in the help have no handler: {string.Join(", ", unhandled)}.");
        }

        if (!_commands.ContainsKey(CommandKind.Unknown))
        {
            throw new InvalidOperationException("Nothing answers an unknown command.");
        }
    }

    public IReadOnlyCollection<string> Verbs => _verbs.Keys;

    public void Command(CommandKind kind, CommandHandler handler, Audience audience = Audience.Registered)
    {
        if (audience == Audience.Registered)
        {
            var inner = handler;
            handler = (turn, command, ct) => turn.Sender is null ? turn.SendCardAsync(NotRegistered(), ct) : inner(turn, command, ct);
        }

        if (!_commands.TryAdd(kind, handler))
        {
            throw new InvalidOperationException($"Command {kind} has two handlers.");
        }
    }

    public void Verb(string verb, ExecuteHandler execute, SubmitHandler submit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(verb);
        var (innerExecute, innerSubmit) = (execute, submit);
        execute = (turn, v, data, ct) => turn.Sender is null ? Task.FromResult(NotRegistered()) : innerExecute(turn, v, data, ct);
        submit = (turn, v, value, ct) => turn.Sender is null ? turn.ReplaceClickedCardAsync(NotRegistered(), ct) : innerSubmit(turn, v, value, ct);
        if (!_verbs.TryAdd(verb, (execute, submit)))
        {
            throw new InvalidOperationException($"Card verb '{verb}' has two handlers.");
        }
    }

    public CommandHandler For(CommandKind kind) => _commands[kind];

    private JsonObject NotRegistered()
    {
        _metrics?.Refused("NotRegistered");
        return RefusalCard.NotRegistered();
    }

    public bool TryVerb(string verb, out ExecuteHandler execute, out SubmitHandler submit)
    {
        var found = _verbs.TryGetValue(verb, out var handlers);
        (execute, submit) = handlers;
        return found;
    }
}
