using Microsoft.Extensions.Options;

namespace PerijinanBot.Protocol.Connector;

/// <summary>How the bot talks to the Bot Connector: where it gets its token, how long it waits, how often it retries.</summary>
public sealed class ConnectorOptions
{
    public const string Section = "BotConnector";

    /// <summary>Entra ID host; the tenant (botframework.com or MicrosoftAppTenantId) is appended. MSAL insists on https.</summary>
    public Uri LoginAuthority { get; set; } = new("https://login.microsoftonline.com");

    /// <summary>What the token is for; the managed-identity path uses it without <c>/.default</c>.</summary>
    public string Scope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>Tries per call, the first included. Teams advises few retries; an outbox may try again much later.</summary>
    public int MaxAttempts { get; set; } = 4;

    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>A server asking for a longer pause than this is obeyed only up to this long.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>One HTTP exchange, body included; backoff pauses are not counted.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// serviceUrl hosts the bot's token may be sent to: host names, or <c>*.domain</c> for its subdomains. Empty: the Teams
    /// and Bot Framework hosts of the public cloud, GCC, GCC High and DoD (<see cref="ServiceHosts.Defaults"/>); when set,
    /// used as written. Loopback is allowed in Development only.
    /// </summary>
    public List<string> AllowedServiceHosts { get; set; } = [];

    /// <summary>
    /// Hosts a received file's pre-authenticated <c>downloadUrl</c> may be fetched from, written like
    /// <see cref="AllowedServiceHosts"/>. Empty: <see cref="FileHosts.Defaults"/> (OneDrive for Business and SharePoint,
    /// <c>*.sharepoint.com</c>); loopback in Development only.
    /// </summary>
    public List<string> AllowedFileHosts { get; set; } = [];

    /// <summary>
    /// Where the bot writes first to someone it has no conversation with yet (a 1:1 chat Graph named after a proactive
    /// install). Teams' documented global address; inbound activities then tell the regional one.
    /// </summary>
    public Uri ProactiveServiceUrl { get; set; } = new("https://smba.trafficmanager.net/teams/");
}

internal sealed class ConnectorOptionsValidator : IValidateOptions<ConnectorOptions>
{
    public ValidateOptionsResult Validate(string? name, ConnectorOptions options)
    {
        var errors = new List<string>();
        if (options.LoginAuthority is not { IsAbsoluteUri: true } authority || authority.Scheme != Uri.UriSchemeHttps)
        {
            errors.Add($"{ConnectorOptions.Section}:LoginAuthority must be an absolute https URL (MSAL refuses anything else); got '{options.LoginAuthority}'.");
        }

        if (options.ProactiveServiceUrl is not { IsAbsoluteUri: true } proactive || (proactive.Scheme != Uri.UriSchemeHttps && !proactive.IsLoopback))
        {
            errors.Add($"{ConnectorOptions.Section}:ProactiveServiceUrl must be an absolute https URL (e.g. https://smba.trafficmanager.net/teams/); got '{options.ProactiveServiceUrl}'.");
        }

        if (string.IsNullOrWhiteSpace(options.Scope))
        {
            errors.Add($"{ConnectorOptions.Section}:Scope is empty.");
        }

        if (options.MaxAttempts is < 1 or > 10)
        {
            errors.Add($"{ConnectorOptions.Section}:MaxAttempts must be between 1 and 10; got {options.MaxAttempts}.");
        }

        if (options.BaseDelay < TimeSpan.Zero || options.MaxDelay < options.BaseDelay)
        {
            errors.Add($"{ConnectorOptions.Section}: need 0 <= BaseDelay <= MaxDelay; got {options.BaseDelay} and {options.MaxDelay}.");
        }

        if (options.MaxRetryAfter < TimeSpan.Zero)
        {
            errors.Add($"{ConnectorOptions.Section}:MaxRetryAfter must not be negative.");
        }

        if (options.RequestTimeout <= TimeSpan.Zero || options.RequestTimeout > TimeSpan.FromMinutes(5))
        {
            errors.Add($"{ConnectorOptions.Section}:RequestTimeout must be more than zero and at most 5 minutes; got {options.RequestTimeout}.");
        }

        foreach (var host in options.AllowedServiceHosts)
        {
            if (!ServiceHosts.IsValidEntry(host))
            {
                errors.Add($"{ConnectorOptions.Section}:AllowedServiceHosts has '{host}'; each entry is a host name (smba.trafficmanager.net) or *. and a domain of two labels or more (*.botframework.com).");
            }
        }

        foreach (var host in options.AllowedFileHosts)
        {
            if (!ServiceHosts.IsValidEntry(host))
            {
                errors.Add($"{ConnectorOptions.Section}:AllowedFileHosts has '{host}'; each entry is a host name (contoso-my.sharepoint.com) or *. and a domain of two labels or more (*.sharepoint.com).");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
