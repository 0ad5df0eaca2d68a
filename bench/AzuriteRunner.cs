using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PerijinanBot.Bench;

/// <summary>The repo's pinned Azurite, in memory, on free loopback ports (as the tests start it); killed on dispose.</summary>
internal sealed partial class AzuriteRunner : IAsyncDisposable
{
    private const string Account = "devstoreaccount1";
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;

    private AzuriteRunner(Process process, int tablePort, int blobPort, string version)
    {
        _process = process;
        TablePort = tablePort;
        BlobPort = blobPort;
        ConnectionString = ConnectionStringFor(tablePort, blobPort);
        Version = version;
    }

    public string ConnectionString { get; }

    public int TablePort { get; }

    public int BlobPort { get; }

    public string Version { get; }

    /// <summary>The account's connection string with its endpoints on these loopback ports (Azurite's, or a proxy's in front of it).</summary>
    public static string ConnectionStringFor(int tablePort, int blobPort) =>
        $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={Key};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/{Account};TableEndpoint=http://127.0.0.1:{tablePort}/{Account};";

    public static async Task<AzuriteRunner> StartAsync(string repoRoot, CancellationToken cancellationToken)
    {
        var package = Path.Combine(repoRoot, "node_modules", "azurite");
        var main = Path.Combine(package, "dist", "src", "azurite.js");
        if (!File.Exists(main))
        {
            throw new InvalidOperationException($"Azurite is not installed at {package}: run `npm ci` in {repoRoot}.");
        }

        var version = VersionField().Match(await File.ReadAllTextAsync(Path.Combine(package, "package.json"), cancellationToken)).Groups[1].Value;
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        // Port 0 everywhere: Azurite then prints the ports it got ("table-only" main.js prints 0 instead).
        string[] arguments =
        [
            main, "--blobHost", "127.0.0.1", "--blobPort", "0", "--queueHost", "127.0.0.1", "--queuePort", "0",
            "--tableHost", "127.0.0.1", "--tablePort", "0", "--inMemoryPersistence", "--skipApiVersionCheck", "--disableTelemetry", "--silent",
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        var output = new StringBuilder();
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var blobListening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(object? sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (Listening().Match(e.Data) is { Success: true } match)
            {
                listening.TrySetResult(int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture));
            }

            if (BlobListening().Match(e.Data) is { Success: true } blob)
            {
                blobListening.TrySetResult(int.Parse(blob.Groups[1].ValueSpan, CultureInfo.InvariantCulture));
            }
        }

        process.OutputDataReceived += OnLine;
        process.ErrorDataReceived += OnLine;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var port = await listening.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            var blobPort = await blobListening.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            return new AzuriteRunner(process, port, blobPort, version);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            lock (output)
            {
                throw new InvalidOperationException($"Azurite did not start:\n{output}", e);
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

    [GeneratedRegex(@"Table service is successfully listening at http://127\.0\.0\.1:(\d+)")]
    private static partial Regex Listening();

    [GeneratedRegex(@"Blob service is successfully listening at http://127\.0\.0\.1:(\d+)")]
    private static partial Regex BlobListening();

    [GeneratedRegex("\"version\":\\s*\"([^\"]+)\"")]
    private static partial Regex VersionField();
}
