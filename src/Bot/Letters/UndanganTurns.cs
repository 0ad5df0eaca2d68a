using System.Text.Json;
using System.Text.Json.Nodes;
using PerijinanBot.Bot.Decisions;
using PerijinanBot.Bot.Turns;
using PerijinanBot.Dialogs.Reports;
using PerijinanBot.Reports.Agenda;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Bot.Letters;

/// <summary>
/// The Surat Undangan card's form: records the number SRIKANDI gave the invitation in the Buku Agenda, makes the PDF and
/// Word file again with it, and answers with the card refreshed (new links, the number). Bad input changes nothing and keeps
/// what was typed.
/// </summary>
internal sealed class UndanganTurns(AgendaRegister register, KegiatanService kegiatan, UndanganOffer offer, ILetterArchive archive) : ITurnRoutes
{
    public void Register(TurnRouter router) =>
        router.Verb(UndanganCard.SrikandiVerb, (turn, _, data, ct) => SaveAsync(turn, data, ct), async (turn, _, value, ct) =>
            await turn.ReplaceClickedCardAsync(await SaveAsync(turn, value, ct), ct));

    private async Task<JsonObject> SaveAsync(TurnContext turn, JsonElement data, CancellationToken cancellationToken)
    {
        var number = LetterTurns.Text(data, UndanganCard.NumberKey) ?? "";
        var nomor = LetterTurns.Text(data, UndanganCard.NomorInput)?.Trim() ?? "";
        if (await kegiatan.FindAsync(number, cancellationToken) is not { } state || kegiatan.DefinitionOf(state) is not { } definition
            || LetterTurns.ParseEntry(LetterTurns.Text(data, UndanganCard.EntryKey)) is not { } key
            || await register.GetAsync(key.Year, key.Serial, cancellationToken) is not { } entry
            || entry.Document != AgendaDocuments.Undangan || entry.KegiatanNumber != state.Number)
        {
            return Problem(UndanganCard.NoSuchLetter);
        }

        async Task<JsonObject> Again(string error) =>
            await offer.CardAsync(state, definition, regenerate: false, cancellationToken, error: error, draft: nomor) ?? Problem(UndanganCard.NoSuchLetter);

        if (nomor.Length == 0 || nomor.Length > AgendaCard.MaxNomorLength || nomor.Any(char.IsControl))
        {
            return await Again(UndanganCard.BadNomor);
        }

        var sender = turn.Registered;
        if (!string.Equals(sender.AadObjectId, entry.PengolahId, StringComparison.OrdinalIgnoreCase)
            && !sender.Holds(Role.KetuaTimKerja) && !sender.Holds(Role.KepalaBidang) && !sender.Holds(Role.Admin))
        {
            return await Again(UndanganCard.MayNotEdit);
        }

        var (outcome, saved) = await register.SetSrikandiAsync(key.Year, key.Serial, nomor, cancellationToken);
        if (outcome == SrikandiOutcome.Duplicate)
        {
            return await Again(AgendaTexts.Duplicate(nomor));
        }

        if (outcome == SrikandiOutcome.NotFound || saved is null)
        {
            return Problem(UndanganCard.NoSuchLetter);
        }

        var card = await offer.CardAsync(state, definition, regenerate: true, cancellationToken, notice: UndanganCard.Saved(nomor));
        if (archive.IsOn && UndanganDocuments.StepOf(definition) is { } step)
        {
            // The archived copy follows the new number (best effort: "dokumen" archives again while a link is missing).
            await archive.ArchiveNowAsync(state.Number, step.Number, cancellationToken);
        }

        return card ?? Problem(UndanganCard.NoSuchLetter);
    }

    private static JsonObject Problem(string text) => UndanganCard.Problem(text);
}
