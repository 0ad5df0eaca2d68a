using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PerijinanBot.Bot.Tests.Infrastructure;

/// <summary>
/// The real Microsoft 365 Agents Playground (the repo's pinned npm package), started on a free port in its own temp
/// working directory (its devTools/ log lands there) and killed with its process tree on dispose. Usable directly
/// (<see cref="StartAsync(PlaygroundSettings?, CancellationToken)"/>) or as an xunit class/collection fixture; a
/// fixture that needs other settings derives: <c>public sealed class MyPlayground() : PlaygroundProcess(new() { ... });</c>
/// (xunit wants exactly one public constructor). Without client id/secret it takes connector calls unauthenticated.
/// </summary>
public partial class PlaygroundProcess : IAsyncLifetime
{
    private readonly PlaygroundSettings _settings;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<int> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Process? _process;
    private HttpClient? _http;

    /// <summary>For xunit fixtures: default settings, the bot endpoint on a port nobody listens on.</summary>
    public PlaygroundProcess() : this(null)
    {
    }

    protected PlaygroundProcess(PlaygroundSettings? settings) => _settings = settings ?? new PlaygroundSettings();

    /// <summary>The port the Playground actually listens on (it moves elsewhere when the asked-for one is taken).</summary>
    public int Port { get; private set; }

    /// <summary><c>http://localhost:{Port}</c>: the UI and the internal/debug routes.</summary>
    public Uri BaseUrl => new($"http://localhost:{Port}");

    /// <summary>The mock connector, spelled as the Playground stamps it into activities: no trailing slash.</summary>
    public string ServiceUrl => $"http://localhost:{Port}/_connector";

    public string BotEndpoint { get; private set; } = "";

    /// <summary>The temp folder the Playground runs in; deleted on dispose.</summary>
    public string WorkingDirectory { get; private set; } = "";

    /// <summary>Everything it printed so far, for assertion messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>A client for <see cref="BaseUrl"/> (the Playground's internal routes).</summary>
    public HttpClient Http => _http ?? throw new InvalidOperationException("The Playground is not started.");

    public static async Task<PlaygroundProcess> StartAsync(PlaygroundSettings? settings = null, CancellationToken cancellationToken = default)
    {
        var playground = new PlaygroundProcess(settings);
        try
        {
            await playground.StartCoreAsync(cancellationToken);
            return playground;
        }
        catch
        {
            await playground.DisposeAsync();
            throw;
        }
    }

    public ValueTask InitializeAsync() => new(StartCoreAsync(CancellationToken.None));

    /// <summary>The mock tenant: bot, users, personal chat, group chats, teams (ids are random per run unless configured).</summary>
    public async Task<PlaygroundConfig> GetConfigAsync(CancellationToken cancellationToken = default)
    {
        var root = await Http.GetFromJsonAsync<JsonObject>(new Uri(BaseUrl, "/_internal/v1/testConfig"), cancellationToken)
            ?? throw new InvalidOperationException("The Playground returned no test config.");
        var config = root["config"]!;
        return new PlaygroundConfig(
            TenantId: (string)config["tenantId"]!,
            BotId: (string)config["bot"]!["id"]!,
            BotName: (string?)config["bot"]!["name"],
            CurrentUserId: (string)config["currentUser"]!["id"]!,
            UserIds: [.. config["users"]!.AsArray().Select(user => (string)user!["id"]!)],
            PersonalChatId: (string)config["personalChat"]!["id"]!,
            GroupChatIds: [.. (config["groupChats"]?.AsArray() ?? []).Select(chat => (string)chat!["id"]!)],
            Raw: root);
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        _http?.Dispose();
        if (_process is { } process)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                    await process.WaitForExitAsync(wait.Token);
                }
            }
            catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
            {
                // Already gone, or will be reaped with the test host.
            }

            process.Dispose();
        }

        if (WorkingDirectory.Length > 0)
        {
            try
            {
                Directory.Delete(WorkingDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A log file still being flushed: the temp folder is cleaned eventually.
            }
        }
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        var cli = RepoRoot.Combine("node_modules", "@microsoft", "m365agentsplayground", "cli.js");
        if (!File.Exists(cli))
        {
            throw new InvalidOperationException($"Agents Playground not installed at {cli}: run `npm ci` in {RepoRoot.Path}.");
        }

        WorkingDirectory = Directory.CreateTempSubdirectory("playground-").FullName;
        if (_settings.ConfigYaml is { } yaml)
        {
            await File.WriteAllTextAsync(Path.Combine(WorkingDirectory, ".m365agentsplayground.yml"), yaml, cancellationToken);
        }

        BotEndpoint = _settings.BotEndpoint ?? $"http://127.0.0.1:{FreePort()}/api/messages";
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[cli, "--port", (_settings.Port ?? FreePort()).ToString(CultureInfo.InvariantCulture), "--disable-telemetry"])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        start.Environment["BOT_ENDPOINT"] = BotEndpoint;
        foreach (var (key, value) in _settings.Environment)
        {
            start.Environment[key] = value;
        }

        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Collect(e.Data);
        _process.ErrorDataReceived += (_, e) => Collect(e.Data);
        _process.Exited += (_, _) => _listening.TrySetException(new InvalidOperationException($"The Playground exited early:\n{Output}"));
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_settings.StartTimeout);
        try
        {
            Port = await _listening.Task.WaitAsync(deadline.Token);
            _http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
            await WaitForPongAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The Playground did not answer within {_settings.StartTimeout}:\n{Output}");
        }
    }

    private async Task WaitForPongAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                if (await Http.GetStringAsync(new Uri(BaseUrl, "/_debug/ping"), cancellationToken) == "pong")
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Printed "Listening" a moment before accepting: try again.
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    private void Collect(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (ListeningLine().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture));
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"Listening on (\d+)")]
    private static partial Regex ListeningLine();
}

/// <summary>How to start the Playground.</summary>
public sealed record PlaygroundSettings
{
    /// <summary>Where it posts activities (BOT_ENDPOINT); default a loopback port nobody listens on.</summary>
    public string? BotEndpoint { get; init; }

    /// <summary>Contents of <c>.m365agentsplayground.yml</c> (mock tenant, users, chats); default its built-in tenant.</summary>
    public string? ConfigYaml { get; init; }

    /// <summary>Extra environment, e.g. <c>SEND_INSTALLATION_ACTIVITY=true</c>.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The port to ask for, e.g. to bring a stopped person's Playground back where the bot knows it; default a free one.</summary>
    public int? Port { get; init; }
}

/// <summary>The parts of <c>/_internal/v1/testConfig</c> tests usually need; <see cref="Raw"/> has the rest.</summary>
public sealed record PlaygroundConfig(
    string TenantId,
    string BotId,
    string? BotName,
    string CurrentUserId,
    IReadOnlyList<string> UserIds,
    string PersonalChatId,
    IReadOnlyList<string> GroupChatIds,
    JsonObject Raw);
