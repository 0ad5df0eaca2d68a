using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Data.Tables;

namespace PerijinanBot.Bench.Http;

/// <summary>
/// <c>dotnet run -c Release --project bench -- http</c>: the built bot over HTTP, in-memory Azurite behind a counting
/// proxy, a stub Bot Connector; callers loop decisions at each level, and the whole cost of a decision (the work the
/// outbox does after it included) is measured after the load, once the outbox has drained. See bench/README.md.
/// </summary>
internal static class HttpBench
{
    private const string TablePrefix = "hb";

    public static async Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        var options = HttpBenchOptions.Parse(args);
        await using var azurite = await AzuriteRunner.StartAsync(RepoRoot.Find(), ct);
        await using var tableProxy = await CountingProxy.StartAsync(azurite.TablePort, isTable: true);
        await using var blobProxy = await CountingProxy.StartAsync(azurite.BlobPort, isTable: false);
        await using var connector = await StubConnector.StartAsync();
        var proxied = AzuriteRunner.ConnectionStringFor(tableProxy.Port, blobProxy.Port);
        var direct = new TableServiceClient(azurite.ConnectionString); // the drain checks: not counted
        var viaProxy = new TableServiceClient(proxied, new TableClientOptions { Retry = { MaxRetries = 2, NetworkTimeout = TimeSpan.FromSeconds(10) } });

        await using var bot = await BotHost.StartAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Storage__ConnectionString"] = proxied,
            ["Storage__TableNamePrefix"] = TablePrefix,
            ["Development__ClockStartsAt"] = BenchCards.ClockStartsAt,
            // Every caller comes from 127.0.0.1: the per-address limit (600 a minute) is for the Bot Connector's few addresses.
            ["MessagesRateLimit__PermitLimit"] = "10000000",
        }, ct);
        using var http = new HttpClient { BaseAddress = bot.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var report = new HttpReport(azurite.Version, bot.ReadyAfter, options);
        report.Header();

        // Everyone installs the app first (Teams' conversationUpdate): the bot then knows each 1:1 chat at the stub connector.
        foreach (var person in Person.Everyone)
        {
            using var install = new StringContent(BenchCards.Install(person, connector.ServiceUrl).ToJsonString(), Encoding.UTF8, "application/json");
            using var response = await http.PostAsync("api/messages", install, ct);
            response.EnsureSuccessStatusCode();
        }

        var drain = new DrainWatch(direct, TablePrefix);
        // Pools are sized on what was seen: no caller does more than the most one caller did, and all together do at most
        // twice the most seen at any level (more callers share the cores, so each does less). A pool too small starts
        // kegiatan on the clock, whose requests then count against the level; one too large fills Azurite's in-memory
        // table, which slows its queries for the levels after.
        var perCallerSeen = 60.0;
        var totalSeen = 60.0;
        // Level 0 is a warm-up (JIT tiering, connection pools, Azurite's first tables) of one caller for 2 s, not printed.
        try
        {
            await RunLevelsAsync();
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            // The bench's own message says what the caller saw; the bot's log says why.
            Console.Error.WriteLine("The bot's log, last lines:");
            Console.Error.WriteLine(bot.Tail);
            throw;
        }

        report.Summary(connector.RepeatedSends, bot.LogLevels, bot.FirstProblems);
        return 0;

        async Task RunLevelsAsync()
        {
            foreach (var level in options.Levels.Prepend(0))
            {
                var warmUp = level == 0;
                var load = warmUp ? TimeSpan.FromSeconds(2) : options.Load;
                var callers = Enumerable.Range(0, Math.Max(level, 1)).Select(i => new Caller(i, http, connector, options.CardTimeout)).ToList();
                var expected = Math.Min(perCallerSeen * callers.Count, totalSeen * 2);
                var perCaller = (int)Math.Ceiling(expected * 1.5 * load.TotalSeconds / callers.Count / StorePath.DecisionsPerKegiatan) + 1;
                // Pools are started four callers at a time: sixteen concurrent starts all walk the same kegiatan numbers, and
                // Azurite in memory answered some of those colliding batches only after the bot's 10 s network timeout.
                foreach (var group in callers.Chunk(4))
                {
                    await Task.WhenAll(group.Select(c => c.FillPoolAsync(perCaller, ct)));
                }

                await drain.WaitAsync([.. callers.SelectMany(c => c.PoolNumbers)], options.DrainTimeout, ct); // the setup's own outbox work first

                // Through the proxy (what the targets compare with: the bot's requests take the same hop) and straight to Azurite.
                var raw = warmUp ? new Sample() : await RawBaseline.RunAsync(viaProxy, "rawp", level, options.Raw, ct);
                var rawDirect = warmUp ? new Sample() : await RawBaseline.RunAsync(direct, "rawd", level, options.Raw, ct);
                bot.ThrowIfExited();

                var rssReset = bot.ResetPeakRss();
                var before = tableProxy.Snapshot().Plus(blobProxy.Snapshot());
                var sendsBefore = connector.Sends;
                var started = Stopwatch.GetTimestamp();
                var stopAt = started + (long)(load.TotalSeconds * Stopwatch.Frequency);
                await Task.WhenAll(callers.Select(c => Task.Run(() => c.RunAsync(stopAt, ct), ct)));
                var loadEnd = callers.Max(c => c.LastAnsweredAt);
                var numbers = callers.SelectMany(c => c.Decisions.Select(d => d.Number).Concat(c.StartedOnTheClockNumbers)).Distinct().ToList();
                await drain.WaitAsync(numbers, options.DrainTimeout, ct);
                var drained = Stopwatch.GetTimestamp();
                var after = tableProxy.Snapshot().Plus(blobProxy.Snapshot());
                bot.ThrowIfExited();
                foreach (var caller in callers)
                {
                    await caller.CollectCardsAsync(ct);
                }

                // Counted above already; removed so that the next level starts on tables of the size this one had.
                await LevelTables.RetireAsync(direct, TablePrefix, [.. numbers.Concat(callers.SelectMany(c => c.PoolNumbers)).Distinct()], ct);
                if (warmUp)
                {
                    continue;
                }

                var result = new LevelResult(
                    level,
                    [.. callers.SelectMany(c => c.Decisions)],
                    Stopwatch.GetElapsedTime(started, loadEnd),
                    Stopwatch.GetElapsedTime(loadEnd, drained),
                    after.Minus(before),
                    connector.Sends - sendsBefore,
                    bot.PeakRssMb(),
                    rssReset,
                    raw,
                    rawDirect,
                    callers.Sum(c => c.StartedOnTheClock));
                report.Level(result);
                perCallerSeen = Math.Max(perCallerSeen, result.Decisions.Count / result.Load.TotalSeconds / callers.Count);
                totalSeen = Math.Max(totalSeen, result.Decisions.Count / result.Load.TotalSeconds);
            }
        }
    }
}

