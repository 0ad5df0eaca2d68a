namespace PerijinanBot.Protocol.Auth;

/// <summary>Who may issue the tokens we accept (Bot Framework's AuthenticationConstants and EmulatorValidation, public cloud).</summary>
internal static class TokenIssuers
{
    /// <summary>The Bot Connector signing for a channel such as msteams.</summary>
    public const string Channel = "https://api.botframework.com";

    // Entra tenants that issue emulator-style tokens: the Bot Framework tenant and Microsoft's own.
    private static readonly string[] _emulatorTenants =
    [
        "d6d49420-f39b-4df7-a1dc-d59a935871db",
        "f8cdef31-a31e-4b4a-93e4-5f571e91255a",
    ];

    /// <summary>
    /// Issuers of emulator-style tokens (Agents Playground with a client secret, our own client-credential tokens):
    /// the v1 and v2 issuers of the fixed tenants, of the token's own <c>tid</c> (so single-tenant apps work) and of
    /// the configured MicrosoftAppTenantId.
    /// </summary>
    public static IReadOnlyList<string> Emulator(string? tokenTenantId, string? configuredTenantId)
    {
        var issuers = new List<string>(8);
        foreach (var tenant in _emulatorTenants.Append(tokenTenantId).Append(configuredTenantId))
        {
            if (!string.IsNullOrWhiteSpace(tenant) && IsTenantId(tenant))
            {
                issuers.Add($"https://sts.windows.net/{tenant}/");
                issuers.Add($"https://login.microsoftonline.com/{tenant}/v2.0");
            }
        }

        return issuers;
    }

    // A tid is a GUID; anything else (a domain name, stray characters) could not have come from Entra in this claim.
    private static bool IsTenantId(string tenant) => Guid.TryParse(tenant, out _);
}
