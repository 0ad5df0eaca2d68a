using System.Text.Json;
using PerijinanBot.Bot.Graph.Directory;
using PerijinanBot.Bot.Workflow;
using PerijinanBot.Bot.Workflow.Storage;
using PerijinanBot.Dialogs;
using PerijinanBot.Dialogs.Cards;
using PerijinanBot.Dialogs.Commands;
using PerijinanBot.Protocol;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Bot.Turns;

/// <summary>What the bot does with each kind of activity. Commands and card verbs go through one table each.</summary>
internal sealed class TurnHandler
{
    private readonly RoleCommands _roles;
    private readonly SopCardActions _actions;
    private readonly DelegationCommands _delegations;
    private readonly ReportCommands _reports;
    private readonly TaskIndex _tasks;
    private readonly OutboxDispatcher _dispatcher;
    private readonly Dictionary<CommandKind, Func<TurnContext, ParsedCommand, CancellationToken, Task>> _commands = [];

    public TurnHandler(RoleCommands roles, SopCommands sop, SopCardActions actions, DelegationCommands delegations, ReportCommands reports, TaskIndex tasks, OutboxDispatcher dispatcher)
    {
        _roles = roles;
        _tasks = tasks;
        _dispatcher = dispatcher;
        _actions = actions;
        _delegations = delegations;
        _reports = reports;
        On(CommandKind.Help, HelpAsync);
        On(CommandKind.Roles, RolesAsync);
        On(CommandKind.Start, (turn, _, ct) => sop.StartAsync(turn, ct));
        On(CommandKind.Tasks, (turn, _, ct) => sop.TasksAsync(turn, ct));
        On(CommandKind.Status, sop.StatusAsync);
        On(CommandKind.History, sop.HistoryAsync);
        On(CommandKind.Sop, (turn, _, ct) => sop.SopAsync(turn, ct));
        On(CommandKind.Cancel, sop.CancelAsync);
        On(CommandKind.Reassign, sop.ReassignAsync);
        On(CommandKind.Reschedule, sop.RescheduleAsync);
        On(CommandKind.Delegation, (turn, _, ct) => delegations.ShowAsync(turn, ct));
        On(CommandKind.Agenda, reports.AgendaAsync);
        On(CommandKind.Documents, reports.DocumentsAsync);
        On(CommandKind.Compliance, reports.ComplianceAsync);
        On(CommandKind.Unknown, UnknownAsync);
        foreach (var command in CommandCatalog.All.Where(c => !_commands.ContainsKey(c.Kind)))
        {
            throw new InvalidOperationException($"Command '{command.Word}' is listed in the help but has no handler.");
        }
    }

    public Task OnMessageAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        // A card's Action.Submit fallback (older clients) carries the verb in its value: the same path as Action.Execute.
        if (SopCardActions.SubmittedVerb(turn.Activity) is { } verb)
        {
            return _actions.OnSubmitAsync(turn, verb, turn.Activity.Value!.Value, cancellationToken);
        }

        if (DelegationCommands.SubmittedVerb(turn.Activity) is { } plhVerb)
        {
            return _delegations.OnSubmitAsync(turn, plhVerb, turn.Activity.Value!.Value, cancellationToken);
        }

        if (ReportCommands.SubmittedVerb(turn.Activity) is not null)
        {
            return _reports.OnSubmitAsync(turn, turn.Activity.Value!.Value, cancellationToken);
        }

