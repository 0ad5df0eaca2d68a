using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;

namespace PerijinanBot.Bot.Graph;

/// <summary>
/// The Graph SDK's client, made on first use by a feature that is on. Registered in its place because a registration keyed
/// by <see cref="GraphServiceClient"/> (or by the Kiota token provider) loads Microsoft.Graph.dll at start-up: 45 MB of IL
/// whose type table the runtime reads on load, about 6 MB of resident memory in a bot that has no Graph feature on
/// (bench/README.md, peak RSS). This class names the SDK's types only in members that run when the client is asked for.
/// </summary>
internal sealed class GraphClient(IServiceProvider services)
{
    private readonly Lock _gate = new();
    private object? _client;

    /// <summary>The one client of this process (the SDK's handlers, the Graph HttpClient, MSAL's app-only tokens).</summary>
    public GraphServiceClient Client
    {
        get
        {
            lock (_gate)
            {
                return (GraphServiceClient)(_client ??= Create());
            }
        }
    }

    private GraphServiceClient Create()
    {
        var options = services.GetRequiredService<IOptions<GraphOptions>>().Value;
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(GraphSetup.HttpClientName);
        var auth = new BaseBearerTokenAuthenticationProvider(ActivatorUtilities.CreateInstance<GraphTokenProvider>(services));
        return new GraphServiceClient(http, auth, options.BaseUrl.AbsoluteUri.TrimEnd('/'));
    }
}
