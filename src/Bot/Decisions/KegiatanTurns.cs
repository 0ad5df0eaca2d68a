using System.Text.RegularExpressions;
using PerijinanBot.Bot.People;
using PerijinanBot.Bot.Turns;
using PerijinanBot.Dialogs.Commands;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Bot.Telemetry;

namespace PerijinanBot.Bot.Decisions;

/// <summary>The chat commands of the SOP: mulai, tugas, status, riwayat, sop, batal, alihkan, jadwal. Each answers with a card or a short text.</summary>
internal sealed partial class KegiatanTurns(KegiatanService kegiatan, StaffingSource staffingSource, TaskIndex tasks, OpenedAtStamps stamps) : ITurnRoutes
{
    public void Register(TurnRouter router)
    {
        router.Command(CommandKind.Start, (turn, _, ct) => StartAsync(turn, ct));
        router.Command(CommandKind.Tasks, (turn, _, ct) => TasksAsync(turn, ct));
        router.Command(CommandKind.Status, StatusAsync);
        router.Command(CommandKind.History, HistoryAsync);
        router.Command(CommandKind.Sop, (turn, _, ct) => SopAsync(turn, ct), Audience.Anyone);
        router.Command(CommandKind.Cancel, CancelAsync);
        router.Command(CommandKind.Reassign, ReassignAsync);
        router.Command(CommandKind.Reschedule, RescheduleAsync);
    }

