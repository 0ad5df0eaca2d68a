using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PerijinanBot.Bot.Storage;

/// <summary>Healthy when the table service answers a one-row listing within a short deadline.</summary>
internal sealed class TableStorageHealthCheck(TableServiceClient tables) : IHealthCheck
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Deadline);
        try
        {
            await foreach (var _ in tables.QueryAsync(maxPerPage: 1, cancellationToken: timeout.Token).AsPages(pageSizeHint: 1).WithCancellation(timeout.Token))
            {
                break;
            }

            return HealthCheckResult.Healthy("table storage answers");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"table storage did not answer within {Deadline.TotalSeconds:0} s");
        }
        catch (RequestFailedException e)
        {
            return HealthCheckResult.Unhealthy($"table storage refused the request: HTTP {e.Status} {e.ErrorCode}");
        }
        catch (Exception e) when (e is HttpRequestException or AggregateException or IOException)
        {
            return HealthCheckResult.Unhealthy($"table storage is unreachable: {Innermost(e).Message}");
        }
    }

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
}