        var command = CommandParser.Parse(SubmittedCommand(turn.Activity) ?? turn.Activity.Text);
        return _commands[command.Kind](turn, command, cancellationToken);
    }

    /// <summary>
    /// The bot was added to a conversation (a person installed it, or it joined a group chat or team): welcome there once.
    /// Teams also sends an installationUpdate for the same install; only this event welcomes, so nobody is greeted twice.
    /// </summary>
    public async Task OnConversationUpdateAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var botId = turn.Activity.Recipient?.Id;
        if (botId is null || turn.Activity.MembersAdded?.Any(m => m.Id == botId) != true)
        {
            return;
        }

        var isGroup = !turn.Reference.IsPersonal;
        var person = isGroup ? null : turn.Sender;
        var view = new WelcomeView(person?.Name, RoleNamesOf(person), isGroup, CommandCatalog.ButtonsFor(person?.Roles ?? new HashSet<Role>()));
        await turn.SendCardAsync(WelcomeCard.Build(view), cancellationToken);
        if (person is not null)
        {
            // The 1:1 chat now exists (the person installed the app, or the bot installed it for them through Graph): cards
            // waiting for it go now rather than at their next retry.
            try
            {
                foreach (var task in await _tasks.ForAsync(person.AadObjectId, cancellationToken))
                {
                    await _dispatcher.RetryNowAsync(task.Number, cancellationToken);
                }
            }
            catch (Azure.RequestFailedException)
            {
                // Only a hurry-up: the waiting cards still go at their next retry.
            }
        }
    }

    /// <summary>Invokes are answered in the HTTP response: card actions by their verb, anything else as unhandled.</summary>
    public async Task<InvokeResult> OnInvokeAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (!string.Equals(turn.Activity.Name, "adaptiveCard/action", StringComparison.Ordinal))
        {
            return InvokeResult.NotImplemented;
        }

        var parsed = CardAction.Parse(turn.Activity.Value);
        if (parsed.Error is not null)
        {
            return parsed.Error;
        }

        var (verb, data) = (parsed.Action!.Verb, parsed.Action.Data);
        return SopCardActions.Handles(verb) ? InvokeResult.Card(await _actions.OnExecuteAsync(turn, verb, data, cancellationToken))
            : DelegationCommands.Handles(verb) ? InvokeResult.Card(await _delegations.OnExecuteAsync(turn, verb, data, cancellationToken))
            : ReportCommands.Handles(verb) ? InvokeResult.Card(await _reports.OnExecuteAsync(turn, data, cancellationToken))
            : InvokeResult.NotImplemented;
    }

    private void On(CommandKind kind, Func<TurnContext, ParsedCommand, CancellationToken, Task> handler)
    {
        if (!_commands.TryAdd(kind, handler))
        {
            throw new InvalidOperationException($"Command {kind} has two handlers.");
        }
    }

    private Task HelpAsync(TurnContext turn, ParsedCommand command, CancellationToken cancellationToken)
    {
        var roles = turn.Sender?.Roles ?? new HashSet<Role>();
        var view = new HelpView(turn.Sender?.Name, RoleNamesOf(turn.Sender), CommandCatalog.All, CommandCatalog.ButtonsFor(roles));
        return turn.SendCardAsync(HelpCard.Build(view), cancellationToken);
    }

    // "peran" shows the holders and where the roles come from; "peran sinkron" (Admin) reads the Entra groups now.
    private Task RolesAsync(TurnContext turn, ParsedCommand command, CancellationToken cancellationToken) =>
        _roles.HandleAsync(turn, command, cancellationToken);

    private static Task UnknownAsync(TurnContext turn, ParsedCommand command, CancellationToken cancellationToken) =>
        turn.SendTextAsync(Texts.UnknownCommand(command.Text), cancellationToken);

    private static IReadOnlyList<string> RoleNamesOf(Person? person) =>
        person is null ? [] : [.. person.Roles.Order().Select(r => r.Indonesian())];

    /// <summary>An Action.Submit button that runs a command arrives as a message whose value is <c>{"command": "..."}</c>.</summary>
    private static string? SubmittedCommand(Activity activity) =>
        activity.Value is { ValueKind: JsonValueKind.Object } value
        && value.TryGetProperty("command", out var command)
        && command.ValueKind == JsonValueKind.String
            ? command.GetString()
            : null;
}
