using System.Globalization;
using Azure.Data.Tables;
using PerijinanBot.Bot.Workflow.Storage;

namespace PerijinanBot.Bench;

/// <summary>One way of taking a decision on a kegiatan of its own: prepared once per caller, then run in a loop.</summary>
internal interface IBenchPath
{
    string Name { get; }

    Task<string> PrepareAsync(string key, CancellationToken cancellationToken);

    Task RunOnceAsync(string key, long iteration, CancellationToken cancellationToken);
}

/// <summary>(a) The bot's path: <see cref="KegiatanStore.DecideAsync"/> = one point read, the decide function, one batch.</summary>
internal sealed class StorePath(KegiatanStore store, Func<StoredKegiatan, KegiatanChange?> decide) : IBenchPath
{
    public string Name => "(a) store + decide";

    public async Task<string> PrepareAsync(string key, CancellationToken cancellationToken)
    {
        var change = new KegiatanChange(StandIn.Initial(1), new HistoryEntry("kegiatanStarted", "{}", "bench", DateTimeOffset.UtcNow));
        var result = await store.CommitAsync(KegiatanCommit.Create(key, "create-" + key, change), cancellationToken);
        return result.IsSuccess ? key : throw new InvalidOperationException($"Could not create {key}: {result.Outcome}");
    }

    public async Task RunOnceAsync(string key, long iteration, CancellationToken cancellationToken)
    {
        var commandId = string.Create(CultureInfo.InvariantCulture, $"{key}-{iteration}");
        var result = await store.DecideAsync(key, commandId, decide, cancellationToken);
        if (result.Outcome != DecisionOutcome.Committed)
        {
            throw new InvalidOperationException($"Decision on {key} ended {result.Outcome}; each caller owns its kegiatan, so it must commit.");
        }
    }
}

/// <summary>
/// (b) The same storage operations with a bare TableClient: a point read of the state row and a batch of the state (under
/// If-Match), one history row and one or two outbox rows, with the same properties and sizes. No engine, no mapping.
/// </summary>
internal sealed class RawPath(TableClient table) : IBenchPath
{
    private readonly string _stateJson = StandIn.Initial(1).Json;

    public string Name => "(b) raw TableClient";

    public async Task<string> PrepareAsync(string key, CancellationToken cancellationToken)
    {
        await table.AddEntityAsync(State(key, 1, "create"), cancellationToken);
        return key;
    }

    public async Task RunOnceAsync(string key, long iteration, CancellationToken cancellationToken)
    {
        var current = (await table.GetEntityAsync<TableEntity>(key, "state", cancellationToken: cancellationToken)).Value;
        var version = current.GetInt32("Version")!.Value + 1;
        var commandId = string.Create(CultureInfo.InvariantCulture, $"{key}-{iteration}");
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, State(key, version, commandId), current.ETag),
            new(TableTransactionActionType.Add, new TableEntity(key, string.Create(CultureInfo.InvariantCulture, $"h|{version:D6}"))
            {
                ["Version"] = version,
                ["EventType"] = "stepApproved",
                ["Actor"] = "bench",
                ["At"] = DateTimeOffset.UtcNow,
                ["CommandId"] = commandId,
                ["Event0"] = string.Create(CultureInfo.InvariantCulture, $$"""{"type":"stepApproved","step":3,"version":{{version}}}"""),
                ["EventChunks"] = 1,
            }),
            Outbox(key, version, 0),
        };
        if (version % 2 == 0)
        {
            actions.Add(Outbox(key, version, 1));
        }

        await table.SubmitTransactionAsync(actions, cancellationToken);
    }

    private TableEntity State(string key, int version, string commandId) => new(key, "state")
    {
        ["Number"] = key,
        ["Version"] = version,
        ["Status"] = "Berjalan",
        ["SopId"] = "fasilitasi-perijinan",
        ["SopVersion"] = 1,
        ["UpdatedAt"] = DateTimeOffset.UtcNow,
        ["HasPendingOutbox"] = true,
        ["LastCommandId"] = commandId,
        ["Json0"] = _stateJson,
        ["JsonChunks"] = 1,
    };

    private static TableTransactionAction Outbox(string key, int version, int index) => new(
        TableTransactionActionType.Add,
        new TableEntity(key, string.Create(CultureInfo.InvariantCulture, $"o|{version:D6}|{index:D3}"))
        {
            ["Number"] = key,
            ["Version"] = version,
            ["Index"] = index,
            ["Kind"] = "card",
            ["DedupeKey"] = string.Create(CultureInfo.InvariantCulture, $"{key}|v{version}|{index}"),
            ["Attempts"] = 0,
            ["NextAttemptAt"] = DateTimeOffset.UtcNow,
            ["CreatedAt"] = DateTimeOffset.UtcNow,
            ["Status"] = "Pending",
            ["Payload0"] = string.Create(CultureInfo.InvariantCulture, $$"""{"to":"person{{index}}","step":4,"version":{{version}}}"""),
            ["PayloadChunks"] = 1,
        });
}
