using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace PerijinanBot.Bot.Tests.Infrastructure;

/// <summary>The bot as an operator runs it: its own process, configured by environment variables.</summary>
public sealed partial class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output;

    private BotProcess(Process process, StringBuilder output, Uri baseAddress)
    {
        _process = process;
        _output = output;
        BaseAddress = baseAddress;
    }

    /// <summary><c>http://127.0.0.1:{port}/</c></summary>
    public Uri BaseAddress { get; }

    public Uri MessagesEndpoint => new(BaseAddress, "api/messages");

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

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the bot on a free loopback port and waits until it listens.</summary>
    public static Task<BotProcess> StartAsync(IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken) =>
        StartAsync(environment, 0, null, cancellationToken);

    /// <summary>
    /// Starts the bot on <paramref name="port"/> (0: a free one; a fixed one to start it again where its callers expect it)
    /// and waits until it listens. <paramref name="onLine"/> sees every line it writes.
    /// </summary>
    public static async Task<BotProcess> StartAsync(IReadOnlyDictionary<string, string> environment, int port, Action<string>? onLine, CancellationToken cancellationToken)
    {
        var output = new StringBuilder();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = Start(environment, output, line =>
        {
            onLine?.Invoke(line);
            if (NowListening().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups["url"].Value.TrimEnd('/') + "/"));
            }
        }, port);
        try
        {
            var address = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
            return new BotProcess(process, output, address);
        }
        catch (Exception)
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            lock (output)
            {
                throw new InvalidOperationException($"the bot did not start listening:\n{output}");
            }
        }
    }

    /// <summary>kill -9: SIGKILL (what <see cref="Process.Kill()"/> sends on Linux), no graceful stop, nothing flushed.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
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

    [GeneratedRegex(@"Now listening on: (?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex NowListening();

    private static Process Start(IReadOnlyDictionary<string, string> environment, StringBuilder output, Action<string>? onLine = null, int port = 0)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PerijinanBot.Bot.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        void OnData(object? _, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(e.Data);
            }

            onLine?.Invoke(e.Data);
        }

        process.OutputDataReceived += OnData;
        process.ErrorDataReceived += OnData;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Starts the bot and waits for it to exit by itself (as it must on bad configuration).</summary>
    public static async Task<(int ExitCode, string Output)> RunUntilExitAsync(
        IReadOnlyDictionary<string, string> environment, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var output = new StringBuilder();
        using var process = Start(environment, output);
        try
        {
            await process.WaitForExitAsync(cancellationToken).WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            lock (output)
            {
                throw new InvalidOperationException($"the bot kept running for {timeout} instead of refusing to start:\n{output}");
            }
        }

        process.WaitForExit(); // flush the redirected streams
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }
}
