using Azure;
using PerijinanBot.Bot.Conversations;
using PerijinanBot.Bot.Decisions;
using PerijinanBot.Bot.Outbox;
using PerijinanBot.Dialogs.Reports;
using PerijinanBot.Reports.Agenda;

namespace PerijinanBot.Bot.Letters;

/// <summary>
/// A step that sends a letter out finished: its line in the Buku Agenda Surat Keluar and the letter's file, so every line of
/// the register has a document to open: the Surat Undangan for the disposition, the Laporan Kegiatan files for the report.
/// Idempotent, so a repeat after an unknown outcome is harmless.
/// </summary>
internal sealed class AgendaLetterHandler(KegiatanService kegiatan, KegiatanDocuments documents, UndanganDocuments undangan) : IOutboxHandler
{
    /// <summary>A step that sends a letter out finished: its Buku Agenda line (and for the report, the Laporan Kegiatan files).</summary>
    public const string Kind = "agenda.letter";

    public IReadOnlyCollection<string> Kinds { get; } = [Kind];

    public async Task<OutboxOutcome> HandleAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var payload = OutboxPayloads.Read(item);
        if (await kegiatan.FindAsync(item, cancellationToken) is not { } state || payload.Step is not { } step)
        {
            return OutboxOutcome.Failed("no such kegiatan or step");
        }

        var definition = kegiatan.DefinitionOf(state)!;
        var entry = await documents.RecordLetterAsync(state, definition, step, cancellationToken);
        if (entry is null)
        {
            return OutboxOutcome.Delivered("the step has no finished letter");
        }

        if (entry.Document == AgendaDocuments.Laporan)
        {
            var made = await documents.EnsureLaporanAsync(state, definition, regenerate: false, cancellationToken);
            return OutboxOutcome.Delivered($"{entry.Nomor}; {made.Count} files");
        }

        if (entry.Document == AgendaDocuments.Undangan)
        {
            var made = await undangan.EnsureAsync(state, definition, regenerate: false, cancellationToken);
            return OutboxOutcome.Delivered($"{entry.Nomor}; {made.Count} files");
        }

        if (entry.Document == AgendaDocuments.Disposisi)
        {
            var made = await documents.EnsureDisposisiAsync(state, definition, regenerate: false, cancellationToken);
            return OutboxOutcome.Delivered(made is null ? $"{entry.Nomor}; no file" : $"{entry.Nomor}; {made.File.FileName}");
        }

        return OutboxOutcome.Delivered(entry.Nomor);
    }
}

/// <summary>
/// The closing notice (made when the kegiatan closed) with the Laporan Kegiatan's download links added when it is sent. If the
/// files cannot be made, the notice still goes, saying so, and "dokumen ‹nomor›" tries again; storage being down retries.
/// With the SharePoint archive on, the archived copies are linked as well once they are there.
/// </summary>
internal sealed partial class ClosingNoticeHandler(
    KegiatanService kegiatan,
    KegiatanDocuments documents,
    DocumentLinks views,
    PersonalMessenger messenger,
    ProactiveInstaller installer,
    ILetterArchive archive,
    ILogger<ClosingNoticeHandler> logger) : IOutboxHandler
{
    /// <summary>A bound on waiting for the archive, should its item never leave its first try: the card goes after this many.</summary>
    private const int MaxArchiveWaits = 6;

    /// <summary>The closing notice to one person, sent with the Laporan Kegiatan's download links.</summary>
    public const string Kind = "notice.closing";

    public IReadOnlyCollection<string> Kinds { get; } = [Kind];

    public async Task<OutboxOutcome> HandleAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var (payload, notice, stop) = OutboxPayloads.ReadNotice(item, logger);
        if (stop is not null)
        {
            return stop;
        }

        var card = notice!;

        if (await kegiatan.FindAsync(item, cancellationToken) is { } state)
        {
            DocumentsView? section;
            try
            {
                var made = await documents.EnsureLaporanAsync(state, kegiatan.DefinitionOf(state)!, regenerate: false, cancellationToken);
                if (made.Any(d => d.ArchiveUrl is null) && item.Attempts < MaxArchiveWaits
                    && await archive.FirstTryPendingAsync(state.Number, item.Version, cancellationToken))
                {
                    // The upload is under way (another pass got to it first): a short wait gives the card its SharePoint
                    // links. Once it has failed even once (Graph down) the card goes without them and never waits on Graph;
                    // "dokumen" shows the links when the upload is through.
                    return OutboxOutcome.RetryLater("waiting for the SharePoint archive's first upload");
                }

                section = made.Count == 0 ? null : views.Of(state.Number, made);
            }
            catch (RequestFailedException e)
            {
                return OutboxOutcome.RetryLater($"storage: {e.Message}");
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or InvalidDataException)
            {
                DocumentsNotMade(logger, e, state.Number);
                section = new DocumentsView(state.Number, [DocumentTexts.LaporanName], [], views.LinksExpireAt, DocumentTexts.NotMade(state.Number));
            }

            if (section is not null)
            {
                card = DocumentsCard.Append(card, section);
            }
        }

        return await OutboxPayloads.SendAsync(item, messenger, installer, payload.To!, card, logger, _ => Task.CompletedTask, cancellationToken);
    }

    [LoggerMessage(EventId = 410, Level = LogLevel.Error, Message = "The Laporan Kegiatan of {Number} could not be made")]
    private static partial void DocumentsNotMade(ILogger logger, Exception exception, string number);
}
