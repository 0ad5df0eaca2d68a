using System.Diagnostics;

namespace PerijinanBot.Bench;

/// <summary>Decisions and their latencies from one or more timed runs of one path at one concurrency.</summary>
internal sealed class Sample
{
    private readonly List<double> _latenciesMs = [];
    private double _seconds;

    public int Count => _latenciesMs.Count;

    public double PerSecond => _seconds > 0 ? Count / _seconds : 0;

    public double Percentile(double p)
    {
        if (_latenciesMs.Count == 0)
        {
            return double.NaN;
        }

        var sorted = _latenciesMs.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    public void Add(IEnumerable<double> latenciesMs, double seconds)
    {
        _latenciesMs.AddRange(latenciesMs);
        _seconds += seconds;
    }
}

internal static class Measure
{
    /// <summary>
    /// Runs <paramref name="path"/> with one caller per key, each in a closed loop, until <paramref name="duration"/> has
    /// passed or <paramref name="maxPerCaller"/> decisions were made (bounded either way); adds the result to <paramref name="sample"/>.
    /// </summary>
    public static async Task RunAsync(IBenchPath path, IReadOnlyList<string> keys, TimeSpan duration, int maxPerCaller, Sample sample, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var stopAt = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var perCaller = await Task.WhenAll(keys.Select(key => Task.Run(
            async () =>
            {
                var latencies = new List<double>();
                for (long i = 0; i < maxPerCaller && Stopwatch.GetTimestamp() < stopAt; i++)
                {
                    var before = Stopwatch.GetTimestamp();
                    await path.RunOnceAsync(key, Interlocked.Increment(ref s_iteration), cancellationToken);
                    latencies.Add(Stopwatch.GetElapsedTime(before).TotalMilliseconds);
                }

                return latencies;
            },
            cancellationToken)));
        sample.Add(perCaller.SelectMany(l => l), Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    // Command ids must be unique across rounds, or the store would rightly say "already applied".
    private static long s_iteration;
}
