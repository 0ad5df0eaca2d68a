using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Sop;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Bot.Tests.Browser;

/// <summary>
/// The step 1 card in a real client: headless Chromium (the Debian package) opens the Ketua Tim Kerja's Agents
/// Playground, types <c>mulai</c>, fills the card through its rendered controls, submits it and sees the confirmation
/// (tools/browser/mulai-in-playground.mjs). Screenshots land in .test-results/screenshots/mulai/ for CI to keep.
/// Without Chromium the test is skipped with the reason, except in CI (<c>CI=true</c>), where it must run.
/// </summary>
[NeedsAzurite, NeedsPlayground, NeedsChromium]
public sealed partial class MulaiInBrowserTests
{
    /// <summary>The script stops itself after 85 s; this is the backstop.</summary>
    private static TimeSpan ScriptTimeout { get; } = TimeSpan.FromSeconds(100);

    [Fact]
    public async Task Typing_mulai_filling_the_step_1_card_and_submitting_it_in_the_Playground_shows_the_kegiatan_number()
    {
        var ct = TestContext.Current.CancellationToken;
        RequireChromium();

        await using var azurite = await AzuriteProcess.StartAsync(ct);
        await using var bot = await BotProcess.StartAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Storage__ConnectionString"] = azurite.ConnectionString,
        }, ct);
        await using var playground = await PlaygroundProcess.StartAsync(new PlaygroundSettings
        {
            BotEndpoint = bot.MessagesEndpoint.ToString(),
            ConfigYaml = await PlaygroundConfigs.ForRoleAsync("KetuaTimKerja", ct),
        }, ct);

        var screenshots = RepoRoot.Combine(".test-results", "screenshots", "mulai");
        if (Directory.Exists(screenshots))
        {
            Directory.Delete(screenshots, recursive: true);
        }

        var (exitCode, stdout, stderr) = await RunScriptAsync(
            [RepoRoot.Combine("tools", "browser", "mulai-in-playground.mjs"), "--url", $"http://127.0.0.1:{playground.Port.ToString(CultureInfo.InvariantCulture)}", "--out", screenshots], ct);
        var diagnostics = $"exit {exitCode}\nstdout:\n{stdout}\nstderr:\n{stderr}\nbot:\n{Tail(bot.Output)}\nplayground:\n{Tail(playground.Output)}";

        var result = LastJsonLine(stdout) ?? throw new Xunit.Sdk.XunitException($"the script printed no JSON result\n{diagnostics}");
        Assert.True(exitCode == 0 && (bool?)result["ok"] == true, $"the browser run failed: {(string?)result["error"]}\n{diagnostics}");
        var number = (string?)result["number"] ?? "";
        Assert.Matches(NumberPattern(), number);
        foreach (var name in new[] { "01-start-card.png", "02-filled.png", "03-confirmation.png" })
        {
            Assert.True(new FileInfo(Path.Combine(screenshots, name)) is { Exists: true, Length: > 0 }, $"screenshot {name} missing\n{diagnostics}");
        }

        // What was typed and picked in the browser is what the kegiatan holds, and it waits at step 2 for Budi.
        var table = new TableClient(azurite.ConnectionString, "Kegiatan");
        var row = (await table.GetEntityAsync<TableEntity>(number, "state", cancellationToken: ct)).Value;
        var kegiatan = JsonSerializer.Deserialize(EntityLimits.ReadChunked(row, "Json"), SopJsonContext.Default.Kegiatan)!;
        Assert.Equal(number, kegiatan.Number);
        Assert.Equal(KegiatanStatus.Open, kegiatan.Status);
        Assert.Equal(2, kegiatan.CurrentStep);
        Assert.Equal("Rina Marlina", kegiatan.Starter.Name);
        Assert.Equal("Budi Santoso", kegiatan.AssignedAtStart["anggota"].Name);
        Assert.Equal("IUSP", kegiatan.Value("jenisFasilitasi"));
        Assert.Equal("Kota Pontianak", kegiatan.Value("kabupatenKota"));
        Assert.Equal("Fasilitasi Izin Usaha Simpan Pinjam KSP Maju Bersama", kegiatan.Value("judul"));
        Assert.Equal("KSP Maju Bersama", kegiatan.Value("koperasi"));
    }

    /// <summary>Skips without Chromium, with the reason; in CI a missing Chromium is a failure, since CI must run this.</summary>
    private static void RequireChromium()
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

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunScriptAsync(string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoRoot.Path,
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
            await process.WaitForExitAsync(cancellationToken).WaitAsync(ScriptTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            return (-1, $"{await stdout}\n(killed after {ScriptTimeout})", await stderr);
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    private static JsonObject? LastJsonLine(string output)
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

    private static string Tail(string text, int lines = 40)
    {
        var all = text.Split('\n');
        return new StringBuilder().AppendJoin('\n', all.Skip(Math.Max(0, all.Length - lines))).ToString();
    }

    [GeneratedRegex(@"^FAS-\d{4}-\d{4}$")]
    private static partial Regex NumberPattern();
}
