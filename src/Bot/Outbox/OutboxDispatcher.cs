using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using PerijinanBot.Bot.Storage;

namespace PerijinanBot.Bot.Outbox;

/// <summary>
/// Delivers committed outbox items after the decision was answered: at once for commits of this instance (the in-process
/// signal), every <see cref="WorkflowStorageOptions.OutboxPollInterval"/> for kegiatan with an <c>OutboxPending</c> marker
/// (retries, other instances' work), and at start-up and every <see cref="WorkflowStorageOptions.OutboxSweepInterval"/>
/// for kegiatan with outbox rows still waiting (an instance died before writing the marker). Safe with any number
/// of instances: every item is claimed with an ETag-conditional write, and an item's in-flight mark stops a second effect.
/// </summary>
public sealed class OutboxDispatcher : BackgroundService
{

    private readonly WorkflowTables _tables;
    private readonly OutboxSignal _signal;
    private readonly WorkflowStorageOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<OutboxDispatcher> _logger;
    private readonly OutboxWorker _worker;
    private readonly TaskCompletionSource _startupSweep = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public OutboxDispatcher(
        WorkflowTables tables,
        OutboxSignal signal,
        IEnumerable<IOutboxHandler> handlers,
        IOptions<WorkflowStorageOptions> options,
        IOptions<StorageOptions> storage,
        TimeProvider time,
        ILogger<OutboxDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _tables = tables;
        _signal = signal;
        _options = options.Value;
        _time = time;
        _logger = logger;
        InstanceId = storage.Value.InstanceId!;
        _worker = new OutboxWorker(tables, Route(handlers), _options, InstanceId, time, logger);
    }

    /// <summary>The name this instance claims items under.</summary>
    public string InstanceId { get; }

    /// <summary>Completes when the start-up sweep has run (delivered what it found, or failed and logged): "caught up since start".</summary>
    public Task StartupSweepCompleted => _startupSweep.Task;

    /// <summary>Delivers what is due for one kegiatan now; returns how many items left its outbox (delivered now, or found already delivered).</summary>
    public Task<int> DeliverAsync(string number, CancellationToken cancellationToken) => _worker.DeliverAsync(number, null, cancellationToken);

