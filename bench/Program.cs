using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PerijinanBot.Bench;
using PerijinanBot.Bench.Chaos;
using PerijinanBot.Bench.Http;
using PerijinanBot.Bot.Storage;

// Modes: "store" (the default) measures the kegiatan store against raw Table calls; "http" measures the built bot over HTTP;
// "chaos" kills the bot and restarts Azurite under load, then checks that nothing was lost or done twice.
var mode = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "store";
if (mode is not ("store" or "http" or "chaos"))
{
    Console.Error.WriteLine($"unknown mode '{mode}': use `store` (the default), `http` or `chaos`");
    return 2;
}

int[] concurrencies = [1, 4, 16];
var segment = TimeSpan.FromSeconds(1); // each path runs 4 segments per concurrency, alternating which goes first: 8 s per level
const int Rounds = 4;
const int MaxPerCaller = 5_000;
const double Target = 0.8;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
var ct = cancel.Token;
// A refused or failed decision, a card that never came, an outbox that never drained, a chaos check that failed: no
// figures of a broken run.
async Task<int> RunModeAsync(string name, Func<string[], CancellationToken, Task<int>> run)
{
    try
    {
        return await run(args[1..], ct);
    }
    catch (Exception e) when (!ct.IsCancellationRequested)
    {
        Console.Error.WriteLine($"{name} FAILED: {e}");
        return 1;
    }
}

if (mode == "chaos")
{
    return await RunModeAsync("chaos", ChaosBench.RunAsync);
}

if (mode == "http")
{
    return await RunModeAsync("HTTP bench", HttpBench.RunAsync);
}

await using var azurite = await AzuriteRunner.StartAsync(RepoRoot.Find(), ct);
var clientOptions = new TableClientOptions();
clientOptions.Retry.MaxRetries = 2; // as the bot configures it
clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
var service = new TableServiceClient(azurite.ConnectionString, clientOptions);

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"PerijinanBot storage bench: Azurite {azurite.Version} (in memory) on this machine, {Environment.ProcessorCount} cores, .NET {Environment.Version}."));
Console.WriteLine("NOT production figures: Azurite is the ceiling here. Compare the ratio a/b, never quote the absolute numbers.");
Console.WriteLine("One decision = 1 point read + the SOP engine (step 2 submit / step 3 Tidak, in a loop) + 1 batch (state under If-Match + 1 history row + its outbox rows); each caller on its own kegiatan.");
Console.WriteLine();
Console.WriteLine(" callers | path                    | decisions |  decisions/s |  p50 ms |  p99 ms");
Console.WriteLine("---------+-------------------------+-----------+--------------+---------+--------");

var worst = double.MaxValue;
foreach (var callers in concurrencies.Prepend(0)) // 0: a warm-up (JIT tiering, connections), not printed
{
    var name = string.Create(CultureInfo.InvariantCulture, $"b{callers}");
    var options = Options.Create(new WorkflowStorageOptions());
    var tables = new WorkflowTables(service, Options.Create(new StorageOptions { TableNamePrefix = name }));
    var store = new KegiatanStore(tables, new OutboxSignal(), options, TimeProvider.System, NullLogger<KegiatanStore>.Instance);
    // The raw path works in the same table as the store (its own partitions), so both meet a table of the same size:
    // Azurite slows down as a table grows, and the store's table also holds the prepared kegiatan.
    var raw = service.GetTableClient(tables.KegiatanName);
    await raw.CreateIfNotExistsAsync(ct);
    var engine = new EngineDecisions(store);
    var enginePath = new StorePath(store, engine);
    var keys = new Dictionary<IBenchPath, string[]>
    {
        [enginePath] = await Prepare(enginePath, callers, ct),
    };
    // The raw path writes what the engine writes: real decisions give the sizes.
    for (var i = 0; i < 5; i++)
    {
        await enginePath.RunOnceAsync(keys[enginePath][0], -100 * (callers + 1) - i, ct);
    }

    var rawPath = new RawPath(raw, engine.Sample);
    keys[rawPath] = await Prepare(rawPath, callers, ct);
    IBenchPath[] paths = [enginePath, rawPath];
    // Both paths move to a fresh kegiatan (partition) every 8 decisions: the raw path needs its pool too, and for the
    // half-second probe below (at most about 1000 decisions/s on Azurite here; a shortfall is prepared inline, not counted).
    await rawPath.FillAsync(keys[rawPath], 1000 / Math.Max(callers, 1), ct);

    // Enough fresh kegiatan for every decision to come: a short raw run gives an upper bound of the rate.
    var probe = new Sample();
    await Measure.RunAsync(rawPath, keys[rawPath], TimeSpan.FromSeconds(0.5), MaxPerCaller, probe, ct);
    var perCaller = (int)Math.Min(MaxPerCaller * (callers == 0 ? 1 : Rounds), probe.PerSecond / Math.Max(callers, 1) * (callers == 0 ? 1.5 : segment.TotalSeconds * Rounds) * 1.5);
    await enginePath.FillAsync(keys[enginePath], perCaller, ct);
    await rawPath.FillAsync(keys[rawPath], perCaller, ct);
    var rawInlineBefore = rawPath.PreparedInline; // the probe's own shortfall is not on the measured clock

    var samples = paths.ToDictionary(p => p, _ => new Sample());
    // Alternating order, so that neither path always follows the other (Azurite's own GC, tiering, a noisy neighbour).
    var rounds = Enumerable.Range(0, callers == 0 ? 1 : Rounds).Select(r => r % 2 == 0 ? paths : [.. paths.Reverse()]).ToList();
    foreach (var order in rounds)
    {
        foreach (var path in order)
        {
            await Measure.RunAsync(path, keys[path], callers == 0 ? TimeSpan.FromSeconds(1.5) : segment, MaxPerCaller, samples[path], ct);
        }
    }

    if (callers > 0)
    {
        foreach (var path in paths)
        {
            var s = samples[path];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $" {callers,7} | {path.Name,-23} | {s.Count,9} | {s.PerSecond,12:F1} | {s.Percentile(0.50),7:F2} | {s.Percentile(0.99),7:F2}"));
        }

        if (enginePath.PreparedInline > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $" {callers,7} | note: {enginePath.PreparedInline} kegiatan were prepared on the clock (pool too small); (a) is understated"));
        }

        if (rawPath.PreparedInline > rawInlineBefore)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $" {callers,7} | note: {rawPath.PreparedInline - rawInlineBefore} raw partitions were prepared on the clock (pool too small); (b) is understated"));
        }

        var ratio = samples[paths[0]].PerSecond / samples[paths[1]].PerSecond;
        worst = Math.Min(worst, ratio);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $" {callers,7} | ratio a/b (decisions/s) | {ratio,9:F2} | target >= {Target:F1}: {(ratio >= Target ? "met" : "NOT MET")}"));
        Console.WriteLine("---------+-------------------------+-----------+--------------+---------+--------");
    }

    // Keep Azurite small: it slows down as its in-memory tables grow.
    await service.DeleteTableAsync(tables.KegiatanName, ct);
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Lowest ratio a/b: {worst:F2} (target >= {Target:F1}). Azurite figures; on Azure Table Storage the round trips dominate more, not less."));

return 0;

static Task<string[]> Prepare(IBenchPath path, int callers, CancellationToken ct) =>
    Task.WhenAll(Enumerable.Range(0, Math.Max(callers, 1)).Select(i => path.PrepareAsync(string.Create(CultureInfo.InvariantCulture, $"BENCH-{callers}-{i:D2}"), ct)));
