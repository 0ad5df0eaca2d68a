using System.Text.Json.Nodes;
using PerijinanBot.Dialogs.Cards;

namespace PerijinanBot.Dialogs.Sop;

/// <summary>
/// "Ubah data koperasi" from step 2's card: the koperasi slots of the start form, pre-filled, and one save button (verb
/// <see cref="SopVerbs.EditKoperasi"/>). A separate card because step 2's card has no room left for the slots.
/// </summary>
public static class KoperasiEditCard
{
    public static JsonObject Build(KoperasiEditCardView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new List<JsonNode>();
        if (view.Error is { } error)
        {
            body.Add(CardInputs.Banner(error, caption: "Data koperasi belum disimpan."));
        }

        body.AddRange(SopBlocks.Header(view.Header, view.Title));
        body.AddRange(SopBlocks.State(view.State));
        body.Add(CardElements.Text(view.Explanation));
        body.AddRange(SopBlocks.Inputs(view.Inputs));
        body.Add(CardInputs.ActionSet([CardInputs.Execute(view.ButtonTitle, SopVerbs.EditKoperasi, SopVerbs.Data(view.Target))]));
        return CardElements.Card(body);
    }
}
