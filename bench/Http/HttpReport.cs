using System.Diagnostics;
using System.Globalization;

namespace PerijinanBot.Bench.Http;

/// <summary>What one level measured: the decisions, the load and drain times, the storage requests of both, the raw baseline.</summary>
internal sealed record LevelResult(
    int Callers,
    IReadOnlyList<Decision> Decisions,
    TimeSpan Load,
    TimeSpan Drain,
    RequestCounts Requests,
    long Sends,
    double PeakRssMb,
    bool RssReset,
    Sample Raw,
    Sample RawDirect,
    int StartedOnTheClock)
{
    public Sample Latency { get; } = SampleOf(Decisions.Select(d => d.LatencyMs), Load);

    /// <summary>From the decision's answer to the stub connector receiving the kegiatan's next card (0 when the card came first).</summary>
    public Sample CardLatency { get; } = SampleOf(Decisions.Select(d => Math.Max(0, Stopwatch.GetElapsedTime(d.AnsweredAt, d.CardAt).TotalMilliseconds)), Load);

    public double InvokesPerSecond => Decisions.Count / Load.TotalSeconds;

    /// <summary>End to end: the decisions over the load and the time the outbox needed after it.</summary>
    public double Sustained => Decisions.Count / (Load + Drain).TotalSeconds;

    public double PerDecision(long count) => (double)count / Decisions.Count;

    private static Sample SampleOf(IEnumerable<double> values, TimeSpan over)
    {
        var sample = new Sample();
        sample.Add(values, over.TotalSeconds);
        return sample;
    }
}

/// <summary>
/// Prints the figures of every level and the issue's targets (issue 17) beside them, met or not, once the whole run has
/// succeeded: a run that fails on the way prints no figures at all.
/// </summary>
internal sealed class HttpReport(string azuriteVersion, TimeSpan ready, HttpBenchOptions options)
{
    private const string Rule = "---------+-----------+-----------+-------------------+-----------+---------+-------------+-------------------+---------+------------------------------";
    private readonly List<LevelResult> _levels = [];
    private string _loadAtStart = "";

    public void Header()
    {
        _loadAtStart = LoadAverage();
        Line($"PerijinanBot HTTP bench: the built bot (Release, Development) over HTTP on this machine, {Environment.ProcessorCount} cores, .NET {Environment.Version}; Azurite {azuriteVersion} in memory behind a counting proxy; a stub Bot Connector.");
        Line($"NOT production figures: Azurite is the ceiling here and shares the cores with the bot and the bench. Read the ratios.");
        Line($"Each level: {options.Load.TotalSeconds:F0} s of load; each caller loops step 2 submit (the Anggota) / step 3 Tidak with a reason (the Ketua) on kegiatan of its own, clicking the card that reached the chat; a kegiatan is retired after {StorePath.DecisionsPerKegiatan} decisions.");
        Line($"Raw = the store bench's raw read+batch path at the same level for {options.Raw.TotalSeconds:F0} s, through the same proxy (the targets' baseline: the bot's requests take that hop too) and straight to Azurite. Requests per decision count everything the level caused, drained (the outbox's work after the load included).");
    }

