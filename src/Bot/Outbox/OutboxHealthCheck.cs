using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PerijinanBot.Bot.Storage;

namespace PerijinanBot.Bot.Outbox;

/// <summary>
/// The outbox as an operator watches it: Degraded (a warning; the bot still serves) while items are parked, or while the
/// oldest pending item has waited longer than <c>Workflow:Storage:PendingWarnAge</c> (a connector or Graph that keeps
/// failing). Reads the parked index and, per kegiatan marked pending, its pending items: no scan of the kegiatan table.
/// </summary>
internal sealed class OutboxHealthCheck(ParkedOutbox parked, OutboxCensus census, IOptions<WorkflowStorageOptions> options, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var warnings = new List<string>();
        var items = await parked.ListAsync(cancellationToken);
        if (items.Count > 0)
        {
            var kinds = string.Join(", ", items.Select(i => i.Kind).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
            warnings.Add($"{Count(items.Count)} outbox item(s) parked ({kinds}); an Admin requeues them with the outbox command");
        }

        if ((await census.CountAsync(cancellationToken)).OldestPendingSince is { } since && time.GetUtcNow() - since > options.Value.PendingWarnAge)
        {
            warnings.Add($"the oldest pending outbox item has waited since {since:yyyy-MM-ddTHH:mm:ssZ}, longer than {options.Value.PendingWarnAge}");
        }

        return warnings.Count == 0 ? HealthCheckResult.Healthy("nothing parked, nothing waiting long") : HealthCheckResult.Degraded(string.Join("; ", warnings));
    }

    private static string Count(int count) => count >= ParkedOutbox.MaxListed ? $"{ParkedOutbox.MaxListed} or more" : count.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
