using System.Diagnostics;
using System.Reflection;

namespace PerijinanBot.Bot.Tests.Infra;

/// <summary>What the Bicep CLI said.</summary>
public sealed record BicepResult(int ExitCode, string StdOut, string StdErr)
{
    public string Output => $"exit {ExitCode}\n--- stdout ---\n{StdOut}\n--- stderr ---\n{StdErr}";
}

/// <summary>
/// The Bicep CLI from the NuGet package Azure.Bicep.CommandLine.linux-x64 (a PackageDownload of this project, so restore
/// brings it like any package): no download at test time, no Azure CLI.
/// </summary>
internal static class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static string Path =>
        typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPath").Value
        ?? throw new InvalidOperationException("the BicepPath assembly metadata is missing");

    public static async Task<BicepResult> RunAsync(IEnumerable<string> arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        var file = Path;
        if (!File.Exists(file))
        {
            throw new InvalidOperationException($"{file} is missing: restore tests/Bot.Tests (the package Azure.Bicep.CommandLine.linux-x64 brings it).");
        }

        // NuGet extracts the binary executable for its owner only; another user running the tests needs the bit too.
        if (!OperatingSystem.IsWindows() && !File.GetUnixFileMode(file).HasFlag(UnixFileMode.UserExecute | UnixFileMode.OtherExecute))
        {
            File.SetUnixFileMode(file, File.GetUnixFileMode(file) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No telemetry and no update check from a test run.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start");
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
            throw new TimeoutException($"bicep {string.Join(' ', start.ArgumentList)} did not finish within {Timeout.TotalSeconds} s");
        }

        return new BicepResult(process.ExitCode, await stdout, await stderr);
    }
}
