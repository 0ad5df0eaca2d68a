using Azure;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PerijinanBot.Bot.Storage;

/// <summary>
/// One storage round trip for /healthz under a short deadline, with the reason said the same way for every service
/// ("table storage did not answer within 3 s", "blob storage refused the request: HTTP 403 …").
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
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{service} did not answer within {Deadline.TotalSeconds:0} s");
        }
        catch (RequestFailedException e)
        {
            return HealthCheckResult.Unhealthy($"{service} refused the request: HTTP {e.Status} {e.ErrorCode}");
        }
        catch (Exception e) when (e is HttpRequestException or AggregateException or IOException)
        {
            return HealthCheckResult.Unhealthy($"{service} is unreachable: {Innermost(e).Message}");
        }
    }

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
}
