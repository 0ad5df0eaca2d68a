using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using PerijinanBot.Bench.Http;
using PerijinanBot.Bot.Tests.Infrastructure;

namespace PerijinanBot.Bench.Chaos;

/// <summary>What a chaos run did and found. <see cref="Problems"/> is empty on a good run.</summary>
internal sealed record ChaosResult(
    ChaosOptions Options, IReadOnlyList<double> CardWaits, int Seed, int Kills, int AzuriteRestarts, int Started, int Decisions, int RetriedDecisions, int Retries, int Reopened,
    TimeSpan Load, TimeSpan Drain, int NotResentLogged, int BotErrorLines, IReadOnlyList<string> BotProblems, IReadOnlyDictionary<string, int> BotEvents,
    IReadOnlyDictionary<string, string> BotEventSamples,
    IReadOnlyList<string> Parked, ChaosFindings Findings)
{
    public IReadOnlyList<string> Problems => [.. Parked, .. Findings.Problems];

    public string Summary()
    {
        var f = Findings;
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));
        Line($"chaos: {Options.Callers} callers for {Load.TotalSeconds:F1} s (think {Options.Think.TotalMilliseconds:F0} ms), seed {Seed}");
        Line($"  kills survived (SIGKILL of the bot, restarted): {Kills}; Azurite restarts (on disk, same ports): {AzuriteRestarts}");
        Line($"  kegiatan started: {Started}; decisions answered: {Decisions} ({RetriedDecisions} answered only after the same invoke was sent again; {Retries} invokes sent again in all)");
        var waits = CardWaits.Order().ToList();
        if (waits.Count > 0)
        {
            Line($"  decision -> next card (waited for): p50 {waits[waits.Count / 2]:F2} s, max {waits[^1]:F1} s; {waits.Count(w => w > 10)} of {waits.Count} over 10 s");
        }

        Line($"  outbox drained {Drain.TotalSeconds:F1} s after the load; parked items: {Parked.Count}");
        Line($"  state agrees with history: {f.Kegiatan} kegiatan, {f.HistoryRows} history rows");
        Line($"  decisions checked (in the history exactly once, none unasked): {f.DecisionsChecked}");
        Line($"  sends checked (cards and notices the history planned): {f.SendsChecked}; sent exactly once: {f.SentOnce}");
        Line($"  not resent (EventId 400, at most once): {NotResentLogged} keys logged; of the planned sends {f.NotResentSent} had reached the connector, {f.NotResentUnsent} had not ({Reopened} taken up again through \"Buka kartu langkah\")");
        foreach (var detail in f.NotResentDetail)
        {
            text.AppendLine("    " + detail);
        }

        Line($"  reminders checked (reminder and open-step row of the current version): {f.RemindersChecked}");
        Line($"  card updates (PUT: refreshes of decided cards, which may repeat harmlessly): {f.Refreshes}");
        Line($"  bot error lines across all its lives (expected around kills and the Azurite restart): {BotErrorLines}");
        Line($"  bot warnings and errors by event (a first message of each):");
        foreach (var (logged, count) in BotEvents.OrderByDescending(e => e.Value))
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"    {count} x {logged} {BotEventSamples.GetValueOrDefault(logged)}"));
        }

        Line($"  problems: {Problems.Count}");
        foreach (var problem in Problems.Take(30))
        {
            text.AppendLine("    " + problem);
        }

        return text.ToString();
    }
}

