using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Bot.Turns;
using PerijinanBot.Dialogs.Commands;

namespace PerijinanBot.Bot.Tests.Turns;

/// <summary>
/// The one read rule: someone not in the directory gets the "belum terdaftar" card from every command and every card
/// verb that shows or changes a kegiatan, and only help, the SOP and the hint for unknown text answer them otherwise.
/// Real host, real Azurite, the router's own table of commands and verbs (a new one is covered the day it is added).
/// </summary>
[NeedsAzurite]
public sealed class ReadRuleTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string Stranger = "00000000-0000-4000-8000-0000000000ff";
    private static readonly CommandKind[] ForAnyone = [CommandKind.Help, CommandKind.Sop, CommandKind.Unknown];

    private RecordingConnector _connector = null!;
    private BotFactory _bot = null!;
    private HttpClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _connector = await RecordingConnector.StartAsync();
        _bot = new BotFactory(new Dictionary<string, string?> { ["Storage:ConnectionString"] = storage.ConnectionString });
        _client = _bot.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    public static TheoryData<string> GuardedCommands() =>
        [.. CommandCatalog.All.Where(c => !ForAnyone.Contains(c.Kind)).Select(c => c.Word)];

    [Theory]
    [MemberData(nameof(GuardedCommands))]
    public async Task A_stranger_typing_a_command_gets_the_belum_terdaftar_card(string word)
    {
        using var response = await PostAsync(ActivityFactory.Message(_connector.ServiceUrl, word + " FAS-2026-0001", "a:personal-stranger", Stranger));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(await _connector.WaitForCallsAsync(1));
        Assert.Equal("Anda belum terdaftar", TitleOf(call.Body!["attachments"]![0]!["content"]!));
    }

    [Fact]
    public async Task Every_card_verb_answers_a_stranger_with_the_belum_terdaftar_card()
    {
        var verbs = _bot.Services.GetRequiredService<TurnRouter>().Verbs;
        Assert.NotEmpty(verbs);
        foreach (var verb in verbs)
        {
            var value = new JsonObject
            {
                ["action"] = new JsonObject
                {
                    ["type"] = "Action.Execute",
                    ["verb"] = verb,
                    ["data"] = new JsonObject { ["kegiatan"] = "FAS-2026-0001", ["step"] = 2, ["version"] = 1 },
                },
                ["trigger"] = "manual",
            };
            using var response = await PostAsync(ActivityFactory.Invoke(_connector.ServiceUrl, "adaptiveCard/action", value, "a:personal-stranger", Stranger));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
            Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
            Assert.True(TitleOf(body["value"]!) == "Anda belum terdaftar", $"verb {verb}: {body.ToJsonString()}");
        }
    }

    [Theory]
    [InlineData("bantuan")]
    [InlineData("sop")]
    public async Task Help_and_the_SOP_still_answer_a_stranger(string word)
    {
        using var response = await PostAsync(ActivityFactory.Message(_connector.ServiceUrl, word, "a:personal-stranger", Stranger));

        var call = Assert.Single(await _connector.WaitForCallsAsync(1));
        Assert.NotEqual("Anda belum terdaftar", TitleOf(call.Body!["attachments"]![0]!["content"]!));
    }

    private Task<HttpResponseMessage> PostAsync(JsonNode activity) =>
        _client.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"), Ct);

    private static string? TitleOf(JsonNode card) => (string?)card["body"]?[0]?["text"];
}
