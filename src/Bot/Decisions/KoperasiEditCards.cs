using System.Text.Json.Nodes;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Bot.Decisions;

/// <summary>
/// "Ubah data koperasi" from step 2's card: the edit card for the step's holder (or their Plh.) on the card's version; the
/// engine's refusal for anyone else, a step that moved on or an older card. Reads only, decides nothing.
/// </summary>
internal static class KoperasiEditCards
{
    public static async Task<JsonObject> OpenAsync(KegiatanService kegiatan, string number, string actorId, CardInput input, SopCardViews views, CancellationToken cancellationToken)
    {
        if (await kegiatan.FindAsync(number, cancellationToken) is not { } state || kegiatan.DefinitionOf(state) is not { } definition)
        {
            return RefusalCard.Build(views.Refusal(new Refusal(RefusalCode.NotAvailable, SopTexts.NotFound(number)), null, null));
        }

        if (state.Status == KegiatanStatus.Open && state.Version == input.Version && kegiatan.May(state, actorId, SopTrigger.EditKoperasi))
        {
            return KoperasiEditCard.Build(views.KoperasiEdit(state, definition));
        }

        var refusal = kegiatan.WouldRefuse(state, new EditKoperasi(actorId, input.Step, input.Version, FormInput.Empty));
        return RefusalCard.Build(views.Refusal(refusal ?? new Refusal(RefusalCode.Stale, SopTexts.NotFound(number)), state, definition));
    }
}
