using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PerijinanBot.Bot.Tests.Infrastructure;

/// <summary>Every log line written, rendered, so tests can check what is (and is not) in them.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentQueue<string> _failures = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    /// <summary>The lines at Error or above, and those at Warning or above that carry an exception: what a clean run has none of.</summary>
    public IReadOnlyList<string> Failures => [.. _failures];

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = $"{logLevel}: {formatter(state, exception)} {exception}";
            owner._lines.Enqueue(line);
            if (logLevel >= LogLevel.Error || (logLevel >= LogLevel.Warning && exception is not null))
            {
                owner._failures.Enqueue(line);
            }
        }
    }
}
