using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PerijinanBot.Protocol.Auth;

namespace PerijinanBot.Protocol.Tests.Auth;

public sealed class BotAuthenticationOptionsTests
{
    [Fact]
    public void Defaults_point_at_the_public_cloud_and_pass_validation()
    {
        var options = Resolve([]);

        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", options.OpenIdMetadataUrl);
        Assert.Equal("https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration", options.EmulatorOpenIdMetadataUrl);
        Assert.Equal(TimeSpan.FromMinutes(5), options.ClockSkew);
        Assert.True(options.MetadataRefreshInterval <= TimeSpan.FromHours(24));
    }

    [Fact]
    public void Plain_http_metadata_is_allowed_on_loopback()
    {
        var options = Resolve(new() { ["BotAuthentication:OpenIdMetadataUrl"] = "http://127.0.0.1:5001/v1/.well-known/openidconfiguration" });

        Assert.StartsWith("http://127.0.0.1", options.OpenIdMetadataUrl, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("BotAuthentication:OpenIdMetadataUrl", "http://login.botframework.com/v1/.well-known/openidconfiguration", "OpenIdMetadataUrl")]
    [InlineData("BotAuthentication:EmulatorOpenIdMetadataUrl", "/common/v2.0/.well-known/openid-configuration", "EmulatorOpenIdMetadataUrl")]
    [InlineData("BotAuthentication:MetadataRefreshInterval", "2.00:00:00", "MetadataRefreshInterval")]
    [InlineData("BotAuthentication:ClockSkew", "01:00:00", "ClockSkew")]
    [InlineData("BotAuthentication:MinimumRefreshInterval", "-00:00:01", "MinimumRefreshInterval")]
    public void Unsafe_settings_stop_the_bot_at_start_up(string key, string value, string named)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { [key] = value }));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    private static BotAuthenticationOptions Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddChannelAuthentication(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value;
    }
}
