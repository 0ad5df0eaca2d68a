using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace PerijinanBot.Bot.Storage;

/// <summary>
/// The table and blob service clients of the bot's account, in one of the two forms <see cref="StorageOptions"/> allows:
/// the connection string (Azurite, or an account key), or the service URIs with the bot's Entra identity
/// (<see cref="AzureIdentity"/>), which works on an account with shared-key access disabled.
/// </summary>
internal static class StorageClients
{
    public static TableServiceClient Tables(IServiceProvider sp, TableClientOptions clientOptions)
    {
        var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
        AddHostPolicies(sp, clientOptions);
        return options.UsesIdentity
            ? new TableServiceClient(new Uri(options.TableServiceUri!.Trim()), sp.GetRequiredService<TokenCredential>(), clientOptions)
            : new TableServiceClient(options.ConnectionString, clientOptions);
    }

    public static BlobServiceClient Blobs(IServiceProvider sp, BlobClientOptions clientOptions)
    {
        var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
        return options.UsesIdentity
            ? new BlobServiceClient(new Uri(options.BlobServiceUri!.Trim()), sp.GetRequiredService<TokenCredential>(), clientOptions)
            : new BlobServiceClient(options.ConnectionString, clientOptions);
    }

    /// <summary>Diagnostics hooks registered by the host, on the table client only (the tests count the table requests of a decision this way).</summary>
    private static void AddHostPolicies(IServiceProvider sp, ClientOptions clientOptions)
    {
        foreach (var policy in sp.GetServices<HttpPipelinePolicy>())
        {
            clientOptions.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        }
    }
}
