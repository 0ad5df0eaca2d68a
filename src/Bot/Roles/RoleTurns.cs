using PerijinanBot.Bot.Graph;
using PerijinanBot.Bot.Turns;
using PerijinanBot.Dialogs.Cards;
using PerijinanBot.Dialogs.Commands;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Bot.Roles;

/// <summary>
/// The <c>peran</c> command: who holds which role and where that comes from; <c>peran sinkron</c> (Admin) reads the role
/// groups now and answers with what changed.
/// </summary>
internal sealed class RoleTurns(PeopleDirectory directory, GraphFeatures features, IServiceProvider services, ILogger<RoleTurns> logger) : ITurnRoutes
{
    /// <summary>A person is waiting: a read that takes longer is reported as Graph not answering (well inside the turn's own limit).</summary>
    public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(40);

    private static readonly HashSet<string> _syncWords = new(StringComparer.OrdinalIgnoreCase) { "sinkron", "sinkronkan", "sinkronisasi", "sync" };

    public void Register(TurnRouter router) => router.Command(CommandKind.Roles, HandleAsync);

    public Task HandleAsync(TurnContext turn, ParsedCommand command, CancellationToken cancellationToken) =>
        _syncWords.Contains(command.Argument.Trim().TrimEnd('.', '!'))
            ? SyncAsync(turn, cancellationToken)
            : ShowAsync(turn, cancellationToken);

    private async Task ShowAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var people = directory.Snapshot();
        var roles = Enum.GetValues<Role>()
            .Select(r => new RoleHolders(r.Indonesian(), [.. people.HoldersOf(r).Select(p => p.Name)]))
            .ToList();
        await turn.SendCardAsync(RolesCard.Build(roles, Source()), cancellationToken);
    }

    private async Task SyncAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (!turn.Registered.Holds(Role.Admin))
        {
            await turn.SendTextAsync(RoleTexts.AdminOnly, cancellationToken);
            return;
        }

        if (!features.DirectorySync.IsOn)
        {
            await turn.SendTextAsync(RoleTexts.NotConfigured, cancellationToken);
            return;
        }

        var sync = services.GetRequiredService<RoleDirectorySync>();
        RoleDirectoryLog.SyncAsked(logger, turn.Registered.AadObjectId);
        var result = await sync.SyncAsync(ReadTimeout, cancellationToken);
        if (result.Failure is { } failure)
        {
            await turn.SendTextAsync(RoleTexts.SyncFailed(failure), cancellationToken);
            return;
        }

        var view = new RoleSyncView(
            result.At,
            [.. result.Changes.Select(c => new RoleSyncChange(c.Role.Indonesian(), c.Holders, c.Added, c.Removed))],
            result.Flags.Sent,
            result.Flags.Waiting);
        await turn.SendCardAsync(RolesCard.Synced(view), cancellationToken);
    }

    private RolesSource Source()
    {
        if (!features.DirectorySync.IsOn)
        {
            return RolesSource.Configuration;
        }

        var sync = services.GetRequiredService<RoleDirectorySync>();
        var status = sync.Status;
        return new RolesSource([.. sync.SyncedRoles.Select(r => r.Indonesian())], status.LastSyncedAt, status.LastFailure);
    }
}
