using PerijinanBot.Bot.Conversations;
using PerijinanBot.Bot.Decisions;
using PerijinanBot.Bot.People;
using PerijinanBot.Dialogs.Cards;
using PerijinanBot.Protocol.Connector;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Bot.Roles;

/// <summary>What a flag pass did: reports delivered now, and reports still waiting for a reachable recipient.</summary>
internal sealed record FlagOutcome(int Sent, int Waiting);

/// <summary>
/// After a sync, open steps held by someone who no longer holds the step's role would wait for ever: the engine lets only
/// an Admin or the role's superior reassign them, and nobody would know. So each such step is reported once to the holders
/// of the superior role (the ones working on that kegiatan, if any), or to the Admins when nobody holds it, with the
/// <c>alihkan</c> command to hand it on. A report nobody could receive waits for the next sync.
/// </summary>
internal sealed class LeftRoleFlagger(
    RoleSyncStore store,
    TaskIndex tasks,
    KegiatanService kegiatan,
    StaffingSource staffing,
    PersonalMessenger messenger,
    PeopleDirectory directory,
    ILogger<LeftRoleFlagger> logger)
{
    public async Task<FlagOutcome> RunAsync(CancellationToken cancellationToken)
    {
        // One directory for the whole pass, even if another sync swaps it meanwhile.
        var people = directory.Snapshot();
        foreach (var lost in await store.LostAsync(cancellationToken))
        {
            if (people.Find(lost.PersonId)?.Holds(lost.Role) != true)
            {
                foreach (var task in await tasks.ForAsync(lost.PersonId, cancellationToken))
                {
                    if (await OpenStepAsync(task.Number, task.Step, task.Attempt, lost.PersonId, lost.Role, cancellationToken) is not null
                        && await store.AddFlagAsync(new LeftRoleFlag(task.Number, task.Step, task.Attempt, lost.PersonId, lost.PersonName, lost.Role), cancellationToken))
                    {
                        RoleDirectoryLog.StepFlagged(logger, task.Number, task.Step, lost.PersonId, lost.Role);
                    }
                }
            }

            // Looked at: the steps found are flags now, and someone who left a role receives no new step of it.
            await store.RemoveLostAsync(lost, cancellationToken);
        }

        var sent = 0;
        var waiting = 0;
        foreach (var flag in await store.OpenFlagsAsync(cancellationToken))
        {
            if (await store.TryClaimAsync(flag, cancellationToken) is not { } claim)
            {
                continue;
            }

            switch (await DeliverAsync(claim, people, cancellationToken))
            {
                case true:
                    sent++;
                    break;
                case false:
                    waiting++;
                    break;
                default:
                    break;
            }
        }

        return new FlagOutcome(sent, waiting);
    }

    /// <summary>True: delivered; false: waits for the next sync; null: nothing to report any more.</summary>
    private async Task<bool?> DeliverAsync(FlagClaim claim, PeopleDirectory people, CancellationToken cancellationToken)
    {
        var flag = claim.Flag;
        try
        {
            var open = await OpenStepAsync(flag.Number, flag.Step, flag.Attempt, flag.PersonId, flag.Role, cancellationToken);
            if (open is null || people.Find(flag.PersonId)?.Holds(flag.Role) == true)
            {
                await store.ObsoleteAsync(claim, open is null ? "the step is no longer open with this person" : "the person holds the role again", cancellationToken);
                return null;
            }

            var (state, definition, step) = open.Value;
            var superior = definition.Roles.FirstOrDefault(r => r.Role == flag.Role)?.Superior;
            var (holders, toAdmins) = Recipients(state, people, superior, flag.PersonId);
            // A holder away today has a Plh. who may reassign in their name: they hear it too.
            var today = kegiatan.Today;
            var recipients = holders
                .Concat(holders.SelectMany(h => StandIns.Of(staffing.Now, h.AadObjectId, today)).Select(s => people.Find(s.StandIn.Id)).OfType<Person>())
                .Where(p => !Same(p.AadObjectId, flag.PersonId))
                .DistinctBy(p => p.AadObjectId, StringComparer.OrdinalIgnoreCase)
                .ToList();
            var card = RolesCard.LeftRole(new LeftRoleView(
                flag.Number, state.Value("judul"), flag.Step, step.Title, flag.Role.Indonesian(), Name(people, flag), superior?.Indonesian(), toAdmins));
            var delivered = new List<string>();
            foreach (var recipient in recipients)
            {
                try
                {
                    if (await messenger.SendCardAsync(recipient.AadObjectId, card, cancellationToken) is not null)
                    {
                        delivered.Add(recipient.AadObjectId);
                    }
                }
                catch (ConnectorException e)
                {
                    RoleDirectoryLog.FlagNotSent(logger, e, flag.Number, flag.Step, recipient.AadObjectId);
                }
            }

            if (delivered.Count == 0)
            {
                RoleDirectoryLog.FlagWaiting(logger, flag.Number, flag.Step, flag.PersonId, recipients.Count);
                await store.ReleaseAsync(claim, recipients.Count == 0 ? "nobody holds the superior role or Admin" : "no recipient could be reached", cancellationToken);
                return false;
            }

            await store.CompleteAsync(claim, string.Join(",", delivered), cancellationToken);
            RoleDirectoryLog.FlagSent(logger, flag.Number, flag.Step, flag.PersonId, delivered.Count, toAdmins);
            return true;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Storage or the connector failed midway: the flag goes back to waiting (or, if even that fails, its claim lapses).
            RoleDirectoryLog.FlagFailed(logger, e, flag.Number, flag.Step, flag.PersonId);
            try
            {
                await store.ReleaseAsync(claim, e.GetType().Name, cancellationToken);
            }
            catch (Exception release) when (!cancellationToken.IsCancellationRequested)
            {
                RoleDirectoryLog.FlagFailed(logger, release, flag.Number, flag.Step, flag.PersonId);
            }

            return false;
        }
    }

    /// <summary>The kegiatan when its current step is still this visit, still this person's, and of the role they left.</summary>
    private async Task<(Kegiatan State, SopDefinition Definition, StepDefinition Step)?> OpenStepAsync(
        string number, int step, int attempt, string personId, Role role, CancellationToken cancellationToken)
    {
        if (await kegiatan.FindAsync(number, cancellationToken) is not { Current: { } current } state
            || current.Step != step || current.Attempt != attempt
            || !string.Equals(current.Assignee?.Id, personId, StringComparison.OrdinalIgnoreCase)
            || kegiatan.DefinitionOf(state) is not { } definition
            || definition.FindStep(step) is not { } stepDefinition
            || stepDefinition.Role != role)
        {
            return null;
        }

        return (state, definition, stepDefinition);
    }

    /// <summary>
    /// The superior role's holders who already work on this kegiatan (the Ketua who started it), else all its holders; the
    /// Admins when nobody holds it (or the SOP puts no role above this one). Never the person who left.
    /// </summary>
    private static (IReadOnlyList<Person> Recipients, bool ToAdmins) Recipients(Kegiatan state, PeopleDirectory people, Role? superior, string leaverId)
    {
        var holders = superior is { } role ? people.HoldersOf(role).Where(p => !Same(p.AadObjectId, leaverId)).ToList() : [];
        if (holders.Count > 0)
        {
            var participants = state.Participants();
            var involved = holders.Where(h => participants.Any(p => Same(p.Id, h.AadObjectId))).ToList();
            return (involved.Count > 0 ? involved : holders, false);
        }

        return ([.. people.HoldersOf(Role.Admin).Where(p => !Same(p.AadObjectId, leaverId))], true);
    }

    /// <summary>The name the directory knows now (they may still be listed for other roles), else the one recorded with the flag.</summary>
    private static string Name(PeopleDirectory people, LeftRoleFlag flag) =>
        people.Find(flag.PersonId)?.Name ?? (flag.PersonName.Length > 0 ? flag.PersonName : flag.PersonId);

    private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
