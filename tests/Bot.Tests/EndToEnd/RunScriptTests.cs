using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using PerijinanBot.Bot.Tests.Infrastructure;

namespace PerijinanBot.Bot.Tests.EndToEnd;

/// <summary>
/// ./run.sh as a developer uses it: it brings up Azurite, the bot and four Playgrounds, each page opens in a real
/// browser as its person, /healthz follows storage, and Ctrl+C leaves nothing running. Ports are moved to free
/// ones so the test never collides with a developer's own ./run.sh.
/// </summary>
[NeedsAzurite, NeedsPlayground, NeedsChromium]
public sealed partial class RunScriptTests
{
    [Fact]
    public async Task Run_sh_brings_up_four_people_and_Ctrl_C_stops_everything()
    {
        var ct = TestContext.Current.CancellationToken;
        var runDir = Directory.CreateTempSubdirectory("run-sh-").FullName;
        var ports = new RunPorts(FreePort(), FreeConsecutivePorts(4), FreePort(), FreePort(), FreePort());
        // Through timeout (no time limit): a shell started by a process that ignores SIGINT (a background job, some test
        // hosts) inherits it ignored and could not trap Ctrl+C; timeout gives run.sh the default and passes the signal on.
        var start = new ProcessStartInfo("timeout") { WorkingDirectory = RepoRoot.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])["0", "bash", RepoRoot.Combine("run.sh")])
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["BOT_PORT"] = $"{ports.Bot}";
        start.Environment["PLAYGROUND_BASE_PORT"] = $"{ports.PlaygroundBase}";
        start.Environment["AZURITE_BLOB_PORT"] = $"{ports.Blob}";
        start.Environment["AZURITE_QUEUE_PORT"] = $"{ports.Queue}";
        start.Environment["AZURITE_TABLE_PORT"] = $"{ports.Table}";
        start.Environment["RUN_DIR"] = runDir;

        using var run = Process.Start(start)!;
        var output = new StringBuilder();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(object? _, DataReceivedEventArgs e)
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data?.Contains("Press Ctrl+C to stop everything", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        }

        run.OutputDataReceived += OnLine;
        run.ErrorDataReceived += OnLine;
        run.BeginOutputReadLine();
        run.BeginErrorReadLine();
        try
        {
            await Task.WhenAny(ready.Task, run.WaitForExitAsync(ct)).WaitAsync(TimeSpan.FromMinutes(4), ct);
            Assert.True(ready.Task.IsCompleted, $"run.sh did not come up:\n{Text(output)}\n{Logs(runDir)}");

            // The four people, each at their own Playground.
            var people = PersonLine().Matches(Text(output)).Select(m => (Label: m.Groups["label"].Value.Trim(), Name: m.Groups["name"].Value, Url: m.Groups["url"].Value)).ToList();
            Assert.Equal(["Ketua Tim Kerja", "Anggota Tim Kerja", "Kepala Bidang", "Kepala Dinas"], people.Select(p => p.Label));

            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ports.Bot}") };
            using (var healthy = await http.GetAsync("/healthz", ct))
            {
                Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
            }

            // Each page loads in Chromium and shows its own person as the signed-in user.
            var shots = RepoRoot.Combine(".test-results", "screenshots", "run-sh");
            var pages = await NodeAsync(["tools/browser/open-pages.mjs", "--out", shots, .. people.Select(p => $"{p.Url}/={p.Name}")], ct);
            Assert.True(pages.ExitCode == 0, $"pages did not load as their person:\n{pages.Output}");
            Assert.Equal(4, pages.Output.Split('\n').Count(l => l.Contains("\"ok\":true", StringComparison.Ordinal)));

            // Storage goes away: the bot stays up and says why it is unhealthy.
            StopAzurite(runDir);
            using (var unhealthy = await http.GetAsync("/healthz", ct))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, unhealthy.StatusCode);
                Assert.Contains("table storage", await unhealthy.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
            }

            // Ctrl+C: run.sh stops, and so does everything it started.
            Signal(run.Id, "INT");
            await run.WaitForExitAsync(ct).WaitAsync(TimeSpan.FromSeconds(30), ct);
            Assert.Contains("[run] stopped", Text(output), StringComparison.Ordinal);
            foreach (var port in ports.All)
            {
                Assert.False(IsListening(port), $"port {port} still answers after Ctrl+C:\n{Text(output)}");
            }
        }
        finally
        {
            if (!run.HasExited)
            {
                Signal(run.Id, "TERM");
                await run.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
            }

            Directory.Delete(runDir, recursive: true);
        }
    }

    private sealed record RunPorts(int Bot, int PlaygroundBase, int Blob, int Queue, int Table)
    {
        public IEnumerable<int> All => [Bot, Blob, Queue, Table, .. Enumerable.Range(PlaygroundBase, 4)];
    }

    [GeneratedRegex(@"^\s+(?<label>(Ketua|Anggota|Kepala)[A-Za-z ]+) \((?<name>[^)]+)\)\s+(?<url>http://127\.0\.0\.1:\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex PersonLine();

    private static string Logs(string runDir) =>
        string.Join("\n", Directory.Exists(Path.Combine(runDir, "logs"))
            ? Directory.GetFiles(Path.Combine(runDir, "logs"), "*.log").Select(f => $"--- {Path.GetFileName(f)}\n{File.ReadAllText(f)}")
            : []);

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static void StopAzurite(string runDir)
    {
        // Azurite runs with --location inside this run's folder: that names exactly this run's Azurite.
        using var pkill = Process.Start("pkill", ["-f", $"azurite.js --location {runDir}/azurite"])!;
        pkill.WaitForExit();
        Assert.Equal(0, pkill.ExitCode);
        for (var i = 0; i < 100 && Process.GetProcesses().Any(p => CommandLine(p).Contains($"{runDir}/azurite", StringComparison.Ordinal)); i++)
        {
            Thread.Sleep(100);
        }
    }

    private static string CommandLine(Process process)
    {
        try
        {
            return File.ReadAllText($"/proc/{process.Id}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static void Signal(int pid, string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", $"{pid}"])!;
        kill.WaitForExit();
    }

    private static async Task<(int ExitCode, string Output)> NodeAsync(string[] args, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = RepoRoot.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromMinutes(2), cancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A base port with the three after it free too (the Playgrounds take four in a row).</summary>
    private static int FreeConsecutivePorts(int count)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var candidate = Random.Shared.Next(20000, 30000);
            if (Enumerable.Range(candidate, count).All(p => !IsListening(p) && CanBind(p)))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("no run of free ports found");
    }

    private static bool CanBind(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
