using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace PerijinanBot.Protocol.Auth;

public static class AuthSetup
{
    /// <summary>
    /// Registers <see cref="ChannelAuthenticator"/> (a singleton: it caches the signing keys), the tenant and channel wall,
    /// and their options from the <c>BotAuthentication</c> section, validated at start-up. Reads MicrosoftAppId and
    /// MicrosoftAppTenantId from <c>BotOptions</c> (AddBotIdentity) and the environment from IHostEnvironment.
    /// </summary>
    public static IServiceCollection AddChannelAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotAuthenticationOptions>()
            .Bind(configuration.GetSection(BotAuthenticationOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotAuthenticationOptions>, BotAuthenticationOptionsValidator>();
        services.AddHttpClient(MetadataDocumentRetriever.HttpClientName, client =>
        {
            // A request waits on this fetch when a key is unknown: fail fast rather than hang the channel's call.
            client.Timeout = TimeSpan.FromSeconds(10);
            client.MaxResponseContentBufferSize = 1024 * 1024;
        });
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ChannelAuthenticator>();
        services.AddSingleton<TenantWall>();
        return services;
    }
}
