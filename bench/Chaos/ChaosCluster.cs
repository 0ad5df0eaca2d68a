using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using PerijinanBot.Bench.Http;
using PerijinanBot.Bot.Tests.Infrastructure;

namespace PerijinanBot.Bench.Chaos;

/// <summary>
/// What a chaos run kills and brings back: Azurite keeping its data on disk in a temporary folder (restarted on the same
/// ports), the built bot as its own process in Development (killed with SIGKILL and started again on the same port, its
/// clock carried on from where the killed one was), and the stub connector that counts each message by its delivery key.
/// </summary>
internal sealed partial class ChaosCluster : IAsyncDisposable
{
    public const string TablePrefix = "chaos";

    private readonly string _folder;
    private readonly DateTimeOffset _clockStartsAt;
    private readonly long _clockStartedAt = Stopwatch.GetTimestamp();
    private readonly ConcurrentDictionary<string, byte> _notResent = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly ConcurrentDictionary<string, int> _events = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _eventSamples = new(StringComparer.Ordinal);
    private string? _lastHeader;
    private readonly SemaphoreSlim _restarting = new(1, 1);
    private BotProcess? _bot;
    private int _port;
    private int _errors;
    private int _keepNext;

    private ChaosCluster(string folder, AzuriteProcess azurite, StubConnector connector, DateTimeOffset clockStartsAt)
    {
        _folder = folder;
        Azurite = azurite;
        Connector = connector;
        _clockStartsAt = clockStartsAt;
    }

    public AzuriteProcess Azurite { get; }

    public StubConnector Connector { get; }

    /// <summary><c>http://127.0.0.1:{port}/</c>: the same across restarts.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public int Kills { get; private set; }

    /// <summary>Dedupe keys the bot logged as not sent again (EventId 400: an earlier attempt may have delivered it).</summary>
    public IReadOnlyCollection<string> NotResent => [.. _notResent.Keys];

    /// <summary>Lines the bot logged at Error or above ("fail:", "crit:"), across all its lives: expected around kills and the Azurite restart.</summary>
    public int ErrorLines => Volatile.Read(ref _errors);

    public IReadOnlyList<string> FirstProblems => [.. _problems];

    /// <summary>Warnings and errors the bot logged, by "level: Category[EventId]", across all its lives.</summary>
    public IReadOnlyDictionary<string, int> LoggedEvents => new Dictionary<string, int>(_events, StringComparer.Ordinal);

    /// <summary>The message of the first occurrence of each of <see cref="LoggedEvents"/>.</summary>
    public IReadOnlyDictionary<string, string> LoggedEventSamples => new Dictionary<string, string>(_eventSamples, StringComparer.Ordinal);

    public bool NotResentAny(string keyPrefix) => _notResent.Keys.Any(k => k.StartsWith(keyPrefix, StringComparison.Ordinal));

