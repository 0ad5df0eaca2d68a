using System.Text.Json.Nodes;

namespace PerijinanBot.Dialogs.Cards;

/// <summary>
/// The few Adaptive Card elements this bot uses, as JSON nodes. Schema 1.5: what Teams renders on desktop and mobile.
/// </summary>
public static class CardElements
{
    public const string Version = "1.5";
    public const string Schema = "http://adaptivecards.io/schemas/adaptive-card.json";

    public static JsonObject Card(IEnumerable<JsonNode> body, IEnumerable<JsonNode>? actions = null)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = Schema,
            ["version"] = Version,
            ["body"] = new JsonArray([.. body]),
            ["msteams"] = new JsonObject { ["width"] = "Full" },
        };
        if (actions is not null)
        {
            var list = new JsonArray([.. actions]);
            if (list.Count > 0)
            {
                card["actions"] = list;
            }
        }

        return card;
    }

    public static JsonObject Text(string text, TextStyle style = TextStyle.Default)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        switch (style)
        {
            case TextStyle.Title:
                block["size"] = "Large";
                block["weight"] = "Bolder";
                block["style"] = "heading";
                break;
            case TextStyle.Heading:
                block["size"] = "Medium";
                block["weight"] = "Bolder";
                block["spacing"] = "Medium";
                break;
            case TextStyle.Subtle:
                block["isSubtle"] = true;
                block["spacing"] = "Small";
                break;
            case TextStyle.Warning:
                block["color"] = "Warning";
                break;
            case TextStyle.Default:
            default:
                break;
        }

        return block;
    }

    /// <summary>
    /// Text a person typed, shown as they typed it. A TextRun is never read as markdown, so nothing typed can become
    /// bold, a link or a mention; over <paramref name="maxChars"/> it is cut for display (the record keeps it whole).
    /// </summary>
    public static JsonObject UserText(string text, int maxChars = 2000, bool subtle = false)
    {
        var shown = text.Length <= maxChars ? text : string.Concat(text.AsSpan(0, maxChars), " … (dipotong; teks lengkap tersimpan)");
        var run = new JsonObject { ["type"] = "TextRun", ["text"] = shown };
        if (subtle)
        {
            run["isSubtle"] = true;
        }

        return new JsonObject { ["type"] = "RichTextBlock", ["inlines"] = new JsonArray(run) };
    }

    public static JsonObject Facts(IEnumerable<(string Title, string Value)> facts) => new()
    {
        ["type"] = "FactSet",
        ["facts"] = new JsonArray([.. facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Title, ["value"] = f.Value })]),
    };

    /// <summary>
    /// What one row of buttons may hold, in characters of title plus <see cref="ButtonChars"/> a button. Teams lays the buttons
    /// of a set side by side on one line and cuts the titles that do not fit: on a 360 px phone a card has 328 px for them,
    /// about 42 characters of its 14 px semibold text. A styled container pads 16 px a side: 4 characters fewer.
    /// tools/browser/render-cards.mjs measures the cards in Chromium and CardLayoutInBrowserTests (Bot.Tests) holds them to it.
    /// </summary>
    public const int PhoneRowChars = 40;

    public const int PhoneRowCharsInContainer = 36;

    /// <summary>A button's padding, border and the gap to the next, in characters.</summary>
    private const int ButtonChars = 5;

    /// <summary>
    /// Buttons in rows that fit a phone (ActionSets in the body, in the given order): a row takes buttons while their titles
    /// fit <paramref name="rowChars"/> (see <see cref="PhoneRowChars"/>), and at most four, since Teams shows at most five
    /// actions per set and the commands offered to a Ketua or Admin are more than that.
    /// </summary>
    public static IEnumerable<JsonObject> ButtonRows(IEnumerable<JsonNode> buttons, int rowChars = PhoneRowChars)
    {
        ArgumentNullException.ThrowIfNull(buttons);
        var row = new List<JsonNode>();
        var used = 0;
        foreach (var button in buttons)
        {
            var chars = ((string?)button["title"])?.Length + ButtonChars ?? ButtonChars;
            if (row.Count > 0 && (used + chars > rowChars || row.Count == 4))
            {
                yield return ActionRow(row);
                row = [];
                used = 0;
            }

            row.Add(button);
            used += chars;
        }

        if (row.Count > 0)
        {
            yield return ActionRow(row);
        }
    }

    private static JsonObject ActionRow(List<JsonNode> buttons) => new() { ["type"] = "ActionSet", ["actions"] = new JsonArray([.. buttons]) };

    /// <summary>
    /// A button that runs a chat command, as if the person had typed it. Action.Submit arrives as a message whose
    /// value carries the command, in Teams and in the Agents Playground alike.
    /// </summary>
    public static JsonObject CommandButton(string title, string command) => new()
    {
        ["type"] = "Action.Submit",
        ["title"] = title,
        ["data"] = new JsonObject { ["command"] = command },
    };
}

public enum TextStyle
{
    Default,
    Title,
    Heading,
    Subtle,
    Warning,
}
