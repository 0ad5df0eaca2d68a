using System.Threading.Channels;
using PerijinanBot.Protocol;

namespace PerijinanBot.Bot.Turns;

/// <summary>
/// Runs non-invoke turns after their HTTP 200 has gone back, so the channel never waits on the bot's work.
/// Activities of one conversation go to the same lane and run in arrival order; lanes run in parallel.
/// </summary>
internal sealed class TurnQueue(TurnRunner runner, ILogger<TurnQueue> logger) : BackgroundService
{
    private const int Lanes = 4;
    private const int LaneCapacity = 256;

    private readonly Channel<Activity>[] _lanes = [.. Enumerable.Range(0, Lanes).Select(_ => Channel.CreateBounded<Activity>(
        new BoundedChannelOptions(LaneCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait }))];

    /// <summary>Queues the activity; false when its lane is full (the caller answers 503 and the channel retries).</summary>
    public bool TryEnqueue(Activity activity)
    {
        var lane = (int)((uint)StringComparer.Ordinal.GetHashCode(activity.Conversation?.Id ?? "") % Lanes);
        if (_lanes[lane].Writer.TryWrite(activity))
        {
            return true;
        }

        Log.TurnQueueFull(logger, activity.Id, activity.Type);
        return false;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_lanes.Select(lane => DrainAsync(lane.Reader, stoppingToken)));

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Finish what was accepted before the host stops, within the host's shutdown timeout.
        foreach (var lane in _lanes)
        {
            lane.Writer.TryComplete();
        }

        await base.StopAsync(cancellationToken);
    }

    private async Task DrainAsync(ChannelReader<Activity> reader, CancellationToken stoppingToken)
    {
        await foreach (var activity in reader.ReadAllAsync(CancellationToken.None))
        {
            await runner.RunAsync(activity, stoppingToken);
        }
    }
}
