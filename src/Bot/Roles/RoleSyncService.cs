using Microsoft.Extensions.Options;
using PerijinanBot.Bot.Graph;

namespace PerijinanBot.Bot.Roles;

/// <summary>
/// Syncs the role directory in the background: the stored result of the last sync first (so a restart while Graph is down
/// keeps the synced roles), then a sync at start-up, then every <c>Graph:DirectorySyncInterval</c>. Nothing here holds up
/// the start: the bot answers from configuration (or the stored result) until Graph does.
/// </summary>
internal sealed class RoleSyncService(
    GraphFeatures features,
    IOptions<GraphOptions> options,
    IServiceProvider services,
    TimeProvider time,
    ILogger<RoleSyncService> logger) : BackgroundService
{
    /// <summary>How long one background read of the groups may take (Retry-After waits included).</summary>
    public static readonly TimeSpan ReadTimeout = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!features.DirectorySync.IsOn)
        {
            return;
        }

        await Task.Yield();
        // Resolved only now: with the feature off nothing of it (nor the Graph client) is ever built.
        var sync = services.GetRequiredService<RoleDirectorySync>();
        if (logger.IsEnabled(LogLevel.Information))
        {
            var groups = string.Join(", ", options.Value.RoleGroups.Select(g => $"{g.Key}={g.Value}"));
            RoleDirectoryLog.Scheduled(logger, options.Value.DirectorySyncInterval, groups);
        }

        try
        {
            await sync.LoadSnapshotAsync(stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            RoleDirectoryLog.SnapshotLoadFailed(logger, e);
        }

        using var timer = new PeriodicTimer(options.Value.DirectorySyncInterval, time);
        try
        {
            do
            {
                try
                {
                    // Graph failing is logged and kept in the status by the sync itself; anything else is logged here. Either way the next tick tries again.
                    await sync.SyncAsync(ReadTimeout, stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    RoleDirectoryLog.SyncCrashed(logger, e);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