/// <summary>
/// Waits until the outbox has drained: no outbox row left in the given kegiatan, so every card, notice and index update
/// their decisions planned is done (read straight from Azurite, past the proxy, so the checks are not counted as the bot's
/// requests). The <c>OutboxPending</c> markers are not waited for: when a second commit lands while its kegiatan is being
/// delivered, two passes overlap and the second leaves the marker behind although the rows are gone; the dispatcher's
/// poll (<c>Workflow:Storage:OutboxPollInterval</c>, 30 s) removes it later, and that pass's few requests fall in
/// whichever level is running then.
/// </summary>
internal sealed class DrainWatch(TableServiceClient direct, string prefix)
{
    public async Task WaitAsync(IReadOnlyList<string> numbers, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var kegiatan = direct.GetTableClient(prefix + "Kegiatan");
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        // No decision lands after the load, so a kegiatan found empty stays empty: each pass checks only those left.
        var left = new List<string>(numbers);
        while (true)
        {
            var still = new List<string>();
            foreach (var number in left)
            {
                // The bot's layout (src/Bot/Storage/KegiatanKeys.cs): a kegiatan's partition is its number, its outbox rows "o|…".
                if (await AnyAsync(kegiatan, TableClient.CreateQueryFilter($"PartitionKey eq {number} and RowKey ge {"o|"} and RowKey lt {"o}"}"), cancellationToken))
                {
                    still.Add(number);
                }
            }

            if (still.Count == 0)
            {
                return;
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"the outbox did not drain within {timeout}: outbox rows left in {string.Join(", ", still)}");
            }

            left = still;
            await Task.Delay(50, cancellationToken);
        }
    }

    private static async Task<bool> AnyAsync(TableClient table, string filter, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var _ in table.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken))
            {
                return true;
            }
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            // The table is made with the first commit.
        }

        return false;
    }
}

internal sealed record HttpBenchOptions(int[] Levels, TimeSpan Load, TimeSpan Raw, TimeSpan CardTimeout, TimeSpan DrainTimeout)
{
    public static HttpBenchOptions Parse(string[] args)
    {
        var options = new HttpBenchOptions([1, 4, 16], TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(600));
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--levels" => options with { Levels = [.. value.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture))] },
                "--seconds" => options with { Load = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--raw-seconds" => options with { Raw = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                _ => throw new ArgumentException($"unknown option {args[i]}; known: --levels 1,4,16 --seconds 8 --raw-seconds 3"),
            };
            i++;
        }

        return options.Levels.All(l => l >= 1) ? options : throw new ArgumentException("every level needs at least 1 caller");
    }
}

/// <summary>
/// Removes a level's kegiatan from the bot's tables once the level is measured: their partitions of table Kegiatan (state,
/// history, card copies, the pass lease) and their open-steps rows. Azurite keeps an index on RowKey first, so every point
/// read of a "state" row and every range of "o|" rows gets slower with each partition that shares those keys; without this
/// the 16-caller level ran on a table holding the 600 kegiatan of the levels before it, and measured Azurite's index rather
/// than the bot (Azure Table Storage finds a row by partition first), while the raw baseline ran on a fresh table of its own.
/// Read and written straight to Azurite, past the proxy, so none of it is counted as the bot's.
/// </summary>
internal static class LevelTables
{
    public static async Task RetireAsync(TableServiceClient direct, string prefix, IReadOnlyList<string> numbers, CancellationToken cancellationToken)
    {
        var kegiatan = direct.GetTableClient(prefix + "Kegiatan");
        var open = direct.GetTableClient(prefix + "OpenSteps");
        foreach (var number in numbers)
        {
            // The bot's layout (src/Bot/Storage/KegiatanKeys.cs, src/Bot/Decisions/OpenStepRow.cs): the partition is the number.
            var rows = new List<TableTransactionAction>();
            await foreach (var row in kegiatan.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {number}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
            {
                rows.Add(new TableTransactionAction(TableTransactionActionType.Delete, row));
            }

            foreach (var chunk in rows.Chunk(100))
            {
                await kegiatan.SubmitTransactionAsync(chunk, cancellationToken);
            }

            await open.DeleteEntityAsync("open", number, cancellationToken: cancellationToken);
        }
    }
}