/// <summary>
/// A chaos run (issue 17 item 4), shared by the test (tests/Bot.Tests/Chaos) and <c>dotnet run --project bench -- chaos</c>:
/// callers loop decisions while the bot is killed and Azurite restarted on a schedule spread over the load; then the
/// outbox is left to drain and <see cref="ChaosChecks"/> compares what storage and the connector hold with what the
/// callers were told.
/// </summary>
internal static class ChaosRun
{
    public static async Task<ChaosResult> RunAsync(ChaosOptions options, Action<string> log, CancellationToken cancellationToken)
    {
        var seed = Random.Shared.Next();
        var random = new Random(seed);
        await using var cluster = await ChaosCluster.StartAsync(OfficeWeek.At(1, "08:00"), cancellationToken);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        log($"chaos: Azurite on disk (tables {cluster.Azurite.TablePort}), bot at {cluster.BaseAddress}, seed {seed}");

        // Everyone installs the app first (Teams' conversationUpdate): the bot then knows each 1:1 chat at the stub connector.
        foreach (var person in Person.Everyone)
        {
            using var install = new StringContent(BenchCards.Install(person, cluster.Connector.ServiceUrl).ToJsonString(), Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(new Uri(cluster.BaseAddress, "api/messages"), install, cancellationToken);
            response.EnsureSuccessStatusCode();
        }

        var callers = Enumerable.Range(0, options.Callers).Select(i => new ChaosCaller(i, http, cluster, options)).ToList();
        var started = Stopwatch.GetTimestamp();
        var stopAt = started + (long)(options.Load.TotalSeconds * Stopwatch.Frequency);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var chaos = Task.Run(() => ChaosAsync(cluster, options, random, started, log, stop.Token), stop.Token);
        try
        {
            await Task.WhenAll(callers.Select(c => Task.Run(() => c.RunAsync(stopAt, stop.Token), stop.Token)));
        }
        catch
        {
            await stop.CancelAsync();
            throw;
        }

        await chaos;
        var load = Stopwatch.GetElapsedTime(started);
        log(string.Create(CultureInfo.InvariantCulture, $"chaos: load over after {load.TotalSeconds:F1} s, {callers.Sum(c => c.Decisions.Count)} decisions; waiting for the outbox to drain"));

        var direct = new TableServiceClient(cluster.Azurite.ConnectionString);
        var (drain, parked) = await OutboxDrain.WaitAsync(direct, ChaosCluster.TablePrefix, options.DrainTimeout, cluster.ThrowIfBotExited, cancellationToken);
        var findings = await ChaosChecks.RunAsync(
            direct, ChaosCluster.TablePrefix, [.. callers.SelectMany(c => c.Started)], [.. callers.SelectMany(c => c.Decisions)],
            cluster.Connector.PostsByDelivery, cluster.NotResent, cancellationToken);
        findings.Refreshes = cluster.Connector.PutsByDelivery.Values.Sum();
        return new ChaosResult(
            options, [.. callers.SelectMany(c => c.CardWaits)], seed, cluster.Kills, cluster.Azurite.Restarts, callers.Sum(c => c.Started.Count), callers.Sum(c => c.Decisions.Count),
            callers.Sum(c => c.Decisions.Count(d => d.Retried)), callers.Sum(c => c.Retries), callers.Sum(c => c.Reopened),
            load, drain, cluster.NotResent.Count, cluster.ErrorLines, cluster.FirstProblems, cluster.LoggedEvents, cluster.LoggedEventSamples, parked, findings);
    }

    /// <summary>The kills and Azurite restarts, evenly over the load with some jitter; the Azurite restart falls in the middle.</summary>
    private static async Task ChaosAsync(ChaosCluster cluster, ChaosOptions options, Random random, long started, Action<string> log, CancellationToken cancellationToken)
    {
        var events = options.Kills + options.AzuriteRestarts;
        var gap = options.Load / (events + 1);
        var azuriteAt = Enumerable.Range(0, options.AzuriteRestarts).Select(i => (i + 1) * (events + 1) / (options.AzuriteRestarts + 1) - 1).ToHashSet();
        for (var i = 0; i < events; i++)
        {
            var at = gap * (i + 1) + gap * (random.NextDouble() - 0.5) * 0.5;
            var wait = at - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            var now = Stopwatch.GetElapsedTime(started).TotalSeconds;
            if (azuriteAt.Contains(i))
            {
                await cluster.RestartAzuriteAsync(cancellationToken);
                log(string.Create(CultureInfo.InvariantCulture, $"chaos: {now:F1} s: Azurite restarted"));
            }
            else
            {
                await cluster.KillAndRestartBotAsync(cancellationToken);
                log(string.Create(CultureInfo.InvariantCulture, $"chaos: {now:F1} s: bot killed (-9) and started again ({Stopwatch.GetElapsedTime(started).TotalSeconds - now:F1} s to listen)"));
            }
        }
    }
}
