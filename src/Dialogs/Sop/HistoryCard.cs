using System.Text.Json.Nodes;
using PerijinanBot.Dialogs.Cards;

namespace PerijinanBot.Dialogs.Sop;

/// <summary><c>riwayat &lt;nomor&gt;</c>: every visit of every step, in order, measured against its standard.</summary>
public static class HistoryCard
{
    public static JsonObject Build(HistoryCardView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new List<JsonNode>();
        body.AddRange(SopBlocks.Header(view.Header, view.Title));
        if (view.Omitted is { } omitted)
        {
            body.Add(CardElements.Text(omitted, TextStyle.Subtle));
        }

        foreach (var entry in view.Entries)
        {
            var title = new JsonObject { ["type"] = "TextBlock", ["text"] = entry.Title, ["wrap"] = true, ["weight"] = "Bolder" };
            if (entry.Late || entry.Negative)
            {
                title["color"] = "Attention";
            }

            body.Add(CardInputs.Container([title, .. SopBlocks.Rows(entry.Rows)], entry.Negative ? "warning" : "emphasis", spacing: "Medium"));
        }

        body.Add(CardInputs.ActionSet([CardInputs.CommandButton("Lihat status", $"status {view.Number}")]));
        return CardElements.Card(body);
    }
}
