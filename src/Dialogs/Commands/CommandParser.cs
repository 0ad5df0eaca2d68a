using System.Text;
using System.Text.RegularExpressions;

namespace PerijinanBot.Dialogs.Commands;

/// <summary>
/// Turns what a person typed into a command. Tolerant the way people type in chat: any case, a leading
/// slash, trailing punctuation, an @mention of the bot anywhere (group chats and channels), extra spaces.
/// </summary>
public static partial class CommandParser
{
    public static ParsedCommand Parse(string? text)
    {
        var cleaned = Clean(text);
        if (cleaned.Length == 0)
        {
            return new ParsedCommand(CommandKind.Unknown, "", "");
        }

        var space = cleaned.IndexOf(' ', StringComparison.Ordinal);
        var word = (space < 0 ? cleaned : cleaned[..space]).TrimStart('/').TrimEnd('.', ',', '!', '?', ':', ';');
        var argument = space < 0 ? "" : cleaned[(space + 1)..].Trim();
        if (word.Length == 0 && cleaned.StartsWith('?'))
        {
            word = "?";
        }

        var command = CommandCatalog.Find(word.ToLowerInvariant());
        return new ParsedCommand(command?.Kind ?? CommandKind.Unknown, argument, cleaned);
    }

    private static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        // Decoded first, stripped after: Teams sends a typed "<" as "&lt;", and decoding after stripping would turn typed
        // "&lt;a href=…&gt;" into a live tag. Whatever entity text is left ("&amp;lt;" decodes once to "&lt;") stays text.
        var decoded = System.Net.WebUtility.HtmlDecode(text);
        var withoutMentions = MentionTag().Replace(decoded, " ");
        var withoutTags = HtmlTag().Replace(withoutMentions, " ");
        var builder = new StringBuilder(withoutTags.Length);
        foreach (var c in withoutTags.Normalize(NormalizationForm.FormKC))
        {
            builder.Append(char.IsWhiteSpace(c) || char.IsControl(c) ? ' ' : c);
        }

        return MultipleSpaces().Replace(builder.ToString(), " ").Trim();
    }

    [GeneratedRegex(@"<at\b[^>]*>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex MentionTag();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex MultipleSpaces();
}
