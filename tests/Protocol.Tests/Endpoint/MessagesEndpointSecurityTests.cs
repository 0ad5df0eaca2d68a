using System.Net;
using System.Text.Json.Nodes;
using PerijinanBot.Protocol.Tests.Auth;

namespace PerijinanBot.Protocol.Tests.Endpoint;

/// <summary>
/// /api/messages outside Development: a caller without a valid token is refused before its body is read, and an
/// authenticated activity from another channel or tenant is answered 200 and dropped before the handler sees it.
/// </summary>
public sealed class MessagesEndpointSecurityTests : IAsyncLifetime
{
    private const string Stranger = "5e4d3c2b-1a09-4f8e-8d7c-6b5a49382716";

    private MessagesHost _host = null!;
    private TestSigningKey _key = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await MessagesHost.StartAsync(TestEnvironment.Production);
        _key = _host.OpenId.Channel.PublishNew("msteams", "webchat", "directline");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private string ValidToken() => TestTokens.Bearer(TestTokens.Channel(MessagesHost.AppId, MessagesHost.ServiceUrl, DateTimeOffset.UtcNow).SignedBy(_key));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer a.b.c d")]
    public async Task A_request_without_a_well_formed_bearer_token_is_401_and_its_body_is_never_read(string? header)
    {
        using var response = await _host.PostAsync(MessagesHost.Message(), header);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, _host.BodyBytesRead);
        Assert.Empty(_host.Handler.Received);
    }

    [Fact]
    public async Task A_token_that_does_not_verify_is_401_before_the_body_is_read()
    {
        using var impostor = _key.Impostor();
        var forged = TestTokens.Bearer(TestTokens.Channel(MessagesHost.AppId, MessagesHost.ServiceUrl, DateTimeOffset.UtcNow).SignedBy(impostor));
        var untrusted = TestTokens.Bearer((TestTokens.Channel(MessagesHost.AppId, MessagesHost.ServiceUrl, DateTimeOffset.UtcNow) with { Issuer = "https://evil.example.com" }).SignedBy(_key));

        using var first = await _host.PostAsync(MessagesHost.Message(), forged);
        using var second = await _host.PostAsync(MessagesHost.Message(), untrusted);

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Equal(0, _host.BodyBytesRead);
    }

    [Fact]
    public async Task Refusals_are_logged_at_Debug_only()
    {
        using var response = await _host.PostAsync(MessagesHost.Message(), "Bearer not-a-jwt");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var refusal = Assert.Single(_host.Logs.Lines, l => l.Contains("Inbound token refused", StringComparison.Ordinal));
        Assert.StartsWith("Debug:", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain(_host.Logs.Lines, l => l.StartsWith("Information:", StringComparison.Ordinal) && l.Contains("/api/messages", StringComparison.Ordinal) && l.Contains("refused", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_Teams_activity_of_the_bots_tenant_reaches_the_handler()
    {
        using var response = await _host.PostAsync(MessagesHost.Message(), ValidToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("msteams", Assert.Single(_host.Handler.Received).ChannelId);
    }

    [Theory]
    [InlineData("webchat", MessagesHost.Tenant, "message")]
    [InlineData("directline", MessagesHost.Tenant, "message")]
    [InlineData("msteams", Stranger, "message")]
    [InlineData("msteams", Stranger, "conversationUpdate")]
    [InlineData("msteams", Stranger, "invoke")]
    [InlineData("webchat", MessagesHost.Tenant, "invoke")]
    public async Task An_authenticated_activity_of_another_channel_or_tenant_is_200_and_dropped(string channelId, string tenant, string type)
    {
        using var response = await _host.PostAsync(MessagesHost.Message(channelId, tenant, type), ValidToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, response.Content.Headers.ContentLength ?? 0);
        Assert.Empty(_host.Handler.Received);
        var dropped = Assert.Single(_host.Logs.Lines, l => l.Contains("Dropped an authenticated activity", StringComparison.Ordinal));
        Assert.StartsWith("Debug:", dropped, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_activity_whose_channelData_names_another_tenant_is_dropped()
    {
        var activity = MessagesHost.Message();
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Stranger } };

        using var response = await _host.PostAsync(activity, ValidToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_host.Handler.Received);
    }

    [Fact]
    public async Task A_tenant_on_the_allow_list_gets_through()
    {
        await using var host = await MessagesHost.StartAsync(TestEnvironment.Production, new Dictionary<string, string?> { ["BotAuthentication:AllowedTenants:0"] = Stranger });
        var key = host.OpenId.Channel.PublishNew("msteams");
        var token = TestTokens.Bearer(TestTokens.Channel(MessagesHost.AppId, MessagesHost.ServiceUrl, DateTimeOffset.UtcNow).SignedBy(key));

        using var response = await host.PostAsync(MessagesHost.Message(tenant: Stranger), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(host.Handler.Received);
    }

    [Fact]
    public async Task In_Development_another_channel_and_tenant_still_reach_the_handler()
    {
        await using var host = await MessagesHost.StartAsync(TestEnvironment.Development);
        var key = host.OpenId.Channel.PublishNew("webchat");
        var token = TestTokens.Bearer(TestTokens.Channel(MessagesHost.AppId, MessagesHost.ServiceUrl, DateTimeOffset.UtcNow).SignedBy(key));

        using var response = await host.PostAsync(MessagesHost.Message("webchat", Stranger), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(host.Handler.Received);
    }

    [Fact]
    public async Task In_Development_without_an_app_id_a_request_without_a_token_is_taken()
    {
        await using var host = await MessagesHost.StartAsync(TestEnvironment.Development, appId: "");

        using var response = await host.PostAsync(MessagesHost.Message(), authorization: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(host.Handler.Received);
    }

    [Fact]
    public async Task A_delegated_user_token_is_refused_outside_Development()
    {
        var key = _host.OpenId.Tenant(MessagesHost.Tenant).PublishNewWithoutEndorsements();
        var token = (TestTokens.EmulatorV2(MessagesHost.AppId, DateTimeOffset.UtcNow, MessagesHost.Tenant) with { Scope = "access_as_user" }).SignedBy(key);

        using var response = await _host.PostAsync(MessagesHost.Message(), TestTokens.Bearer(token));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, _host.BodyBytesRead);
    }
}
