using System.Text.Json.Nodes;
using PerijinanBot.Dialogs.Cards;

namespace PerijinanBot.Dialogs.Sop;

/// <summary><c>batal &lt;nomor&gt;</c>: what will be cancelled, the required reason, and the button. The result is an <see cref="OutcomeCard"/>.</summary>
public static class CancelCard
{
    public static JsonObject Build(CancelCardView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new List<JsonNode>();
        if (view.Error is { } error)
        {
            body.Add(CardInputs.Banner(error, caption: "Pembatalan belum dapat diproses."));
        }

        body.AddRange(SopBlocks.Header(view.Header, view.Title));
        body.AddRange(SopBlocks.State(view.State));
        body.Add(CardInputs.Colored(view.Warning, "Warning", bold: true));
        body.Add(SopBlocks.Input(view.Alasan));
        body.Add(CardInputs.ActionSet([CardInputs.Execute(view.ButtonTitle, SopVerbs.Cancel, SopVerbs.Data(view.Target))]));
        return CardElements.Card(body);
    }
}
