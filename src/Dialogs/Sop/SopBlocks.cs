using System.Globalization;
using System.Text.Json.Nodes;
using PerijinanBot.Dialogs.Cards;

namespace PerijinanBot.Dialogs.Sop;

/// <summary>The parts several SOP cards share: the kegiatan header, label/value rows, the timeline, the current state, inputs.</summary>
internal static class SopBlocks
{
    /// <param name="withSopLine">False where the card shows the SOP's line elsewhere (the step card, in its collapsed standard).</param>
    public static IEnumerable<JsonNode> Header(KegiatanHeader header, string title, bool withSopLine = true)
    {
        if (withSopLine)
        {
            yield return SopLine(header);
        }

        yield return CardElements.Text(title, TextStyle.Title);
        foreach (var row in Rows(header.Rows))
        {
            yield return row;
        }
    }

    /// <summary>"SOP 000.8 / 1622 / DISKOPUKM.B — ‹the SOP's name›", small and subtle.</summary>
    public static JsonObject SopLine(KegiatanHeader header) =>
        new() { ["type"] = "TextBlock", ["text"] = header.SopLine, ["wrap"] = true, ["isSubtle"] = true, ["size"] = "Small" };

    /// <summary>
    /// Label/value rows: consecutive fixed values as one FactSet (compact; FactSet values are markdown, so a typed value never
    /// goes there, and a typed phrase in a fixed one only through <see cref="Markdown.Literal"/>); typed values under a
    /// caption, as TextRuns.
    /// </summary>
    public static IEnumerable<JsonNode> Rows(IEnumerable<LabelledValue> rows)
    {
        var facts = new List<(string, string)>();
        foreach (var row in rows)
        {
            if (row.Value.Kind == ValueKind.Fixed)
            {
                facts.Add((row.Label, row.Value.Text));
                continue;
            }

            if (facts.Count > 0)
            {
                yield return CardElements.Facts(facts);
                facts = [];
            }

            yield return CardInputs.Caption(row.Label);
            yield return Value(row.Value);
        }

        if (facts.Count > 0)
        {
            yield return CardElements.Facts(facts);
        }
    }

    public static JsonObject Value(ShownValue value) => value.Kind switch
    {
        ValueKind.Typed => CardElements.UserText(value.Text, value.MaxChars),
        ValueKind.Links => CardInputs.Links(value.Text, value.MaxChars),
        _ => new JsonObject { ["type"] = "TextBlock", ["text"] = value.Text, ["wrap"] = true },
    };

    public static JsonObject Timeline(IReadOnlyList<TimelineEntry> entries)
    {
        var items = new List<JsonNode> { CardElements.Text("Alur langkah", TextStyle.Heading) };
        foreach (var entry in entries)
        {
            var (mark, color) = entry.State switch
            {
                TimelineState.Done => ("✔", entry.Late ? "Attention" : "Good"),
                TimelineState.Current => ("▶", entry.Late ? "Attention" : "Accent"),
                TimelineState.Stopped => ("✖", "Attention"),
                _ => ("○", "Default"),
            };
            var title = new JsonObject { ["type"] = "TextBlock", ["text"] = $"{entry.Title} {Dash} {entry.Pelaksana}", ["wrap"] = true };
            if (entry.State == TimelineState.Current)
            {
                title["weight"] = "Bolder";
            }

            var detail = new JsonObject { ["type"] = "TextBlock", ["text"] = entry.Detail, ["wrap"] = true, ["spacing"] = "None", ["size"] = "Small" };
            if (entry.Late)
            {
                detail["color"] = "Attention";
            }
            else
            {
                detail["isSubtle"] = true;
            }

            items.Add(new JsonObject
            {
                ["type"] = "ColumnSet",
                ["spacing"] = "Small",
                ["columns"] = new JsonArray(
                    new JsonObject { ["type"] = "Column", ["width"] = "auto", ["items"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = mark, ["color"] = color }) },
                    new JsonObject { ["type"] = "Column", ["width"] = "stretch", ["items"] = new JsonArray(title, detail) }),
            });
        }

