namespace PerijinanBot.Dialogs.Commands;

/// <summary>What a person asked the bot to do.</summary>
public enum CommandKind
{
    /// <summary>The text matched no command: answered with a short hint.</summary>
    Unknown,
    Help,
    Roles,
}

/// <param name="Kind">The command.</param>
/// <param name="Argument">What followed the command word (e.g. a kegiatan number), trimmed; empty when none.</param>
/// <param name="Text">The text as understood, mentions removed: echoed in the hint for unknown input.</param>
public sealed record ParsedCommand(CommandKind Kind, string Argument, string Text);

/// <summary>One command as the help card lists it.</summary>
/// <param name="ButtonTitle">The label of a button that runs it, in a welcome or help card.</param>
public sealed record CommandInfo(CommandKind Kind, string Word, string Usage, string Description, IReadOnlyList<string> Aliases, string ButtonTitle);
