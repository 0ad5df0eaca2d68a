using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace PerijinanBot.Bot.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>An Azure Storage connection string (Azurite's well-known account in Development).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// With <see cref="BlobServiceUri"/>, instead of a connection string: the account's table endpoint
    /// (<c>https://{account}.table.core.windows.net/</c>), reached with the bot's Entra identity, so the account can keep
    /// shared-key access off.
    /// </summary>
    public string? TableServiceUri { get; set; }

    /// <summary>The account's blob endpoint (<c>https://{account}.blob.core.windows.net/</c>), with <see cref="TableServiceUri"/>.</summary>
    public string? BlobServiceUri { get; set; }

    /// <summary>True when the account is reached by identity (the URIs) rather than by a connection string.</summary>
    public bool UsesIdentity => string.IsNullOrWhiteSpace(ConnectionString);

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

        var hasUris = !string.IsNullOrWhiteSpace(options.TableServiceUri) || !string.IsNullOrWhiteSpace(options.BlobServiceUri);
        if (options.UsesIdentity)
        {
            return hasUris
                ? ValidateServiceUris(options)
                : ValidateOptionsResult.Fail("Storage:ConnectionString is required, or Storage:TableServiceUri and Storage:BlobServiceUri to reach the account with the bot's managed identity (for local work Azurite's connection string, which ./run.sh starts).");
        }

        if (hasUris)
        {
            // Two ways to one account would leave which one wins to the reader's guess.
            return ValidateOptionsResult.Fail("Storage:ConnectionString and Storage:TableServiceUri / Storage:BlobServiceUri are both set: set one form only (the connection string for Azurite or an account key, the URIs for the managed identity).");
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

    private static ValidateOptionsResult ValidateServiceUris(StorageOptions options)
    {
        var errors = new List<string>();
        foreach (var (key, value) in new[] { ("TableServiceUri", options.TableServiceUri), ("BlobServiceUri", options.BlobServiceUri) })
        {
            // A bearer token travels with every request: over plain http anyone on the way could replay it.
            if (!Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps
                || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
            {
                errors.Add($"Storage:{key} must be the account's https endpoint without query or user info (e.g. https://perijinanbot.{(key == "TableServiceUri" ? "table" : "blob")}.core.windows.net/); got '{value}'.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
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
        services.AddAzureIdentity(configuration);
        services.AddSingleton(sp =>
        {
            var clientOptions = new TableClientOptions();
            // Fail fast: a request path that waits on storage must not hang for the SDK's default minutes.
            clientOptions.Retry.MaxRetries = 2;
            clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
            return StorageClients.Tables(sp, clientOptions);
        });
        services.AddSingleton<TableProvider>();
        return services;
    }
}
