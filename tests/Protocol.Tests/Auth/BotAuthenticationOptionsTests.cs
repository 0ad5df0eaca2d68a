using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PerijinanBot.Protocol.Auth;

namespace PerijinanBot.Protocol.Tests.Auth;

public sealed class BotAuthenticationOptionsTests
{
    private const string AppId = AuthHarness.AppId;
    private const string Tenant = "3c1b5d7e-2a4f-4e6b-8d0c-9a8b7c6d5e4f";

    [Fact]
    public void Defaults_point_at_the_public_cloud_and_pass_validation()
    {
        var options = Resolve([]);

        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", options.OpenIdMetadataUrl);
        Assert.Equal("https://login.microsoftonline.com/{tenantId}/v2.0/.well-known/openid-configuration", options.TenantOpenIdMetadataUrl);
        Assert.Empty(options.ValidIssuers);
        Assert.Empty(options.AllowedTenants);
        Assert.Equal(TimeSpan.FromMinutes(5), options.ClockSkew);
        Assert.True(options.MetadataRefreshInterval <= TimeSpan.FromHours(24));
    }

    [Fact]
    public void Plain_http_metadata_is_allowed_on_loopback()
    {
        var options = Resolve(new() { ["BotAuthentication:OpenIdMetadataUrl"] = "http://127.0.0.1:5001/v1/.well-known/openidconfiguration" });

        Assert.StartsWith("http://127.0.0.1", options.OpenIdMetadataUrl, StringComparison.Ordinal);
    }

    [Fact]
    public void Sovereign_cloud_issuers_and_metadata_are_accepted()
    {
        var options = Resolve(new()
        {
            ["BotAuthentication:OpenIdMetadataUrl"] = "https://login.botframework.azure.us/v1/.well-known/openidconfiguration",
            ["BotAuthentication:TenantOpenIdMetadataUrl"] = "https://login.microsoftonline.us/{tenantId}/v2.0/.well-known/openid-configuration",
            ["BotAuthentication:ValidIssuers:0"] = "https://api.botframework.us",
            ["BotAuthentication:ValidIssuers:1"] = $"https://sts.windows.net/{Tenant}/",
            ["BotAuthentication:ValidIssuers:2"] = $"https://login.microsoftonline.us/{Tenant}/v2.0",
        });

        Assert.Equal(3, options.ValidIssuers.Count);
    }

    [Theory]
    [InlineData("BotAuthentication:OpenIdMetadataUrl", "http://login.botframework.com/v1/.well-known/openidconfiguration", "OpenIdMetadataUrl")]
    [InlineData("BotAuthentication:TenantOpenIdMetadataUrl", "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration", "must contain {tenantId}")]
    [InlineData("BotAuthentication:TenantOpenIdMetadataUrl", "http://login.microsoftonline.com/{tenantId}/v2.0/.well-known/openid-configuration", "TenantOpenIdMetadataUrl must be an absolute https URL")]
    [InlineData("BotAuthentication:ValidIssuers:0", "https://evil.example.com/path", "ValidIssuers has 'https://evil.example.com/path'")]
    [InlineData("BotAuthentication:ValidIssuers:0", "http://api.botframework.com", "ValidIssuers has 'http://api.botframework.com'")]
    [InlineData("BotAuthentication:ValidIssuers:0", "https://sts.windows.net/contoso.onmicrosoft.com/", "ValidIssuers has")]
    [InlineData("BotAuthentication:AllowedTenants:0", "contoso.onmicrosoft.com", "AllowedTenants has 'contoso.onmicrosoft.com'")]
    [InlineData("BotAuthentication:MetadataRefreshInterval", "2.00:00:00", "MetadataRefreshInterval")]
    [InlineData("BotAuthentication:ClockSkew", "01:00:00", "ClockSkew")]
    [InlineData("BotAuthentication:MinimumRefreshInterval", "-00:00:01", "MinimumRefreshInterval")]
    public void Unsafe_settings_stop_the_bot_at_start_up(string key, string value, string named)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { [key] = value }));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("contoso.onmicrosoft.com")]
    public void Outside_Development_a_bot_without_a_tenant_id_does_not_start(string? tenantId)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve([], TestEnvironment.Production, tenantId));

        Assert.Contains("takes Teams activities only from known tenants", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_Development_a_multi_tenant_bot_names_its_tenants_in_AllowedTenants()
    {
        var options = Resolve(new() { ["BotAuthentication:AllowedTenants:0"] = Tenant }, TestEnvironment.Production, tenantId: null);

        Assert.Equal([Tenant], options.AllowedTenants);
    }

    [Fact]
    public void In_Development_no_tenant_is_needed()
    {
        var options = Resolve([], TestEnvironment.Development, tenantId: null);

        Assert.Empty(options.AllowedTenants);
    }

    private static BotAuthenticationOptions Resolve(Dictionary<string, string?> settings, string environment = TestEnvironment.Production, string? tenantId = Tenant)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection()
            .AddSingleton<IHostEnvironment>(new TestEnvironment(environment))
            .Configure<BotOptions>(o =>
            {
                o.MicrosoftAppId = AppId;
                o.MicrosoftAppTenantId = tenantId;
            })
            .AddChannelAuthentication(configuration)
            .BuildServiceProvider();
        return services.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value;
    }
}
