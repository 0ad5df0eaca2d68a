using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace PerijinanBot.Protocol;

public enum MicrosoftAppType
{
    MultiTenant,
    SingleTenant,
    UserAssignedMSI,
}

/// <summary>The bot's identity, under the configuration keys Bot Framework tooling and Azure App Service use.</summary>
public sealed class BotOptions
{
    public string? MicrosoftAppId { get; set; }
    public string? MicrosoftAppPassword { get; set; }
    public string? MicrosoftAppTenantId { get; set; }
    public MicrosoftAppType MicrosoftAppType { get; set; } = MicrosoftAppType.MultiTenant;

    /// <summary>With no app id the bot runs without channel auth: the Agents Playground on a developer's machine.</summary>
    public bool AuthenticationDisabled => string.IsNullOrWhiteSpace(MicrosoftAppId);
}

internal sealed class BotOptionsValidator(IHostEnvironment environment) : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        var errors = new List<string>();
        if (options.AuthenticationDisabled)
        {
            if (!environment.IsDevelopment())
            {
                errors.Add($"MicrosoftAppId is required in the {environment.EnvironmentName} environment: without it the bot would accept unauthenticated requests. Set MicrosoftAppId (and MicrosoftAppPassword, MicrosoftAppTenantId).");
            }

            if (!string.IsNullOrEmpty(options.MicrosoftAppPassword))
            {
                errors.Add("MicrosoftAppPassword is set but MicrosoftAppId is empty.");
            }

            return Result(errors);
        }

        if (!Guid.TryParse(options.MicrosoftAppId, out _))
        {
            errors.Add($"MicrosoftAppId must be the Entra application (client) id, a GUID; got '{options.MicrosoftAppId}'.");
        }

        var hasPassword = !string.IsNullOrEmpty(options.MicrosoftAppPassword);
        var hasTenant = !string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId);
        switch (options.MicrosoftAppType)
        {
            case MicrosoftAppType.MultiTenant when !hasPassword:
                errors.Add("MicrosoftAppType MultiTenant needs MicrosoftAppPassword (the client secret).");
                break;
            case MicrosoftAppType.SingleTenant when !hasPassword || !hasTenant:
                errors.Add("MicrosoftAppType SingleTenant needs MicrosoftAppPassword and MicrosoftAppTenantId.");
                break;
            case MicrosoftAppType.UserAssignedMSI when !hasTenant:
                errors.Add("MicrosoftAppType UserAssignedMSI needs MicrosoftAppTenantId (MicrosoftAppId is the managed identity's client id).");
                break;
            case MicrosoftAppType.UserAssignedMSI when hasPassword:
                errors.Add("MicrosoftAppType UserAssignedMSI must not have a MicrosoftAppPassword: the managed identity is the credential.");
                break;
            default:
                break;
        }

        return Result(errors);
    }

    private static ValidateOptionsResult Result(List<string> errors) =>
        errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
}

public static class BotOptionsSetup
{
    /// <summary>Binds the Bot Framework keys from the configuration root and refuses to start on a bad combination.</summary>
    public static IServiceCollection AddBotIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotOptions>().Bind(configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotOptions>, BotOptionsValidator>();
        return services;
    }
}
