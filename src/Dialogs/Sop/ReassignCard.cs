using System.Text.Json.Nodes;
using PerijinanBot.Dialogs.Cards;

namespace PerijinanBot.Dialogs.Sop;

/// <summary>
/// <c>alihkan &lt;nomor&gt;</c>: the current step and its holder, the other holders of its role to pick from, an optional
/// reason, and the button (verb <see cref="SopVerbs.Reassign"/>). After the move the same card, read-only, says who holds it now.
/// </summary>
public static class ReassignCard
{
    public static JsonObject Build(ReassignCardView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new List<JsonNode>();
        if (view.Error is { } error)
        {
            body.Add(CardInputs.Banner(error, caption: "Pengalihan belum dapat diproses."));
        }

        body.AddRange(SopBlocks.Header(view.Header, view.Title));
        if (view.Done is { } done)
        {
            var items = new List<JsonNode> { CardInputs.Colored(done, "Good", bold: true) };
            items.AddRange(SopBlocks.Rows(view.DoneReason is { } reason ? [reason] : []));
            body.Add(CardInputs.Container(items, "good"));
        }

        body.AddRange(SopBlocks.State(view.State));
        body.Add(CardElements.Text(view.Explanation));
        if (view.Done is null && view.NewHolder is { } newHolder)
        {
            body.Add(SopBlocks.Input(newHolder));
            if (view.Alasan is { } alasan)
            {
                body.Add(SopBlocks.Input(alasan));
            }

            body.Add(CardInputs.ActionSet([CardInputs.Execute(view.ButtonTitle, SopVerbs.Reassign, SopVerbs.Data(view.Target))]));
        }

        return CardElements.Card(body);
    }
}
