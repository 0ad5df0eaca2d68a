using Azure.Data.Tables;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PerijinanBot.Bot.Storage;

namespace PerijinanBot.Bot.Outbox;

/// <summary>
/// The outbox as an operator watches it: Degraded (a warning; the bot still serves) while items are parked, or while the
/// oldest pending item has waited longer than <c>Workflow:Storage:PendingWarnAge</c> (a connector or Graph that keeps
/// failing). Reads the parked index and, per kegiatan marked pending, its pending items: no scan of the kegiatan table.
/// </summary>
internal sealed class OutboxHealthCheck(ParkedOutbox parked, WorkflowTables tables, IOptions<WorkflowStorageOptions> options, TimeProvider time) : IHealthCheck
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

        if (await OldestPendingAsync(cancellationToken) is { } since && time.GetUtcNow() - since > options.Value.PendingWarnAge)
        {
            warnings.Add($"the oldest pending outbox item has waited since {since:yyyy-MM-ddTHH:mm:ssZ}, longer than {options.Value.PendingWarnAge}");
        }

        return warnings.Count == 0 ? HealthCheckResult.Healthy("nothing parked, nothing waiting long") : HealthCheckResult.Degraded(string.Join("; ", warnings));
    }

    private static string Count(int count) => count >= ParkedOutbox.MaxListed ? $"{ParkedOutbox.MaxListed} or more" : count.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // The creation time of the oldest item still pending, over the kegiatan marked pending (at most 50 looked at).
    private async Task<DateTimeOffset?> OldestPendingAsync(CancellationToken cancellationToken)
    {
        var pending = await tables.PendingAsync(cancellationToken);
        var kegiatan = await tables.KegiatanAsync(cancellationToken);
        DateTimeOffset? oldest = null;
        var looked = 0;
        await foreach (var marker in pending.QueryAsync<TableEntity>(e => e.PartitionKey == WorkflowTables.PendingPartition, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            if (++looked > ParkedOutbox.MaxListed)
            {
                break;
            }

            var filter = TableClient.CreateQueryFilter(
                $"PartitionKey eq {marker.RowKey} and RowKey ge {KegiatanKeys.OutboxFrom} and RowKey lt {KegiatanKeys.OutboxTo} and Status eq {OutboxRow.Pending}");
            await foreach (var item in kegiatan.QueryAsync<TableEntity>(filter, select: ["CreatedAt"], cancellationToken: cancellationToken))
            {
                if (item.GetDateTimeOffset("CreatedAt") is { } created && (oldest is null || created < oldest))
                {
                    oldest = created;
                }
            }
        }

        return oldest;
    }
}
