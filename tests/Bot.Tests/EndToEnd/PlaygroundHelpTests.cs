using System.Net.Http.Json;
using PerijinanBot.Bot.Tests.Infrastructure;

namespace PerijinanBot.Bot.Tests.EndToEnd;

/// <summary>
/// The protocol seen working from the client's side: Azurite, the bot as its own process, and the Agents Playground
/// configured exactly as ./run.sh configures the Ketua Tim Kerja's tab.
/// </summary>
[NeedsAzurite, NeedsPlayground]
public sealed class PlaygroundHelpTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Typing_bantuan_in_the_Playground_shows_the_help_card_in_that_conversation()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var bot = await BotProcess.StartAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Storage__ConnectionString"] = storage.ConnectionString,
        }, ct);
        await using var playground = await PlaygroundProcess.StartAsync(new PlaygroundSettings
        {
            BotEndpoint = bot.MessagesEndpoint.ToString(),
            ConfigYaml = await PlaygroundConfigs.ForRoleAsync("KetuaTimKerja", ct),
        }, ct);
        await using var conversation = await PlaygroundConversation.OpenAsync(playground, ct);
        var config = await playground.GetConfigAsync(ct);

        using var sent = await playground.Http.PostAsJsonAsync(
            $"/_conversation/v1/conversations/{Uri.EscapeDataString(config.PersonalChatId)}/messages",
            new { from = new { id = config.CurrentUserId }, text = "bantuan", textFormat = "plain" }, ct);
        sent.EnsureSuccessStatusCode();

        var frame = await conversation.WaitForAsync(f => f.ToJsonString().Contains("application/vnd.microsoft.card.adaptive", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        var text = frame.ToJsonString();
        Assert.Contains(config.PersonalChatId, text, StringComparison.Ordinal);
        Assert.Contains("Halo, Rina Marlina. Peran Anda: Ketua Tim Kerja.", System.Text.RegularExpressions.Regex.Unescape(text), StringComparison.Ordinal);
    }
}
