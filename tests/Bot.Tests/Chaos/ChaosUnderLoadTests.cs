using PerijinanBot.Bench.Chaos;

namespace PerijinanBot.Bot.Tests.Chaos;

/// <summary>
/// Issue 17 item 4, the short run: 16 callers loop decisions on kegiatan of their own while the built bot is killed with
/// SIGKILL three times (started again on the same port each time) and Azurite, keeping its data on disk, is restarted once.
/// After the outbox drains, what storage and the connector hold must agree with what the callers were told. The harness is
/// the chaos bench's (bench/Chaos, linked in), so `dotnet run --project bench -- chaos` runs the same thing for longer.
/// </summary>
[NeedsAzurite]
public sealed class ChaosUnderLoadTests
{
    [Fact]
    public async Task With_the_bot_killed_three_times_and_Azurite_restarted_under_16_callers_no_decision_is_lost_or_doubled_and_no_card_notice_or_reminder_goes_missing()
    {
        var output = TestContext.Current.TestOutputHelper;
        var options = ChaosOptions.Test;

        var result = await ChaosRun.RunAsync(options, line => output?.WriteLine(line), TestContext.Current.CancellationToken);

        output?.WriteLine(result.Summary());
        Assert.True(result.Problems.Count == 0, "the chaos checks found:\n" + string.Join("\n", result.Problems.Take(40)) + "\n\n" + result.Summary());
        Assert.Equal(options.Kills, result.Kills);
        Assert.Equal(1, result.AzuriteRestarts);
        // The run must have been load, not a trickle: every caller decided several times, all of it checked.
        Assert.True(result.Decisions >= 3 * options.Callers, $"only {result.Decisions} decisions in {result.Load}");
        Assert.Equal(result.Decisions, result.Findings.DecisionsChecked);
        Assert.Equal(result.Started, result.Findings.Kegiatan);
        Assert.Equal(result.Started, result.Findings.RemindersChecked);
        Assert.True(result.Findings.SendsChecked >= result.Decisions, $"{result.Findings.SendsChecked} sends checked for {result.Decisions} decisions");
    }
}
