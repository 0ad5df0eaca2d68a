using System.Collections.Concurrent;
using System.Threading.Channels;

namespace PerijinanBot.Bot.Storage;

/// <summary>
/// The in-process fast path from a commit to this instance's dispatcher. Costs no I/O on the decision path; if the process
/// dies before the dispatcher runs, the outbox rows committed with the decision still lead another instance's sweep there.
/// </summary>
public sealed class OutboxSignal
{
    private readonly Channel<string> _channel = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = false });

    // One queued entry per kegiatan however many commits land before the dispatcher reads it.
    private readonly ConcurrentDictionary<string, byte> _queued = new(StringComparer.Ordinal);

    public void Notify(string number)
    {
        if (_queued.TryAdd(number, 0))
        {
            _channel.Writer.TryWrite(number);
        }
    }

    internal async IAsyncEnumerable<string> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var number in _channel.Reader.ReadAllAsync(cancellationToken))
        {
            // Removed before delivery starts: a commit landing during delivery queues the kegiatan again.
            _queued.TryRemove(number, out _);
            yield return number;
        }
    }
}
