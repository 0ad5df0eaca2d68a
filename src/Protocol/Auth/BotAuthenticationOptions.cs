using System.Net;
using Microsoft.Extensions.Options;

namespace PerijinanBot.Protocol.Auth;

/// <summary>Where the signing keys of inbound tokens come from, and how long they are trusted.</summary>
public sealed class BotAuthenticationOptions
{
    public const string Section = "BotAuthentication";

    /// <summary>Bot Framework's OpenID metadata: the keys that sign channel tokens (issuer https://api.botframework.com).</summary>
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Entra ID's metadata: the keys that sign emulator-style tokens (Agents Playground with a client secret, our own client-credential tokens).</summary>
    public string EmulatorOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>Tolerance on nbf/exp; Bot Framework allows 5 minutes.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a fetched key set is used before it is fetched again. Bot Framework asks for at least daily.</summary>
    public TimeSpan MetadataRefreshInterval { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// The least time between two fetches forced by a token naming an unknown key, so that a stream of forged
    /// key ids cannot turn the bot into a load generator against the metadata endpoints.
    /// </summary>
    public TimeSpan MinimumRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Metadata must come over https; plain http is allowed only to a loopback host (tests, local tools).</summary>
    internal static bool IsAllowedMetadataUri(Uri uri) =>
        uri.IsAbsoluteUri
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri)));

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));
}

internal sealed class BotAuthenticationOptionsValidator : IValidateOptions<BotAuthenticationOptions>
{
    private static readonly TimeSpan _maximumClockSkew = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan _maximumRefreshInterval = TimeSpan.FromHours(24);

    public ValidateOptionsResult Validate(string? name, BotAuthenticationOptions options)
    {
        var errors = new List<string>();
        CheckUrl(errors, nameof(options.OpenIdMetadataUrl), options.OpenIdMetadataUrl);
        CheckUrl(errors, nameof(options.EmulatorOpenIdMetadataUrl), options.EmulatorOpenIdMetadataUrl);

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > _maximumClockSkew)
        {
            errors.Add($"{BotAuthenticationOptions.Section}:ClockSkew must be between 0 and {_maximumClockSkew}; got {options.ClockSkew}.");
        }

        if (options.MetadataRefreshInterval <= TimeSpan.Zero || options.MetadataRefreshInterval > _maximumRefreshInterval)
        {
            errors.Add($"{BotAuthenticationOptions.Section}:MetadataRefreshInterval must be more than 0 and at most {_maximumRefreshInterval} (Bot Framework rotates keys and asks for a daily refresh); got {options.MetadataRefreshInterval}.");
        }

        if (options.MinimumRefreshInterval < TimeSpan.Zero || options.MinimumRefreshInterval > options.MetadataRefreshInterval)
        {
            errors.Add($"{BotAuthenticationOptions.Section}:MinimumRefreshInterval must be between 0 and MetadataRefreshInterval; got {options.MinimumRefreshInterval}.");
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
