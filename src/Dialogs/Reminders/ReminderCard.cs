using System.Text.Json.Nodes;
using PerijinanBot.Dialogs.Cards;
using PerijinanBot.Dialogs.Sop;

namespace PerijinanBot.Dialogs.Reminders;

/// <summary>A reminder or an escalation: what is due or late, by how long in working time, and the button to open the step's card.</summary>
public static class ReminderCard
{
    public static JsonObject Build(ReminderCardView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var title = CardElements.Text(view.Title, TextStyle.Title);
        title["id"] = "pengingat-" + view.Kind;
        var body = new List<JsonNode>
        {
            title,
            CardInputs.Container([CardInputs.Colored(view.Lead, view.Attention ? "Attention" : "Default", bold: view.Attention)], view.Attention ? "attention" : "emphasis"),
        };
        body.AddRange(SopBlocks.Rows(view.Rows));
        body.Add(CardInputs.ActionSet([SopBlocks.OpenButton(view.Number)]));
        return CardElements.Card(body);
    }
}
