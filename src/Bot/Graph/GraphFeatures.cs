using Microsoft.Extensions.Options;

namespace PerijinanBot.Bot.Graph;

/// <summary>One Graph feature: on, or off with the setting that would switch it on.</summary>
public sealed record GraphFeature(string Name, bool IsOn, string Detail)
{
    public override string ToString() => $"{Name}: {(IsOn ? "on" : "off")} ({Detail})";
}

/// <summary>Which Graph features this instance runs, decided once from configuration; logged at start-up and shown on /healthz.</summary>
public sealed class GraphFeatures
{
    public GraphFeatures(IOptions<GraphOptions> options)
    {
        var o = options.Value;
        DirectorySync = o.RoleGroups.Count > 0
            ? new("directory sync", true, $"{o.RoleGroups.Count} role groups, every {o.DirectorySyncInterval}")
            : new("directory sync", false, "set Graph:RoleGroups:<Role> to an Entra group id; roles come from the Directory section");
        ProactiveInstall = !string.IsNullOrWhiteSpace(o.TeamsAppId)
            ? new("proactive install", true, $"Teams app {o.TeamsAppId}")
            : new("proactive install", false, "set Graph:TeamsAppId to the manifest id; cards wait until a person opens the bot");
        Calendar = !string.IsNullOrWhiteSpace(o.Calendar.Organizer)
            ? new("calendar invitations", true, $"organised by {o.Calendar.Organizer}")
            : new("calendar invitations", false, "set Graph:Calendar:Organizer to the organising mailbox");
        Archive = !string.IsNullOrWhiteSpace(o.Archive.DriveId)
            ? new("SharePoint archive", true, $"drive {o.Archive.DriveId}, folder '{o.Archive.Folder}'")
            : new("SharePoint archive", false, "set Graph:Archive:DriveId to the document library's drive id");
    }

    public GraphFeature DirectorySync { get; }

    public GraphFeature ProactiveInstall { get; }

    public GraphFeature Calendar { get; }

    public GraphFeature Archive { get; }

    public IReadOnlyList<GraphFeature> All => [DirectorySync, ProactiveInstall, Calendar, Archive];

    public bool AnyOn => All.Any(f => f.IsOn);

    public override string ToString() => string.Join("; ", All);

    internal static bool AnyConfigured(GraphOptions o) =>
        o.RoleGroups.Count > 0 || !string.IsNullOrWhiteSpace(o.TeamsAppId) || !string.IsNullOrWhiteSpace(o.Calendar.Organizer) || !string.IsNullOrWhiteSpace(o.Archive.DriveId);
}
