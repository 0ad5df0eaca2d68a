using System.Text.Json.Nodes;
using PerijinanBot.Dialogs.Cards;
using PerijinanBot.Dialogs.Sop;

namespace PerijinanBot.Dialogs.Reminders;

/// <summary>The 07.30 digest: the person's open steps (late ones first, each with its button) and, for the leaders, the Bidang's count.</summary>
public static class DigestCard
{
    public static JsonObject Build(DigestCardView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var title = CardElements.Text(view.Title, TextStyle.Title);
        title["id"] = "ringkasan-harian";
        var body = new List<JsonNode> { title, CardElements.Text(view.DateLine, TextStyle.Subtle) };
        if (view.BidangLine is { } bidang)
        {
            body.Add(CardInputs.Container([CardElements.Text(bidang)], "emphasis"));
        }

        // The tugas list as "tugas" shows it, under its own heading.
        var tasks = TasksCard.Build(view.Tasks)["body"]!.AsArray().Select(n => n!.DeepClone()).ToList();
        if (tasks.Count > 0 && tasks[0] is JsonObject heading)
        {
            heading["size"] = "Medium";
            heading.Remove("style");
        }

        body.AddRange(tasks);
        return CardElements.Card(body);
    }
}
