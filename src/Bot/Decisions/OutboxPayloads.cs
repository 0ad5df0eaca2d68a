using System.Text.Json;
using System.Text.Json.Nodes;
using PerijinanBot.Bot.Conversations;
using PerijinanBot.Bot.Outbox;
using PerijinanBot.Protocol.Connector;

namespace PerijinanBot.Bot.Decisions;

internal static class OutboxPayloads
{
    public static OutboxPayload Read(OutboxItem item) =>
        JsonSerializer.Deserialize(item.PayloadJson, OutboxJsonContext.Default.OutboxPayload)
        ?? throw new InvalidDataException($"outbox item {item.DedupeKey} has no payload");

    /// <summary>
    /// A notice item's payload and the card it carries, or <c>Stop</c>: the outcome when it must not be sent (an earlier
    /// send may have landed, so never twice) or cannot be (no recipient or card).
    /// </summary>
    public static (OutboxPayload Payload, JsonObject? Card, OutboxOutcome? Stop) ReadNotice(OutboxItem item, ILogger logger)
    {
        var payload = Read(item);
        if (item.PriorOutcomeUnknown)
        {
            WorkflowLog.NotResent(logger, item.DedupeKey);
            return (payload, null, OutboxOutcome.Delivered("outcome of an earlier send unknown; not sent again"));
        }

        return payload.To is not null && JsonNode.Parse(payload.CardJson ?? "") is JsonObject card
            ? (payload, card, null)
            : (payload, null, OutboxOutcome.Failed("notice without recipient or card"));
    }

    /// <summary>
    /// Sends and classifies the result: delivered; not reachable yet (the app is installed for them through Graph when that
    /// is on, and the send retried once Teams announces the installation); a definite connector failure, which did not post
    /// anything (retried with backoff, kept for an operator once attempts run out). A send whose outcome is unknown throws
    /// on, so the dispatcher marks it unknown and it is never sent twice.
    /// </summary>
    /// <param name="onInstallFailed">Told (with the reason, in Indonesian) when the bot cannot install itself for the person.</param>
    public static async Task<OutboxOutcome> SendAsync(
        OutboxItem item,
        PersonalMessenger messenger,
        ProactiveInstaller installer,
        string to,
        JsonObject card,
        ILogger logger,
        Func<Delivered, Task> onDelivered,
        CancellationToken cancellationToken,
        Func<string, Task>? onInstallFailed = null)
    {
        Delivered? delivered;
        try
        {
            // The item is marked in flight right before each post (a handler that marks its effect), not before it is built.
            await BeginEffectAsync(item, cancellationToken);
            delivered = await messenger.SendCardAsync(to, card, cancellationToken);
            if (delivered is null)
            {
                var reach = await installer.TryReachAsync(to, cancellationToken);
                switch (reach.Outcome)
                {
                    case ReachOutcome.Reachable:
                        await BeginEffectAsync(item, cancellationToken);
                        delivered = await messenger.SendCardAsync(to, card, cancellationToken);
                        break;
                    case ReachOutcome.Pending:
                        return OutboxOutcome.RetryLater($"the Teams app is being installed for {to}; waiting for Teams to announce it");
                    case ReachOutcome.Failed:
                        if (onInstallFailed is not null)
                        {
                            await onInstallFailed(reach.Problem!);
                        }

                        return OutboxOutcome.RetryLater($"cannot install the Teams app for {to}: {reach.Problem}");
                    case ReachOutcome.Off:
                    default:
                        break;
                }
            }
        }
        catch (ConnectorException e)
        {
            return OutboxOutcome.RetryLater(e.Message);
        }

        if (delivered is null)
        {
            WorkflowLog.Unreachable(logger, to);
            return OutboxOutcome.RetryLater($"no conversation with {to} yet: they have not installed or spoken to the bot");
        }

        await onDelivered(delivered);
        return OutboxOutcome.Delivered(delivered.ActivityId);
    }

    private static Task BeginEffectAsync(OutboxItem item, CancellationToken cancellationToken) =>
        item.Effect?.BeginAsync(cancellationToken) ?? Task.CompletedTask;
}