    /// <summary>
    /// Makes the kegiatan's waiting items due now and signals this instance: something they were waiting for has happened
    /// (e.g. Teams announced that the app was installed for a person whose card could not be delivered). Items claimed or
    /// changed meanwhile are left alone; delivery stays exactly as safe as a retry.
    /// </summary>
    public async Task RetryNowAsync(string number, CancellationToken cancellationToken)
    {
        var kegiatan = await _tables.KegiatanAsync(cancellationToken);
        var now = _time.GetUtcNow();
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {KegiatanKeys.Partition(number)} and RowKey ge {KegiatanKeys.OutboxFrom} and RowKey lt {KegiatanKeys.OutboxTo} and Status eq {OutboxRow.Pending} and NextAttemptAt gt {now}");
        await foreach (var row in kegiatan.QueryAsync<TableEntity>(filter, select: ["RowKey", "ClaimedUntil"], cancellationToken: cancellationToken))
        {
            if (row.GetDateTimeOffset("ClaimedUntil") > now)
            {
                continue;
            }

            try
            {
                await kegiatan.UpdateEntityAsync(new TableEntity(KegiatanKeys.Partition(number), row.RowKey) { ["NextAttemptAt"] = now }, row.ETag, TableUpdateMode.Merge, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // Delivered, claimed or retried by someone else meanwhile: nothing to hurry.
            }
        }

        _signal.Notify(number);
    }

    /// <summary>One pass over the <c>OutboxPending</c> markers; returns how many items left an outbox.</summary>
    public async Task<int> PollAsync(CancellationToken cancellationToken)
    {
        var pending = await _tables.PendingAsync(cancellationToken);
        var markers = new List<(string Number, ETag? ETag)>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {WorkflowTables.PendingPartition}");
        await foreach (var marker in pending.QueryAsync<TableEntity>(filter, select: ["Number"], cancellationToken: cancellationToken))
        {
            markers.Add((marker.GetString("Number") ?? marker.RowKey, marker.ETag));
        }

        return await DeliverAllAsync(markers, cancellationToken);
    }

    /// <summary>
    /// One pass over the kegiatan whose outbox still holds rows that are not parked: the outbox rows themselves say what is
    /// waiting, so no flag on the state row has to be set by each decision and cleared by each pass (which made a decision
    /// landing right after a pass collide with it). The service evaluates the filter on every row of the table (there is
    /// no secondary index), which is why this runs at start-up and rarely, and the markers serve the rest.
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var kegiatan = await _tables.KegiatanAsync(cancellationToken);
        var waiting = new Dictionary<string, (string Number, ETag? ETag)>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"RowKey ge {KegiatanKeys.OutboxFrom} and RowKey lt {KegiatanKeys.OutboxTo} and Status eq {OutboxRow.Pending}");
        await foreach (var row in kegiatan.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "Number"], cancellationToken: cancellationToken))
        {
            waiting.TryAdd(row.PartitionKey, (row.GetString("Number") ?? row.PartitionKey, null));
        }

        return await DeliverAllAsync([.. waiting.Values], cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // Never hold up the host's start.
        WorkflowStorageLog.DispatcherStarted(_logger, InstanceId);
        // The start-up sweep runs beside the signal loop: leftovers of a crash (maybe towards an unreachable connector)
        // must not hold up the cards of decisions taken now.
        await Task.WhenAll(
            StartupSweepAsync(stoppingToken),
            SignalLoopAsync(stoppingToken),
            EveryAsync(_options.OutboxPollInterval, "poll", PollAsync, stoppingToken),
            EveryAsync(_options.OutboxSweepInterval, "sweep", SweepAsync, stoppingToken));
    }

    private async Task StartupSweepAsync(CancellationToken stoppingToken)
    {
        try
        {
            await GuardedAsync("start-up sweep", SweepAsync, stoppingToken);
        }
        finally
        {
            _startupSweep.TrySetResult();
        }
    }

    private static Dictionary<string, IOutboxHandler> Route(IEnumerable<IOutboxHandler> handlers)
    {
        var routes = new Dictionary<string, IOutboxHandler>(StringComparer.Ordinal);
        foreach (var handler in handlers)
        {
            foreach (var kind in handler.Kinds)
            {
                if (!routes.TryAdd(kind, handler))
                {
                    throw new InvalidOperationException($"Outbox kind '{kind}' has two handlers: {routes[kind].GetType().Name} and {handler.GetType().Name}.");
                }
            }
        }

        return routes;
    }

    private async Task<int> DeliverAllAsync(List<(string Number, ETag? ETag)> work, CancellationToken cancellationToken)
    {
        var delivered = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelKegiatan, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(work, parallel, async (item, token) =>
        {
            var count = await GuardedAsync(item.Number, t => _worker.DeliverAsync(item.Number, item.ETag, t), token);
            Interlocked.Add(ref delivered, count);
        });
        return delivered;
    }

    private async Task SignalLoopAsync(CancellationToken stoppingToken)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelKegiatan, CancellationToken = stoppingToken };
        try
        {
            await Parallel.ForEachAsync(_signal.ReadAllAsync(stoppingToken), parallel, async (number, token) =>
                await DeliverSignalledAsync(number, token));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task DeliverSignalledAsync(string number, CancellationToken stoppingToken)
    {
        try
        {
            await _worker.DeliverAsync(number, null, stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            // Storage may be down, and with it the marker the pass tried to leave: come back from here, not only at the
            // next sweep. Every failure schedules one more try, so this goes on, cheaply, until storage answers again.
            WorkflowStorageLog.PassFailed(_logger, e, number);
            _ = RetrySoonAsync(number, stoppingToken);
        }
    }

    private async Task RetrySoonAsync(string number, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(_options.OutboxRetryAfterFailure, _time, stoppingToken);
            _signal.Notify(number);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task EveryAsync(TimeSpan period, string what, Func<CancellationToken, Task<int>> pass, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(period, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await GuardedAsync(what, pass, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    // One kegiatan or one pass failing (storage down, a bad row) must not stop the others or the loops.
    private async Task<int> GuardedAsync(string what, Func<CancellationToken, Task<int>> work, CancellationToken cancellationToken)
    {
        try
        {
            return await work(cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            WorkflowStorageLog.PassFailed(_logger, e, what);
            return 0;
        }
    }
}
