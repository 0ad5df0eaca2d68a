using System.Diagnostics.Metrics;

namespace PerijinanBot.Protocol.Connector;

/// <summary>
/// The connector's own meter (Protocol uses no other project, so not the bot's): every retry of a call and every 429 the
/// connector answered, by operation. A steady stream of 429s means the bot is sending faster than Teams allows.
/// </summary>
public sealed class ConnectorMetrics
{
    public const string MeterName = "PerijinanBot.Protocol";

    private readonly Counter<long> _retries;
    private readonly Counter<long> _throttled;

    public ConnectorMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _retries = meter.CreateCounter<long>("perijinanbot.connector.retries", "{retry}",
            "Connector calls tried again after a retryable answer or no answer, by operation and status (0: no answer).");
        _throttled = meter.CreateCounter<long>("perijinanbot.connector.throttled", "{response}",
            "429 Too Many Requests from the Bot Connector, by operation.");
    }

    internal void Retried(ConnectorOperation operation, int status) =>
        _retries.Add(1, new("operation", operation.ToString()), new("status", status));

    internal void Throttled(ConnectorOperation operation) =>
        _throttled.Add(1, new KeyValuePair<string, object?>("operation", operation.ToString()));
}
