using Azure.Data.Tables;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PerijinanBot.Bot.Storage;

/// <summary>Healthy when the table service answers a one-row listing within a short deadline.</summary>
internal sealed class TableStorageHealthCheck(TableServiceClient tables) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        StorageProbe.CheckAsync("table storage", async ct =>
        {
            await foreach (var _ in tables.QueryAsync(maxPerPage: 1, cancellationToken: ct).AsPages(pageSizeHint: 1).WithCancellation(ct))
            {
                break;
            }

            return "table storage answers";
        }, cancellationToken);
}
