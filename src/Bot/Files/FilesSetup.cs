using System.Security.Cryptography;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PerijinanBot.Bot.Storage;

namespace PerijinanBot.Bot.Files;

public static class FilesSetup
{
    /// <summary>What ASP.NET Core listens on when nothing says otherwise.</summary>
    private const string KestrelDefaultUrl = "http://localhost:5000";

    /// <summary>
    /// Generated files in the <c>Files:ContainerName</c> blob container of <c>Storage:ConnectionString</c> (needs
    /// <c>AddTableStorage</c>), their signed download links, and a blob check on /healthz. Reads the <c>Files</c> section.
    /// </summary>
    public static IServiceCollection AddFiles(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<FilesOptions>().Bind(configuration.GetSection(FilesOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FilesOptions>, FilesOptionsValidator>();
        services.AddSingleton(sp => new FilesContainer(ContainerClient(sp)));
        services.AddSingleton(sp => new FileStore(sp.GetRequiredService<FilesContainer>()));
        services.AddSingleton(Keys);
        services.AddSingleton(sp => Links(sp, configuration));
        services.AddHostedService<SigningKeyCheck>();
        services.AddHealthChecks().AddCheck<BlobStorageHealthCheck>("blobStorage");
        return services;
    }

    /// <summary>GET/HEAD /unduh/{token}/{fileName}: the files behind the links, for anyone holding a valid one.</summary>
    public static IEndpointRouteBuilder MapDownloads(this IEndpointRouteBuilder app) => DownloadEndpoint.Map(app);

    /// <summary>
    /// The base URL of links in Development when <c>Files:PublicBaseUrl</c> is not set: the first address the host
    /// listens on (a wildcard host becomes localhost, which is where a developer's browser runs), else the configured
    /// <c>urls</c> (ASPNETCORE_URLS, --urls), else Kestrel's default.
    /// </summary>
    internal static string DevelopmentBaseUrl(IEnumerable<string>? listening, string? configuredUrls)
    {
        var candidates = (listening ?? []).Concat((configuredUrls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        foreach (var candidate in candidates)
        {
            BindingAddress address;
            try
            {
                address = BindingAddress.Parse(candidate);
            }
            catch (FormatException)
            {
                continue;
            }

            if (address.IsUnixPipe || address.Scheme is not ("http" or "https"))
            {
                continue;
            }

            var host = address.Host is "+" or "*" or "0.0.0.0" or "[::]" or "" ? "localhost" : address.Host;
            return $"{address.Scheme}://{host}:{address.Port}{address.PathBase}";
        }

        return KestrelDefaultUrl;
    }

    private static BlobContainerClient ContainerClient(IServiceProvider sp)
    {
        var files = sp.GetRequiredService<IOptions<FilesOptions>>().Value;
        var clientOptions = new BlobClientOptions();
        // Fail fast like the table client: a user waits on a download, and a turn waits on a save.
        clientOptions.Retry.MaxRetries = 2;
        clientOptions.Retry.MaxDelay = TimeSpan.FromSeconds(5);
        clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        return StorageClients.Blobs(sp, clientOptions).GetBlobContainerClient(files.ContainerName);
    }

    private static SigningKeyRing Keys(IServiceProvider sp)
    {
        var (current, previous) = FilesOptionsValidator.SigningKeys(sp.GetRequiredService<IOptions<FilesOptions>>().Value);
        var logger = sp.GetRequiredService<ILogger<DownloadLinks>>();
        if (current is null)
        {
            // Only reachable in Development: the validator stops any other environment without a key.
            FilesLog.EphemeralSigningKey(logger);
            current = RandomNumberGenerator.GetBytes(FilesOptions.MinKeyBytes);
        }

        var keys = new SigningKeyRing(current, previous);
        FilesLog.SigningKeys(logger, keys.CurrentKeyId, keys.PreviousKeyIds.Count == 0 ? "none" : string.Join(", ", keys.PreviousKeyIds));
        return keys;
    }

    private static DownloadLinks Links(IServiceProvider sp, IConfiguration configuration)
    {
        var options = sp.GetRequiredService<IOptions<FilesOptions>>().Value;
        Func<string> baseUrl = string.IsNullOrWhiteSpace(options.PublicBaseUrl)
            ? () => DevelopmentBaseUrl(sp.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses, configuration["urls"])
            : () => options.PublicBaseUrl.Trim();
        return new DownloadLinks(sp.GetRequiredService<SigningKeyRing>(), sp.GetRequiredService<TimeProvider>(), options.LinkLifetime, baseUrl);
    }

    /// <summary>
    /// Builds the links at start-up, so the key ids in use (and the warning about a per-process key) show up before the
    /// first link does.
    /// </summary>
    private sealed class SigningKeyCheck(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            _ = services.GetRequiredService<DownloadLinks>();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
