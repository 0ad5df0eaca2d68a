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
            Ac.Text(view.Title, TextStyle.Title),
            Ac.Text(view.Summary),
        };
        foreach (var item in view.Items)
        {
            var lines = new List<JsonNode>
            {
                new JsonObject { ["type"] = "TextBlock", ["text"] = $"{item.Number} {SopBlocks.Dash} {item.StepText}", ["wrap"] = true, ["weight"] = "Bolder" },
            };
            if (item.Koperasi is { } koperasi)
            {
                var typed = Ac.UserText(koperasi, 200);
                typed["inlines"]!.AsArray().Insert(0, new JsonObject { ["type"] = "TextRun", ["text"] = "Koperasi: ", ["isSubtle"] = true });
                lines.Add(typed);
            }

            lines.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = item.Due, ["wrap"] = true, ["spacing"] = "Small" });
            lines.Add(AcInputs.Colored(item.Timing, item.Late ? "Attention" : "Good", bold: item.Late));
            if (item.PlhNote is { } plh)
            {
                lines.Add(AcInputs.Colored(plh, "Accent"));
            }

            lines.Add(AcInputs.ActionSet([SopBlocks.OpenButton(item.Number)]));
            body.Add(AcInputs.Container(lines, item.Late ? "attention" : "emphasis", spacing: "Medium"));
        }

        if (view.Omitted is { } omitted)
        {
            body.Add(Ac.Text(omitted, TextStyle.Subtle));
        }

        return Ac.Card(body);
    }
}
