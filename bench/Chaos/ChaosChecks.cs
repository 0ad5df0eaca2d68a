using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Sop;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Bench.Chaos;

/// <summary>What the checks after a chaos run counted, and every disagreement they found (none on a good run).</summary>
internal sealed class ChaosFindings
{
    public int Kegiatan { get; set; }
    public int HistoryRows { get; set; }
    public int DecisionsChecked { get; set; }
    public int SendsChecked { get; set; }
    public int SentOnce { get; set; }
    public int NotResentSent { get; set; }
    public int NotResentUnsent { get; set; }
    public int RemindersChecked { get; set; }
    public int Refreshes { get; set; }

    /// <summary>Each key the bot logged as not sent again, and how often it had reached the connector.</summary>
    public List<string> NotResentDetail { get; } = [];
    public List<string> Problems { get; } = [];
}

/// <summary>
/// The checks after the outbox drained, read straight from Azurite with the bot's own store (state row, history rows) and
/// the open-steps rows as the bot's code lays them out (src/Bot/Decisions/OpenStepRow.cs).
/// What a decision planned is derived from the history, not from the bot's outbox (gone once delivered): each
/// <see cref="StepAssigned"/> with a holder is a step card <c>{number}|v{version}|card|{step}|{attempt}</c>, each
/// <see cref="StepSentBack"/> a notice <c>{number}|v{version}|notice|SentBack|{person}</c> (src/Bot/Decisions/OutboxPlan.cs).
/// </summary>
internal static class ChaosChecks
{
    public static async Task<ChaosFindings> RunAsync(
        TableServiceClient service, string prefix, IReadOnlyCollection<string> started, IReadOnlyCollection<AckedDecision> decisions,
        IReadOnlyDictionary<string, int> posts, IReadOnlyCollection<string> notResent, CancellationToken cancellationToken)
    {
        var findings = new ChaosFindings();
        var problems = findings.Problems;
        var tables = new WorkflowTables(service, Options.Create(new StorageOptions { TableNamePrefix = prefix }));
        var store = new KegiatanStore(tables, new OutboxSignal(), Options.Create(new WorkflowStorageOptions()), TimeProvider.System, NullLogger<KegiatanStore>.Instance);
        var kegiatanTable = service.GetTableClient(prefix + "Kegiatan");

        var numbers = new List<string>();
        await foreach (var row in kegiatanTable.QueryAsync<TableEntity>("RowKey eq 'state'", select: ["PartitionKey", "Number"], cancellationToken: cancellationToken))
        {
            numbers.Add(row.GetString("Number") ?? row.PartitionKey);
        }

        foreach (var extra in numbers.Except(started, StringComparer.Ordinal))
        {
            problems.Add($"{extra}: a kegiatan nobody started (a start applied twice?)");
        }

        foreach (var missing in started.Except(numbers, StringComparer.Ordinal))
        {
            problems.Add($"{missing}: started (the bot answered with its number) but not in storage");
        }

        var acked = new Dictionary<(string, int), AckedDecision>();
        foreach (var decision in decisions)
        {
            if (!acked.TryAdd((decision.Number, decision.CardVersion), decision))
            {
                problems.Add($"{decision.Number}: two decisions were answered on the card of version {decision.CardVersion}");
            }
        }

        var notResentSet = new HashSet<string>(notResent, StringComparer.Ordinal);
        var planned = new HashSet<string>(StringComparer.Ordinal);
        var reminders = new ReminderRows(service, prefix);
        foreach (var number in numbers.Order(StringComparer.Ordinal))
        {
            var stored = await store.GetAsync(number, cancellationToken) ?? throw new InvalidOperationException($"{number} vanished");
            var history = new List<HistoryRecord>();
            await foreach (var entry in store.ReadHistoryAsync(number, cancellationToken))
            {
                history.Add(entry);
            }

            findings.Kegiatan++;
            findings.HistoryRows += history.Count;
            var state = JsonSerializer.Deserialize(stored.State.Json, SopJsonContext.Default.Kegiatan)!;
            var events = history.Select(h => JsonSerializer.Deserialize(h.EventJson, SopJsonContext.Default.IReadOnlyListKegiatanEvent) ?? []).ToList();
            problems.AddRange(StateAgreesWithHistory(number, stored, state, history, events));

            for (var i = 0; i < history.Count; i++)
            {
                var version = history[i].Version;
                var decided = events[i].OfType<StepSubmitted>().Any() ? "sop.submit" : events[i].OfType<StepSentBack>().Any() ? "sop.reject" : null;
                if (version == 1)
                {
                    if (!events[i].OfType<KegiatanStarted>().Any())
                    {
                        problems.Add($"{number} v1: not a start but {history[i].EventType}");
                    }
                }
                else if (!acked.Remove((number, version - 1), out var decision))
                {
                    problems.Add($"{number} v{version}: {history[i].EventType} by {history[i].Actor}, a decision no caller got an answer for (applied twice, or nobody asked)");
                }
                else if (decision.Verb != decided || !string.Equals(decision.ActorId, history[i].Actor, StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"{number} v{version}: {history[i].EventType} by {history[i].Actor}, but the caller's {decision.Verb} by {decision.ActorId} was answered");
                }
                else
                {
                    findings.DecisionsChecked++;
                }

                foreach (var e in events[i])
                {
                    var key = e switch
                    {
                        StepAssigned { Assignee: not null } a => string.Create(CultureInfo.InvariantCulture, $"{number}|v{version}|card|{a.Step}|{a.Attempt}"),
                        StepSentBack { ReturnedToAssignee: { } to } => string.Create(CultureInfo.InvariantCulture, $"{number}|v{version}|notice|SentBack|{to.Id}"),
                        _ => null,
                    };
                    if (key is not null)
                    {
                        planned.Add(key);
                    }
                }
            }

            if (state.Status == KegiatanStatus.Open && state.Current is { } current)
            {
                problems.AddRange(await reminders.CheckAsync(number, stored.Version, current, cancellationToken));
                findings.RemindersChecked++;
            }
        }

        foreach (var ((number, version), decision) in acked)
        {
            problems.Add($"{number}: the caller's {decision.Verb} on version {version} was answered{(decision.Retried ? " (after a retry)" : "")} but is not in the history (lost)");
        }

        foreach (var key in planned)
        {
            var sent = posts.GetValueOrDefault(key);
            findings.SendsChecked++;
            if (notResentSet.Contains(key))
            {
                if (sent > 1)
                {
                    problems.Add($"{key}: sent {sent} times although the bot logged it would not send it again");
                }
                else if (sent == 1)
                {
                    findings.NotResentSent++;
                }
                else
                {
                    findings.NotResentUnsent++;
                }
            }
            else if (sent != 1)
            {
                problems.Add($"{key}: planned, sent {sent} times (once expected; the bot did not log it as not resent)");
            }
            else
            {
                findings.SentOnce++;
            }
        }

        foreach (var key in notResentSet.Order(StringComparer.Ordinal))
        {
            findings.NotResentDetail.Add($"{key}: reached the connector {posts.GetValueOrDefault(key)} time(s){(planned.Contains(key) ? "" : " (not a card or notice of the history)")}");
        }

        foreach (var (key, sent) in posts.Where(p => !planned.Contains(p.Key)))
        {
            problems.Add($"{key}: sent {sent} times, but no decision in the history planned it");
        }

        return findings;
    }

