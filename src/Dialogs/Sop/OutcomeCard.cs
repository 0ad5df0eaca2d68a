using System.Text.Json.Nodes;
using PerijinanBot.Dialogs.Cards;

namespace PerijinanBot.Dialogs.Sop;

/// <summary>
/// Replaces a decided step card, for the person who clicked and in every older copy: read-only, no inputs, no decision
/// buttons; who decided what and when, the reason of a Tidak, the Plh. basis, what happens next.
/// </summary>
public static class OutcomeCard
{
    public static JsonObject Build(OutcomeCardView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new List<JsonNode>();
        body.AddRange(SopBlocks.Header(view.Header, view.Title));
        body.Add(CardInputs.Container(
            [
                new JsonObject
                {
                    ["type"] = "TextBlock",
                    ["text"] = view.Headline,
                    ["wrap"] = true,
                    ["size"] = "Large",
                    ["weight"] = "Bolder",
                    ["color"] = view.Negative ? "Attention" : "Good",
                },
                .. SopBlocks.Rows(view.Rows),
            ],
            view.Negative ? "warning" : "good",
            spacing: "Medium"));
        body.Add(CardElements.Text(view.Next, TextStyle.Heading));
        body.Add(SopBlocks.Timeline(view.Timeline));
        body.Add(CardInputs.ActionSet([CardInputs.CommandButton("Lihat riwayat", $"riwayat {view.Number}")]));
        return CardElements.Card(body);
    }
}
