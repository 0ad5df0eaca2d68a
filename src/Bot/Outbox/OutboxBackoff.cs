using PerijinanBot.Bot.Storage;

namespace PerijinanBot.Bot.Outbox;

internal static class OutboxBackoff
{
    /// <summary>Exponential from <see cref="WorkflowStorageOptions.RetryBaseDelay"/>, capped, with ±20 % jitter so that instances do not retry in step.</summary>
    public static TimeSpan Delay(int attempts, WorkflowStorageOptions options)
    {
        var exponent = Math.Min(attempts - 1, 30);
        var raw = Math.Min(options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, exponent), options.RetryMaxDelay.TotalMilliseconds);
#pragma warning disable CA5394 // Jitter, not security.
        var jitter = 0.8 + (0.4 * Random.Shared.NextDouble());
#pragma warning restore CA5394
        return TimeSpan.FromMilliseconds(raw * jitter);
    }
}
