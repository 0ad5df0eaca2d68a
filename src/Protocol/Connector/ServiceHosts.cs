using System.Net;
using System.Net.Sockets;

namespace PerijinanBot.Protocol.Connector;

/// <summary>
/// The serviceUrl hosts the bot's connector token may be sent to. A serviceUrl comes from an activity or a stored
/// conversation reference; the token is the bot's identity towards every conversation, so it goes only to hosts of the
/// Bot Connector and Teams.
/// </summary>
internal sealed class ServiceHosts
{
    /// <summary>
    /// The Teams / Bot Framework service hosts. Public cloud: <c>smba.trafficmanager.net</c> (exact: trafficmanager.net
    /// is a shared namespace anyone can register under), <c>*.botframework.com</c>, <c>*.teams.microsoft.com</c> (which
    /// covers GCC's <c>smba.infra.gcc.teams.microsoft.com</c>). GCC High and DoD: <c>smba.infra.gov.teams.microsoft.us</c>
    /// and <c>smba.infra.dod.teams.microsoft.us</c>, as listed in "Proactive messages", Government cloud endpoints,
    /// https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages (also the
    /// Agents SDK's first-party list, microsoft/Agents-for-net
    /// <c>src/libraries/Builder/Microsoft.Agents.Builder/OutboundHostValidator.cs</c>).
    /// </summary>
    public static readonly IReadOnlyList<string> Defaults =
    [
        "smba.trafficmanager.net",
        "*.botframework.com",
        "*.teams.microsoft.com",
        "smba.infra.gov.teams.microsoft.us",
        "smba.infra.dod.teams.microsoft.us",
    ];

    private readonly string[] _exact;
    private readonly string[] _suffixes;
    private readonly bool _loopback;

    /// <param name="configured"><c>BotConnector:AllowedServiceHosts</c>; empty means <see cref="Defaults"/>.</param>
    /// <param name="allowLoopback">Development: the Agents Playground and local tools on this machine.</param>
    public ServiceHosts(IReadOnlyCollection<string> configured, bool allowLoopback)
    {
        var entries = (configured.Count == 0 ? Defaults : configured).Select(e => e.Trim().ToLowerInvariant()).ToList();
        _exact = [.. entries.Where(e => !e.StartsWith("*.", StringComparison.Ordinal))];
        _suffixes = [.. entries.Where(e => e.StartsWith("*.", StringComparison.Ordinal)).Select(e => e[1..])];
        _loopback = allowLoopback;
    }

    public bool Allows(Uri uri)
    {
        if (IsLoopback(uri))
        {
            return _loopback;
        }

        // IdnHost: the punycode form, so a look-alike Unicode name is compared as what DNS resolves.
        var host = uri.IdnHost.TrimEnd('.').ToLowerInvariant();
        return _exact.Contains(host, StringComparer.Ordinal)
            || _suffixes.Any(suffix => host.EndsWith(suffix, StringComparison.Ordinal) && host.Length > suffix.Length);
    }

    /// <summary>An entry is a host name (<c>smba.trafficmanager.net</c>) or a wildcard over its subdomains (<c>*.botframework.com</c>).</summary>
    public static bool IsValidEntry(string? entry)
    {
        var host = entry?.Trim() ?? "";
        var wildcard = host.StartsWith("*.", StringComparison.Ordinal);
        if (wildcard)
        {
            host = host[2..];
        }

        // A wildcard needs a base of at least two labels: "*.com" would allow half the internet.
        return Uri.CheckHostName(host) == UriHostNameType.Dns && (!wildcard || host.Contains('.', StringComparison.Ordinal));
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && (IPAddress.IsLoopback(address)
            || (address.AddressFamily == AddressFamily.InterNetworkV6 && address.IsIPv4MappedToIPv6 && IPAddress.IsLoopback(address.MapToIPv4()))));
}
