using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using PerijinanBot.Bot.Tests.Infrastructure;

namespace PerijinanBot.Dialogs.Tests.Cards;

/// <summary>Golden files and the official Adaptive Cards parser, for every card the bot sends.</summary>
internal static class CardAssert
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The card equals its checked-in golden file. Set UPDATE_GOLDEN=1 to rewrite the files after an intended
    /// change, then review the diff like code.
    /// </summary>
    public static void MatchesGolden(JsonObject card, string name)
    {
        var path = RepoRoot.Combine("tests", "Dialogs.Tests", "Cards", "Golden", name + ".json");
        var actual = card.ToJsonString(Indented) + "\n";
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"golden file {path} is missing; run the tests once with UPDATE_GOLDEN=1 and review it");
        Assert.Equal(File.ReadAllText(path), actual);
    }

    /// <summary>The Adaptive Cards client library parses the card without a single complaint, and it fits the size budget.</summary>
    public static void IsValidAdaptiveCard(JsonObject card)
    {
        var json = card.ToJsonString();
        Assert.True(json.Length < 28 * 1024, $"card is {json.Length} bytes, over the 28 KB budget");
        Assert.Equal("1.5", (string?)card["version"]);

        var file = Path.Combine(Path.GetTempPath(), $"card-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, json);
        try
        {
            var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoRoot.Path };
            start.ArgumentList.Add(RepoRoot.Combine("tools", "cards", "validate-card.mjs"));
            start.ArgumentList.Add(file);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "card validator timed out");
            Assert.True(process.ExitCode == 0, $"Adaptive Cards parser rejected the card: {stdout.Result}{stderr.Result}");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
