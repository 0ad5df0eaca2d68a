using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Bot.Tests.EndToEnd;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Sop;

namespace PerijinanBot.Bot.Tests.Browser;

/// <summary>
/// The step 2 card in a real client: the Ketua starts a kegiatan in his Playground, then headless Chromium opens the Anggota's
/// Playground, fills the step 2 card through its rendered controls, the jadwal with the card's own date and time pickers,
/// sends it, and the kegiatan moves to step 3 with the jadwal joined in WIB (tools/browser/jadwal-in-playground.mjs).
/// Screenshots land in .test-results/screenshots/jadwal/ for CI to keep. Without Chromium the test is skipped with the
/// reason, except in CI (<c>CI=true</c>), where it must run.
/// </summary>
[NeedsAzurite, NeedsPlayground, NeedsChromium]
public sealed class JadwalInBrowserTests
{
    [Fact]
    public async Task The_Anggota_picks_the_jadwal_with_the_date_and_time_pickers_of_the_step_2_card_and_the_kegiatan_moves_to_step_3()
    {
        var ct = TestContext.Current.CancellationToken;
        BrowserScript.RequireChromium();
        await using var office = await Office.OpenAsync(["KetuaTimKerja", "AnggotaTimKerja"], ct);
        var ketua = office["KetuaTimKerja"];
        var anggota = office["AnggotaTimKerja"];
        await PlaygroundWalk.OpenChatsAsync(ct, ketua, anggota);
        var number = await PlaygroundWalk.StartAsync(ketua, ct);
        await anggota.CardAsync(c => Dialogs.DialogCards.Action(c, "sop.submit", 2) is not null && Dialogs.DialogCards.Text(c).Contains(number, StringComparison.Ordinal), "Anggota: step 2 card");

        // A working day ahead of the bot's clock (the office week's Tuesday): the Tuesday after, at 10.00 WIB.
        var date = OfficeWeek.Date(8);
        var screenshots = RepoRoot.Combine(".test-results", "screenshots", "jadwal");
        if (Directory.Exists(screenshots))
        {
            Directory.Delete(screenshots, recursive: true);
        }

        var (exitCode, stdout, stderr) = await BrowserScript.RunAsync(
            [
                RepoRoot.Combine("tools", "browser", "jadwal-in-playground.mjs"),
                "--url", $"http://127.0.0.1:{anggota.Port.ToString(CultureInfo.InvariantCulture)}",
                "--out", screenshots, "--number", number, "--date", date, "--time", "10:00",
            ],
            ct);
        var diagnostics = $"exit {exitCode}\nstdout:\n{stdout}\nstderr:\n{stderr}\nbot:\n{BrowserScript.Tail(office.Bot.Output)}";

        var result = BrowserScript.LastJsonLine(stdout) ?? throw new Xunit.Sdk.XunitException($"the script printed no JSON result\n{diagnostics}");
        Assert.True(exitCode == 0 && (bool?)result["ok"] == true, $"the browser run failed: {(string?)result["error"]}\n{diagnostics}");
        foreach (var name in new[] { "01-step-2-card.png", "02-filled.png", "03-sent.png" })
        {
            Assert.True(new FileInfo(Path.Combine(screenshots, name)) is { Exists: true, Length: > 0 }, $"screenshot {name} missing\n{diagnostics}");
        }

        // What was picked in the browser is the jadwal the kegiatan holds, joined in WIB, and it waits at step 3 for the Ketua.
        var table = new TableClient(office.Azurite.ConnectionString, "Kegiatan");
        var row = (await table.GetEntityAsync<TableEntity>(number, "state", cancellationToken: ct)).Value;
        var kegiatan = JsonSerializer.Deserialize(EntityLimits.ReadChunked(row, "Json"), SopJsonContext.Default.Kegiatan)!;
        Assert.Equal(3, kegiatan.CurrentStep);
        Assert.Equal($"{date}T10:00:00+07:00", kegiatan.Value("jadwal"));
        Assert.Equal("Aula Dinas Koperasi UKM", kegiatan.Value("tempat"));
    }
}
