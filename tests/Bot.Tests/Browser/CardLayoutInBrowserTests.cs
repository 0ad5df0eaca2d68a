using System.Globalization;
using System.Text.Json.Nodes;
using PerijinanBot.Bot.Tests.Infrastructure;

namespace PerijinanBot.Bot.Tests.Browser;

/// <summary>
/// Every golden card (tests/Dialogs.Tests/Cards/Golden) as a person sees it in Teams: rendered by the official Adaptive
/// Cards renderer in headless Chromium with a Teams-like host config (tools/browser/render-cards.mjs,
/// tools/cards/teams-host-config.json), on a 360 px phone and a 1000 px desktop, in one run. Screenshots land in
/// .test-results/cards/ for CI to keep. Without Chromium the test is skipped with the reason, except in CI (<c>CI=true</c>).
/// </summary>
[NeedsChromium, NeedsNode]
public sealed class CardLayoutInBrowserTests
{
    private const int Phone = 360;
    private const int Desktop = 1000;

    /// <summary>About two phone screens: a step card's inputs and its primary button must end above this, from the card's top.</summary>
    private const int StepCardActionLimit = 1600;

    [Fact]
    public async Task No_card_scrolls_sideways_no_button_title_is_cut_on_a_phone_and_every_step_card_s_inputs_and_button_come_within_1600_px()
    {
        var ct = TestContext.Current.CancellationToken;
        BrowserScript.RequireChromium();
        var golden = RepoRoot.Combine("tests", "Dialogs.Tests", "Cards", "Golden");
        var screenshots = RepoRoot.Combine(".test-results", "cards");
        if (Directory.Exists(screenshots))
        {
            Directory.Delete(screenshots, recursive: true);
        }

        var (exitCode, stdout, stderr) = await BrowserScript.RunAsync(
            [RepoRoot.Combine("tools", "browser", "render-cards.mjs"), "--cards", golden, "--out", screenshots, "--widths", $"{Phone},{Desktop}"], ct);
        var diagnostics = $"exit {exitCode}\nstdout:\n{BrowserScript.Tail(stdout, 80)}\nstderr:\n{stderr}";
        var result = BrowserScript.LastJsonLine(stdout) ?? throw new Xunit.Sdk.XunitException($"the script printed no JSON result\n{diagnostics}");
        Assert.True(exitCode == 0 && (bool?)result["ok"] == true, $"the browser run failed: {(string?)result["error"]}\n{diagnostics}");

        // Every golden card was rendered at both widths, with its screenshots.
        var cards = Figures(stdout);
        var names = Directory.EnumerateFiles(golden, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList();
        Assert.True(names.Count >= 40, $"only {names.Count} golden cards in {golden}");
        Assert.Equal(names, cards.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, width) in names.SelectMany(n => new[] { (n, Phone), (n, Desktop) }))
        {
            Assert.True(new FileInfo(Path.Combine(screenshots, $"{name}-{width}.png")) is { Exists: true, Length: > 0 }, $"screenshot {name}-{width}.png missing\n{diagnostics}");
        }

        var problems = new List<string>();
        foreach (var (name, card) in cards)
        {
            foreach (var width in new[] { Phone, Desktop })
            {
                var shown = At(card, width);
                foreach (var (state, figures) in new[] { ("as sent", shown), ("with every section open", shown["expanded"]!.AsObject()) })
                {
                    if ((int)figures["overflowX"]! > 0)
                    {
                        problems.Add($"{name} at {width} px {state} scrolls sideways by {(int)figures["overflowX"]!} px: {figures["wide"]!.ToJsonString()}");
                    }

                    if (width == Phone && figures["truncated"]!.AsArray().Count > 0)
                    {
                        problems.Add($"{name} at {width} px {state} cuts button titles: {figures["truncated"]!.ToJsonString()}");
                    }
                }
            }
        }

        // A step card leads with the inputs and the button that sends them: both end within about two phone screens.
        var stepCards = cards.Where(c => (bool)c.Value["step"]!).ToList();
        Assert.True(stepCards.Count >= 10, $"only {stepCards.Count} step cards rendered");
        foreach (var (name, card) in stepCards)
        {
            var json = File.ReadAllText(Path.Combine(golden, name + ".json"));
            var phone = At(card, Phone);
            foreach (var (what, figure, expected) in new[]
            {
                ("last input", phone["lastInputBottom"], json.Contains("\"Input.", StringComparison.Ordinal)),
                ($"primary button “{(string?)phone["primaryTitle"]}”", phone["primaryBottom"], json.Contains("\"Action.Execute\"", StringComparison.Ordinal)),
            })
            {
                if (expected && figure is null)
                {
                    problems.Add($"{name}: the {what} was not found in the rendered card");
                }
                else if (figure is not null && (int)figure > StepCardActionLimit)
                {
                    problems.Add($"{name} at {Phone} px: the {what} ends {(int)figure} px from the top (limit {StepCardActionLimit})");
                }
            }
        }

        Assert.True(problems.Count == 0, $"{problems.Count} layout problems:\n{string.Join('\n', problems)}\nscreenshots: {screenshots}");
    }

    private static JsonObject At(JsonObject card, int width) =>
        card[width.ToString(CultureInfo.InvariantCulture)]?.AsObject() ?? throw new Xunit.Sdk.XunitException($"{(string?)card["card"]}: no figures at {width} px");

    /// <summary>The script's per-card lines, by card name.</summary>
    private static Dictionary<string, JsonObject> Figures(string stdout) =>
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith('{'))
            .Select(line => JsonNode.Parse(line)!.AsObject())
            .Where(line => line["card"] is not null)
            .ToDictionary(card => (string)card["card"]!, StringComparer.Ordinal);
}
