using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Dialogs;

namespace PerijinanBot.Bot.Tests.Turns;

/// <summary>POST /api/messages through the real pipeline, auth off (Development, no app id), real Azurite.</summary>
[NeedsAzurite]
public sealed class MessagesEndpointTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
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

    private Task<HttpResponseMessage> PostAsync(JsonNode activity) =>
        _client.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"), Ct);

    [Fact]
    public async Task Bantuan_is_answered_with_the_help_card_in_the_same_conversation()
    {
        var message = ActivityFactory.Message(_connector.ServiceUrl, "bantuan");
        using var response = await PostAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(await _connector.WaitForCallsAsync(1));
        Assert.Equal("POST", call.Method);
        Assert.Equal($"/connector/v3/conversations/a%3Apersonal-ketua/activities/{message["id"]}", call.Path);
        var attachment = call.Body!["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
        Assert.Contains("Halo, Rina Marlina. Peran Anda: Ketua Tim Kerja.", attachment["content"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("a:personal-ketua", (string?)call.Body["conversation"]!["id"]);
        Assert.Equal(ActivityFactory.BotId, (string?)call.Body["from"]!["id"]);
    }

    [Fact]
    public async Task A_button_that_submits_a_command_runs_it()
    {
        var submit = ActivityFactory.Message(_connector.ServiceUrl, "");
        submit["value"] = new JsonObject { ["command"] = "peran" };
        using var response = await PostAsync(submit);

        var call = Assert.Single(await _connector.WaitForCallsAsync(1));
        var card = call.Body!["attachments"]![0]!["content"]!.ToJsonString();
        Assert.Contains("Pemegang peran", card, StringComparison.Ordinal);
        Assert.Contains("Siti Aminah", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_text_gets_a_short_hint_not_silence()
    {
        using var response = await PostAsync(ActivityFactory.Message(_connector.ServiceUrl, "selamat pagi"));

        var call = Assert.Single(await _connector.WaitForCallsAsync(1));
        Assert.Equal(Texts.UnknownCommand("selamat pagi"), (string?)call.Body!["text"]);
    }

    [Fact]
    public async Task Installing_the_bot_welcomes_the_person_with_their_role_once()
    {
        var added = ActivityFactory.Base("conversationUpdate", _connector.ServiceUrl, "a:personal-ketua", ActivityFactory.KetuaAadObjectId, new JsonObject
        {
            ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = ActivityFactory.BotId }),
        });
        var installed = ActivityFactory.Base("installationUpdate", _connector.ServiceUrl, "a:personal-ketua", ActivityFactory.KetuaAadObjectId, new JsonObject
        {
            ["action"] = "add",
        });

        using var first = await PostAsync(installed);
        using var second = await PostAsync(added);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var call = Assert.Single(await _connector.WaitForCallsAsync(1));
        var card = call.Body!["attachments"]![0]!["content"]!;
        Assert.Equal("Selamat datang di PerijinanBot", (string?)card["body"]![0]!["text"]);
        Assert.Contains(card["body"]!.AsArray(), b => (string?)b!["text"] == "Halo, Rina Marlina. Peran Anda: Ketua Tim Kerja.");
        await AssertNothingElseWasSentAsync(expectedBefore: 1);
    }

    [Fact]
    public async Task Someone_else_joining_a_chat_is_not_welcomed()
    {
        var joined = ActivityFactory.Base("conversationUpdate", _connector.ServiceUrl, "a:personal-ketua", ActivityFactory.KetuaAadObjectId, new JsonObject
        {
            ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "29:someone-else" }),
        });

        using var response = await PostAsync(joined);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertNothingElseWasSentAsync();
    }

    [Fact]
    public async Task Malformed_json_is_400_and_nothing_is_sent()
    {
        using var response = await _client.PostAsync("/api/messages", new StringContent("{\"type\": \"message\", ", Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNothingElseWasSentAsync();
    }

    [Fact]
    public async Task An_activity_without_a_type_is_400()
    {
        using var response = await PostAsync(new JsonObject { ["text"] = "bantuan" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_256_KB_is_413_and_nothing_is_sent()
    {
        using var response = await PostAsync(ActivityFactory.Message(_connector.ServiceUrl, new string('x', 257 * 1024)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertNothingElseWasSentAsync();
    }

    [Fact]
    public async Task Unknown_activity_types_are_acknowledged_and_ignored()
    {
        var odd = ActivityFactory.Base("somethingNew", _connector.ServiceUrl, "a:personal-ketua", ActivityFactory.KetuaAadObjectId, []);
        using var response = await PostAsync(odd);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertNothingElseWasSentAsync();
    }

    [Fact]
    public async Task An_invoke_nobody_handles_is_400_NotSupported_not_a_server_error()
    {
        using var response = await PostAsync(ActivityFactory.Invoke(_connector.ServiceUrl, "composeExtension/query", new JsonObject()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("NotSupported", body.RootElement.GetProperty("value").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_button_the_bot_does_not_know_gets_a_card_saying_so()
    {
        var value = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "tombol.lama", ["data"] = new JsonObject() } };
        using var response = await PostAsync(ActivityFactory.Invoke(_connector.ServiceUrl, "adaptiveCard/action", value));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal("Tombol tidak dikenal", (string?)body["value"]!["body"]![0]!["text"]);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData(null)]
    public async Task A_body_that_is_not_JSON_by_its_content_type_is_415(string? contentType)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(ActivityFactory.Message(_connector.ServiceUrl, "bantuan").ToJsonString()));
        if (contentType is not null)
        {
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }

        using var response = await _client.PostAsync("/api/messages", content, Ct);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await AssertNothingElseWasSentAsync();
    }

    [Fact]
    public async Task A_card_action_without_an_action_is_400_with_the_universal_actions_error_body()
    {
        using var response = await PostAsync(ActivityFactory.Invoke(_connector.ServiceUrl, "adaptiveCard/action", new JsonObject { ["trigger"] = "manual" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(400, body.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.error", body.RootElement.GetProperty("type").GetString());
        Assert.Equal("BadRequest", body.RootElement.GetProperty("value").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_card_action_that_is_not_Action_Execute_is_400_NotSupported()
    {
        var value = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Submit", ["verb"] = "x" } };
        using var response = await PostAsync(ActivityFactory.Invoke(_connector.ServiceUrl, "adaptiveCard/action", value));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("NotSupported", body.RootElement.GetProperty("value").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_failing_turn_tells_the_person_in_neutral_Indonesian_without_details()
    {
        _connector.AnswerNext(400);
        using var response = await PostAsync(ActivityFactory.Message(_connector.ServiceUrl, "bantuan"));

        var calls = await _connector.WaitForCallsAsync(2);
        Assert.Equal(2, calls.Count);
        Assert.Equal(Texts.TurnFailed, (string?)calls[1].Body!["text"]);
    }

    [Fact]
    public async Task The_conversation_and_the_person_are_remembered_for_proactive_messages()
    {
        var message = ActivityFactory.Message(_connector.ServiceUrl, "bantuan", conversationId: "a:personal-ref-test", aadObjectId: "00000000-0000-4000-8000-000000000004");
        using var response = await PostAsync(message);
        await _connector.WaitForCallsAsync(1);

        var table = new TableClient(storage.ConnectionString, "ConversationReferences");
        var user = await table.GetEntityAsync<TableEntity>("user", "00000000-0000-4000-8000-000000000004", cancellationToken: Ct);
        using var reference = JsonDocument.Parse(user.Value.GetString("Reference"));
        Assert.Equal("a:personal-ref-test", reference.RootElement.GetProperty("conversationId").GetString());
        Assert.Equal(_connector.ServiceUrl, reference.RootElement.GetProperty("serviceUrl").GetString());
        Assert.Equal(ActivityFactory.TenantId, reference.RootElement.GetProperty("tenantId").GetString());
        Assert.Equal("29:00000000-0000-4000-8000-000000000004", reference.RootElement.GetProperty("userId").GetString());
        var conversation = await table.GetEntityAsync<TableEntity>("conversation", "a:personal-ref-test", cancellationToken: Ct);
        Assert.NotNull(conversation.Value.GetString("Reference"));
    }

    [Fact]
    public async Task Over_the_rate_limit_a_client_gets_429()
    {
        await using var bot = new BotFactory(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = storage.ConnectionString,
            ["MessagesRateLimit:PermitLimit"] = "2",
            ["MessagesRateLimit:Window"] = "00:10:00",
        });
        using var client = bot.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.PostAsync("/api/messages", new StringContent("{\"type\": ", Encoding.UTF8, "application/json"), Ct);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
    }

    /// <summary>
    /// Turns of one conversation run in order, so once a following <c>bantuan</c> is answered anything the
    /// earlier request could have caused has happened: exactly one call means it caused none.
    /// </summary>
    private async Task AssertNothingElseWasSentAsync(int expectedBefore = 0)
    {
        using var probe = await PostAsync(ActivityFactory.Message(_connector.ServiceUrl, "bantuan"));
        var calls = await _connector.WaitForCallsAsync(expectedBefore + 1);
        Assert.Equal(expectedBefore + 1, calls.Count);
        Assert.Contains("Bantuan", calls[^1].Body!.ToJsonString(), StringComparison.Ordinal);
    }
}
