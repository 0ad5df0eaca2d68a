using System.Text.Json;
using System.Text.Json.Nodes;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Bot.Turns;
using PerijinanBot.Dialogs.Commands;
using PerijinanBot.Dialogs.Outbox;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Bot.Outbox;

/// <summary>The Admin's <c>outbox</c> command: the parked outbox items and a button that requeues each.</summary>
internal sealed class OutboxTurns(ParkedOutbox parked, ILogger<OutboxTurns> logger) : ITurnRoutes
{
    public void Register(TurnRouter router)
    {
        router.Command(CommandKind.Outbox, ListAsync);
        router.Verb(OutboxCard.RequeueVerb, (turn, _, data, ct) => RequeueAsync(turn, data, ct), async (turn, _, value, ct) => await turn.ReplaceClickedCardAsync(await RequeueAsync(turn, value, ct), ct));
    }

    private async Task ListAsync(TurnContext turn, ParsedCommand command, CancellationToken cancellationToken)
    {
        if (!turn.Registered.Holds(Role.Admin))
        {
            await turn.SendTextAsync(OutboxCard.AdminOnly, cancellationToken);
            return;
        }

        await turn.SendCardAsync(OutboxCard.Build(await ViewAsync(null, cancellationToken)), cancellationToken);
    }

    private async Task<JsonObject> RequeueAsync(TurnContext turn, JsonElement data, CancellationToken cancellationToken)
    {
        if (!turn.Registered.Holds(Role.Admin))
        {
            return Dialogs.Sop.RefusalCard.NotForYou(OutboxCard.AdminOnly);
        }

        var key = data.ValueKind == JsonValueKind.Object && data.TryGetProperty(OutboxCard.KeyData, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
        var number = key.Split('|')[0];
        var requeued = key.Length > 0 && key.Length <= 300 && await parked.RequeueAsync(key, cancellationToken);
        if (requeued)
        {
            OutboxLog.Requeued(logger, key, turn.Registered.AadObjectId);
        }

        return OutboxCard.Build(await ViewAsync(requeued ? OutboxCard.Requeued(number) : OutboxCard.AlreadyGone, cancellationToken));
    }

    private async Task<OutboxCardView> ViewAsync(string? notice, CancellationToken cancellationToken) => new(
        [.. (await parked.ListAsync(cancellationToken)).Select(i => new ParkedLine(i.Key, i.Number, i.Kind, i.Status == OutboxRow.Failed, i.Attempts, i.LastError, i.LastAttemptAt))],
        notice);
}

internal static partial class OutboxLog
{
    [LoggerMessage(EventId = 1601, Level = LogLevel.Information, Message = "Outbox item {Key} requeued by Admin {PersonId}")]
    public static partial void Requeued(ILogger logger, string key, string personId);
}
