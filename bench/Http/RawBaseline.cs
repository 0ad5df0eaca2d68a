using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PerijinanBot.Bot.Storage;

namespace PerijinanBot.Bench.Http;

/// <summary>
/// The store bench's raw path (b) at one level, in the same Azurite and the same run as the HTTP load: a point read of the
/// state row and one batch of the state, a history row and the outbox rows of a real decision, with a bare TableClient,
/// each caller on partitions of its own that are retired after 8 decisions (see <see cref="RawPath"/>).
/// </summary>
internal static class RawBaseline
{
    private const int MaxPerCaller = 5_000;

    /// <param name="name">Letters for the table prefix, so that each baseline has tables of its own.</param>
    public static async Task<Sample> RunAsync(TableServiceClient service, string name, int callers, TimeSpan duration, CancellationToken cancellationToken)
    {
        var tables = new WorkflowTables(service, Options.Create(new StorageOptions { TableNamePrefix = string.Create(CultureInfo.InvariantCulture, $"{name}{callers}") }));
        var store = new KegiatanStore(tables, new OutboxSignal(), Options.Create(new WorkflowStorageOptions()), TimeProvider.System, NullLogger<KegiatanStore>.Instance);
        var table = service.GetTableClient(tables.KegiatanName);
        await table.CreateIfNotExistsAsync(cancellationToken);
        try
        {
            // Real decisions of the engine give the raw path its sizes (state JSON, events, outbox payloads).
            var engine = new EngineDecisions(store);
            var enginePath = new StorePath(store, engine);
            var sampleKey = await enginePath.PrepareAsync(string.Create(CultureInfo.InvariantCulture, $"RAW-{callers}-SAMPLE"), cancellationToken);
            for (var i = 0; i < 5; i++)
            {
                await enginePath.RunOnceAsync(sampleKey, -100 * (callers + 1) - i, cancellationToken);
            }

            var raw = new RawPath(table, engine.Sample);
            var keys = await Task.WhenAll(Enumerable.Range(0, callers).Select(i => raw.PrepareAsync(string.Create(CultureInfo.InvariantCulture, $"RAW-{callers}-{i:D2}"), cancellationToken)));
            // Enough fresh partitions for every decision to come: a short run gives an upper bound of the rate (as the store bench does).
            await raw.FillAsync(keys, 500 / callers, cancellationToken);
            var probe = new Sample();
            await Measure.RunAsync(raw, keys, TimeSpan.FromSeconds(0.5), MaxPerCaller, probe, cancellationToken);
            await raw.FillAsync(keys, (int)Math.Min(MaxPerCaller, probe.PerSecond / callers * duration.TotalSeconds * 1.5), cancellationToken);
            var inlineBefore = raw.PreparedInline;

            var sample = new Sample();
            await Measure.RunAsync(raw, keys, duration, MaxPerCaller, sample, cancellationToken);
            if (raw.PreparedInline > inlineBefore)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   note: {raw.PreparedInline - inlineBefore} raw partitions were prepared on the clock (pool too small); raw is understated"));
            }

            return sample;
        }
        finally
        {
            // Keep Azurite small: it slows down as its in-memory tables grow.
            await service.DeleteTableAsync(tables.KegiatanName, cancellationToken);
        }
    }
}
