using System.Text.Json.Nodes;
using PerijinanBot.Dialogs.Cards;

namespace PerijinanBot.Dialogs.Sop;

/// <summary>
/// <c>jadwal &lt;nomor&gt;</c>: the jadwal and tempat now, inputs for the new ones and the reason, and one button (verb
/// <see cref="SopVerbs.Reschedule"/>). After the change the same card, read-only, shows what moved and where the kegiatan stands.
/// </summary>
public static class RescheduleCard
{
    public static JsonObject Build(RescheduleCardView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new List<JsonNode>();
        if (view.Error is { } error)
        {
            body.Add(CardInputs.Banner(error, caption: "Perubahan jadwal belum dapat diproses."));
        }

        body.AddRange(SopBlocks.Header(view.Header, view.Title));
        if (view.Done is { } done)
        {
            var items = new List<JsonNode>
            {
                new JsonObject { ["type"] = "TextBlock", ["text"] = done, ["wrap"] = true, ["size"] = "Large", ["weight"] = "Bolder", ["color"] = "Good" },
            };
            items.AddRange(SopBlocks.Rows(view.Current));
            body.Add(CardInputs.Container(items, "good", spacing: "Medium"));
        }
        else
        {
            body.Add(CardElements.Text("Jadwal saat ini", TextStyle.Heading));
            body.AddRange(SopBlocks.Rows(view.Current));
        }

        body.AddRange(SopBlocks.State(view.State));
        body.Add(CardElements.Text(view.Explanation));
        if (view.Done is null && view.Inputs.Count > 0)
        {
            body.AddRange(SopBlocks.Inputs(view.Inputs));
            body.Add(CardInputs.ActionSet([CardInputs.Execute(view.ButtonTitle, SopVerbs.Reschedule, SopVerbs.Data(view.Target))]));
        }
        else
        {
            body.Add(CardInputs.ActionSet([CardInputs.CommandButton("Lihat riwayat", $"riwayat {view.Target.Number}")]));
        }

        return CardElements.Card(body);
    }
}
