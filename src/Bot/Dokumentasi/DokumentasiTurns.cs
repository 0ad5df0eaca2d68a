using System.Text.Json;
using System.Text.Json.Nodes;
using PerijinanBot.Bot.Decisions;
using PerijinanBot.Bot.Turns;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Bot.Dokumentasi;

/// <summary>
/// The buttons of the dokumentasi files (what a document is, remove a file), and the files section of the step 7 card. Only
/// the holder of step 7 changes anything; anyone else is told so and nothing changes.
/// </summary>
internal sealed class DokumentasiTurns(ReportHolders holders, DokumentasiStore store) : ITurnRoutes, IStepCardExtras
{
    public void Register(TurnRouter router)
    {
        router.Verb(DokumentasiVerbs.SetKind, OnExecuteAsync, OnSubmitAsync);
        router.Verb(DokumentasiVerbs.Remove, OnExecuteAsync, OnSubmitAsync);
    }

    public async Task<StepCardView> ExtendAsync(Kegiatan state, SopDefinition definition, string viewerId, StepCardView view, CancellationToken cancellationToken)
    {
        if (state.Current?.Step is not int step || ReportHolders.ReportStep(definition)?.Number != step)
        {
            return view;
        }

        var files = await store.ListAsync(state.Number, cancellationToken);
        return view with { Dokumentasi = new DokumentasiView(state.Number, [.. files.Select(f => f.View)], holders.Holds(state, viewerId), []) };
    }

    private Task<JsonObject> OnExecuteAsync(TurnContext turn, string verb, JsonElement data, CancellationToken cancellationToken) =>
        ApplyAsync(turn, verb, data, cancellationToken);

    /// <summary>
    /// The Action.Submit path: the step 7 card's own remove button (it leaves the step card, and what is typed in it, alone, so
    /// the answer is a new message), or an older client's fallback of a button on the dokumentasi card (that card is replaced).
    /// </summary>
    private async Task OnSubmitAsync(TurnContext turn, string verb, JsonElement value, CancellationToken cancellationToken)
    {
        var card = await ApplyAsync(turn, verb, value, cancellationToken);
        var fromStepCard = value.ValueKind == JsonValueKind.Object && value.TryGetProperty(DokumentasiCard.OnStepCardKey, out var marker) && marker.ValueKind == JsonValueKind.True;
        if (fromStepCard)
        {
            await turn.SendCardAsync(card, cancellationToken);
        }
        else
        {
            await turn.ReplaceClickedCardAsync(card, cancellationToken);
        }
    }

    private async Task<JsonObject> ApplyAsync(TurnContext turn, string verb, JsonElement data, CancellationToken cancellationToken)
    {
        var number = Text(data, SopVerbs.KegiatanKey);
        var fileId = Text(data, DokumentasiVerbs.FileKey);
        if (number is null || fileId is null)
        {
            return RefusalCard.UnknownButton();
        }

        if (await holders.HeldAsync(number, turn.Registered.AadObjectId, cancellationToken) is null)
        {
            return await CardAsync(number, canChange: false, [DokumentasiTexts.NoLongerHolding], cancellationToken);
        }

        var done = verb == DokumentasiVerbs.Remove
            ? await store.RemoveAsync(number, fileId, cancellationToken)
            : Enum.TryParse<DokumentasiKind>(Text(data, DokumentasiVerbs.KindKey), out var kind) && Enum.IsDefined(kind) && kind != DokumentasiKind.Foto
                && await IsDocumentAsync(number, fileId, cancellationToken)
                && await store.SetKindAsync(number, fileId, kind, cancellationToken);
        return await CardAsync(number, canChange: true, done ? [] : [DokumentasiTexts.FileGone], cancellationToken);
    }

    /// <summary>A photo stays a photo: the kind buttons are for documents only.</summary>
    private async Task<bool> IsDocumentAsync(string number, string fileId, CancellationToken cancellationToken) =>
        (await store.ListAsync(number, cancellationToken)).FirstOrDefault(f => f.Id == fileId) is { IsImage: false };

    private async Task<JsonObject> CardAsync(string number, bool canChange, IReadOnlyList<string> problems, CancellationToken cancellationToken)
    {
        var files = await store.ListAsync(number, cancellationToken);
        return DokumentasiCard.Build(new DokumentasiView(number, [.. files.Select(f => f.View)], canChange, problems));
    }

    private static string? Text(JsonElement data, string key) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