    public static async Task<ChaosCluster> StartAsync(DateTimeOffset clockStartsAt, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"perijinanbot-chaos-{Guid.NewGuid():N}");
        var azurite = await AzuriteProcess.StartOnDiskAsync(Path.Combine(folder, "azurite"), cancellationToken);
        var connector = await StubConnector.StartAsync();
        var cluster = new ChaosCluster(folder, azurite, connector, clockStartsAt);
        await cluster.StartBotAsync(cancellationToken);
        return cluster;
    }

    /// <summary>kill -9 of the bot, then the bot started again on the same port (as a process supervisor would).</summary>
    public async Task KillAndRestartBotAsync(CancellationToken cancellationToken)
    {
        await _restarting.WaitAsync(cancellationToken);
        try
        {
            await _bot!.KillAsync();
            await _bot.DisposeAsync();
            Kills++;
            await StartBotAsync(cancellationToken);
        }
        finally
        {
            _restarting.Release();
        }
    }

    /// <summary>Azurite stopped (SIGTERM) and started again on the same ports from the same folder; the bot keeps running.</summary>
    public Task RestartAzuriteAsync(CancellationToken cancellationToken) => Azurite.RestartAsync(cancellationToken);

    /// <summary>
    /// What storage says of a kegiatan's outbox, for a card that never came: its outbox rows (status, attempts, claim, next
    /// attempt), its <c>OutboxPending</c> marker, the state's version, and the delivery ledger's rows.
    /// </summary>
    public async Task<string> DescribeOutboxAsync(string number, CancellationToken cancellationToken)
    {
        var service = new Azure.Data.Tables.TableServiceClient(Azurite.ConnectionString);
        var text = new System.Text.StringBuilder($"storage of {number} now: ");
        try
        {
            var kegiatan = service.GetTableClient(TablePrefix + "Kegiatan");
            await foreach (var row in kegiatan.QueryAsync<Azure.Data.Tables.TableEntity>($"PartitionKey eq '{number}' and (RowKey eq 'state' or (RowKey ge 'o|' and RowKey lt 'o}}'))", cancellationToken: cancellationToken))
            {
                text.Append(row.RowKey == "state"
                    ? string.Create(CultureInfo.InvariantCulture, $"state v{row.GetInt32("Version")}; ")
                    : string.Create(CultureInfo.InvariantCulture, $"{row.RowKey} {row.GetString("DedupeKey")} {row.GetString("Status")} in flight {row.GetBoolean("InFlight")} attempts {row.GetInt32("Attempts")} next {row.GetDateTimeOffset("NextAttemptAt"):O} claimed until {row.GetDateTimeOffset("ClaimedUntil"):O}; "));
            }

            var marker = await service.GetTableClient(TablePrefix + "OutboxPending").GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("pending", number, cancellationToken: cancellationToken);
            text.Append(marker.HasValue ? "OutboxPending marker present; " : "NO OutboxPending marker; ");
            await foreach (var row in service.GetTableClient(TablePrefix + "Deliveries").QueryAsync<Azure.Data.Tables.TableEntity>($"PartitionKey ge '{number}|' and PartitionKey lt '{number}}}'", cancellationToken: cancellationToken))
            {
                text.Append(CultureInfo.InvariantCulture, $"ledger {row.PartitionKey} {row.GetString("State")}; ");
            }
        }
        catch (Azure.RequestFailedException e)
        {
            text.Append("(could not read: ").Append(e.Message).Append(')');
        }

        return text.Append(CultureInfo.InvariantCulture, $"bot clock about {_clockStartsAt + Stopwatch.GetElapsedTime(_clockStartedAt):O}").ToString();
    }

    /// <summary>Throws when the bot died on its own (not killed by the run).</summary>
    public void ThrowIfBotExited()
    {
        if (_bot is { HasExited: true } bot && _restarting.CurrentCount == 1)
        {
            throw new InvalidOperationException($"the bot exited by itself:\n{bot.Output}");
        }
    }

    private async Task StartBotAsync(CancellationToken cancellationToken)
    {
        // The Development clock restarts at ClockStartsAt: it goes on from where the killed bot's clock was (whole seconds,
        // rounded up), so claims and retry times the killed bot stamped are not in the new one's far future.
        var elapsed = Math.Ceiling(Stopwatch.GetElapsedTime(_clockStartedAt).TotalSeconds) + 1;
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Storage__ConnectionString"] = Azurite.ConnectionString,
            ["Storage__TableNamePrefix"] = TablePrefix,
            ["Development__ClockStartsAt"] = _clockStartsAt.AddSeconds(elapsed).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            // Every caller comes from 127.0.0.1: the per-address limit is for the Bot Connector's few addresses.
            ["MessagesRateLimit__PermitLimit"] = "10000000",
            // An operator's settings for a bot that is restarted often: a killed instance's claims lapse in seconds (not a
            // minute) and the pending markers are read every second, so the drain after each kill fits the run.
            ["Workflow__Storage__ClaimLease"] = "00:00:06",
            ["Workflow__Storage__HandlerTimeout"] = "00:00:05",
            ["Workflow__Storage__OutboxPollInterval"] = "00:00:01",
            ["Workflow__Storage__RetryBaseDelay"] = "00:00:00.500",
            ["Workflow__Storage__RetryMaxDelay"] = "00:00:03",
            // A commit whose OutboxPending marker could not be written (storage went away right after it, while this
            // instance lives) is found only by the sweep for waiting outbox rows: 10 minutes by default. Seen under an Azurite
            // restart (its card then came minutes late); 15 s keeps such a card within the callers' patience.
            ["Workflow__Storage__OutboxSweepInterval"] = "00:00:15",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        };
        _bot = await BotProcess.StartAsync(environment, _port, OnLine, cancellationToken);
        BaseAddress = _bot.BaseAddress;
        _port = BaseAddress.Port;
    }

    private void OnLine(string line)
    {
        if (NotSendingAgain().Match(line) is { Success: true } match)
        {
            _notResent.TryAdd(match.Groups["key"].Value, 0);
        }

        var header = line.StartsWith("warn:", StringComparison.Ordinal) || line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal);
        if (header)
        {
            _events.AddOrUpdate(line.Trim(), 1, (_, n) => n + 1);
        }

        if (Interlocked.Exchange(ref _lastHeader, header ? line.Trim() : null) is { } previous)
        {
            _eventSamples.TryAdd(previous, line.Trim());
        }

        // The console logger writes "fail: Category[EventId]" and the message on the next line: both are kept.
        var error = line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal);
        var messageOfLast = Interlocked.Exchange(ref _keepNext, error ? 1 : 0) == 1;
        if ((error && Interlocked.Increment(ref _errors) <= 10) || messageOfLast)
        {
            _problems.Enqueue(line.Trim());
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }

        await Connector.DisposeAsync();
        await Azurite.DisposeAsync();
        _restarting.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held: the temporary folder is left to the OS.
        }
    }

    // EventId 400 of the outbox's card and notice handlers (src/Bot/Decisions/OutboxHandlers.cs).
    [GeneratedRegex(@"Not sending (?<key>\S+) again")]
    private static partial Regex NotSendingAgain();
}
