using System.Collections.Concurrent;
using System.Globalization;
using Azure.Data.Tables;
using PerijinanBot.Bot.Storage;

namespace PerijinanBot.Bench;

/// <summary>One way of taking a decision on a kegiatan of its own: prepared once per caller, then run in a loop.</summary>
internal interface IBenchPath
{
    string Name { get; }

    Task<string> PrepareAsync(string key, CancellationToken cancellationToken);

    Task RunOnceAsync(string key, long iteration, CancellationToken cancellationToken);
}

/// <summary>
/// (a) The bot's path: <see cref="KegiatanStore.DecideAsync"/> = one point read, the SOP engine, one batch. A kegiatan is
/// retired after <see cref="DecisionsPerKegiatan"/> decisions (as many as a real one with two send-backs sees), so its
/// state stays the size of a real one; each caller works through a pool prepared before the clock runs.
/// </summary>
internal sealed class StorePath(KegiatanStore store, EngineDecisions engine) : IBenchPath
{
    public const int DecisionsPerKegiatan = 8;

    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _pools = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Number, int Decisions)> _current = new(StringComparer.Ordinal);
    private int _preparedInline;

    public string Name => "(a) engine + store";

    /// <summary>Kegiatan that had to be prepared while the clock ran (the pool was too small); printed so it is seen.</summary>
    public int PreparedInline => _preparedInline;

    public async Task<string> PrepareAsync(string key, CancellationToken cancellationToken)
    {
        _current[key] = (await engine.PrepareAsync(key + "-0", cancellationToken), 0);
        _pools[key] = new ConcurrentQueue<string>();
        return key;
    }

    /// <summary>Fills each caller's pool so that <paramref name="decisionsPerCaller"/> decisions need no preparation on the clock.</summary>
    public async Task FillAsync(IReadOnlyList<string> keys, int decisionsPerCaller, CancellationToken cancellationToken)
    {
        var perCaller = (decisionsPerCaller / DecisionsPerKegiatan) + 2;
        await Parallel.ForEachAsync(
            keys.SelectMany(key => Enumerable.Range(1, perCaller).Select(i => (key, i))),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (item, ct) => _pools[item.key].Enqueue(await engine.PrepareAsync(string.Create(CultureInfo.InvariantCulture, $"{item.key}-{item.i}-{Guid.NewGuid():N}"), ct)));
    }

    public async Task RunOnceAsync(string key, long iteration, CancellationToken cancellationToken)
    {
        var (number, decisions) = _current[key];
        if (decisions >= DecisionsPerKegiatan)
        {
            if (!_pools[key].TryDequeue(out var next))
            {
                Interlocked.Increment(ref _preparedInline);
                next = await engine.PrepareAsync(string.Create(CultureInfo.InvariantCulture, $"{key}-x{iteration}"), cancellationToken);
            }

            (number, decisions) = (next, 0);
        }

        var commandId = string.Create(CultureInfo.InvariantCulture, $"{key}-{iteration}");
        var result = await store.DecideAsync(number, commandId, engine.Decide, cancellationToken);
        if (result.Outcome != DecisionOutcome.Committed)
        {
            throw new InvalidOperationException($"Decision on {number} ended {result.Outcome}; each caller owns its kegiatan, so it must commit.");
        }

        _current[key] = (number, decisions + 1);
    }
}

/// <summary>
/// (b) The same storage operations with a bare TableClient: a point read of the state row and a batch of the state (under
/// If-Match), one history row and the outbox rows, with the same properties and the sizes the engine's own change has
/// (<paramref name="sample"/>). No engine, no mapping. Like (a), a partition is retired after
/// <see cref="StorePath.DecisionsPerKegiatan"/> decisions and starts at version 2 with the rows of versions 1 and 2, so that
/// both paths write the same row keys (h|000003, o|000003|000, ...) into a table where many partitions hold them:
/// Azurite finds an entity through its RowKey index, so a raw partition whose version ran into the thousands would
/// write row keys no other partition has, and be cheaper for Azurite than any real kegiatan.
/// </summary>
internal sealed class RawPath(TableClient table, KegiatanChange sample) : IBenchPath
{
    private const int PreparedVersion = 2;

