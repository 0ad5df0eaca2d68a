using PerijinanBot.Bot.Conversations;
using PerijinanBot.Bot.Outbox;

namespace PerijinanBot.Bot.Decisions;

/// <summary>
/// Card copies as an outbox pass sees them: read with its outbox (with those it has posted since), and recorded by its
/// completing batch; outside a pass, read and written at once.
/// </summary>
internal static class CardCopiesInPass
{
    public static Task RecordAsync(this CardCopies copies, OutboxItem item, int step, int attempt, CardCopy copy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(copies);
        ArgumentNullException.ThrowIfNull(item);
        if (item.Pass is not { } pass)
        {
            return copies.RecordAsync(item.Number, step, attempt, copy, cancellationToken);
        }

        pass.Upsert(CardCopies.Row(item.Number, step, attempt, copy));
        return Task.CompletedTask;
    }

    public static async Task<IReadOnlyList<CardCopy>> OfStepAsync(this CardCopies copies, OutboxItem item, int step, int attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(copies);
        ArgumentNullException.ThrowIfNull(item);
        return item.Pass is { } pass
            ? [.. pass.From(CardCopies.Prefix(step, attempt)).Select(CardCopies.Read)]
            : await copies.OfStepAsync(item.Number, step, attempt, cancellationToken);
    }
}
