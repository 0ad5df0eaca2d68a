using System.Text.Json.Nodes;
using PerijinanBot.Dialogs.Cards;

namespace PerijinanBot.Dialogs.Sop;

/// <summary><c>cari</c>: the kegiatan of the koperasi asked about, newest first, each with where it stands and a button to open it.</summary>
public static class SearchCard
{
    public static JsonObject Build(SearchCardView view)
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
                new JsonObject { ["type"] = "TextBlock", ["text"] = item.Number, ["wrap"] = true, ["weight"] = "Bolder" },
            };
            if (item.Judul is { } judul)
            {
                lines.Add(CardElements.UserText(judul, 200));
            }

            if (item.Koperasi is { } koperasi)
            {
                var typed = CardElements.UserText(koperasi, 300);
                typed["inlines"]!.AsArray().Insert(0, new JsonObject { ["type"] = "TextRun", ["text"] = "Koperasi: ", ["isSubtle"] = true });
                lines.Add(typed);
            }

            lines.Add(CardInputs.Colored(item.Status, item.Open ? "Accent" : "Good"));
            lines.Add(CardInputs.ActionSet([SopBlocks.OpenButton(item.Number, "Buka")]));
            body.Add(CardInputs.Container(lines, "emphasis", spacing: "Medium"));
        }

        if (view.Omitted is { } omitted)
        {
            body.Add(CardElements.Text(omitted, TextStyle.Subtle));
        }

        return CardElements.Card(body);
    }
}
