using Microsoft.Extensions.Options;
using Microsoft.Graph;

namespace PerijinanBot.Bot.Graph;

internal static partial class GraphSetup
{
    /// <summary>The HttpClient of Graph calls: the Graph SDK's handlers (retry honouring Retry-After, redirects, compression).</summary>
    public const string HttpClientName = "Graph";

    /// <summary>The HttpClient MSAL uses for Graph's tokens.</summary>
    public const string LoginHttpClientName = "Graph.Login";

    public static IServiceCollection AddGraph(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GraphOptions>().Bind(configuration.GetSection(GraphOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GraphOptions>, GraphOptionsValidator>();
        services.AddSingleton<GraphFeatures>();
        services.AddSingleton<GraphAttempts>();
        services.AddHttpClient(LoginHttpClientName);
        services.AddHttpClient(HttpClientName)
            .ConfigureAdditionalHttpMessageHandlers((handlers, _) =>
            {
                foreach (var handler in GraphClientFactory.CreateDefaultHandlers())
                {
                    handlers.Add(handler);
                }
            });
        // Resolved only by features that are on: with no Graph configuration nothing asks for it, and no credentials are needed.
        services.AddSingleton<GraphClient>();
        services.AddHealthChecks().AddCheck<GraphHealthCheck>("graph");
        services.AddHostedService<GraphFeaturesLog>();
        return services;
    }

    /// <summary>Says at start-up which Graph features run and how to switch on the others.</summary>
    private sealed partial class GraphFeaturesLog(GraphFeatures features, ILogger<GraphFeatures> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            foreach (var feature in features.All)
            {
                if (feature.IsOn)
                {
                    FeatureOn(logger, feature.Name, feature.Detail);
                }
                else
                {
                    FeatureOff(logger, feature.Name, feature.Detail);
                }
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(EventId = 1400, Level = LogLevel.Information, Message = "Microsoft Graph {Feature}: on ({Detail})")]
        private static partial void FeatureOn(ILogger logger, string feature, string detail);

        [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "Microsoft Graph {Feature}: off ({Detail})")]
        private static partial void FeatureOff(ILogger logger, string feature, string detail);
    }
}
