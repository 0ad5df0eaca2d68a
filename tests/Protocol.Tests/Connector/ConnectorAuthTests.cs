using Microsoft.Extensions.DependencyInjection;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Protocol.Connector;

namespace PerijinanBot.Protocol.Tests.Connector;

/// <summary>The bearer token: absent without an app id; otherwise from real MSAL, against a local token endpoint.</summary>
public sealed class ConnectorAuthTests : IAsyncLifetime
{
    private ScriptedConnector _server = null!;
    private LocalTokenEndpoint _login = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await ScriptedConnector.StartAsync();
        _login = await LocalTokenEndpoint.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        await _login.DisposeAsync();
    }

    [Fact]
    public async Task Without_an_app_id_calls_carry_no_Authorization_header()
    {
        await using var services = ConnectorHarness.Build(bot: new BotOptions());

        await Client(services).SendToConversationAsync(_server.ServiceUrl, "a:1", ConnectorRetryTests.Message(), Ct);

        var request = Assert.Single(_server.Requests);
        Assert.Null(request.Authorization);
        Assert.Empty(_login.Requests);
    }

    [Fact]
    public async Task Multi_tenant_bot_gets_one_token_from_the_botframework_tenant_and_every_call_carries_it()
    {
        await using var services = ConnectorHarness.Build(bot: ConnectorHarness.MultiTenantBot(), tokenEndpoint: _login);

        await Client(services).SendToConversationAsync(_server.ServiceUrl, "a:1", ConnectorRetryTests.Message(), Ct);
        await Client(services).UpdateActivityAsync(_server.ServiceUrl, "a:1", "card-1", ConnectorRetryTests.Message(), Ct);

        Assert.All(_server.Requests, request => Assert.Equal($"Bearer {LocalTokenEndpoint.TokenFor("botframework.com")}", request.Authorization));
        var tokenRequest = Assert.Single(_login.Requests);
        Assert.Equal("botframework.com", tokenRequest.Tenant);
        Assert.Equal("client_credentials", tokenRequest.Form["grant_type"]);
        Assert.Equal(ConnectorHarness.AppId, tokenRequest.Form["client_id"]);
        Assert.Equal(ConnectorHarness.Secret, tokenRequest.Form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", tokenRequest.Form["scope"]);
    }

    [Fact]
    public async Task Single_tenant_bot_gets_its_token_from_its_own_tenant()
    {
        var bot = new BotOptions
        {
            MicrosoftAppId = ConnectorHarness.AppId,
            MicrosoftAppPassword = ConnectorHarness.Secret,
            MicrosoftAppTenantId = "7d1c2b1e-0000-4000-8000-0000000000aa",
            MicrosoftAppType = MicrosoftAppType.SingleTenant,
        };
        await using var services = ConnectorHarness.Build(bot: bot, tokenEndpoint: _login);

        await Client(services).SendToConversationAsync(_server.ServiceUrl, "a:1", ConnectorRetryTests.Message(), Ct);

        Assert.Equal("7d1c2b1e-0000-4000-8000-0000000000aa", Assert.Single(_login.Requests).Tenant);
        Assert.Equal($"Bearer {LocalTokenEndpoint.TokenFor("7d1c2b1e-0000-4000-8000-0000000000aa")}", Assert.Single(_server.Requests).Authorization);
    }

    [Fact]
    public async Task The_token_is_never_sent_in_clear_to_a_host_other_than_this_machine()
    {
        await using var services = ConnectorHarness.Build(bot: ConnectorHarness.MultiTenantBot(), tokenEndpoint: _login);

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            Client(services).SendToConversationAsync("http://connector.example.invalid/teams", "a:1", ConnectorRetryTests.Message(), Ct));

        Assert.Equal("InsecureServiceUrl", error.ErrorCode);
        Assert.Empty(_login.Requests);
    }

    [Fact]
    public async Task Unreachable_token_endpoint_is_a_definite_failure_and_nothing_reaches_the_connector()
    {
        await using var unreachable = await LocalTokenEndpoint.StartAsync();
        await using var services = ConnectorHarness.Build(bot: ConnectorHarness.MultiTenantBot(), tokenEndpoint: unreachable);
        await unreachable.DisposeAsync();

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            Client(services).SendToConversationAsync(_server.ServiceUrl, "a:1", ConnectorRetryTests.Message(), Ct));

        Assert.Equal("TokenEndpointUnreachable", error.ErrorCode);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Logs_name_operation_status_and_correlation_id_but_never_the_token_secret_or_message_text()
    {
        _server.Then(429, null, ("Retry-After", "0"), ("X-Correlating-OperationId", "op-throttle"))
            .Then(400, """{"error":{"code":"BadArgument","message":"no"}}""", ("X-Correlating-OperationId", "op-bad"));
        var logs = new CapturedLogs();
        await using var services = ConnectorHarness.Build(bot: ConnectorHarness.MultiTenantBot(), tokenEndpoint: _login, logs: logs);

        await Assert.ThrowsAsync<ConnectorException>(() =>
            Client(services).SendToConversationAsync(_server.ServiceUrl, "a:1", ConnectorRetryTests.Message(), Ct));

        var connectorLines = logs.Lines.Where(line => line.Contains("SendToConversation", StringComparison.Ordinal)).ToList();
        Assert.Contains(connectorLines, line => line.Contains("429", StringComparison.Ordinal) && line.Contains("op-throttle", StringComparison.Ordinal));
        Assert.Contains(connectorLines, line => line.Contains("400", StringComparison.Ordinal) && line.Contains("BadArgument", StringComparison.Ordinal) && line.Contains("op-bad", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains("local-token-for", StringComparison.Ordinal)
            || line.Contains(ConnectorHarness.Secret, StringComparison.Ordinal)
            || line.Contains("Kegiatan menunggu", StringComparison.Ordinal));
    }

    private static ConnectorClient Client(ServiceProvider services) => services.GetRequiredService<ConnectorClient>();
}
