using System.Text.Json.Nodes;
using PerijinanBot.Bot.Conversations;
using PerijinanBot.Bot.Outbox;
using PerijinanBot.Protocol.Connector;
using PerijinanBot.Bot.Telemetry;

namespace PerijinanBot.Bot.Reminders;

internal enum SendResult
{
    /// <summary>Posted now.</summary>
    Sent,

    /// <summary>Posted before, or an earlier attempt may have posted it: not posted again.</summary>
    AlreadySent,

    /// <summary>The person cannot be reached yet (never installed or spoke to the bot): recorded, not retried.</summary>
    Unreachable,

    /// <summary>The connector refused it and nothing was posted: try again later.</summary>
    Failed,
}

/// <summary>One card to one person, at most once per dedupe key, across restarts and instances (the delivery ledger).</summary>
internal sealed class ReminderSender(DeliveryLedger ledger, PersonalMessenger messenger, BotMetrics metrics, ILogger<ReminderSender> logger)
{
    public async Task<SendResult> SendOnceAsync(string dedupeKey, string personId, JsonObject card, CancellationToken cancellationToken)
    {
        var ticket = await ledger.TryBeginAsync(dedupeKey, cancellationToken);
        if (ticket.Status != DeliveryStatus.Began)
        {
            // Done, or begun by an attempt that never finished: it may have landed, and a reminder is never posted twice.
            metrics.Reminded("already_sent");
            return SendResult.AlreadySent;
        }

        Delivered? delivered;
        try
        {
            delivered = await messenger.SendCardAsync(personId, card, cancellationToken);
        }
        catch (ConnectorException e)
        {
            ReminderLog.SendFailed(logger, e, dedupeKey);
            await ledger.AbandonAsync(ticket, cancellationToken);
            metrics.Reminded("failed");
            return SendResult.Failed;
        }

        if (delivered is null)
        {
            ReminderLog.Unreachable(logger, dedupeKey, personId);
            await ledger.CompleteAsync(dedupeKey, "unreachable", cancellationToken);
            metrics.Reminded("unreachable");
            return SendResult.Unreachable;
        }

        await ledger.CompleteAsync(dedupeKey, delivered.ActivityId, cancellationToken);
        metrics.Reminded("sent");
        return SendResult.Sent;
    }
}

internal static partial class ReminderLog
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Warning, Message = "Reminder {DedupeKey} not sent: no conversation with person {PersonId} yet")]
    public static partial void Unreachable(ILogger logger, string dedupeKey, string personId);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Reminder {DedupeKey} refused by the connector; retried after the claim lease")]
    public static partial void SendFailed(ILogger logger, Exception exception, string dedupeKey);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Error, Message = "Reminder pass {What} failed")]
    public static partial void PassFailed(ILogger logger, Exception exception, string what);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Information, Message = "Reminder sweeper {InstanceId} started, every {PollInterval}")]
    public static partial void Started(ILogger logger, string instanceId, TimeSpan pollInterval);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Warning, Message = "Reminder {Key} was due outside working time; held until the next working start")]
    public static partial void OutsideWorkingTime(ILogger logger, string key);
}
