using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using PerijinanBot.Bot.Tests.Infrastructure;

namespace PerijinanBot.Bot.Tests.Turns;

/// <summary>
/// Where a person's cards go (their own conversation reference) is set only from their own 1:1 chat: an activity naming
/// them from someone else's chat, from a second chat, or from a group moves nothing. Real host, real Azurite.
/// </summary>
[NeedsAzurite]
public sealed class PersonalReferenceTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string Ketua = ActivityFactory.KetuaAadObjectId;
    private const string Siti = "00000000-0000-4000-8000-000000000004";

    private readonly string _prefix = "ref" + Guid.NewGuid().ToString("N")[..8];
    private RecordingConnector _connector = null!;
    private BotFactory _bot = null!;
    private HttpClient _client = null!;
    private int _replies;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _connector = await RecordingConnector.StartAsync();
        _bot = new BotFactory(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = storage.ConnectionString,
            ["Storage:TableNamePrefix"] = _prefix,
        });
        _client = _bot.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task A_message_naming_the_Ketua_from_Sitis_chat_leaves_both_references_as_they_were()
    {
        await SayAsync("a:personal-ketua", Ketua);
        await SayAsync("a:personal-siti", Siti);

        await SayAsync("a:personal-siti", Ketua);

        Assert.Equal("a:personal-ketua", await PersonalChatOfAsync(Ketua));
        Assert.Equal("a:personal-siti", await PersonalChatOfAsync(Siti));
        Assert.Equal(Siti, await OwnerOfAsync("a:personal-siti"));
    }

    [Fact]
    public async Task A_message_naming_someone_never_seen_from_another_persons_chat_gives_them_no_reference()
    {
        await SayAsync("a:personal-siti", Siti);

        await SayAsync("a:personal-siti", Ketua);

        Assert.Null(await PersonalChatOfAsync(Ketua));
        Assert.Equal(Siti, await OwnerOfAsync("a:personal-siti"));
    }

    [Fact]
    public async Task A_message_from_a_second_personal_chat_does_not_move_the_persons_cards_there()
    {
        await SayAsync("a:personal-ketua", Ketua);

        await SayAsync("a:personal-elsewhere", Ketua);

        Assert.Equal("a:personal-ketua", await PersonalChatOfAsync(Ketua));
    }

    [Fact]
    public async Task Teams_installing_the_app_again_moves_the_person_to_the_new_chat()
    {
        await SayAsync("a:personal-ketua", Ketua);

        var added = ActivityFactory.Base("conversationUpdate", _connector.ServiceUrl, "a:personal-reinstalled", Ketua, new JsonObject
        {
            ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = ActivityFactory.BotId }),
        });
        await PostAndWaitForReplyAsync(added);

        Assert.Equal("a:personal-reinstalled", await PersonalChatOfAsync(Ketua));
    }

    [Fact]
    public async Task Someone_seen_only_in_a_group_has_no_personal_reference_only_the_address_to_open_one()
    {
        var group = ActivityFactory.Message(_connector.ServiceUrl, "bantuan", "19:group@thread.v2", Siti);
        group["conversation"]!["conversationType"] = "groupChat";
        group["conversation"]!["isGroup"] = true;
        await PostAndWaitForReplyAsync(group);

        Assert.Null(await PersonalChatOfAsync(Siti));
        var seen = await RowAsync("seen", Siti);
        Assert.NotNull(seen);
        Assert.Equal("29:" + Siti, seen.RootElement.GetProperty("userId").GetString());
    }

    private Task SayAsync(string conversationId, string aadObjectId) =>
        PostAndWaitForReplyAsync(ActivityFactory.Message(_connector.ServiceUrl, "bantuan", conversationId, aadObjectId));

    /// <summary>Posts and waits until the bot has answered: the turn, and the reference it records first, are done.</summary>
    private async Task PostAndWaitForReplyAsync(JsonObject activity)
    {
        using var response = await _client.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"), Ct);
        response.EnsureSuccessStatusCode();
        await _connector.WaitForCallsAsync(++_replies);
    }

    private async Task<string?> PersonalChatOfAsync(string aadObjectId) =>
        await RowAsync("user", aadObjectId) is { } row ? row.RootElement.GetProperty("conversationId").GetString() : null;

    private async Task<string?> OwnerOfAsync(string conversationId) =>
        await RowAsync("conversation", conversationId) is { } row ? row.RootElement.GetProperty("userAadObjectId").GetString() : null;

    private async Task<JsonDocument?> RowAsync(string partition, string rowKey)
    {
        var table = new TableClient(storage.ConnectionString, _prefix + "ConversationReferences");
        var row = await table.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, cancellationToken: Ct);
        return row.HasValue && row.Value!.GetString("Reference") is { } json ? JsonDocument.Parse(json) : null;
    }
}
