using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Protocol.Connector;

namespace PerijinanBot.Protocol.Tests.Connector;

/// <summary>The bot's connector token goes only to Teams / Bot Framework hosts (BotConnector:AllowedServiceHosts); loopback in Development only.</summary>
public sealed class ServiceHostTests : IAsyncLifetime
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

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("https://smba.trafficmanager.net/teams/")]
    [InlineData("https://SMBA.TrafficManager.net/emea/")]
    [InlineData("https://europe.webchat.botframework.com/")]
    [InlineData("https://directline.botframework.com/")]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/teams")]
    [InlineData("https://canary.teams.microsoft.com/")]
    [InlineData("https://smba.infra.gov.teams.microsoft.us/teams")]
    [InlineData("https://smba.infra.dod.teams.microsoft.us/teams")]
    public void Teams_and_Bot_Framework_hosts_are_allowed_by_default(string serviceUrl)
    {
        Assert.True(new ServiceHosts([], allowLoopback: false).Allows(new Uri(serviceUrl)));
    }

    [Theory]
    [InlineData("https://evil.example.com/")]
    [InlineData("https://attacker.trafficmanager.net/")]
    [InlineData("https://botframework.com/")]
    [InlineData("https://evilbotframework.com/")]
    [InlineData("https://smba.trafficmanager.net.evil.example/")]
    [InlineData("https://botframework.com.evil.example/")]
    [InlineData("https://teams.microsoft.com.evil.example/")]
    [InlineData("https://evil.teams.microsoft.us/")]
    [InlineData("https://10.0.0.5/")]
    [InlineData("https://127.0.0.1/")]
    [InlineData("http://localhost:3978/")]
    public void Other_hosts_and_loopback_are_refused_outside_Development(string serviceUrl)
    {
        Assert.False(new ServiceHosts([], allowLoopback: false).Allows(new Uri(serviceUrl)));
    }

    [Theory]
    [InlineData("http://127.0.0.1:56150/")]
    [InlineData("http://localhost:3978/")]
    [InlineData("http://[::1]:3978/")]
    public void Loopback_is_allowed_in_Development(string serviceUrl)
    {
        Assert.True(new ServiceHosts([], allowLoopback: true).Allows(new Uri(serviceUrl)));
    }

    [Fact]
    public void Configured_hosts_replace_the_defaults()
    {
        var hosts = new ServiceHosts(["connector.contoso.example", "*.bots.contoso.example"], allowLoopback: false);

        Assert.True(hosts.Allows(new Uri("https://connector.contoso.example/")));
        Assert.True(hosts.Allows(new Uri("https://eu.bots.contoso.example/")));
        Assert.False(hosts.Allows(new Uri("https://bots.contoso.example/")));
        Assert.False(hosts.Allows(new Uri("https://smba.trafficmanager.net/amer/")));
    }

    [Theory]
    [InlineData("*.com")]
    [InlineData("https://smba.trafficmanager.net/")]
    [InlineData("smba.trafficmanager.net/amer")]
    [InlineData("*")]
    [InlineData(" ")]
    public void A_host_entry_that_is_not_a_host_stops_the_bot_at_start_up(string entry)
    {
        using var services = ConnectorHarness.Build(settings: new Dictionary<string, string?> { ["BotConnector:AllowedServiceHosts:0"] = entry });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ConnectorOptions>>().Value);

        Assert.Contains("BotConnector:AllowedServiceHosts has", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_Development_the_token_is_not_sent_to_a_loopback_serviceUrl()
    {
        var logs = new CapturedLogs();
        await using var services = ConnectorHarness.Build(bot: ConnectorHarness.MultiTenantBot(), tokenEndpoint: _login, logs: logs, environment: TestEnvironment.Production);

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            services.GetRequiredService<ConnectorClient>().SendToConversationAsync(_server.ServiceUrl, "a:1", ConnectorRetryTests.Message(), Ct));

        Assert.Equal("ServiceUrlNotAllowed", error.ErrorCode);
        Assert.Equal(0, error.Attempts);
        Assert.Empty(_server.Requests);
        Assert.Empty(_login.Requests);
        Assert.Contains(logs.Lines, l => l.StartsWith("Warning:", StringComparison.Ordinal) && l.Contains("not an allowed serviceUrl host", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_serviceUrl_on_another_host_gets_no_token_and_no_call()
    {
        await using var services = ConnectorHarness.Build(bot: ConnectorHarness.MultiTenantBot(), tokenEndpoint: _login, environment: TestEnvironment.Production);

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            services.GetRequiredService<ConnectorClient>().SendToConversationAsync("https://evil.example.com/teams/", "a:1", ConnectorRetryTests.Message(), Ct));

        Assert.Equal("ServiceUrlNotAllowed", error.ErrorCode);
        Assert.Empty(_login.Requests);
    }

    [Fact]
    public async Task In_Development_the_token_goes_to_a_loopback_serviceUrl()
    {
        await using var services = ConnectorHarness.Build(bot: ConnectorHarness.MultiTenantBot(), tokenEndpoint: _login);

        await services.GetRequiredService<ConnectorClient>().SendToConversationAsync(_server.ServiceUrl, "a:1", ConnectorRetryTests.Message(), Ct);

        Assert.Equal($"Bearer {LocalTokenEndpoint.TokenFor("botframework.com")}", Assert.Single(_server.Requests).Authorization);
    }
}
