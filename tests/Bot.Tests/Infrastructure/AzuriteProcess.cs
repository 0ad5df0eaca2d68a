using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace PerijinanBot.Bot.Tests.Infrastructure;

/// <summary>
/// A real Azurite (the repo's pinned npm package) on free loopback ports, for one test class or assembly: in memory, or
/// on disk in a folder (<see cref="StartOnDiskAsync"/>), which <see cref="RestartAsync"/> starts again on the same ports so
/// that a connection string handed out before keeps working. Stop it to see how the bot behaves when storage is gone.
/// </summary>
public sealed partial class AzuriteProcess : IAsyncDisposable
{
    public const string AccountName = "devstoreaccount1";
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string? _location;
    private Process _process;

    private AzuriteProcess(Process process, int tablePort, int blobPort, string? location)
    {
        _process = process;
        TablePort = tablePort;
        BlobPort = blobPort;
        _location = location;
    }

    public int TablePort { get; }
    public int BlobPort { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    public bool IsRunning => !_process.HasExited;

    /// <summary>How many times <see cref="RestartAsync"/> brought it back.</summary>
    public int Restarts { get; private set; }

    public static async Task<AzuriteProcess> StartAsync(CancellationToken cancellationToken = default)
    {
        var (process, table, blob) = await LaunchAsync(0, 0, null, cancellationToken);
        return new AzuriteProcess(process, table, blob, null);
    }

    /// <summary>Azurite keeping its data in <paramref name="location"/> (<c>--location</c>), so that it survives a restart.</summary>
    public static async Task<AzuriteProcess> StartOnDiskAsync(string location, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(location);
        var (process, table, blob) = await LaunchAsync(0, 0, location, cancellationToken);
        return new AzuriteProcess(process, table, blob, location);
    }

    /// <summary>
    /// Stops Azurite as an operator does (SIGTERM: it closes its database files) and starts it again on the same ports from
    /// the same folder. Only for <see cref="StartOnDiskAsync"/>: an in-memory Azurite would come back empty.
    /// </summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        var location = _location ?? throw new InvalidOperationException("only an Azurite on disk can be restarted: in memory it would come back empty");
        await StopGracefullyAsync();
        _process.Dispose();
        // The ports were just freed; another process could take one meanwhile, so a few tries.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                (_process, _, _) = await LaunchAsync(TablePort, BlobPort, location, cancellationToken);
                Restarts++;
                return;
            }
            catch (InvalidOperationException) when (attempt < 5)
            {
                await Task.Delay(500, cancellationToken);
            }
        }
    }

    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    private async Task StopGracefullyAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        // .NET has no SIGTERM of its own (Process.Kill is SIGKILL): kill(1) sends it.
        using (var term = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", _process.Id.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false }))
        {
            await term!.WaitForExitAsync();
        }

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await _process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            await StopAsync();
        }
    }

    private static async Task<(Process Process, int TablePort, int BlobPort)> LaunchAsync(int tablePort, int blobPort, string? location, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var arg in new[]
        {
            RepoRoot.Combine("node_modules", "azurite", "dist", "src", "azurite.js"),
            "--blobHost", "127.0.0.1", "--blobPort", blobPort.ToString(CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", "0",
            "--tableHost", "127.0.0.1", "--tablePort", tablePort.ToString(CultureInfo.InvariantCulture),
            "--skipApiVersionCheck", "--disableTelemetry", "--silent",
        }.Concat(location is null ? ["--inMemoryPersistence"] : ["--location", location]))
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        int? table = null, blob = null;
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Text.StringBuilder();
        void OnLine(object? _, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(e.Data);
                var match = Listening().Match(e.Data);
                if (match.Success)
                {
                    var port = int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture);
                    if (match.Groups["service"].Value == "Table")
                    {
                        table = port;
                    }
                    else if (match.Groups["service"].Value == "Blob")
                    {
                        blob = port;
                    }

                    if (table is not null && blob is not null)
                    {
                        ready.TrySetResult();
                    }
                }
            }
        }

        process.OutputDataReceived += OnLine;
        process.ErrorDataReceived += OnLine;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            // A port still taken (a restart on the same ports) ends node at once: no need to wait the whole 30 s then.
            await Task.WhenAny(ready.Task, process.WaitForExitAsync(cancellationToken)).WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            if (!ready.Task.IsCompleted)
            {
                throw new InvalidOperationException("node exited");
            }
        }
        catch (Exception)
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            lock (output)
            {
                throw new InvalidOperationException($"Azurite did not start (is `npm ci` done?):\n{output}");
            }
        }

        return (process, table!.Value, blob!.Value);
    }

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at http://127\.0\.0\.1:(?<port>\d+)")]
    private static partial Regex Listening();
}
