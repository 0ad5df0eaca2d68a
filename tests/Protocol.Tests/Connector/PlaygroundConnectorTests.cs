using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Protocol.Connector;

namespace PerijinanBot.Protocol.Tests.Connector;

/// <summary>The client against the real Agents Playground's mock connector (npm 0.2.28, started by the fixture).</summary>
[NeedsPlayground]
public sealed class PlaygroundConnectorTests(PlaygroundProcess playground) : IClassFixture<PlaygroundProcess>, IAsyncLifetime
{
    private ServiceProvider _services = null!;
    private PlaygroundConfig _config = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ConnectorClient Client => _services.GetRequiredService<ConnectorClient>();

    public async ValueTask InitializeAsync()
    {
        // No app id: the Playground without client id/secret takes unauthenticated connector calls.
        _services = ConnectorHarness.Build(bot: new BotOptions());
        _config = await playground.GetConfigAsync(Ct);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    [Fact]
    public async Task Message_sent_to_the_personal_chat_gets_an_id()
    {
        var sent = await Client.SendToConversationAsync(playground.ServiceUrl, _config.PersonalChatId, ConnectorRetryTests.Message(), Ct);

        Assert.False(string.IsNullOrWhiteSpace(sent.Id));
    }

    [Fact]
    public async Task Reply_to_a_sent_message_gets_its_own_id()
    {
        var sent = await Client.SendToConversationAsync(playground.ServiceUrl, _config.PersonalChatId, ConnectorRetryTests.Message(), Ct);

        var reply = await Client.ReplyToActivityAsync(playground.ServiceUrl, _config.PersonalChatId, sent.Id!, Text("Balasan"), Ct);

        Assert.False(string.IsNullOrWhiteSpace(reply.Id));
        Assert.NotEqual(sent.Id, reply.Id);
    }

    [Fact]
    public async Task Updated_message_keeps_its_id()
    {
        var sent = await Client.SendToConversationAsync(playground.ServiceUrl, _config.PersonalChatId, ConnectorRetryTests.Message(), Ct);

        var updated = await Client.UpdateActivityAsync(playground.ServiceUrl, _config.PersonalChatId, sent.Id!, Text("Sudah disetujui"), Ct);

        Assert.Equal(sent.Id, updated.Id);
    }

    [Fact]
    public async Task Updating_a_message_that_does_not_exist_is_refused_with_ActivityNotFoundInConversation()
    {
        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            Client.UpdateActivityAsync(playground.ServiceUrl, _config.PersonalChatId, "no-such-message", Text("x"), Ct));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("ActivityNotFoundInConversation", error.ErrorCode);
        Assert.Equal(1, error.Attempts);
    }

    [Fact]
    public async Task Delete_reaches_the_Playground_which_does_not_implement_it()
    {
        var sent = await Client.SendToConversationAsync(playground.ServiceUrl, _config.PersonalChatId, ConnectorRetryTests.Message(), Ct);

        // Playground 0.2.28 answers every DELETE with 501 DeleteActivityAPINotImplemented; real Teams answers 200.
        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            Client.DeleteActivityAsync(playground.ServiceUrl, _config.PersonalChatId, sent.Id!, Ct));

        Assert.Equal(HttpStatusCode.NotImplemented, error.StatusCode);
        Assert.Equal("DeleteActivityAPINotImplemented", error.ErrorCode);
        Assert.Equal(1, error.Attempts);
    }

    [Fact]
    public async Task Personal_conversation_with_a_configured_user_is_created_once_and_can_be_written_to()
    {
        var user = _config.UserIds[1];

        var first = await Client.CreatePersonalConversationAsync(playground.ServiceUrl, _config.TenantId, _config.BotId, user, Ct);
        var again = await Client.CreatePersonalConversationAsync(playground.ServiceUrl, _config.TenantId, _config.BotId, user, Ct);
        var sent = await Client.SendToConversationAsync(playground.ServiceUrl, first.Id!, Text("Pengingat"), Ct);
        var member = await Client.GetMemberAsync(playground.ServiceUrl, first.Id!, user, Ct);

        Assert.False(string.IsNullOrWhiteSpace(first.Id));
        Assert.Equal(first.Id, again.Id);
        Assert.False(string.IsNullOrWhiteSpace(sent.Id));
        Assert.Equal(user, member.Id);
    }

    [Fact]
    public async Task Member_of_the_personal_chat_is_the_current_user_with_a_name()
    {
        var member = await Client.GetMemberAsync(playground.ServiceUrl, _config.PersonalChatId, _config.CurrentUserId, Ct);

        Assert.Equal(_config.CurrentUserId, member.Id);
        Assert.False(string.IsNullOrWhiteSpace(member.Name));
        Assert.False(string.IsNullOrWhiteSpace(member.AadObjectId));
    }

    [Fact]
    public async Task Typing_indicator_is_accepted_without_an_id()
    {
        var sent = await Client.SendToConversationAsync(playground.ServiceUrl, _config.PersonalChatId, new Activity { Type = ActivityTypes.Typing }, Ct);

        Assert.Null(sent.Id);
    }

    private static Activity Text(string text) => new() { Type = ActivityTypes.Message, Text = text };
}
