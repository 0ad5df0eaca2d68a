using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Bot.Telemetry;

namespace PerijinanBot.Bot.Outbox;

/// <summary>
/// Counts the outbox: pending items (over the kegiatan marked pending, no scan of the kegiatan table), the parked index, and
/// the creation time of the oldest pending item. The health check counts on every probe; the metric gauges read the last
/// count and, when it is older than <see cref="TelemetryOptions.OutboxCountInterval"/>, start a new one in the background
/// (a gauge callback must not wait for storage), so nothing is counted while no exporter collects.
/// </summary>
internal sealed partial class OutboxCensus(WorkflowTables tables, IOptions<TelemetryOptions> telemetry, TimeProvider time, ILogger<OutboxCensus> logger) : IOutboxFigures
{
    /// <summary>How many kegiatan marked pending one count looks into at most (each is one partition query).</summary>
    public const int MaxKegiatan = 500;

    private readonly Lock _gate = new();
    private (OutboxFigures Figures, DateTimeOffset At)? _latest;
    private Task? _counting;

    public OutboxFigures? Latest
    {
        get
        {
            lock (_gate)
            {
                if ((_latest is not { } latest || time.GetUtcNow() - latest.At >= telemetry.Value.OutboxCountInterval) && _counting is null or { IsCompleted: true })
                {
                    _counting = Task.Run(CountInBackgroundAsync);
                }

                return _latest?.Figures;
            }
        }
    }

    /// <summary>Counts now; the result is also what the gauges read next.</summary>
    public async Task<(OutboxFigures Figures, DateTimeOffset? OldestPendingSince)> CountAsync(CancellationToken cancellationToken)
    {
        var pending = await tables.PendingAsync(cancellationToken);
        var kegiatan = await tables.KegiatanAsync(cancellationToken);
        long waiting = 0, parked = 0;
        DateTimeOffset? oldest = null;
        await foreach (var entry in pending.QueryAsync<TableEntity>(e => e.PartitionKey == WorkflowTables.ParkedPartition, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            parked++;
        }

        var looked = 0;
        await foreach (var marker in pending.QueryAsync<TableEntity>(e => e.PartitionKey == WorkflowTables.PendingPartition, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            if (++looked > MaxKegiatan)
            {
                break;
            }

            var filter = TableClient.CreateQueryFilter(
                $"PartitionKey eq {marker.RowKey} and RowKey ge {KegiatanKeys.OutboxFrom} and RowKey lt {KegiatanKeys.OutboxTo} and Status eq {OutboxRow.Pending}");
            await foreach (var item in kegiatan.QueryAsync<TableEntity>(filter, select: ["CreatedAt"], cancellationToken: cancellationToken))
            {
                waiting++;
                if (item.GetDateTimeOffset("CreatedAt") is { } created && (oldest is null || created < oldest))
                {
                    oldest = created;
                }
            }
        }

        var now = time.GetUtcNow();
        var figures = new OutboxFigures(waiting, parked, oldest is { } since ? now - since : null);
        lock (_gate)
        {
            _latest = (figures, now);
        }

        return (figures, oldest);
    }

    private async Task CountInBackgroundAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await CountAsync(timeout.Token);
        }
        catch (Exception e)
        {
            // Storage down: the gauges keep the last count, the health check says what is wrong.
            CountFailed(logger, e);
        }
    }

    [LoggerMessage(EventId = 1610, Level = LogLevel.Warning, Message = "The outbox could not be counted for the metrics; the gauges keep the last count")]
    private static partial void CountFailed(ILogger logger, Exception exception);
}
