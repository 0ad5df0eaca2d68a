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
    /// Buttons in rows of at most <paramref name="perRow"/> (ActionSets in the body): Teams shows at most five actions per
    /// set, and the commands offered to a Ketua or Admin are more than that.
    /// </summary>
    public static IEnumerable<JsonObject> ButtonRows(IEnumerable<JsonNode> buttons, int perRow = 4) =>
        buttons.Chunk(perRow).Select(row => new JsonObject { ["type"] = "ActionSet", ["actions"] = new JsonArray([.. row]) });

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
