using System.Text.Json.Nodes;
using PerijinanBot.Dialogs.Cards;

namespace PerijinanBot.Dialogs.Sop;

/// <summary>
/// Adaptive Card pieces the SOP cards need beyond <see cref="CardElements"/>: inputs, layout, Universal Actions with their
/// Action.Submit fallback, and text that mixes fixed words with what people typed (typed text only ever in TextRuns).
/// </summary>
public static class CardInputs
{
    public static JsonObject Container(IEnumerable<JsonNode> items, string? style = null, bool separator = false, string? spacing = null)
    {
        var container = new JsonObject { ["type"] = "Container", ["items"] = new JsonArray([.. items]) };
        if (style is not null)
        {
            container["style"] = style;
        }

        if (separator)
        {
            container["separator"] = true;
        }

        if (spacing is not null)
        {
            container["spacing"] = spacing;
        }

        return container;
    }

    /// <summary>A small bold caption over a block (typed text, a list, …).</summary>
    public static JsonObject Caption(string text) =>
        new() { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true, ["weight"] = "Bolder", ["spacing"] = "Small" };

    /// <summary>A TextBlock in a colour: "Good", "Attention", "Warning", "Accent".</summary>
    public static JsonObject Colored(string text, string color, bool bold = false)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true, ["color"] = color, ["spacing"] = "Small" };
        if (bold)
        {
            block["weight"] = "Bolder";
        }

        return block;
    }

    /// <summary>
    /// A message that must be read first (a refusal, a send-back). Shown as a TextRun because engine messages may quote what
    /// someone typed (an invalid choice, a cancellation reason).
    /// </summary>
    public static JsonObject Banner(string message, string style = "attention", string? caption = null)
    {
        var items = new List<JsonNode>();
        if (caption is not null)
        {
            items.Add(Caption(caption));
        }

        var run = new JsonObject { ["type"] = "TextRun", ["text"] = message, ["weight"] = "Bolder" };
        if (style == "attention")
        {
            run["color"] = "Attention";
        }

        items.Add(new JsonObject { ["type"] = "RichTextBlock", ["inlines"] = new JsonArray(run) });
        return Container(items, style);
    }

    /// <summary>http(s) links a person entered, one per line, clickable; anything else shown as plain typed text.</summary>
    public static JsonObject Links(string text, int maxChars)
    {
        var inlines = new JsonArray();
        var shown = 0;
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (shown + line.Length > maxChars)
            {
                inlines.Add(new JsonObject { ["type"] = "TextRun", ["text"] = "… (dipotong; teks lengkap tersimpan)", ["isSubtle"] = true });
                break;
            }

            if (inlines.Count > 0)
            {
                inlines.Add(new JsonObject { ["type"] = "TextRun", ["text"] = "\n" });
            }

            var run = new JsonObject { ["type"] = "TextRun", ["text"] = line };
            if (Uri.TryCreate(line, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            {
                run["selectAction"] = new JsonObject { ["type"] = "Action.OpenUrl", ["url"] = uri.AbsoluteUri };
            }

            inlines.Add(run);
            shown += line.Length;
        }

        return new JsonObject { ["type"] = "RichTextBlock", ["inlines"] = inlines };
    }

    public static JsonObject TextInput(string id, string label, string errorMessage, string? value, bool required, int? maxLength, bool multiline, string? placeholder = null, string? regex = null)
    {
        var input = Input("Input.Text", id, label, errorMessage, required);
        if (multiline)
        {
            input["isMultiline"] = true;
        }

        if (maxLength is int max)
        {
            input["maxLength"] = max;
        }

        if (regex is not null)
        {
            input["regex"] = regex;
        }

        SetIfPresent(input, "placeholder", placeholder);
        SetIfPresent(input, "value", value);
        return input;
    }

    public static JsonObject NumberInput(string id, string label, string errorMessage, long? value, bool required, int? min, int? max)
    {
        var input = Input("Input.Number", id, label, errorMessage, required);
        if (min is int low)
        {
            input["min"] = low;
        }

        if (max is int high)
        {
            input["max"] = high;
        }

        if (value is long v)
        {
            input["value"] = v;
        }

        return input;
    }

    public static JsonObject DateInput(string id, string label, string errorMessage, string? value, bool required)
    {
        var input = Input("Input.Date", id, label, errorMessage, required);
        SetIfPresent(input, "value", value);
        return input;
    }

    public static JsonObject TimeInput(string id, string label, string errorMessage, string? value, bool required)
    {
        var input = Input("Input.Time", id, label, errorMessage, required);
        SetIfPresent(input, "value", value);
        return input;
    }

    /// <summary>A drop-down (compact) or, for several answers, ticks (expanded, multi-select: values arrive comma-separated).</summary>
    public static JsonObject ChoiceSet(string id, string label, string errorMessage, IEnumerable<(string Value, string Title)> choices, string? value, bool required, bool multiSelect, string? placeholder = null)
    {
        var input = Input("Input.ChoiceSet", id, label, errorMessage, required);
        input["choices"] = new JsonArray([.. choices.Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["value"] = c.Value })]);
        // Ticks for a few choices; a long list (the 14 kabupaten/kota) is a dropdown, or it fills a phone's screen.
        var list = (JsonArray)input["choices"]!;
        input["style"] = multiSelect && list.Count <= 6 ? "expanded" : "compact";
        if (multiSelect)
        {
            input["isMultiSelect"] = true;
        }

        SetIfPresent(input, "placeholder", placeholder);
        SetIfPresent(input, "value", value);
        return input;
    }

    /// <summary>
    /// Action.Execute (Universal Actions) with an Action.Submit fallback for older clients. The fallback carries the same data
    /// plus <c>verb</c>, so both arrive at the same handler.
    /// </summary>
    public static JsonObject Execute(string title, string verb, JsonObject data)
    {
        var fallbackData = data.DeepClone().AsObject();
        fallbackData["verb"] = verb;
        return new JsonObject
        {
            ["type"] = "Action.Execute",
            ["title"] = title,
            ["verb"] = verb,
            ["data"] = data.DeepClone(),
            ["fallback"] = new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = fallbackData },
        };
    }

    /// <summary>A command button that does not collect or validate the card's inputs (e.g. "batal …" beside a form).</summary>
    public static JsonObject CommandButton(string title, string command)
    {
        var button = CardElements.CommandButton(title, command);
        button["associatedInputs"] = "none";
        return button;
    }

    /// <summary>A button that reveals a small card (the reason of a Tidak) under the actions.</summary>
    public static JsonObject ShowCard(string title, IEnumerable<JsonNode> body) => new()
    {
        ["type"] = "Action.ShowCard",
        ["title"] = title,
        ["card"] = new JsonObject { ["type"] = "AdaptiveCard", ["body"] = new JsonArray([.. body]) },
    };

    /// <summary>Actions inside the body: the form Universal Actions recommend for older clients.</summary>
    public static JsonObject ActionSet(IEnumerable<JsonNode> actions, bool separator = false)
    {
        var set = new JsonObject { ["type"] = "ActionSet", ["actions"] = new JsonArray([.. actions]) };
        if (separator)
        {
            set["separator"] = true;
            set["spacing"] = "Medium";
        }

        return set;
    }

    /// <summary>A button that shows or hides, in place, the elements with these ids (sections collapsed with <see cref="Hidden"/>).</summary>
    public static JsonObject Toggle(string title, params string[] targets) => new()
    {
        ["type"] = "Action.ToggleVisibility",
        ["title"] = title,
        ["targetElements"] = new JsonArray([.. targets.Select(t => (JsonNode)t)]),
    };

    /// <summary>A section that starts collapsed; a <see cref="Toggle"/> with its <paramref name="id"/> (unique in the card) opens it.</summary>
    public static JsonObject Hidden(string id, IEnumerable<JsonNode> items) => new()
    {
        ["type"] = "Container",
        ["id"] = id,
        ["isVisible"] = false,
        ["items"] = new JsonArray([.. items]),
    };

    private static JsonObject Input(string type, string id, string label, string errorMessage, bool required)
    {
        // An input the client never refuses (optional, no pattern) may come without a message: the koperasi slots keep the card small.
        var input = new JsonObject { ["type"] = type, ["id"] = id, ["label"] = label };
        if (errorMessage.Length > 0)
        {
            input["errorMessage"] = errorMessage;
        }

        if (required)
        {
            input["isRequired"] = true;
        }

        return input;
    }

    private static void SetIfPresent(JsonObject node, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            node[name] = value;
        }
    }
}
