using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace PerijinanBot.Bench.Http;

/// <summary>
/// The built bot (the Release build of src/Bot, copied beside the bench by its project reference) as its own process, as
/// an operator runs it: configured by environment variables, listening on a free loopback port. Measures the time from
/// process start to the first 200 of /health/ready, and reads the process's peak resident set from /proc.
/// </summary>
internal sealed partial class BotHost : IAsyncDisposable
{
    private const int KeptLines = 200;

    private readonly Process _process;
    private readonly Queue<string> _tail = new();
    private readonly List<string> _firstProblems = [];
    private bool _inProblem;
    private int _warnings;
    private int _errors;

    private BotHost(Process process) => _process = process;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public TimeSpan ReadyAfter { get; private set; }

    public int Pid => _process.Id;

    /// <summary>Log lines the bot wrote at Warning ("warn:") and Error or above ("fail:", "crit:").</summary>
    public (int Warnings, int Errors) LogLevels => (Volatile.Read(ref _warnings), Volatile.Read(ref _errors));

    /// <summary>The first warnings and errors the bot logged, with the line after each (the console logger's message line).</summary>
    public IReadOnlyList<string> FirstProblems
    {
        get
        {
            lock (_tail)
            {
                return [.. _firstProblems];
            }
        }
    }

    public string Tail
    {
        get
        {
            lock (_tail)
            {
                return string.Join('\n', _tail);
            }
        }
    }

    public static async Task<BotHost> StartAsync(IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var directory = AppContext.BaseDirectory;
        var dll = Path.Combine(directory, "PerijinanBot.Bot.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"The built bot is not at {dll}: run the bench with `dotnet run -c Release --project bench -- http`.");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory, // the content root: appsettings.Development.json (the Development directory people) sits here
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = Stopwatch.GetTimestamp();
        var host = new BotHost(Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet"));
        void OnLine(object? sender, DataReceivedEventArgs e)
        {
            if (e.Data is not { } line)
            {
                return;
            }

            host.Keep(line);
            if (NowListening().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value.TrimEnd('/') + "/"));
            }
        }

        host._process.OutputDataReceived += OnLine;
        host._process.ErrorDataReceived += OnLine;
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        try
        {
            host.BaseAddress = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
            using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
            while (true)
            {
                using (var response = await http.GetAsync("health/ready", cancellationToken))
                {
                    if (response.IsSuccessStatusCode)
                    {
                        host.ReadyAfter = Stopwatch.GetElapsedTime(started);
                        return host;
                    }
                }

                if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(60) || host._process.HasExited)
                {
                    throw new TimeoutException("/health/ready did not answer 200 within 60 s");
                }

                await Task.Delay(10, cancellationToken);
            }
        }
        catch (Exception e) when (e is TimeoutException or HttpRequestException)
        {
            var tail = host.Tail;
            await host.DisposeAsync();
            throw new InvalidOperationException($"the bot did not become ready: {e.Message}\n{tail}", e);
        }
    }

    /// <summary>Resets the kernel's peak-RSS mark (clear_refs 5, Linux 4.0+), so the next reading is this level's peak; false if refused.</summary>
    public bool ResetPeakRss()
    {
        try
        {
            File.WriteAllText($"/proc/{Pid}/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>VmHWM: the peak resident set size of the bot process, in MiB.</summary>
    public double PeakRssMb()
    {
        var line = File.ReadLines($"/proc/{Pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("no VmHWM in /proc/<pid>/status");
        return long.Parse(line["VmHWM:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture) / 1024.0;
    }

    public void ThrowIfExited()
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"the bot exited with code {_process.ExitCode}:\n{Tail}");
        }
    }

    private void Keep(string line)
    {
        var warning = line.StartsWith("warn:", StringComparison.Ordinal);
        var error = line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal);
        if (warning)
        {
            Interlocked.Increment(ref _warnings);
        }
        else if (error)
        {
            Interlocked.Increment(ref _errors);
        }

        lock (_tail)
        {
            if ((warning || error || _inProblem) && _firstProblems.Count < 20)
            {
                _firstProblems.Add(line);
            }

            _inProblem = warning || error;
            _tail.Enqueue(line);
            if (_tail.Count > KeptLines)
            {
                _tail.Dequeue();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex NowListening();
}
