using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace PerijinanBot.Protocol.Auth;

/// <summary>Which issuers and tenants are trusted, where their signing keys come from, and how long the keys are trusted.</summary>
public sealed class BotAuthenticationOptions
{
    public const string Section = "BotAuthentication";

    /// <summary>The part of <see cref="TenantOpenIdMetadataUrl"/> that is replaced by the issuer's tenant id.</summary>
    public const string TenantPlaceholder = "{tenantId}";

    /// <summary>Bot Framework's OpenID metadata: the keys that sign channel tokens (issuer https://api.botframework.com).</summary>
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>
    /// Entra ID's OpenID metadata of one tenant, with <c>{tenantId}</c> for the tenant: the keys of an Entra issuer come
    /// from its own tenant's document, so no tenant's key vouches for another tenant's token.
    /// </summary>
    public string TenantOpenIdMetadataUrl { get; set; } = $"https://login.microsoftonline.com/{TenantPlaceholder}/v2.0/.well-known/openid-configuration";

    /// <summary>
    /// The issuers whose tokens are accepted. Empty: the public-cloud defaults of the Microsoft 365 Agents SDK
    /// (https://api.botframework.com, the Bot Service tenants' v1 and v2 issuers, and MicrosoftAppTenantId's). When set,
    /// used as written: list the Bot Connector issuer (e.g. https://api.botframework.us) and every Entra issuer
    /// (<c>https://{host}/{tenant}/</c>, <c>https://{host}/{tenant}/v2.0</c>) of the cloud the bot runs in.
    /// </summary>
    public List<string> ValidIssuers { get; set; } = [];

    /// <summary>
    /// Outside Development, the Entra tenants (GUIDs) whose Teams activities the bot takes besides MicrosoftAppTenantId's:
    /// for a bot installed in more than one organisation. Activities of any other tenant are dropped.
    /// </summary>
    public List<string> AllowedTenants { get; set; } = [];

    /// <summary>Tolerance on nbf/exp; Bot Framework allows 5 minutes.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a fetched key set is used before it is fetched again. Bot Framework asks for at least daily.</summary>
    public TimeSpan MetadataRefreshInterval { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// The least time between two fetches forced by a token naming an unknown key, so that a stream of forged
    /// key ids cannot turn the bot into a load generator against the metadata endpoints.
    /// </summary>
    public TimeSpan MinimumRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The trusted issuers: <see cref="ValidIssuers"/>, or the public-cloud defaults when it is empty. Null entries: not an issuer.</summary>
    internal IReadOnlyList<(string Configured, TrustedIssuer? Issuer)> ResolveIssuers(string? appTenantId) =>
        [.. (ValidIssuers.Count == 0 ? TokenIssuers.PublicCloudDefaults(appTenantId) : ValidIssuers).Select(i => (i, TokenIssuers.Classify(i?.Trim() ?? "")))];

    /// <summary>The tenants (lower-case GUIDs) whose activities are taken outside Development: MicrosoftAppTenantId's and <see cref="AllowedTenants"/>.</summary>
    internal IReadOnlySet<string> ResolveTenants(string? appTenantId)
    {
        var tenants = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var tenant in AllowedTenants.Append(appTenantId))
        {
            if (TokenIssuers.IsTenantId(tenant?.Trim()))
            {
                tenants.Add(tenant!.Trim().ToLowerInvariant());
            }
        }

        return tenants;
    }

    internal string TenantMetadataUrl(string tenantId) => TenantOpenIdMetadataUrl.Replace(TenantPlaceholder, tenantId, StringComparison.Ordinal);

    /// <summary>Metadata must come over https; plain http is allowed only to a loopback host (tests, local tools).</summary>
    internal static bool IsAllowedMetadataUri(Uri uri) =>
        uri.IsAbsoluteUri
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri)));

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));
}

internal sealed class BotAuthenticationOptionsValidator(IOptions<BotOptions> bot, IHostEnvironment environment) : IValidateOptions<BotAuthenticationOptions>
{
    private static readonly TimeSpan _maximumClockSkew = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan _maximumRefreshInterval = TimeSpan.FromHours(24);

    public ValidateOptionsResult Validate(string? name, BotAuthenticationOptions options)
    {
        const string section = BotAuthenticationOptions.Section;
        var errors = new List<string>();
        CheckUrl(errors, nameof(options.OpenIdMetadataUrl), options.OpenIdMetadataUrl);
        if (options.TenantOpenIdMetadataUrl?.Contains(BotAuthenticationOptions.TenantPlaceholder, StringComparison.Ordinal) != true)
        {
            errors.Add($"{section}:TenantOpenIdMetadataUrl must contain {BotAuthenticationOptions.TenantPlaceholder} where the tenant goes; got '{options.TenantOpenIdMetadataUrl}'.");
        }
        else
        {
            CheckUrl(errors, nameof(options.TenantOpenIdMetadataUrl), options.TenantMetadataUrl("00000000-0000-0000-0000-000000000000"));
        }

        var appTenantId = bot.Value.MicrosoftAppTenantId;
        foreach (var (configured, issuer) in options.ResolveIssuers(appTenantId))
        {
            if (issuer is null)
            {
                errors.Add($"{section}:ValidIssuers has '{configured}', which is neither a Bot Connector issuer (https://host, no path) nor an Entra issuer (https://host/{{tenant GUID}}/ or https://host/{{tenant GUID}}/v2.0).");
            }
        }

        foreach (var tenant in options.AllowedTenants)
        {
            if (!TokenIssuers.IsTenantId(tenant?.Trim()))
            {
                errors.Add($"{section}:AllowedTenants has '{tenant}', which is not a tenant id (a GUID).");
            }
        }

        // Outside Development only Teams activities of known tenants are taken: with none known, every one would be dropped.
        if (!environment.IsDevelopment() && !bot.Value.AuthenticationDisabled && options.ResolveTenants(appTenantId).Count == 0)
        {
            errors.Add($"In the {environment.EnvironmentName} environment the bot takes Teams activities only from known tenants: set MicrosoftAppTenantId to the tenant id (a GUID, not a domain name), or list the tenant ids in {section}:AllowedTenants.");
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > _maximumClockSkew)
        {
            errors.Add($"{section}:ClockSkew must be between 0 and {_maximumClockSkew}; got {options.ClockSkew}.");
        }

        if (options.MetadataRefreshInterval <= TimeSpan.Zero || options.MetadataRefreshInterval > _maximumRefreshInterval)
        {
            errors.Add($"{section}:MetadataRefreshInterval must be more than 0 and at most {_maximumRefreshInterval} (Bot Framework rotates keys and asks for a daily refresh); got {options.MetadataRefreshInterval}.");
        }

        if (options.MinimumRefreshInterval < TimeSpan.Zero || options.MinimumRefreshInterval > options.MetadataRefreshInterval)
        {
            errors.Add($"{section}:MinimumRefreshInterval must be between 0 and MetadataRefreshInterval; got {options.MinimumRefreshInterval}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckUrl(List<string> errors, string key, string? value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || !BotAuthenticationOptions.IsAllowedMetadataUri(uri))
        {
            errors.Add($"{BotAuthenticationOptions.Section}:{key} must be an absolute https URL (http only to a loopback host); got '{value}'.");
        }
    }
}
