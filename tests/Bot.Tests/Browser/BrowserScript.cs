using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PerijinanBot.Bot.Tests.Browser;

/// <summary>Runs a tools/browser script in headless Chromium and reads its one-line JSON result; shared by the browser tests.</summary>
internal static class BrowserScript
{
    /// <summary>The scripts stop themselves after 85 s; this is the backstop.</summary>
    public static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(100);

    /// <summary>Skips without Chromium, with the reason; in CI a missing Chromium is a failure, since CI must run this.</summary>
    public static void RequireChromium()
    {
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (File.Exists(chromium))
        {
            return;
        }

        var reason = $"Chromium not found at {chromium}: install the Debian package 'chromium' (apt-get install chromium) or set CHROMIUM_PATH to run the browser test.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"{reason} CI=true, where this test must run.");
        }

        Assert.Skip(reason);
    }

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Infrastructure.RepoRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).WaitAsync(Timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            return (-1, $"{await stdout}\n(killed after {Timeout})", await stderr);
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    public static JsonObject? LastJsonLine(string output)
    {
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Reverse())
        {
            if (line.StartsWith('{'))
            {
                try
                {
                    return JsonNode.Parse(line) as JsonObject;
                }
                catch (JsonException)
                {
                    // Not the result line.
                }
            }
        }

        return null;
    }

    public static string Tail(string text, int lines = 40)
    {
        var all = text.Split('\n');
        return new StringBuilder().AppendJoin('\n', all.Skip(Math.Max(0, all.Length - lines))).ToString();
    }
}
