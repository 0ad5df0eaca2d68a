using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace PerijinanBot.Bot.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>An Azure Storage connection string (Azurite's well-known account in Development).</summary>
    public string? ConnectionString { get; set; }
}

internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail("Storage:ConnectionString is required (an Azure Storage account connection string; for local work Azurite's, which ./run.sh starts).");
        }

        try
        {
            _ = new TableServiceClient(options.ConnectionString);
            return ValidateOptionsResult.Success;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            // The parser's message may quote the key; say only what is wrong with the shape.
            return ValidateOptionsResult.Fail("Storage:ConnectionString is not a valid Azure Storage connection string (expected AccountName=...;AccountKey=...;TableEndpoint=... or DefaultEndpointsProtocol=...).");
        }
    }
}

internal static class StorageSetup
{
    public static IServiceCollection AddTableStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var clientOptions = new TableClientOptions();
            // Fail fast: a request path that waits on storage must not hang for the SDK's default minutes.
            clientOptions.Retry.MaxRetries = 2;
            clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
            // Diagnostics hooks registered by the host (the tests count the requests of a decision this way).
            foreach (var policy in sp.GetServices<HttpPipelinePolicy>())
            {
                clientOptions.AddPolicy(policy, HttpPipelinePosition.PerRetry);
            }

            return new TableServiceClient(options.ConnectionString, clientOptions);
        });
        services.AddSingleton<TableProvider>();
        return services;
    }
}
