using Microsoft.Extensions.Options;
using PerijinanBot.Dialogs.Reports;
using PerijinanBot.Protocol;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Bot.Graph;

/// <summary>
/// Section <c>Graph</c>: Microsoft Graph, app-only. Every feature is optional and switched on by its own settings; with
/// none of them the bot never calls Graph and works from the <c>Directory</c> section alone.
/// </summary>
public sealed class GraphOptions
{
    public const string Section = "Graph";

    /// <summary>Graph's endpoint, including the version (a national cloud has its own).</summary>
    public Uri BaseUrl { get; set; } = new("https://graph.microsoft.com/v1.0");

    /// <summary>Entra's login host; a national cloud (or a test) has another.</summary>
    public Uri LoginAuthority { get; set; } = new("https://login.microsoftonline.com");

    /// <summary>Tenant of the app registration; default <c>MicrosoftAppTenantId</c>.</summary>
    public string? TenantId { get; set; }

    /// <summary>App registration used for Graph; default <c>MicrosoftAppId</c> (the bot's own, single-tenant).</summary>
    public string? ClientId { get; set; }

    /// <summary>Its client secret; default <c>MicrosoftAppPassword</c>.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Role name (<c>KetuaTimKerja</c>, …) → Entra group id. Any entry switches the directory sync on.</summary>
    public Dictionary<string, string> RoleGroups { get; set; } = [];

    /// <summary>How often the role groups are read again (besides at start-up and on <c>peran sinkron</c>).</summary>
    public TimeSpan DirectorySyncInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The Teams app's manifest id (its external id in the org catalog). Switches proactive installation on.</summary>
    public string? TeamsAppId { get; set; }

    /// <summary>After this many failed attempts in a row, a Graph feature makes /health/ready Degraded (until one succeeds).</summary>
    public int FailuresBeforeDegraded { get; set; } = 3;

    public GraphCalendarOptions Calendar { get; set; } = new();

    public GraphArchiveOptions Archive { get; set; } = new();
}

public sealed class GraphCalendarOptions
{
    /// <summary>The mailbox (UPN or object id) that organises the facilitation events, e.g. a shared Bidang mailbox. Switches invitations on.</summary>
    public string? Organizer { get; set; }

    /// <summary>How long the event lasts from the jadwal.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromHours(3);
}

public sealed class GraphArchiveOptions
{
    /// <summary>The SharePoint document library's drive id. Switches the archive on.</summary>
    public string? DriveId { get; set; }

    /// <summary>Folder in the library under which <c>{tahun}/{jenis}/{nomor}</c> is created.</summary>
    public string Folder { get; set; } = ArchiveNames.DefaultFolder;
}

/// <summary>The app-only credentials Graph calls use, after falling back to the bot's own identity.</summary>
public sealed record GraphCredentials(string TenantId, string ClientId, string? ClientSecret, bool ManagedIdentity);

internal sealed class GraphOptionsValidator(IOptions<BotOptions> bot) : IValidateOptions<GraphOptions>
{
    public ValidateOptionsResult Validate(string? name, GraphOptions options)
    {
        var errors = new List<string>();
        if (options.BaseUrl is not { IsAbsoluteUri: true } baseUrl || baseUrl.Scheme != Uri.UriSchemeHttps)
        {
            errors.Add($"Graph:BaseUrl must be an absolute https URL such as https://graph.microsoft.com/v1.0; got '{options.BaseUrl}'.");
        }

        if (options.LoginAuthority is not { IsAbsoluteUri: true } login || login.Scheme != Uri.UriSchemeHttps)
        {
            errors.Add($"Graph:LoginAuthority must be an absolute https URL; got '{options.LoginAuthority}'.");
        }

        foreach (var (role, group) in options.RoleGroups)
        {
            if (!Enum.TryParse<Role>(role, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(role, out _))
            {
                errors.Add($"Graph:RoleGroups has unknown role '{role}'. Known roles: {string.Join(", ", Enum.GetNames<Role>())}.");
            }

            if (!Guid.TryParse(group, out _))
            {
                errors.Add($"Graph:RoleGroups:{role} must be the Entra group's object id (a GUID), got '{group}'.");
            }
        }

        if (options.DirectorySyncInterval < TimeSpan.FromMinutes(5) || options.DirectorySyncInterval > TimeSpan.FromDays(1))
        {
            errors.Add("Graph:DirectorySyncInterval must be between 00:05:00 and 1.00:00:00.");
        }

        if (options.FailuresBeforeDegraded is < 1 or > 100)
        {
            errors.Add($"Graph:FailuresBeforeDegraded must be between 1 and 100, got {options.FailuresBeforeDegraded}.");
        }

        if (!string.IsNullOrWhiteSpace(options.TeamsAppId) && !Guid.TryParse(options.TeamsAppId, out _))
        {
            errors.Add($"Graph:TeamsAppId must be the app manifest's id (a GUID), got '{options.TeamsAppId}'.");
        }

        if (options.Calendar.Duration < TimeSpan.FromMinutes(15) || options.Calendar.Duration > TimeSpan.FromHours(12))
        {
            errors.Add("Graph:Calendar:Duration must be between 00:15:00 and 12:00:00.");
        }

        if (string.IsNullOrWhiteSpace(options.Archive.Folder) || options.Archive.Folder.Contains("..", StringComparison.Ordinal)
            || options.Archive.Folder.IndexOfAny(['\\', ':', '*', '?', '"', '<', '>', '|', '#', '%']) >= 0)
        {
            errors.Add("Graph:Archive:Folder must be a folder path in the library (segments separated by '/', none of \\ : * ? \" < > | # %).");
        }

        if (GraphFeatures.AnyConfigured(options) && Credentials(options, bot.Value) is null)
        {
            errors.Add("Graph features are configured but there are no app-only credentials: set Graph:TenantId, Graph:ClientId and Graph:ClientSecret, or a single-tenant bot identity (MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppTenantId).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Graph's own settings, else the bot's identity; null when neither names a tenant and an app.</summary>
    public static GraphCredentials? Credentials(GraphOptions options, BotOptions bot)
    {
        var tenant = Pick(options.TenantId, bot.MicrosoftAppTenantId);
        var client = Pick(options.ClientId, bot.MicrosoftAppId);
        if (tenant is null || client is null)
        {
            return null;
        }

        var secret = Pick(options.ClientSecret, string.IsNullOrWhiteSpace(options.ClientId) ? bot.MicrosoftAppPassword : null);
        var managed = secret is null && string.IsNullOrWhiteSpace(options.ClientId) && bot.MicrosoftAppType == MicrosoftAppType.UserAssignedMSI;
        return secret is null && !managed ? null : new GraphCredentials(tenant, client, secret, managed);
    }

    private static string? Pick(string? first, string? second) =>
        !string.IsNullOrWhiteSpace(first) ? first.Trim() : !string.IsNullOrWhiteSpace(second) ? second.Trim() : null;
}
