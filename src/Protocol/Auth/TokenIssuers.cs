namespace PerijinanBot.Protocol.Auth;

/// <summary>How a trusted issuer's tokens are checked, and where its signing keys come from.</summary>
internal enum IssuerKind
{
    /// <summary>The Bot Connector (<c>https://api.botframework.com</c> and its sovereign twins): Bot Framework keys, endorsements, serviceurl claim.</summary>
    Channel,

    /// <summary>An Entra ID tenant (<c>sts.windows.net/{tenant}/</c>, <c>login.microsoftonline.com/{tenant}/v2.0</c>): that tenant's keys.</summary>
    Entra,
}

/// <summary>An issuer whose tokens are accepted; <see cref="TenantId"/> is set for <see cref="IssuerKind.Entra"/> issuers.</summary>
/// <param name="Emulator">Development only: an issuer taken from the token's own <c>tid</c>, which must then be issued to our app id.</param>
internal sealed record TrustedIssuer(string Issuer, IssuerKind Kind, string? TenantId, bool Emulator = false);

/// <summary>
/// Who may issue the tokens we accept. The defaults are the ones the Microsoft 365 Agents SDK's ASP.NET authentication
/// accepts for the public cloud: microsoft/Agents-for-net, <c>src/samples/Shared/AspNetExtensions.cs</c>
/// (<c>AddAgentAspNetAuthentication</c>: "If ValidIssuers is empty, default for ABS Public Cloud"), with the issuer
/// templates of <c>src/libraries/Core/Microsoft.Agents.Authentication/AuthenticationConstants.cs</c>
/// (<c>BotFrameworkTokenIssuer</c>, <c>ValidTokenIssuerUrlTemplateV1</c>/<c>V2</c>).
/// </summary>
internal static class TokenIssuers
{
    /// <summary>The Bot Connector signing for a channel such as msteams (public cloud).</summary>
    public const string BotFramework = "https://api.botframework.com";

    // Entra tenants whose tokens the Agents SDK accepts by default: the Bot Framework tenant, Microsoft Services, and the
    // tenant Azure Bot Service issues its newer Entra tokens from (the SDK lists all three).
    private static readonly string[] _botServiceTenants =
    [
        "d6d49420-f39b-4df7-a1dc-d59a935871db",
        "f8cdef31-a31e-4b4a-93e4-5f571e91255a",
        "69e9b82d-4842-4902-8d1e-abc5b98a55e8",
    ];

    public static string V1(string tenantId) => $"https://sts.windows.net/{tenantId}/";

    public static string V2(string tenantId) => $"https://login.microsoftonline.com/{tenantId}/v2.0";

    /// <summary>
    /// The public-cloud defaults, used when <c>BotAuthentication:ValidIssuers</c> is empty: the Bot Connector, the v1 and
    /// v2 issuers of the Bot Service tenants, and those of MicrosoftAppTenantId when it is a tenant id (a GUID).
    /// </summary>
    public static IReadOnlyList<string> PublicCloudDefaults(string? appTenantId)
    {
        var issuers = new List<string> { BotFramework };
        foreach (var tenant in _botServiceTenants)
        {
            issuers.Add(V1(tenant));
            issuers.Add(V2(tenant));
        }

        if (IsTenantId(appTenantId))
        {
            issuers.Add(V1(appTenantId!));
            issuers.Add(V2(appTenantId!));
        }

        return issuers;
    }

    /// <summary>
    /// Sorts one configured issuer: <c>https://{host}/{tenant GUID}/</c> or <c>https://{host}/{tenant GUID}/v2.0</c> is an
    /// Entra tenant; <c>https://{host}</c> with no path is a Bot Connector issuer; anything else is not an issuer we know.
    /// </summary>
    public static TrustedIssuer? Classify(string issuer)
    {
        if (!Uri.TryCreate(issuer, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return null;
        }

        var path = uri.AbsolutePath;
        if (path == "/")
        {
            // The token's iss is compared as written: "https://api.botframework.com", never with a trailing slash.
            return issuer.EndsWith('/') ? null : new TrustedIssuer(issuer, IssuerKind.Channel, null);
        }

        var segments = path.Split('/');
        // "/{tenant}/" splits into ["", tenant, ""]; "/{tenant}/v2.0" into ["", tenant, "v2.0"].
        return segments.Length == 3 && IsTenantId(segments[1]) && (segments[2] == "" || segments[2] == "v2.0")
            ? new TrustedIssuer(issuer, IssuerKind.Entra, segments[1].ToLowerInvariant())
            : null;
    }

    /// <summary>
    /// Development only (the emulator path): the v1 and v2 issuers of the token's own <c>tid</c>, so that the Agents
    /// Playground with a client secret works for an app of any tenant.
    /// </summary>
    public static TrustedIssuer? EmulatorIssuer(string issuer, string? tokenTenantId) =>
        IsTenantId(tokenTenantId) && (string.Equals(issuer, V1(tokenTenantId!), StringComparison.Ordinal) || string.Equals(issuer, V2(tokenTenantId!), StringComparison.Ordinal))
            ? new TrustedIssuer(issuer, IssuerKind.Entra, tokenTenantId!.ToLowerInvariant(), Emulator: true)
            : null;

    // A tid is a GUID; anything else (a domain name, stray characters) could not have come from Entra in this claim.
    public static bool IsTenantId(string? tenant) => !string.IsNullOrWhiteSpace(tenant) && Guid.TryParseExact(tenant, "D", out _);
}
