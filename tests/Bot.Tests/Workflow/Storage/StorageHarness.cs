using System.Text.Json.Nodes;
using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PerijinanBot.Bot.Outbox;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Bot.Tests.Infrastructure;

namespace PerijinanBot.Bot.Tests.Workflow.Storage;

/// <summary>
/// One bot instance's view of an isolated set of workflow tables (a table-name prefix of its own) in the class's Azurite:
/// its own SDK clients (with a <see cref="StorageTap"/>), signal, store, ledger. <see cref="Sibling"/> is another instance
/// on the same tables and the same clock.
/// </summary>
public sealed class StorageHarness
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero); // Monday 09:00 WIB

    private readonly AzuriteFixture _azurite;

    private StorageHarness(AzuriteFixture azurite, WorkflowStorageOptions options, StorageOptions storage, FakeTimeProvider time, int maxRetries)
    {
        _azurite = azurite;
        Options = options;
        Storage = storage;
        Time = time;
        var clientOptions = new TableClientOptions();
        clientOptions.Retry.MaxRetries = maxRetries;
        clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(5);
        clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        clientOptions.AddPolicy(Tap, HttpPipelinePosition.PerRetry);
        Service = new TableServiceClient(azurite.ConnectionString, clientOptions);
        Tables = new WorkflowTables(Service, Microsoft.Extensions.Options.Options.Create(Storage));
        Store = new KegiatanStore(Tables, Signal, Microsoft.Extensions.Options.Options.Create(options), time, NullLogger<KegiatanStore>.Instance);
        Ledger = new DeliveryLedger(Tables, time);
    }

    public WorkflowStorageOptions Options { get; }

    /// <summary>Table names of this harness (and its siblings): a prefix of its own in the shared Azurite.</summary>
    public StorageOptions Storage { get; }

    public FakeTimeProvider Time { get; }

    public StorageTap Tap { get; } = new();

    public TableServiceClient Service { get; }

    public WorkflowTables Tables { get; }

    public OutboxSignal Signal { get; } = new();

    public KegiatanStore Store { get; }

    public DeliveryLedger Ledger { get; }

    /// <param name="maxRetries">The SDK's own retries (the bot uses 2); 0 lets every fault reach the store.</param>
    /// <param name="now">Where the clock starts; default <see cref="Start"/>.</param>
    public static StorageHarness Create(AzuriteFixture azurite, Action<WorkflowStorageOptions>? configure = null, int maxRetries = 2, DateTimeOffset? now = null)
    {
        var options = new WorkflowStorageOptions();
        configure?.Invoke(options);
        return new StorageHarness(azurite, options, new StorageOptions { TableNamePrefix = "t" + Guid.NewGuid().ToString("N")[..12] }, new FakeTimeProvider(now ?? Start), maxRetries);
    }

    /// <summary>Another bot instance: same tables, same clock, its own clients, tap and signal.</summary>
    public StorageHarness Sibling(int maxRetries = 2) => new(_azurite, Options, Storage, Time, maxRetries);

    public OutboxDispatcher Dispatcher(string instanceId, params IOutboxHandler[] handlers)
    {
        var options = Microsoft.Extensions.Options.Options.Create(CopyOptions());
        var storage = Microsoft.Extensions.Options.Options.Create(new StorageOptions { TableNamePrefix = Storage.TableNamePrefix, InstanceId = instanceId });
        return new OutboxDispatcher(Tables, Signal, handlers, options, storage, Time, NullLogger<OutboxDispatcher>.Instance);
    }

    public async Task<TableClient> TableAsync(string name, CancellationToken cancellationToken)
    {
        var table = Service.GetTableClient(name);
        await table.CreateIfNotExistsAsync(cancellationToken);
        return table;
    }

    public async Task<List<TableEntity>> RowsAsync(string number, string from, string to, CancellationToken cancellationToken)
    {
        var table = await TableAsync(Tables.KegiatanName, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {number} and RowKey ge {from} and RowKey lt {to}");
        return await table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ToListAsync(cancellationToken);
    }

    public Task<List<TableEntity>> OutboxRowsAsync(string number, CancellationToken cancellationToken) => RowsAsync(number, "o|", "o}", cancellationToken);

    public Task<List<TableEntity>> HistoryRowsAsync(string number, CancellationToken cancellationToken) => RowsAsync(number, "h|", "h}", cancellationToken);

    public async Task<List<TableEntity>> MarkersAsync(CancellationToken cancellationToken)
    {
        var table = await TableAsync(Tables.PendingName, cancellationToken);
        return await table.QueryAsync<TableEntity>(cancellationToken: cancellationToken).ToListAsync(cancellationToken);
    }

    /// <summary>Creates a kegiatan at a given number, in step <paramref name="step"/>, with outbox items of kind "card".</summary>
    public async Task<StoredKegiatan> CreateAsync(string number, int step = 1, int outboxItems = 0, CancellationToken cancellationToken = default)
    {
        var result = await Store.CommitAsync(KegiatanCommit.Create(number, "create-" + number, Changes.Step(number, 1, step, "ketua", outboxItems)), cancellationToken);
        Assert.Equal(CommitOutcome.Committed, result.Outcome);
        return (await Store.GetAsync(number, cancellationToken))!;
    }

    private WorkflowStorageOptions CopyOptions() => new()
    {
        NumberPrefix = Options.NumberPrefix,
        FirstSerial = Options.FirstSerial,
        NumberTimeZone = Options.NumberTimeZone,
        OutboxPollInterval = Options.OutboxPollInterval,
        OutboxSweepInterval = Options.OutboxSweepInterval,
        ClaimLease = Options.ClaimLease,
        HandlerTimeout = Options.HandlerTimeout,
        MaxAttempts = Options.MaxAttempts,
        RetryBaseDelay = Options.RetryBaseDelay,
        RetryMaxDelay = Options.RetryMaxDelay,
        MaxParallelKegiatan = Options.MaxParallelKegiatan,
    };
}

/// <summary>A stand-in for the engine: the state is <c>{"step":n,"by":"…"}</c>; approving moves it one step on.</summary>
public static class Changes
{
    public static KegiatanChange Step(string number, int version, int step, string actor, int outboxItems = 0, string? extra = null)
    {
        var state = new JsonObject { ["number"] = number, ["step"] = step, ["by"] = actor };
        if (extra is not null)
        {
            state["extra"] = extra;
        }

        var outbox = Enumerable.Range(0, outboxItems)
            .Select(i => new OutboxMessage("card", $"{number}|v{version}|card{i}", new JsonObject { ["to"] = $"person{i}", ["step"] = step }.ToJsonString()))
            .ToList();
        return new KegiatanChange(
            new KegiatanState(state.ToJsonString(), step > 7 ? "Selesai" : "Berjalan", "fasilitasi-perijinan", 1),
            new HistoryAppend(version == 1 ? "kegiatanStarted" : "stepApproved", new JsonObject { ["step"] = step, ["by"] = actor }.ToJsonString(), actor, StorageHarness.Start),
            outbox);
    }

    public static int StepOf(StoredKegiatan kegiatan) => (int)JsonNode.Parse(kegiatan.State.Json)!["step"]!;

    public static string ByOf(StoredKegiatan kegiatan) => (string)JsonNode.Parse(kegiatan.State.Json)!["by"]!;

    /// <summary>Approve step <paramref name="step"/>: null (decline) when the kegiatan is no longer there.</summary>
    public static Func<StoredKegiatan, KegiatanChange?> Approve(int step, string actor, int outboxItems = 1) => current =>
        StepOf(current) == step ? Step(current.Number, current.Version + 1, step + 1, actor, outboxItems) : null;
}
