using System.Diagnostics.Metrics;

namespace PerijinanBot.Bot.Telemetry;

/// <summary>What the outbox holds, as last counted (<see cref="IOutboxFigures"/>).</summary>
/// <param name="OldestPendingAge">How long the oldest pending item has waited; null when nothing is pending.</param>
public sealed record OutboxFigures(long Pending, long Parked, TimeSpan? OldestPendingAge);

/// <summary>
/// The outbox's figures for the gauges. Implemented by the Outbox (which owns the tables); read only when a metrics exporter
/// collects, so counting costs nothing while telemetry is off. Null until a first count has finished.
/// </summary>
public interface IOutboxFigures
{
    OutboxFigures? Latest { get; }
}

/// <summary>
/// Every domain instrument of the bot, defined here once on the one Meter <see cref="MeterName"/> and recorded where the
/// event happens (the decision service, the refusal paths, the outbox, the reminder sender, the step card handler). The
/// connector's retries and 429s are counted by the Protocol project on its own meter (<c>PerijinanBot.Protocol</c>),
/// since Protocol uses no other project. Tags are small closed sets (step numbers, command and refusal names): never a
/// kegiatan number or a person, which belong on the turn's span and in the log.
/// </summary>
public sealed class BotMetrics
{
    public const string MeterName = "PerijinanBot";

    // Seconds from a decision to the next person's card: most within seconds, a retried one minutes or hours later.
    private static readonly double[] LatencyBuckets = [0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900, 3600, 14400];

    private readonly Counter<long> _decisions;
    private readonly Counter<long> _refusals;
    private readonly Counter<long> _reminders;
    private readonly Histogram<double> _cardLatency;

    public BotMetrics(IMeterFactory meters, IEnumerable<IOutboxFigures> outbox)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        var figures = outbox.FirstOrDefault();
        _decisions = meter.CreateCounter<long>("perijinanbot.decisions", "{decision}",
            "Commands on a kegiatan (start, step buttons, batal, alihkan, jadwal), by step, command and outcome (accepted, refused, repeated).");
        _refusals = meter.CreateCounter<long>("perijinanbot.refusals", "{refusal}",
            "Refusals a person was shown, by code (the engine's refusal codes, NotRegistered, UnknownButton).");
        _reminders = meter.CreateCounter<long>("perijinanbot.reminders", "{reminder}",
            "Reminder, escalation and digest cards, by result (sent, unreachable, failed, already_sent).");
        _cardLatency = meter.CreateHistogram<double>("perijinanbot.card.delivery_latency", "s",
            "From a decision to the connector's successful send of the next person's step card.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        meter.CreateObservableGauge("perijinanbot.outbox.pending", () => Observe(figures, f => f.Pending), "{item}",
            "Outbox items waiting to be delivered (as last counted).");
        meter.CreateObservableGauge("perijinanbot.outbox.parked", () => Observe(figures, f => f.Parked), "{item}",
            "Outbox items no longer retried (Poison or Failed), waiting for an Admin's requeue.");
        meter.CreateObservableGauge("perijinanbot.outbox.oldest_pending_age", () => Observe(figures, f => f.OldestPendingAge?.TotalSeconds ?? 0), "s",
            "How long the oldest pending outbox item has waited; 0 when nothing is pending.");
    }

    /// <summary>A command on a kegiatan was decided. <paramref name="step"/> is 0 for a start and for commands on the whole kegiatan.</summary>
    public void Decided(int step, string command, DecisionCount outcome) =>
        _decisions.Add(1, new("step", step), new("command", command), new("outcome", Name(outcome)));

    public void Refused(string code) => _refusals.Add(1, new KeyValuePair<string, object?>("code", code));

    public void Reminded(string result) => _reminders.Add(1, new KeyValuePair<string, object?>("result", result));

    public void CardDelivered(TimeSpan sinceDecision) => _cardLatency.Record(Math.Max(0, sinceDecision.TotalSeconds));

    private static IEnumerable<Measurement<T>> Observe<T>(IOutboxFigures? source, Func<OutboxFigures, T> value)
        where T : struct =>
        source?.Latest is { } figures ? [new Measurement<T>(value(figures))] : [];

    private static string Name(DecisionCount outcome) => outcome switch
    {
        DecisionCount.Accepted => "accepted",
        DecisionCount.Refused => "refused",
        _ => "repeated",
    };
}

public enum DecisionCount
{
    Accepted,
    Refused,

    /// <summary>A redelivered click: answered with what the first delivery decided, nothing decided again.</summary>
    Repeated,
}