    public Task StartAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var sender = turn.Registered;
        var definition = kegiatan.CurrentDefinition;
        var actor = kegiatan.MayStart(sender.AadObjectId);
        return actor is null
            ? turn.SendTextAsync(SopTexts.OnlyStarterStarts(definition), cancellationToken)
            : turn.SendCardAsync(StepCard.Build(kegiatan.Views().Start(definition, actor, start: stamps.Stamp(definition.Id, sender.AadObjectId))), cancellationToken);
    }

    public async Task TasksAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var sender = turn.Registered;
        // A Plh. also sees the steps of the people they stand in for, as long as the engine lets them act today.
        var staffing = staffingSource.Now;
        var standsInFor = staffing.Delegations
            .Where(d => string.Equals(d.StandInId, sender.AadObjectId, StringComparison.OrdinalIgnoreCase))
            .Select(d => d.HolderId)
            .Distinct(StringComparer.OrdinalIgnoreCase);
        var open = new List<(Kegiatan, Sop.Definitions.SopDefinition)>();
        foreach (var personId in standsInFor.Prepend(sender.AadObjectId))
        {
            var own = personId == sender.AadObjectId;
            foreach (var task in await tasks.ForAsync(personId, cancellationToken))
            {
                if (await kegiatan.FindAsync(task.Number, cancellationToken) is { } state && kegiatan.DefinitionOf(state) is { } definition
                    && (own || kegiatan.PermittedActions(state, sender.AadObjectId).Count > 0))
                {
                    open.Add((state, definition));
                }
            }
        }

        await turn.SendCardAsync(TasksCard.Build(kegiatan.Views().Tasks(open, sender.AadObjectId, state => kegiatan.ActingAs(state, sender.AadObjectId))), cancellationToken);
    }

    public Task StatusAsync(TurnContext turn, ParsedCommand command, CancellationToken cancellationToken) =>
        WithKegiatanAsync(turn, command, (state, definition) => StatusCard.Build(kegiatan.Views().Status(state, definition)), cancellationToken);

    public Task HistoryAsync(TurnContext turn, ParsedCommand command, CancellationToken cancellationToken) =>
        WithKegiatanAsync(turn, command, (state, definition) => HistoryCard.Build(kegiatan.Views().History(state, definition)), cancellationToken);

    public Task CancelAsync(TurnContext turn, ParsedCommand command, CancellationToken cancellationToken) =>
        WithKegiatanAsync(turn, command, (state, definition) =>
        {
            var views = kegiatan.Views();
            if (state.Status != KegiatanStatus.Open)
            {
                // Closed or cancelled already: the engine words it (who closed or cancelled it, and when).
                var finished = kegiatan.WouldRefuse(state, new Cancel(turn.Registered.AadObjectId, state.Version, "-"));
                return RefusalCard.Build(views.Refusal(finished ?? new Refusal(RefusalCode.Finished, SopTexts.MayNotCancel(definition)), state, definition));
            }

            return kegiatan.May(state, turn.Registered.AadObjectId, SopTrigger.Cancel)
                ? CancelCard.Build(views.Cancel(state, definition))
                : RefusalCard.Build(views.Refusal(new Refusal(RefusalCode.NotYours, SopTexts.MayNotCancel(definition)), state, definition));
        }, cancellationToken);

    /// <summary>
    /// <c>alihkan &lt;nomor&gt;</c>: the reassignment card for an Admin or the holder of the step role's superior role; the
    /// engine's own refusal (not allowed, not registered, already closed or cancelled) for anyone else.
    /// </summary>
    public Task ReassignAsync(TurnContext turn, ParsedCommand command, CancellationToken cancellationToken) =>
        WithKegiatanAsync(turn, command, (state, definition) => OfferOrRefuse(
            turn, state, definition, SopTrigger.Reassign,
            actorId => new Reassign(actorId, state.CurrentStep, state.Version, ""),
            views => ReassignCard.Build(views.Reassign(state, definition)),
            SopTexts.MayNotReassign(definition, state.CurrentStep)), cancellationToken);

    /// <summary>
    /// <c>jadwal &lt;nomor&gt;</c>: the reschedule card for the Ketua holding the scheduled step (or their Plh.) and the Kepala
    /// Bidang while that step waits; for anyone else, or at another step, the engine's own refusal says why not.
    /// </summary>
    public Task RescheduleAsync(TurnContext turn, ParsedCommand command, CancellationToken cancellationToken) =>
        WithKegiatanAsync(turn, command, (state, definition) => OfferOrRefuse(
            turn, state, definition, SopTrigger.Reschedule,
            actorId => new Reschedule(actorId, state.CurrentStep, state.Version, null, null, null),
            views => RescheduleCard.Build(views.Reschedule(state, definition)),
            SopTexts.MayNotReschedule(definition)), cancellationToken);

    /// <summary>
    /// The card of an action on the kegiatan when the sender may take it now; else the engine's own reason (finished, another
    /// step, not theirs, not registered), asked with <paramref name="probe"/>: nothing is stored by asking.
    /// </summary>
    private System.Text.Json.Nodes.JsonObject OfferOrRefuse(
        TurnContext turn,
        Kegiatan state,
        Sop.Definitions.SopDefinition definition,
        SopTrigger trigger,
        Func<string, KegiatanCommand> probe,
        Func<SopCardViews, System.Text.Json.Nodes.JsonObject> card,
        string whoMay)
    {
        var views = kegiatan.Views();
        var actorId = turn.Registered.AadObjectId;
        if (state.Status == KegiatanStatus.Open && kegiatan.May(state, actorId, trigger))
        {
            return card(views);
        }

        var refusal = kegiatan.WouldRefuse(state, probe(actorId));
        return RefusalCard.Build(views.Refusal(refusal ?? new Refusal(RefusalCode.NotYours, whoMay), state, definition));
    }

    public Task SopAsync(TurnContext turn, CancellationToken cancellationToken) =>
        turn.SendCardAsync(SopCard.Build(kegiatan.CurrentDefinition), cancellationToken);

    private async Task WithKegiatanAsync(
        TurnContext turn,
        ParsedCommand command,
        Func<Kegiatan, Sop.Definitions.SopDefinition, System.Text.Json.Nodes.JsonObject> card,
        CancellationToken cancellationToken)
    {
        if (Normalise(command.Argument) is not { } number)
        {
            await turn.SendTextAsync(SopTexts.NumberNeeded(command.Kind, command.Argument), cancellationToken);
            return;
        }

        BotTracing.TagKegiatan(number);
        if (await kegiatan.FindAsync(number, cancellationToken) is not { } state || kegiatan.DefinitionOf(state) is not { } definition)
        {
            await turn.SendTextAsync(SopTexts.NotFound(number), cancellationToken);
            return;
        }

        await turn.SendCardAsync(card(state, definition), cancellationToken);
    }

    /// <summary>"FAS-2026-0001", "fas 2026 1", "2026-0001" and "2026/1" all name the same kegiatan; anything else is not a number.</summary>
    public static string? Normalise(string? text)
    {
        var match = NumberPattern().Match(text?.Trim() ?? "");
        if (!match.Success)
        {
            return null;
        }

        var prefix = match.Groups["prefix"].Success ? match.Groups["prefix"].Value.ToUpperInvariant() : "FAS";
        var serial = int.Parse(match.Groups["serial"].Value, System.Globalization.CultureInfo.InvariantCulture);
        return $"{prefix}-{match.Groups["year"].Value}-{serial:D4}";
    }

    [GeneratedRegex(@"^(?:(?<prefix>[A-Za-z]{2,10})[\s\-/]*)?(?<year>20\d{2})[\s\-/]+(?<serial>\d{1,6})$")]
    private static partial Regex NumberPattern();
}