    public void Level(LevelResult r)
    {
        _levels.Add(r);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"level {r.Callers}: {r.Decisions.Count} decisions, drained in {r.Drain.TotalSeconds:F1} s"));
    }

    public void Summary(int repeatedSends, (int Warnings, int Errors) log, IReadOnlyList<string> firstProblems)
    {
        Line($"Machine load average (1 / 5 / 15 min) at the start: {_loadAtStart}; at the end: {LoadAverage()} ({Environment.ProcessorCount} cores: above that, other work shared them).");
        Line($"Ready: {ready.TotalSeconds:F2} s from process start to the first 200 of /health/ready.");
        Line($"");
        Line($" callers | decisions | invokes/s | p50 / p99 ms      | table req | drain s | sustained/s | card p50 / p99 ms | RSS MB  | raw/s (p99 ms): proxy | direct");
        Line($"         |           |           | (decision invoke) | /decision |         |             | (decision → card) | (peak)  | same level");
        Line($"{Rule}");
        foreach (var level in _levels)
        {
            Print(level);
        }

        Problems(repeatedSends, log, firstProblems);
        Targets();
    }

    private static void Print(LevelResult r)
    {
        var c = r.Requests;
        Line($" {r.Callers,7} | {r.Decisions.Count,9} | {r.InvokesPerSecond,9:F1} | {r.Latency.Percentile(0.5),7:F1} / {r.Latency.Percentile(0.99),7:F1} | {r.PerDecision(c.TableRequests),9:F1} | {r.Drain.TotalSeconds,7:F2} | {r.Sustained,11:F1} | {r.CardLatency.Percentile(0.5),7:F0} / {r.CardLatency.Percentile(0.99),7:F0} | {r.PeakRssMb,7:F0} | {r.Raw.PerSecond,6:F0} ({r.Raw.Percentile(0.99):F1}) | {r.RawDirect.PerSecond:F0} ({r.RawDirect.Percentile(0.99):F1})");
        long K(RequestKind kind) => c.ByKind[(int)kind];
        var batches = K(RequestKind.Batch);
        Line($"         |   per decision: point read {r.PerDecision(K(RequestKind.PointRead)):F2}, query {r.PerDecision(K(RequestKind.Query)):F2}, insert {r.PerDecision(K(RequestKind.Insert)):F2}, upsert {r.PerDecision(K(RequestKind.Upsert)):F2}, merge/update under If-Match {r.PerDecision(K(RequestKind.ConditionalUpdate)):F2}, delete {r.PerDecision(K(RequestKind.Delete)):F2}, batch {r.PerDecision(batches):F2} ({(batches == 0 ? 0 : (double)c.BatchOperations / batches):F1} ops each), other {r.PerDecision(K(RequestKind.OtherTable)):F2}; blob requests {r.PerDecision(K(RequestKind.Blob)):F2}; connector sends {r.PerDecision(r.Sends):F2}");
        long R(RequestKind kind) => c.RefusedByKind[(int)kind];
        Line($"         |   of which refused (4xx, nothing applied): point read {r.PerDecision(R(RequestKind.PointRead)):F2} (not found), merge/update under If-Match {r.PerDecision(R(RequestKind.ConditionalUpdate)):F2}, batch {r.PerDecision(R(RequestKind.Batch)):F2}, other {r.PerDecision(c.RefusedByKind.Sum() - R(RequestKind.PointRead) - R(RequestKind.ConditionalUpdate) - R(RequestKind.Batch)):F2}");
        if (!r.RssReset)
        {
            Line($"         |   note: the peak RSS mark could not be reset (clear_refs refused): RSS is the peak since the bot started");
        }

        if (r.StartedOnTheClock > 0)
        {
            Line($"         |   note: {r.StartedOnTheClock} kegiatan were started on the clock (pool too small); their requests are in the counts, their starts are not decisions");
        }

        Line($"{Rule}");
    }

    private static void Problems(int repeatedSends, (int Warnings, int Errors) log, IReadOnlyList<string> firstProblems)
    {
        Line($"Connector: {repeatedSends} sends repeated an earlier one byte for byte (the outbox's dedupe key does not travel in the activity, so this counts by content: notices of two send-backs of one kegiatan in the same minute read alike and count too).");
        Line($"Bot log: {log.Warnings} warnings, {log.Errors} errors; the first of them:");
        foreach (var line in firstProblems)
        {
            Line($"   {line}");
        }
    }

    private void Targets()
    {
        Line($"");
        Line($"Targets of issue 17 (same run, ratios):");
        foreach (var level in _levels)
        {
            var perDecision = level.PerDecision(level.Requests.TableRequests);
            Target($"table requests per decision at {level.Callers} caller(s) <= 8", $"{perDecision:F1}", perDecision <= 8);
        }

        Target("sustained at 16 callers >= 0.25 x raw read+batch/s", At(16), l => $"{l.Sustained:F1}/s = {l.Sustained / l.Raw.PerSecond:F3} x raw {l.Raw.PerSecond:F0}/s", l => l.Sustained >= 0.25 * l.Raw.PerSecond);
        Target("decision p99 at 1 caller <= raw p99 + 10 ms", At(1), l => $"{l.Latency.Percentile(0.99):F1} ms vs raw {l.Raw.Percentile(0.99):F1} + 10 ms", l => l.Latency.Percentile(0.99) <= l.Raw.Percentile(0.99) + 10);
        Target("decision -> next card p99 at 4 callers < 1 s", At(4), l => $"{l.CardLatency.Percentile(0.99):F0} ms", l => l.CardLatency.Percentile(0.99) < 1000);
        Target("peak RSS under the 16-caller load <= 150 MB", At(16), l => $"{l.PeakRssMb:F0} MB", l => l.PeakRssMb <= 150);
        Target("ready <= 2 s from process start", $"{ready.TotalSeconds:F2} s", ready <= TimeSpan.FromSeconds(2));
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private LevelResult? At(int callers) => _levels.FirstOrDefault(l => l.Callers == callers);

    private static void Target(string what, LevelResult? level, Func<LevelResult, string> figure, Func<LevelResult, bool> met)
    {
        if (level is null)
        {
            Line($"  {what,-58} not measured (that level was not run)");
            return;
        }

        Target(what, figure(level), met(level));
    }

    private static void Target(string what, string figure, bool met) =>
        Line($"  {what,-58} {figure,-42} {(met ? "met" : "NOT MET")}");

    private static void Line(FormattableString text) => Console.WriteLine(text.ToString(CultureInfo.InvariantCulture));


}
