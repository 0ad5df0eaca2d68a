using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PerijinanBot.Dialogs.Tests.Sop;

namespace PerijinanBot.Dialogs.Tests.TypedText;

/// <summary>
/// Where Teams reads a string as markdown, and whether typed text in it would render as something other than what was
/// typed. Markdown is read in a TextBlock's text, a Fact's title and value (Teams' card formatting page), and in a message
/// sent with textFormat markdown; TextRuns, inputs, choices and button titles are not read as markdown.
/// </summary>
internal static partial class MarkdownSinks
{
    /// <summary>Every markdown-capable string of a card, ShowCard cards and fallbacks included, with where it was found.</summary>
    public static IEnumerable<(string Where, string Text)> Strings(JsonNode card)
    {
        foreach (var node in CardJson.All(card))
        {
            switch ((string?)node["type"])
            {
                case "TextBlock":
                    yield return ("TextBlock.text", (string?)node["text"] ?? "");
                    break;
                case "FactSet":
                    foreach (var fact in node["facts"]!.AsArray())
                    {
                        yield return ("Fact.title", (string?)fact!["title"] ?? "");
                        yield return ("Fact.value", (string?)fact["value"] ?? "");
                    }

                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>
    /// The constructs in <paramref name="markdown"/> that typed text made live: a link, emphasis, strikethrough, code, a
    /// heading, list or quote at the start of a line, each holding <see cref="Typing.Marker"/> (fixed words may say
    /// "ketik **bantuan**", typed words may not), and any HTML tag or character entity (fixed words have none).
    /// </summary>
    public static IEnumerable<string> LiveConstructs(string markdown)
    {
        foreach (var regex in new[] { Link(), Emphasis(), Code() })
        {
            foreach (Match m in regex.Matches(markdown))
            {
                if (m.Value.Contains(Typing.Marker, StringComparison.Ordinal))
                {
                    yield return m.Value;
                }
            }
        }

        foreach (Match m in LineStart().Matches(markdown))
        {
            if (m.Value.Contains(Typing.Marker, StringComparison.Ordinal))
            {
                yield return m.Value;
            }
        }

        foreach (var regex in new[] { HtmlTag(), Entity() })
        {
            foreach (Match m in regex.Matches(markdown))
            {
                yield return m.Value;
            }
        }
    }

    /// <summary>Every live construct in every markdown-capable string of <paramref name="card"/>, saying where.</summary>
    public static List<string> Violations(JsonNode card) =>
        [.. Strings(card).SelectMany(s => LiveConstructs(s.Text).Select(c => $"{s.Where}: “{c}” in “{s.Text}”"))];

    /// <summary>Everything a person reads on the card, markdown or not: the typed text must still be there, not dropped.</summary>
    public static string Visible(JsonNode card) => CardJson.Text(card);

    [GeneratedRegex(@"!?\[[^\[\]]*\]\s*\(")]
    private static partial Regex Link();

    [GeneratedRegex(@"(\*\*|__|~~|\*|_|~)(?=\S).*?(?<=\S)\1", RegexOptions.Singleline)]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"`+[^`]+`+")]
    private static partial Regex Code();

    /// <summary>A line starts after \n and, in a TextBlock, also after \r (the Adaptive Cards list examples use \r).</summary>
    [GeneratedRegex(@"(?:^|(?<=[\r\n]))[ \t]*(#{1,6}|[-+*>]|\d{1,9}[.)])(?=[ \t\r\n]|$)[^\r\n]*")]
    private static partial Regex LineStart();

    [GeneratedRegex(@"</?[A-Za-z][^<>]*>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"&(#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")]
    private static partial Regex Entity();
}
