using System.Text.Json.Nodes;
using PerijinanBot.Dialogs.Cards;

namespace PerijinanBot.Dialogs.Sop;

/// <summary><c>tugas</c>: the viewer's open steps, late ones first in the attention colour, each with a button to open its card.</summary>
public static class TasksCard
{
    public static JsonObject Build(TasksCardView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new List<JsonNode>
        {
            CardElements.Text(view.Title, TextStyle.Title),
            CardElements.Text(view.Summary),
        };
        foreach (var item in view.Items)
        {
            var lines = new List<JsonNode>
            {
                new JsonObject { ["type"] = "TextBlock", ["text"] = $"{item.Number} {SopBlocks.Dash} {item.StepText}", ["wrap"] = true, ["weight"] = "Bolder" },
            };
            if (item.Koperasi is { } koperasi)
            {
                var typed = CardElements.UserText(koperasi, 200);
                typed["inlines"]!.AsArray().Insert(0, new JsonObject { ["type"] = "TextRun", ["text"] = "Koperasi: ", ["isSubtle"] = true });
                lines.Add(typed);
            }

            lines.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = item.Due, ["wrap"] = true, ["spacing"] = "Small" });
            lines.Add(CardInputs.Colored(item.Timing, item.Late ? "Attention" : "Good", bold: item.Late));
            if (item.StandInNote is { } plh)
            {
                lines.Add(CardInputs.Colored(plh, "Accent"));
            }

            lines.Add(CardInputs.ActionSet([SopBlocks.OpenButton(item.Number)]));
            body.Add(CardInputs.Container(lines, item.Late ? "attention" : "emphasis", spacing: "Medium"));
        }

        if (view.Omitted is { } omitted)
        {
            body.Add(CardElements.Text(omitted, TextStyle.Subtle));
        }

        return CardElements.Card(body);
    }
}
