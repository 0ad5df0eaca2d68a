using System.Globalization;
using System.Text;

namespace PerijinanBot.Bot.Tests.Hostile;

/// <summary>The suite's figures: how many inputs of each kind, how each was answered, whether storage stayed the same.
/// Written to <c>.test-results/hostile-inputs.txt</c>, which <c>./test.sh</c> prints at the end of its run.</summary>
internal static class HostileFigures
{
    public static string Write(IReadOnlyList<(HostileCase Case, Answer Got, bool Clear)> results, bool storageUnchanged)
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"Hostile inputs: {results.Count} tried, {results.Count(r => r.Clear)} answered clearly, {results.Count(r => !r.Clear)} not; storage {(storageUnchanged ? "unchanged" : "CHANGED")}.");
        text.AppendLine(inv, $"  answers: {Count(results, Answer.Refused)} refused with a 4xx, {Count(results, Answer.RefusalCard)} refusal cards, {Count(results, Answer.Reply)} answered in the chat, {Count(results, Answer.Dropped)} let go (200, nothing done); 0 server errors allowed.");
        foreach (var group in results.GroupBy(r => r.Case.Category))
        {
            text.AppendLine(inv, $"  {group.Key,-40} {group.Count(),4}");
        }

        var report = text.ToString();
        var directory = Path.Combine(Infrastructure.RepoRoot.Path, ".test-results");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "hostile-inputs.txt"), report);
        return report;
    }

    private static int Count(IReadOnlyList<(HostileCase Case, Answer Got, bool Clear)> results, Answer answer) =>
        results.Count(r => r.Clear && r.Got == answer);
}
