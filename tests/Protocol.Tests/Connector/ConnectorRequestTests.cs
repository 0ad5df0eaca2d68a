using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PerijinanBot.Protocol.Connector;

namespace PerijinanBot.Protocol.Tests.Connector;

/// <summary>What goes on the wire: URLs, bodies, and the options that shape them.</summary>
public sealed class ConnectorRequestTests : IAsyncLifetime
{
    private ScriptedConnector _server = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _server = await ScriptedConnector.StartAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    public async Task Teams_ids_are_escaped_and_joined_to_a_serviceUrl_with_or_without_trailing_slash(string suffix)
    {
        await using var services = ConnectorHarness.Build();

        await Client(services).ReplyToActivityAsync(_server.ServiceUrl + suffix, "19:abc@thread.tacv2;messageid=17", "1:act@x", ConnectorRetryTests.Message(), Ct);

        Assert.Equal("/connector/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D17/activities/1%3Aact%40x", Assert.Single(_server.Requests).RawTarget);
    }

    [Fact]
    public async Task Reply_names_the_message_it_answers_and_leaves_the_new_id_to_the_connector()
    {
        await using var services = ConnectorHarness.Build();

        await Client(services).ReplyToActivityAsync(_server.ServiceUrl, "a:1", "inbound-7", ConnectorRetryTests.Message(), Ct);

        var body = Body(Assert.Single(_server.Requests));
        Assert.Equal("inbound-7", (string?)body["replyToId"]);
        Assert.False(body.ContainsKey("id"));
        Assert.Equal("message", (string?)body["type"]);
        Assert.Equal("Kegiatan menunggu persetujuan Anda", (string?)body["text"]);
    }

    [Fact]
    public async Task Send_leaves_the_new_id_to_the_connector()
    {
        await using var services = ConnectorHarness.Build();

        await Client(services).SendToConversationAsync(_server.ServiceUrl, "a:1", ConnectorRetryTests.Message(), Ct);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("/connector/v3/conversations/a%3A1/activities", request.RawTarget);
        Assert.False(Body(request).ContainsKey("id"));
    }

    [Fact]
    public async Task Update_puts_the_whole_activity_under_its_id()
    {
        _server.Then(200);
        await using var services = ConnectorHarness.Build();

        var response = await Client(services).UpdateActivityAsync(_server.ServiceUrl, "a:1", "card-9", ConnectorRetryTests.Message(), Ct);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal("/connector/v3/conversations/a%3A1/activities/card-9", request.RawTarget);
        Assert.Equal("card-9", (string?)Body(request)["id"]);
        Assert.Equal("card-9", response.Id);
    }

    [Fact]
    public async Task Personal_conversation_is_requested_in_the_Teams_one_to_one_shape()
    {
        _server.Then(201, """{"id":"a:new-chat"}""");
        await using var services = ConnectorHarness.Build();

        var response = await Client(services).CreatePersonalConversationAsync(_server.ServiceUrl, "tenant-1", "28:bot-id", "29:user-id", Ct);

        Assert.Equal("a:new-chat", response.Id);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("/connector/v3/conversations", request.RawTarget);
        var body = Body(request);
        Assert.False((bool)body["isGroup"]!);
        Assert.Equal("29:user-id", (string?)Assert.Single(body["members"]!.AsArray())!["id"]);
        Assert.Equal("28:bot-id", (string?)body["bot"]!["id"]);
        Assert.Equal("tenant-1", (string?)body["tenantId"]);
        Assert.Equal("tenant-1", (string?)body["channelData"]!["tenant"]!["id"]);
        Assert.False(body.ContainsKey("activity"));
    }

    [Fact]
    public async Task Member_is_read_with_its_Teams_profile()
    {
        _server.Then(200, """{"id":"29:u","name":"Siti Rahma","aadObjectId":"aad-1","email":"siti@example.go.id","userRole":"user"}""");
        await using var services = ConnectorHarness.Build();

        var member = await Client(services).GetMemberAsync(_server.ServiceUrl, "a:1", "29:u", Ct);

        Assert.Equal("Siti Rahma", member.Name);
        Assert.Equal("aad-1", member.AadObjectId);
        Assert.Equal("/connector/v3/conversations/a%3A1/members/29%3Au", Assert.Single(_server.Requests).RawTarget);
    }

    [Fact]
    public async Task Accepted_without_a_body_is_a_success_without_an_id()
    {
        _server.Then(202);
        await using var services = ConnectorHarness.Build();

        var response = await Client(services).SendToConversationAsync(_server.ServiceUrl, "a:1", new Activity { Type = ActivityTypes.Typing }, Ct);

        Assert.Null(response.Id);
    }

    [Theory]
    [InlineData("BotConnector:MaxAttempts", "0")]
    [InlineData("BotConnector:LoginAuthority", "http://login.example.test")]
    [InlineData("BotConnector:RequestTimeout", "00:00:00")]
    [InlineData("BotConnector:MaxDelay", "00:00:00.001")]
    public void Nonsense_connector_settings_are_refused_before_the_first_call(string key, string value)
    {
        using var services = ConnectorHarness.Build(settings: new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ConnectorOptions>>().Value);

        Assert.Contains(key.Split(':')[1], error.Message, StringComparison.Ordinal);
    }

    private static JsonObject Body(RecordedRequest request) => JsonNode.Parse(request.Body)!.AsObject();

    private static ConnectorClient Client(ServiceProvider services) => services.GetRequiredService<ConnectorClient>();
}
