using System.Collections.Concurrent;
using System.Threading.Channels;
using PerijinanBot.Bot.Outbox;

namespace PerijinanBot.Bot.Tests.Workflow.Storage;

/// <summary>
/// An outbox handler standing in for Teams: every call is recorded, every effect (a "sent card") is counted per dedupe key,
/// and a test scripts what each call does (succeed, fail, crash before or after the effect, hang).
/// </summary>
public sealed class RecordingHandler : IOutboxHandler
{
    private readonly Func<OutboxItem, int, RecordingHandler, CancellationToken, Task<OutboxOutcome>> _behaviour;
    private readonly ConcurrentQueue<OutboxItem> _calls = new();
    private readonly Channel<int> _completed = Channel.CreateUnbounded<int>();
    private int _started;
    private int _finished;

    /// <param name="behaviour">Given the item and the call number (1-based, over all items), does the work; default: the effect, then Delivered.</param>
    public RecordingHandler(Func<OutboxItem, int, RecordingHandler, CancellationToken, Task<OutboxOutcome>>? behaviour = null) =>
        _behaviour = behaviour ?? ((item, _, self, _) => Task.FromResult(self.Effect(item)));

    public IReadOnlyCollection<string> Kinds { get; init; } = ["card"];

    public ConcurrentDictionary<string, int> Effects { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<OutboxItem> Calls => [.. _calls];

    /// <summary>Performs the side effect ("sends the card") and reports it delivered.</summary>
    public OutboxOutcome Effect(OutboxItem item)
    {
        Effects.AddOrUpdate(item.DedupeKey, 1, (_, n) => n + 1);
        return OutboxOutcome.Delivered($"activity-{item.DedupeKey}");
    }

    public async Task<OutboxOutcome> HandleAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        _calls.Enqueue(item);
        try
        {
            return await _behaviour(item, Interlocked.Increment(ref _started), this, cancellationToken);
        }
        finally
        {
            Interlocked.Increment(ref _finished);
            _completed.Writer.TryWrite(0);
        }
    }

    /// <summary>Waits until <paramref name="count"/> calls in all have returned (or thrown).</summary>
    public async Task WaitForCallsAsync(int count, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (Volatile.Read(ref _finished) < count)
        {
            await _completed.Reader.ReadAsync(timeout.Token);
        }
    }
}
