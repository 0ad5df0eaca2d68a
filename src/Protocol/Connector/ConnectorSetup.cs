using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace PerijinanBot.Protocol.Connector;

public static class ConnectorSetup
{
    /// <summary>The HttpClient that calls the connector (serviceUrl).</summary>
    public const string ConnectorHttpClientName = "BotConnector";

    /// <summary>The HttpClient MSAL uses for Entra ID / the managed identity endpoint.</summary>
    public const string LoginHttpClientName = "BotConnector.Login";

    /// <summary>The outbound half of the protocol: token, retries, the REST calls. Reads the <c>BotConnector</c> section.</summary>
    public static IServiceCollection AddBotConnector(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConnectorOptions>().Bind(configuration.GetSection(ConnectorOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ConnectorOptions>, ConnectorOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        // ConnectorOptions.RequestTimeout governs each attempt; HttpClient's own 100 s would be mistaken for the caller cancelling.
        services.AddHttpClient(ConnectorHttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddHttpClient(LoginHttpClientName);
        // A received file is fetched once, within the request timeout; no redirects, so an allowed host cannot send it elsewhere.
        services.AddHttpClient(FileDownloader.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new System.Net.Http.SocketsHttpHandler { AllowAutoRedirect = false });

        services.AddMetrics();
        services.AddSingleton<ConnectorMetrics>();
        services.AddSingleton<ConnectorTokenProvider>();
        services.AddSingleton<ConnectorClient>();
        services.AddSingleton<FileDownloader>();
        return services;
    }
}
