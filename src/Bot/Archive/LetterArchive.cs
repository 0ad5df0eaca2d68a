using PerijinanBot.Bot.Letters;
using PerijinanBot.Bot.Outbox;

namespace PerijinanBot.Bot.Archive;

internal sealed class LetterArchive(ArchiveHandler handler, ArchiveProgress progress) : ILetterArchive
{
    public bool IsOn => handler.IsOn;

    public async Task<bool> ArchiveNowAsync(string number, int stepNumber, CancellationToken cancellationToken) =>
        (await handler.ArchiveAsync(number, stepNumber, cancellationToken)).Kind == OutboxOutcomeKind.Delivered;

    public Task<bool> FirstTryPendingAsync(string number, int version, CancellationToken cancellationToken) =>
        progress.FirstTryPendingAsync(number, version, cancellationToken);
}
