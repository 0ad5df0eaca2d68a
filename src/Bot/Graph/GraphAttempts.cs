using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace PerijinanBot.Bot.Graph;

/// <summary>
/// How each Graph feature's calls have been going: every feature reports each attempt (a calendar event, an archive upload,
/// a role sync, a proactive install) as it ends. A feature whose last <see cref="GraphOptions.FailuresBeforeDegraded"/>
/// attempts all failed makes the health check Degraded, so an operator sees a Graph feature that keeps failing (an expired
/// secret, a revoked permission) without reading the log; the one success after resets it.
/// </summary>
public sealed class GraphAttempts(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Streak> _streaks = new(StringComparer.Ordinal);

    public void Succeeded(GraphFeature feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        _streaks[feature.Name] = new Streak(0, null);
    }

    public void Failed(GraphFeature feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        var now = time.GetUtcNow();
        _streaks.AddOrUpdate(feature.Name, _ => new Streak(1, now), (_, s) => new Streak(s.Failures + 1, s.Since ?? now));
    }

    /// <summary>The features whose last <paramref name="threshold"/> or more attempts all failed, with how many and since when.</summary>
    public IReadOnlyList<(string Feature, int Failures, DateTimeOffset Since)> Failing(int threshold) =>
        [.. _streaks.Where(s => s.Value.Failures >= threshold && s.Value.Since is not null)
            .Select(s => (s.Key, s.Value.Failures, s.Value.Since!.Value))
            .OrderBy(s => s.Key, StringComparer.Ordinal)];

    private sealed record Streak(int Failures, DateTimeOffset? Since);
}

/// <summary>
/// The <c>graph</c> entry of /health/ready: which features are on, and Degraded while one keeps failing. The reason is neutral
/// (the feature and since when); what Graph answered is in the log of each attempt.
/// </summary>
internal sealed class GraphHealthCheck(GraphFeatures features, GraphAttempts attempts, IOptions<GraphOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var failing = attempts.Failing(options.Value.FailuresBeforeDegraded);
        if (failing.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Healthy(features.ToString()));
        }

        var reasons = failing.Select(f => string.Create(CultureInfo.InvariantCulture,
            $"{f.Feature}: the last {f.Failures} attempts failed (since {f.Since:yyyy-MM-ddTHH:mm:ssZ}); the log says why"));
        return Task.FromResult(HealthCheckResult.Degraded(string.Join("; ", reasons)));
    }
}
