using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace PerijinanBot.Protocol.Connector;

/// <summary>
/// The bearer token the bot presents to the Bot Connector, from MSAL (client secret, or a user-assigned managed
/// identity). A singleton: the MSAL application holds the token cache, so a new one per call would ask Entra every time.
/// </summary>
public sealed class ConnectorTokenProvider
{
    private readonly Func<CancellationToken, Task<string>>? _acquire;

    public ConnectorTokenProvider(
        IOptions<BotOptions> botOptions,
        IOptions<ConnectorOptions> connectorOptions,
        IHttpClientFactory httpClientFactory,
        ILogger<ConnectorTokenProvider> logger)
    {
        var bot = botOptions.Value;
        if (bot.AuthenticationDisabled)
        {
            ConnectorLog.OutboundTokenDisabled(logger);
            return;
        }

        _acquire = Create(bot, connectorOptions.Value, new MsalHttpClientFactory(httpClientFactory));
    }

    /// <summary>False when MicrosoftAppId is empty: calls go out without an Authorization header (Agents Playground).</summary>
    public bool IsEnabled => _acquire is not null;

    /// <summary>A token from MSAL's cache, or a fresh one; null when outbound auth is off.</summary>
    /// <exception cref="MsalException">Entra ID refused or could not be reached.</exception>
    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken) =>
        _acquire is null ? null : await _acquire(cancellationToken);

    private static Func<CancellationToken, Task<string>> Create(BotOptions bot, ConnectorOptions options, IMsalHttpClientFactory http)
    {
        var appId = bot.MicrosoftAppId!;
        if (bot.MicrosoftAppType == MicrosoftAppType.UserAssignedMSI)
        {
            var identity = ManagedIdentityApplicationBuilder.Create(ManagedIdentityId.WithUserAssignedClientId(appId))
                .WithHttpClientFactory(http)
                .Build();
            var resource = options.Scope.EndsWith("/.default", StringComparison.Ordinal) ? options.Scope[..^"/.default".Length] : options.Scope;
            return async ct => (await identity.AcquireTokenForManagedIdentity(resource).ExecuteAsync(ct)).AccessToken;
        }

        // Multi-tenant bots get their token from the "botframework.com" tenant, single-tenant ones from their own.
        var tenant = bot.MicrosoftAppType == MicrosoftAppType.SingleTenant ? bot.MicrosoftAppTenantId! : "botframework.com";
        var authority = $"{options.LoginAuthority.GetLeftPart(UriPartial.Authority)}/{Uri.EscapeDataString(tenant)}";
        var knownHost = options.LoginAuthority.Host.Equals("login.microsoftonline.com", StringComparison.OrdinalIgnoreCase);
        var builder = ConfidentialClientApplicationBuilder.Create(appId)
            .WithClientSecret(bot.MicrosoftAppPassword)
            .WithAuthority(authority, validateAuthority: knownHost)
            .WithHttpClientFactory(http);
        if (!knownHost)
        {
            // Another host (a sovereign cloud, or a test's local token endpoint) is not in MSAL's list: don't ask Entra about it.
            builder = builder.WithInstanceDiscovery(false);
        }

        var app = builder.Build();
        string[] scopes = [options.Scope];
        return async ct => (await app.AcquireTokenForClient(scopes).ExecuteAsync(ct)).AccessToken;
    }

    /// <summary>MSAL's HTTP goes through IHttpClientFactory like everything else (pooled handlers, DNS refresh).</summary>
    private sealed class MsalHttpClientFactory(IHttpClientFactory factory) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => factory.CreateClient(ConnectorSetup.LoginHttpClientName);
    }
}