    private readonly string _stateJson = sample.State.Json;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _pools = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Partition, int Decisions)> _current = new(StringComparer.Ordinal);
    private int _preparedInline;

    public string Name => "(b) raw TableClient";

    /// <summary>Partitions that had to be prepared while the clock ran (the pool was too small).</summary>
    public int PreparedInline => _preparedInline;

    public async Task<string> PrepareAsync(string key, CancellationToken cancellationToken)
    {
        _current[key] = (await PreparePartitionAsync(key + "-0", cancellationToken), 0);
        _pools[key] = new ConcurrentQueue<string>();
        return key;
    }

    /// <summary>Fills each caller's pool so that <paramref name="decisionsPerCaller"/> decisions need no preparation on the clock.</summary>
    public async Task FillAsync(IReadOnlyList<string> keys, int decisionsPerCaller, CancellationToken cancellationToken)
    {
        var perCaller = (decisionsPerCaller / StorePath.DecisionsPerKegiatan) + 2;
        await Parallel.ForEachAsync(
            keys.SelectMany(key => Enumerable.Range(1, perCaller).Select(i => (key, i))),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (item, ct) => _pools[item.key].Enqueue(await PreparePartitionAsync(string.Create(CultureInfo.InvariantCulture, $"{item.key}-{item.i}-{Guid.NewGuid():N}"), ct)));
    }

    public async Task RunOnceAsync(string key, long iteration, CancellationToken cancellationToken)
    {
        var (partition, decisions) = _current[key];
        if (decisions >= StorePath.DecisionsPerKegiatan)
        {
            if (!_pools[key].TryDequeue(out var next))
            {
                Interlocked.Increment(ref _preparedInline);
                next = await PreparePartitionAsync(string.Create(CultureInfo.InvariantCulture, $"{key}-x{iteration}"), cancellationToken);
            }

            (partition, decisions) = (next, 0);
        }

        var current = (await table.GetEntityAsync<TableEntity>(partition, "state", cancellationToken: cancellationToken)).Value;
        var version = current.GetInt32("Version")!.Value + 1;
        var commandId = string.Create(CultureInfo.InvariantCulture, $"{key}-{iteration}");
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, State(partition, version, commandId), current.ETag),
            new(TableTransactionActionType.Add, History(partition, version, commandId)),
        };
        actions.AddRange(sample.Outbox.Select((message, index) => Outbox(partition, version, index, message)));

        await table.SubmitTransactionAsync(actions, cancellationToken);
        _current[key] = (partition, decisions + 1);
    }

    // What a prepared kegiatan holds (start + step 2): the state at version 2, the history and outbox rows of versions 1 and 2.
    private async Task<string> PreparePartitionAsync(string partition, CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, State(partition, PreparedVersion, "prepare")) };
        for (var version = 1; version <= PreparedVersion; version++)
        {
            actions.Add(new(TableTransactionActionType.Add, History(partition, version, "prepare")));
            actions.AddRange(sample.Outbox.Select((message, index) => Outbox(partition, version, index, message)));
        }

        await table.SubmitTransactionAsync(actions, cancellationToken);
        return partition;
    }

    private TableEntity History(string partition, int version, string commandId) => new(partition, string.Create(CultureInfo.InvariantCulture, $"h|{version:D6}"))
    {
        ["Version"] = version,
        ["EventType"] = "stepApproved",
        ["Actor"] = "bench",
        ["At"] = DateTimeOffset.UtcNow,
        ["CommandId"] = commandId,
        ["Event0"] = sample.History.EventJson,
        ["EventChunks"] = 1,
    };

    private TableEntity State(string key, int version, string commandId) => new(key, "state")
    {
        ["Number"] = key,
        ["Version"] = version,
        ["Status"] = "Berjalan",
        ["SopId"] = "fasilitasi-perijinan",
        ["SopVersion"] = 1,
        ["UpdatedAt"] = DateTimeOffset.UtcNow,
        ["LastCommandId"] = commandId,
        ["Json0"] = _stateJson,
        ["JsonChunks"] = 1,
    };

    private static TableTransactionAction Outbox(string key, int version, int index, OutboxMessage message) => new(
        TableTransactionActionType.Add,
        new TableEntity(key, string.Create(CultureInfo.InvariantCulture, $"o|{version:D6}|{index:D3}"))
        {
            ["Number"] = key,
            ["Version"] = version,
            ["Index"] = index,
            ["Kind"] = message.Kind,
            ["DedupeKey"] = string.Create(CultureInfo.InvariantCulture, $"{key}|v{version}|{index}"),
            ["Attempts"] = 0,
            ["NextAttemptAt"] = DateTimeOffset.UtcNow,
            ["CreatedAt"] = DateTimeOffset.UtcNow,
            ["Status"] = "Pending",
            ["Payload0"] = message.PayloadJson,
            ["PayloadChunks"] = 1,
        });
}
