using Azure;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PerijinanBot.Bot.Files;

/// <summary>Healthy when the blob service answers for the files container (existing or not yet created) within a short deadline.</summary>
internal sealed class BlobStorageHealthCheck(FilesContainer container) : IHealthCheck
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Deadline);
        try
        {
            // A missing container is fine (the first saved file creates it); what matters is that storage answers us.
            var exists = await container.Client.ExistsAsync(timeout.Token);
            return HealthCheckResult.Healthy(exists.Value
                ? $"blob storage answers (container {container.Client.Name})"
                : $"blob storage answers (container {container.Client.Name} is created with the first file)");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"blob storage did not answer within {Deadline.TotalSeconds:0} s");
        }
        catch (RequestFailedException e)
        {
            return HealthCheckResult.Unhealthy($"blob storage refused the request: HTTP {e.Status} {e.ErrorCode}");
        }
        catch (Exception e) when (e is HttpRequestException or AggregateException or IOException)
        {
            return HealthCheckResult.Unhealthy($"blob storage is unreachable: {Innermost(e).Message}");
        }
    }

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
}
