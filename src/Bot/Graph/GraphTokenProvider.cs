using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;
using Microsoft.Kiota.Abstractions.Authentication;
using PerijinanBot.Protocol;

namespace PerijinanBot.Bot.Graph;

/// <summary>
/// App-only tokens for Graph from MSAL (client secret, or the bot's user-assigned managed identity), cached by MSAL. Handed to
/// the Graph SDK as its access-token provider, for Graph's host only.
/// </summary>
internal sealed class GraphTokenProvider : IAccessTokenProvider
{
    private readonly Func<CancellationToken, Task<string>> _acquire;

    public GraphTokenProvider(IOptions<GraphOptions> graphOptions, IOptions<BotOptions> botOptions, IHttpClientFactory httpClientFactory)
    {
        var options = graphOptions.Value;
        var credentials = GraphOptionsValidator.Credentials(options, botOptions.Value)
            ?? throw new InvalidOperationException("Graph is used without app-only credentials (the options validator lets no such configuration start).");
        AllowedHostsValidator = new AllowedHostsValidator([options.BaseUrl.Host]);
        var resource = $"{options.BaseUrl.Scheme}://{options.BaseUrl.Host}";
        var http = new MsalHttpClientFactory(httpClientFactory);
        if (credentials.ManagedIdentity)
        {
            var identity = ManagedIdentityApplicationBuilder.Create(ManagedIdentityId.WithUserAssignedClientId(credentials.ClientId)).WithHttpClientFactory(http).Build();
            _acquire = async ct => (await identity.AcquireTokenForManagedIdentity(resource).ExecuteAsync(ct)).AccessToken;
            return;
        }

        var knownHost = options.LoginAuthority.Host.Equals("login.microsoftonline.com", StringComparison.OrdinalIgnoreCase);
        var builder = ConfidentialClientApplicationBuilder.Create(credentials.ClientId)
            .WithClientSecret(credentials.ClientSecret)
            .WithAuthority($"{options.LoginAuthority.GetLeftPart(UriPartial.Authority)}/{Uri.EscapeDataString(credentials.TenantId)}", validateAuthority: knownHost)
            .WithHttpClientFactory(http);
        if (!knownHost)
        {
            // A national cloud's (or a test's) login host is not in MSAL's list: don't ask Entra about it.
            builder = builder.WithInstanceDiscovery(false);
        }

        var app = builder.Build();
        string[] scopes = [$"{resource}/.default"];
        _acquire = async ct => (await app.AcquireTokenForClient(scopes).ExecuteAsync(ct)).AccessToken;
    }

    public AllowedHostsValidator AllowedHostsValidator { get; }

    public async Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);
        // Never hand Graph's token to another host (a nextLink or an upload URL elsewhere gets none).
        return AllowedHostsValidator.IsUrlHostValid(uri) && uri.Scheme == Uri.UriSchemeHttps ? await _acquire(cancellationToken) : "";
    }

    private sealed class MsalHttpClientFactory(IHttpClientFactory factory) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => factory.CreateClient(GraphSetup.LoginHttpClientName);
    }
}
