using System.Text.Json.Nodes;
using PerijinanBot.Dialogs.Cards;

namespace PerijinanBot.Dialogs.Sop;

/// <summary><c>status &lt;nomor&gt;</c>: where the kegiatan is, who holds it and since when, and the timeline.</summary>
public static class StatusCard
{
    public static JsonObject Build(StatusCardView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new List<JsonNode>();
        body.AddRange(SopBlocks.Header(view.Header, view.Title));
        body.AddRange(SopBlocks.State(view.State));
        body.Add(SopBlocks.Timeline(view.Timeline));
        var actions = new List<JsonNode>();
        if (view.IsOpen)
        {
            actions.Add(SopBlocks.OpenButton(view.Number));
        }

        actions.Add(CardInputs.CommandButton("Lihat riwayat", $"riwayat {view.Number}"));
        body.Add(CardInputs.ActionSet(actions));
        return CardElements.Card(body);
    }
}
