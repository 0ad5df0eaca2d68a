using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PerijinanBot.Bot.Storage;

/// <summary>
/// The Entra credential the bot reaches Azure Storage with when <c>Storage:ConnectionString</c> is empty. Created on first
/// use only, so a bot on a connection string (Azurite) never looks for an identity.
/// </summary>
internal static class AzureIdentity
{
    /// <summary>
    /// Registers the <see cref="TokenCredential"/> unless the host registered one (the tests do). Outside Development only the
    /// managed identity is tried: the user-assigned one of <c>AZURE_CLIENT_ID</c> (the variable the Azure SDK documents for
    /// it), else the bot's own when <c>MicrosoftAppType</c> is <c>UserAssignedMSI</c> (the same identity Graph and the
    /// Bot Connector use), else the app's system-assigned one. Development also takes a developer's own sign-in (Azure
    /// CLI, Visual Studio), so a developer can point the bot at a real account without a key.
    /// </summary>
    public static IServiceCollection AddAzureIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(sp => Create(configuration, sp.GetRequiredService<IHostEnvironment>()));
        return services;
    }

    internal static TokenCredential Create(IConfiguration configuration, IHostEnvironment environment)
    {
        var clientId = UserAssignedClientId(configuration);
        if (environment.IsDevelopment())
        {
            // Not DefaultAzureCredential's full chain: environment secrets and interactive prompts have no place in a bot.
            return new ChainedTokenCredential(
                ManagedIdentity(clientId),
                new AzureCliCredential(),
                new VisualStudioCredential());
        }

        return ManagedIdentity(clientId);
    }

    /// <summary>AZURE_CLIENT_ID, else the bot's identity when it is a user-assigned managed identity; null for the system-assigned one.</summary>
    internal static string? UserAssignedClientId(IConfiguration configuration)
    {
        if (configuration["AZURE_CLIENT_ID"] is { Length: > 0 } explicitId && !string.IsNullOrWhiteSpace(explicitId))
        {
            return explicitId.Trim();
        }

        return string.Equals(configuration["MicrosoftAppType"]?.Trim(), "UserAssignedMSI", StringComparison.OrdinalIgnoreCase)
            && configuration["MicrosoftAppId"] is { } appId && !string.IsNullOrWhiteSpace(appId)
            ? appId.Trim()
            : null;
    }

    private static ManagedIdentityCredential ManagedIdentity(string? clientId) =>
        new(clientId is null ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId));
}
