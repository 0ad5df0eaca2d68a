using System.Globalization;
using System.Text.Json;
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
    [Fact]
    public async Task Typing_mulai_filling_the_step_1_card_and_submitting_it_in_the_Playground_shows_the_kegiatan_number()
    {
        var ct = TestContext.Current.CancellationToken;
        BrowserScript.RequireChromium();

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

        var (exitCode, stdout, stderr) = await BrowserScript.RunAsync(
            [RepoRoot.Combine("tools", "browser", "mulai-in-playground.mjs"), "--url", $"http://127.0.0.1:{playground.Port.ToString(CultureInfo.InvariantCulture)}", "--out", screenshots], ct);
        var diagnostics = $"exit {exitCode}\nstdout:\n{stdout}\nstderr:\n{stderr}\nbot:\n{BrowserScript.Tail(bot.Output)}\nplayground:\n{BrowserScript.Tail(playground.Output)}";

        var result = BrowserScript.LastJsonLine(stdout) ?? throw new Xunit.Sdk.XunitException($"the script printed no JSON result\n{diagnostics}");
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
        Assert.Equal("KSP Maju Bersama", PerijinanBot.Sop.Engine.KegiatanKoperasi.Names(kegiatan));
    }

    [GeneratedRegex(@"^FAS-\d{4}-\d{4}$")]
    private static partial Regex NumberPattern();
}
