using Azure;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PerijinanBot.Bot.Storage;

/// <summary>
/// One storage round trip for /healthz under a short deadline. The reason is the same few neutral words for every
/// service ("table storage is unreachable", "blob storage refused the request"): /healthz is public, so the details
/// (status, error code, the exception) travel only as the result's exception, which the health check service logs.
/// </summary>
internal static class StorageProbe
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(3);

    /// <param name="service">"table storage", "blob storage": how the reason names it.</param>
    /// <param name="probe">The round trip; returns the healthy description.</param>
    public static async Task<HealthCheckResult> CheckAsync(string service, Func<CancellationToken, Task<string>> probe, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Deadline);
        try
        {
            return HealthCheckResult.Healthy(await probe(timeout.Token));
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{service} did not answer within {Deadline.TotalSeconds:0} s", e);
        }
        catch (RequestFailedException e)
        {
            return HealthCheckResult.Unhealthy($"{service} refused the request", e);
        }
        catch (Exception e) when (e is HttpRequestException or AggregateException or IOException)
        {
            return HealthCheckResult.Unhealthy($"{service} is unreachable", e);
        }
    }
}
