using Microsoft.Extensions.Diagnostics.HealthChecks;
using PerijinanBot.Bot.Storage;

namespace PerijinanBot.Bot.Files;

/// <summary>Healthy when the blob service answers for the files container (existing or not yet created) within a short deadline.</summary>
internal sealed class BlobStorageHealthCheck(FilesContainer container) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        StorageProbe.CheckAsync("blob storage", async ct =>
        {
            // A missing container is fine (the first saved file creates it); what matters is that storage answers us.
            var exists = await container.Client.ExistsAsync(ct);
            return exists.Value
                ? $"blob storage answers (container {container.Client.Name})"
                : $"blob storage answers (container {container.Client.Name} is created with the first file)";
        }, cancellationToken);
}
