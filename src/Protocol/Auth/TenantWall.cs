using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace PerijinanBot.Protocol.Auth;

/// <summary>
/// Outside Development, the bot takes activities only from Microsoft Teams and only from its own organisation: channelId
/// <c>msteams</c>, and a tenant (<c>channelData.tenant.id</c> and <c>conversation.tenantId</c>, whichever are present) that is
/// MicrosoftAppTenantId or one of <c>BotAuthentication:AllowedTenants</c>. A valid token says the Bot Connector sent the
/// activity, not that it came from Teams in this organisation: the same Azure Bot may have other channels (Web Chat,
/// Direct Line) and, for a multi-tenant app, users in other tenants. Development lets everything through.
/// </summary>
internal sealed class TenantWall
{
    public const string Teams = "msteams";

    private readonly bool _open;
    private readonly IReadOnlySet<string> _tenants;

    public TenantWall(IOptions<BotOptions> bot, IOptions<BotAuthenticationOptions> options, IHostEnvironment environment)
    {
        _open = environment.IsDevelopment();
        _tenants = options.Value.ResolveTenants(bot.Value.MicrosoftAppTenantId);
    }

    /// <summary>Null when the activity may go on; otherwise why it is dropped (for the Debug log).</summary>
    public string? Refuse(Activity activity)
    {
        if (_open)
        {
            return null;
        }

        if (!string.Equals(activity.ChannelId, Teams, StringComparison.Ordinal))
        {
            return $"channel '{Shorten(activity.ChannelId)}' is not msteams";
        }

        // Teams names the tenant in both places; every one named must be allowed, so neither can smuggle in another.
        string?[] named = [activity.ChannelData?.Tenant?.Id, activity.Conversation?.TenantId];
        var tenants = named.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Trim()).ToList();
        if (tenants.Count == 0)
        {
            return "the activity names no tenant";
        }

        var stranger = tenants.FirstOrDefault(t => !_tenants.Contains(t));
        return stranger is null ? null : $"tenant '{Shorten(stranger)}' is not MicrosoftAppTenantId nor in BotAuthentication:AllowedTenants";
    }

    // The values come from the caller: keep a log line short whatever they send.
    private static string? Shorten(string? value) => value is { Length: > 64 } ? value[..64] + "…" : value;
}
