using System.Text.RegularExpressions;
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

    /// <summary>Prepended to every table name, so that several environments (or test runs) can share one account.</summary>
    public string TableNamePrefix { get; set; } = "";

    /// <summary>Who holds a claim (outbox items, reminders), for logs and for reading the tables; default machine name + a random suffix, drawn once per process.</summary>
    public string? InstanceId { get; set; }

    /// <summary>The name of one of the bot's tables in this environment.</summary>
    public string TableName(string name) => TableNamePrefix + name;
}

internal sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (!TablePrefix().IsMatch(options.TableNamePrefix ?? ""))
        {
            return ValidateOptionsResult.Fail("Storage:TableNamePrefix must be empty or start with a letter and hold at most 20 letters or digits.");
        }

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

    [GeneratedRegex("^([A-Za-z][A-Za-z0-9]{0,19})?$")]
    private static partial Regex TablePrefix();
}

internal static class StorageSetup
{
    public static IServiceCollection AddTableStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .PostConfigure(o => o.InstanceId = o.InstanceId is { Length: > 0 } id ? id : $"{Environment.MachineName}-{Guid.NewGuid().ToString("N")[..8]}")
            .ValidateOnStart();
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
