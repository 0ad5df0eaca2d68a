using System.ComponentModel;
using System.Diagnostics;
using PerijinanBot.Bot.Tests.Infrastructure;

namespace PerijinanBot.Bot.Tests.Manifest;

/// <summary>What a finished node process said.</summary>
public sealed record NodeResult(int ExitCode, string StdOut, string StdErr)
{
    public string Output => $"exit {ExitCode}\n--- stdout ---\n{StdOut}\n--- stderr ---\n{StdErr}";
}

/// <summary>Runs the scripts in tools/manifest with node, the way a developer or the pipeline would.</summary>
internal static class NodeScript
{
    /// <summary>The variables package.mjs reads; cleared first so the developer's own shell cannot leak into a test.</summary>
    public static readonly IReadOnlyList<string> PackageVariables = ["TEAMS_APP_ID", "BOT_ID", "BOT_DOMAIN", "APP_VERSION"];

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Preloaded into every run: any socket or fetch throws, so a test passes only if the scripts
    /// really work offline (schemas from the bundled copy, never downloaded).
    /// </summary>
    private const string OfflineGuard =
        "--import=data:text/javascript,import net from 'node:net'; " +
        "const offline = () => { throw new Error('network access is disabled in the manifest tests'); }; " +
        "net.Socket.prototype.connect = offline; globalThis.fetch = offline;";

    public static async Task<NodeResult> RunAsync(
        string script,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(OfflineGuard);
        start.ArgumentList.Add(RepoRoot.Combine("tools", "manifest", script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in PackageVariables)
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException("node (>= 20) must be on PATH and `npm ci` run at the repo root for the manifest tests.", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"node {script} did not finish within {Timeout.TotalSeconds} s");
            }

            return new NodeResult(process.ExitCode, await stdout, await stderr);
        }
    }
}
