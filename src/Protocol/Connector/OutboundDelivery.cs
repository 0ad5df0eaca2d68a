namespace PerijinanBot.Protocol.Connector;

/// <summary>
/// The delivery a send belongs to (the outbox item's dedupe key), carried in the <see cref="Header"/> of every connector
/// request made while it is set: logs and an operator (or a test's stand-in connector) can tell which planned delivery a
/// request served, and count repeats by it. The connector ignores headers it does not know.
/// </summary>
public static class OutboundDelivery
{
    public const string Header = "X-PerijinanBot-Delivery";

    private static readonly AsyncLocal<string?> Current = new();

    /// <summary>The key of the delivery running on this async flow, or null.</summary>
    public static string? Key => Current.Value;

    /// <summary>Sets <paramref name="key"/> for the sends made until the returned scope is disposed.</summary>
    public static IDisposable Begin(string key)
    {
        var previous = Current.Value;
        Current.Value = key;
        return new Scope(previous);
    }

    private sealed class Scope(string? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