        return CardInputs.Container(items, separator: true, spacing: "Medium");
    }

    public static IEnumerable<JsonNode> State(StateView state)
    {
        yield return CardElements.Text("Posisi saat ini", TextStyle.Heading);
        foreach (var row in Rows(state.Rows))
        {
            yield return row;
        }

        if (state.LateText is { } late)
        {
            yield return CardInputs.Colored(late, "Attention", bold: true);
        }
    }

    public static JsonObject Input(InputView input) => input.Kind switch
    {
        InputKind.Number => CardInputs.NumberInput(input.Id, input.Label, input.ErrorMessage, Number(input.Value), input.Required, input.Min, input.Max),
        InputKind.Date => CardInputs.DateInput(input.Id, input.Label, input.ErrorMessage, input.Value, input.Required),
        InputKind.Time => CardInputs.TimeInput(input.Id, input.Label, input.ErrorMessage, input.Value, input.Required),
        InputKind.Choice or InputKind.MultiChoice => CardInputs.ChoiceSet(
            input.Id,
            input.Label,
            input.ErrorMessage,
            (input.Choices ?? []).Select(c => (c.Value, c.Title)),
            input.Value,
            input.Required,
            input.Kind == InputKind.MultiChoice,
            input.Placeholder),
        _ => CardInputs.TextInput(input.Id, input.Label, input.ErrorMessage, input.Value, input.Required, input.MaxLength, input.Kind == InputKind.Multiline, input.Placeholder, input.Regex),
    };

    /// <summary>
    /// Inputs in order; a run with the same <see cref="InputGroup"/> becomes one container. The details of a group wait behind
    /// its own toggle ("Rincian koperasi N"); a group hidden at first is opened by a toggle of the group before it ("Tambah
    /// koperasi"), beside that group's details toggle when it has one (one row of buttons: shorter on a phone, smaller card).
    /// </summary>
    public static IEnumerable<JsonNode> Inputs(IReadOnlyList<InputView> inputs)
    {
        var output = new List<JsonNode>();
        JsonArray? previous = null;
        JsonArray? previousToggles = null;
        for (var i = 0; i < inputs.Count;)
        {
            if (inputs[i].Group is not { } group)
            {
                output.Add(Input(inputs[i++]));
                previous = null;
                previousToggles = null;
                continue;
            }

            var items = new JsonArray();
            if (group.Caption is { } caption)
            {
                var title = CardElements.UserText(caption);
                title["inlines"]![0]!["weight"] = "Bolder";
                items.Add(title);
            }

            JsonArray? details = null;
            JsonArray? toggles = null;
            for (; i < inputs.Count && inputs[i].Group == group; i++)
            {
                if (inputs[i].Detail && group.DetailsTitle is { } detailsTitle)
                {
                    if (details is null)
                    {
                        details = [];
                        var detailsId = group.Id + ".details";
                        var set = CardInputs.ActionSet([CardInputs.Toggle(detailsTitle, detailsId)]);
                        toggles = set["actions"]!.AsArray();
                        items.Add(set);
                        items.Add(new JsonObject { ["type"] = "Container", ["id"] = detailsId, ["isVisible"] = false, ["items"] = details });
                    }

                    details.Add(Input(inputs[i]));
                    continue;
                }

                items.Add(Input(inputs[i]));
            }

            if (!group.Visible && previous is not null)
            {
                var reveal = CardInputs.Toggle(group.RevealTitle, group.Id);
                if (previousToggles is not null)
                {
                    previousToggles.Add(reveal);
                }
                else
                {
                    previous.Add(CardInputs.ActionSet([reveal]));
                }
            }

            var container = new JsonObject { ["type"] = "Container", ["id"] = group.Id, ["items"] = items };
            if (!group.Visible)
            {
                container["isVisible"] = false;
            }

            output.Add(container);
            previous = items;
            previousToggles = toggles;
        }

        return output;
    }

    /// <summary>A button that opens the kegiatan's current card again.</summary>
    public static JsonObject OpenButton(string number, string title = "Buka kartu langkah") =>
        CardInputs.Execute(title, SopVerbs.Open, SopVerbs.OpenData(number));

    public const string Dash = "—";

    private static long? Number(string? value) =>
        long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;
}
