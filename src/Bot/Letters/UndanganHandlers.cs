using Azure;
using PerijinanBot.Bot.Conversations;
using PerijinanBot.Bot.Decisions;
using PerijinanBot.Bot.Outbox;
using PerijinanBot.Dialogs.Reports;

namespace PerijinanBot.Bot.Letters;

/// <summary>
/// The Kepala Dinas gave the disposition: the Surat Undangan (entered in the register and made by <c>agenda.letter</c>, made
/// here if that has not run yet: both are idempotent) is offered to the Ketua Tim Kerja who started the kegiatan, with its
/// download links and the form for its SRIKANDI number. Storage down retries; a send of unknown outcome is never repeated.
/// </summary>
internal sealed class UndanganOfferHandler(
    KegiatanService kegiatan,
    UndanganOffer offer,
    PersonalMessenger messenger,
    ProactiveInstaller installer,
    ILogger<UndanganOfferHandler> logger) : IOutboxHandler
{
    public const string Kind = "undangan.offer";

    /// <summary>The jadwal or tempat moved after the invitation was drafted: made again with them, and offered again.</summary>
    public const string RemadeKind = "undangan.remade";

    public IReadOnlyCollection<string> Kinds { get; } = [Kind, RemadeKind];

    public async Task<OutboxOutcome> HandleAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var payload = OutboxPayloads.Read(item);
        if (await kegiatan.FindAsync(item, cancellationToken) is not { } state || kegiatan.DefinitionOf(state) is not { } definition)
        {
            return OutboxOutcome.Failed("no such kegiatan");
        }

        System.Text.Json.Nodes.JsonObject? card;
        try
        {
            var remade = item.Kind == RemadeKind;
            card = await offer.CardAsync(state, definition, regenerate: remade, cancellationToken, notice: remade ? UndanganCard.Remade : null);
        }
        catch (RequestFailedException e)
        {
            return OutboxOutcome.RetryLater($"storage: {e.Message}");
        }

        if (card is null)
        {
            // Sent back before this item ran, and the disposition not given again yet: the next disposition offers it.
            return OutboxOutcome.Delivered("the kegiatan has no invitation (yet)");
        }

        return await OutboxPayloads.SendAsync(item, messenger, installer, payload.To ?? state.Starter.Id, card, logger, _ => Task.CompletedTask, cancellationToken);
    }
}

/// <summary>The Kepala Dinas gave the disposition: the internal Lembar Disposisi is made (idempotent; no register line).</summary>
internal sealed class DisposisiDocumentHandler(KegiatanService kegiatan, KegiatanDocuments documents) : IOutboxHandler
{
    public const string Kind = "document.disposisi";

    public IReadOnlyCollection<string> Kinds { get; } = [Kind];

    public async Task<OutboxOutcome> HandleAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var payload = OutboxPayloads.Read(item);
        if (await kegiatan.FindAsync(item, cancellationToken) is not { } state || kegiatan.DefinitionOf(state) is not { } definition)
        {
            return OutboxOutcome.Failed("no such kegiatan");
        }

        var made = await documents.EnsureDisposisiAsync(state, definition, regenerate: false, cancellationToken);
        return OutboxOutcome.Delivered(made is null ? "no approved disposition" : made.File.FileName);
    }
}
