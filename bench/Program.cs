using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PerijinanBot.Bench;
using PerijinanBot.Bot.Workflow.Storage;

// The decision function under test. The SOP engine plugs in here (state JSON -> engine -> KegiatanChange, or null to refuse).
Func<StoredKegiatan, KegiatanChange?> decide = StandIn.Decide;

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

await using var azurite = await AzuriteRunner.StartAsync(RepoRoot.Find(), ct);
var clientOptions = new TableClientOptions();
clientOptions.Retry.MaxRetries = 2; // as the bot configures it
clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
var service = new TableServiceClient(azurite.ConnectionString, clientOptions);

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"PerijinanBot storage bench: Azurite {azurite.Version} (in memory) on this machine, {Environment.ProcessorCount} cores, .NET {Environment.Version}."));
Console.WriteLine("NOT production figures: Azurite is the ceiling here. Compare the ratio a/b, never quote the absolute numbers.");
Console.WriteLine("One decision = 1 point read + decide + 1 batch (state under If-Match + 1 history row + 1-2 outbox rows); each caller on its own kegiatan.");
Console.WriteLine();
Console.WriteLine(" callers | path                    | decisions |  decisions/s |  p50 ms |  p99 ms");
Console.WriteLine("---------+-------------------------+-----------+--------------+---------+--------");

var worst = double.MaxValue;
foreach (var callers in concurrencies.Prepend(0)) // 0: a warm-up (JIT tiering, connections), not printed
{
    var name = string.Create(CultureInfo.InvariantCulture, $"b{callers}");
    var options = Options.Create(new WorkflowStorageOptions { TableNamePrefix = name });
    var tables = new WorkflowTables(service, options);
    var store = new KegiatanStore(tables, new OutboxSignal(), options, TimeProvider.System, NullLogger<KegiatanStore>.Instance);
    var raw = service.GetTableClient(name + "Raw");
    await raw.CreateIfNotExistsAsync(ct);
    IBenchPath[] paths = [new StorePath(store, decide), new RawPath(raw)];

    var keys = new Dictionary<IBenchPath, string[]>();
    foreach (var path in paths)
    {
        keys[path] = await Task.WhenAll(Enumerable.Range(0, Math.Max(callers, 1)).Select(i =>
            path.PrepareAsync(string.Create(CultureInfo.InvariantCulture, $"BENCH-{callers}-{i:D2}"), ct)));
    }

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

        var ratio = samples[paths[0]].PerSecond / samples[paths[1]].PerSecond;
        worst = Math.Min(worst, ratio);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $" {callers,7} | ratio a/b (decisions/s) | {ratio,9:F2} | target >= {Target:F1}: {(ratio >= Target ? "met" : "NOT MET")}"));
        Console.WriteLine("---------+-------------------------+-----------+--------------+---------+--------");
    }

    // Keep Azurite small: it slows down as its in-memory tables grow.
    await service.DeleteTableAsync(tables.KegiatanName, ct);
    await service.DeleteTableAsync(raw.Name, ct);
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Lowest ratio a/b: {worst:F2} (target >= {Target:F1}). Azurite figures; on Azure Table Storage the round trips dominate more, not less."));
