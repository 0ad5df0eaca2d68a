using PerijinanBot.Protocol.Connector;

namespace PerijinanBot.Protocol.Tests.Connector;

public sealed class ConnectorOptionsTests
{
    [Fact]
    public void The_proactive_address_defaults_to_Teams_global_service_url()
    {
        var options = new ConnectorOptions();

        Assert.Equal("https://smba.trafficmanager.net/teams/", options.ProactiveServiceUrl.AbsoluteUri);
        Assert.True(new ConnectorOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("http://smba.trafficmanager.net/teams/")]
    [InlineData("ftp://smba.trafficmanager.net/teams/")]
    public void A_proactive_address_that_is_not_https_stops_the_bot_at_start(string url)
    {
        var result = new ConnectorOptionsValidator().Validate(null, new ConnectorOptions { ProactiveServiceUrl = new Uri(url) });

        Assert.True(result.Failed);
        Assert.Contains("BotConnector:ProactiveServiceUrl", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_loopback_proactive_address_is_accepted_for_local_connectors()
    {
        var result = new ConnectorOptionsValidator().Validate(null, new ConnectorOptions { ProactiveServiceUrl = new Uri("http://127.0.0.1:5000/connector") });

        Assert.True(result.Succeeded);
    }
}
