using PerijinanBot.Dialogs;
using PerijinanBot.Dialogs.Cards;
using PerijinanBot.Dialogs.Commands;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Bot.Turns;

/// <summary><c>bantuan</c>, the welcome when the bot is added somewhere, and the answer to a command nobody knows.</summary>
internal sealed class HelpTurns : ITurnRoutes
{
    public void Register(TurnRouter router)
    {
        router.Command(CommandKind.Help, HelpAsync, Audience.Anyone);
        router.Command(CommandKind.Unknown, UnknownAsync, Audience.Anyone);
    }

    public static Task WelcomeAsync(TurnContext turn, Person? person, CancellationToken cancellationToken)
    {
        var view = new WelcomeView(person?.Name, RoleNamesOf(person), !turn.Reference.IsPersonal, CommandCatalog.ButtonsFor(person?.Roles ?? new HashSet<Role>()));
        return turn.SendCardAsync(WelcomeCard.Build(view), cancellationToken);
    }

    private static Task HelpAsync(TurnContext turn, ParsedCommand command, CancellationToken cancellationToken)
    {
        var roles = turn.Sender?.Roles ?? new HashSet<Role>();
        var view = new HelpView(turn.Sender?.Name, RoleNamesOf(turn.Sender), CommandCatalog.All, CommandCatalog.ButtonsFor(roles));
        return turn.SendCardAsync(HelpCard.Build(view), cancellationToken);
    }

    private static Task UnknownAsync(TurnContext turn, ParsedCommand command, CancellationToken cancellationToken) =>
        turn.SendTextAsync(Texts.UnknownCommand(command.Text), cancellationToken);

    private static IReadOnlyList<string> RoleNamesOf(Person? person) =>
        person is null ? [] : [.. person.Roles.Order().Select(r => r.Indonesian())];
}