    /// <summary>
    /// The state row against the history rows: versions 1..N without a gap, N the state's version, the last row's command
    /// the state's last command, no command twice; and the history's events played forward give the state's step records
    /// (each visit's step, attempt, holder and outcome), its current step and its send-back count.
    /// </summary>
    private static IEnumerable<string> StateAgreesWithHistory(string number, StoredKegiatan stored, Kegiatan state, List<HistoryRecord> history, List<IReadOnlyList<KegiatanEvent>> events)
    {
        for (var i = 0; i < history.Count; i++)
        {
            if (history[i].Version != i + 1)
            {
                yield return $"{number}: history row {i + 1} holds version {history[i].Version} (a gap or a repeat)";
                yield break;
            }

            if (events[i].Any(e => e.Version != history[i].Version || e.Number != number))
            {
                yield return $"{number} v{history[i].Version}: an event of another version or kegiatan in the row";
            }
        }

        if (history.Count != stored.Version || state.Version != stored.Version)
        {
            yield return $"{number}: state row version {stored.Version}, state JSON version {state.Version}, {history.Count} history rows";
        }

        if (history.Count > 0 && stored.LastCommandId != history[^1].CommandId)
        {
            yield return $"{number}: the state's last command {stored.LastCommandId} is not the last history row's {history[^1].CommandId}";
        }

        if (history.GroupBy(h => h.CommandId).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            yield return $"{number}: command {twice.Key} in {twice.Count()} history rows (applied twice)";
        }

        var visits = Replay(events.SelectMany(e => e));
        var recorded = state.Steps.Select(s => (s.Step, s.Attempt, Holder: s.Assignee?.Id.ToLowerInvariant(), s.Outcome)).ToList();
        if (!visits.SequenceEqual(recorded))
        {
            yield return $"{number}: the history played forward gives the visits [{string.Join(", ", visits)}], the state holds [{string.Join(", ", recorded)}]";
        }

        var sentBack = events.SelectMany(e => e).OfType<StepSentBack>().Count();
        if (state.Rework.Values.Sum() != sentBack)
        {
            yield return $"{number}: {sentBack} send-backs in the history, the state counts {state.Rework.Values.Sum()}";
        }
    }

    private static List<(int Step, int Attempt, string? Holder, StepOutcome? Outcome)> Replay(IEnumerable<KegiatanEvent> events)
    {
        var visits = new List<(int Step, int Attempt, string? Holder, StepOutcome? Outcome)>();
        void Finish(int step, StepOutcome outcome)
        {
            var open = visits.FindLastIndex(v => v.Step == step && v.Outcome is null);
            if (open >= 0)
            {
                visits[open] = visits[open] with { Outcome = outcome };
            }
        }

        foreach (var e in events)
        {
            switch (e)
            {
                case KegiatanStarted s:
                    visits.Add((s.Step, 1, s.By.Id.ToLowerInvariant(), StepOutcome.Completed));
                    break;
                case StepAssigned a:
                    visits.Add((a.Step, a.Attempt, a.Assignee?.Id.ToLowerInvariant(), null));
                    break;
                case StepSubmitted s:
                    Finish(s.Step, StepOutcome.Completed);
                    break;
                case StepSentBack s:
                    Finish(s.Step, StepOutcome.SentBack);
                    break;
                default:
                    break;
            }
        }

        return visits;
    }
}
