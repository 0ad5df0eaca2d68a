using PerijinanBot.Protocol.Auth;
using static PerijinanBot.Protocol.Tests.Auth.AuthHarness;
using static PerijinanBot.Protocol.Tests.Auth.ChannelTokenTests;

namespace PerijinanBot.Protocol.Tests.Auth;

/// <summary>
/// Outside Development: the token shapes the Microsoft 365 Agents SDK accepts by default for the public cloud
/// (microsoft/Agents-for-net, src/samples/Shared/AspNetExtensions.cs), each issuer with its own keys, app-only Entra
/// tokens only, and no emulator path.
/// </summary>
public sealed class EntraTokenTests : IAsyncLifetime
{
    private const string OwnTenant = "3c1b5d7e-2a4f-4e6b-8d0c-9a8b7c6d5e4f";
    private const string OtherTenant = "5e4d3c2b-1a09-4f8e-8d7c-6b5a49382716";
    private const string BotFrameworkTenant = "d6d49420-f39b-4df7-a1dc-d59a935871db";
    private const string MicrosoftServicesTenant = "f8cdef31-a31e-4b4a-93e4-5f571e91255a";
    private const string BotServiceTenant = "69e9b82d-4842-4902-8d1e-abc5b98a55e8";

    private AuthHarness _auth = null!;
    private TestSigningKey _channelKey = null!;

    public async ValueTask InitializeAsync()
    {
        _auth = await StartAsync(TestContext.Current.CancellationToken, tenantId: OwnTenant, environment: TestEnvironment.Production);
        _channelKey = _auth.Server.Channel.PublishNew("msteams");
    }

    public ValueTask DisposeAsync() => _auth.DisposeAsync();

    /// <summary>A key that only this tenant's metadata publishes.</summary>
    private TestSigningKey KeyOf(string tenant) => _auth.Server.Tenant(tenant).PublishNewWithoutEndorsements();

    /// <summary>An app-only client-credential token of <paramref name="tenant"/> for our app, as the Bot Service would send.</summary>
    private TokenSpec AppOnly(string tenant, bool v2) =>
        (v2 ? TestTokens.EmulatorV2(AppId, _auth.Now, tenant) : TestTokens.EmulatorV1(AppId, _auth.Now, tenant)) with
        {
            AppId = v2 ? null : "a7c5e3b1-0000-4000-8000-00000000b0b0",
            AuthorizedParty = v2 ? "a7c5e3b1-0000-4000-8000-00000000b0b0" : null,
            IdType = v2 ? "app" : null,
        };

    [Fact]
    public async Task Channel_token_from_the_Bot_Connector_is_accepted()
    {
        var result = await _auth.AuthenticateAsync(TestTokens.Bearer(TestTokens.Channel(AppId, ServiceUrl, _auth.Now).SignedBy(_channelKey)));

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Theory]
    [InlineData(BotFrameworkTenant, false)]
    [InlineData(BotFrameworkTenant, true)]
    [InlineData(MicrosoftServicesTenant, false)]
    [InlineData(MicrosoftServicesTenant, true)]
    [InlineData(BotServiceTenant, false)]
    [InlineData(BotServiceTenant, true)]
    [InlineData(OwnTenant, false)]
    [InlineData(OwnTenant, true)]
    public async Task App_only_token_of_a_trusted_tenant_is_accepted_with_that_tenants_key(string tenant, bool v2)
    {
        var token = AppOnly(tenant, v2).SignedBy(KeyOf(tenant));

        var result = await _auth.AuthenticateAsync(TestTokens.Bearer(token));

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task Own_tenants_issuers_are_not_trusted_when_no_tenant_is_configured()
    {
        await using var auth = await StartAsync(TestContext.Current.CancellationToken, environment: TestEnvironment.Production,
            settings: new Dictionary<string, string?> { ["BotAuthentication:AllowedTenants:0"] = OwnTenant });
        var token = AppOnly(OwnTenant, v2: true).SignedBy(auth.Server.Tenant(OwnTenant).PublishNewWithoutEndorsements());

        var result = await auth.AuthenticateAsync(TestTokens.Bearer(token));

        Refused(result, $"issuer 'https://login.microsoftonline.com/{OwnTenant}/v2.0' is not trusted");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Token_of_another_tenant_is_refused_even_when_issued_to_our_app(bool v2)
    {
        // In Development this is the emulator path; outside it, no tenant outside the list issues tokens we take.
        var spec = v2 ? TestTokens.EmulatorV2(AppId, _auth.Now, OtherTenant) : TestTokens.EmulatorV1(AppId, _auth.Now, OtherTenant);

        var result = await _auth.AuthenticateAsync(TestTokens.Bearer(spec.SignedBy(KeyOf(OtherTenant))));

        Refused(result, $"issuer '{spec.Issuer}' is not trusted");
        Assert.Equal(0, _auth.Server.Tenant(OtherTenant).MetadataFetches);
    }

    [Fact]
    public async Task Key_of_one_tenant_does_not_vouch_for_a_token_of_another()
    {
        var foreignKey = KeyOf(BotFrameworkTenant);
        _ = KeyOf(OwnTenant);

        var result = await _auth.AuthenticateAsync(TestTokens.Bearer(AppOnly(OwnTenant, v2: true).SignedBy(foreignKey)));

        Refused(result, $"signing key '{foreignKey.KeyId}' is not published at {_auth.Server.TenantMetadataUrlTemplate.Replace("{tenantId}", OwnTenant, StringComparison.Ordinal)}");
    }

    [Fact]
    public async Task Channel_key_does_not_vouch_for_an_Entra_token()
    {
        _ = KeyOf(OwnTenant);

        var result = await _auth.AuthenticateAsync(TestTokens.Bearer(AppOnly(OwnTenant, v2: true).SignedBy(_channelKey)));

        Refused(result, $"signing key '{_channelKey.KeyId}' is not published");
    }

    [Fact]
    public async Task Entra_key_does_not_vouch_for_a_channel_token()
    {
        var entraKey = KeyOf(BotFrameworkTenant);

        var result = await _auth.AuthenticateAsync(TestTokens.Bearer(TestTokens.Channel(AppId, ServiceUrl, _auth.Now).SignedBy(entraKey)));

        Refused(result, $"signing key '{entraKey.KeyId}' is not published");
    }

    [Fact]
    public async Task Token_for_another_audience_is_refused()
    {
        var token = (AppOnly(OwnTenant, v2: true) with { Audience = "https://api.botframework.com" }).SignedBy(KeyOf(OwnTenant));

        var result = await _auth.AuthenticateAsync(TestTokens.Bearer(token));

        Refused(result, "audience");
    }

    [Fact]
    public async Task Expired_token_is_refused()
    {
        var token = (AppOnly(BotFrameworkTenant, v2: false) with { NotBefore = _auth.Now.AddHours(-2), Expires = _auth.Now.AddMinutes(-10) }).SignedBy(KeyOf(BotFrameworkTenant));

        var result = await _auth.AuthenticateAsync(TestTokens.Bearer(token));

        Refused(result, "expired");
    }

    [Fact]
    public async Task Token_whose_tid_is_not_its_issuers_tenant_is_refused()
    {
        var token = (AppOnly(OwnTenant, v2: true) with { TenantId = OtherTenant }).SignedBy(KeyOf(OwnTenant));

        var result = await _auth.AuthenticateAsync(TestTokens.Bearer(token));

        Refused(result, $"tid '{OtherTenant}' is not the tenant of its issuer");
    }

    [Theory]
    [InlineData("access_as_user", null)]
    [InlineData("access_as_user", "user")]
    [InlineData("access_as_user", "app")]
    public async Task Delegated_token_with_scp_is_refused(string scope, string? idType)
    {
        var token = (AppOnly(OwnTenant, v2: true) with { Scope = scope, IdType = idType }).SignedBy(KeyOf(OwnTenant));

        var result = await _auth.AuthenticateAsync(TestTokens.Bearer(token));

        Refused(result, "delegated (it has an scp claim)");
    }

    [Fact]
    public async Task Token_typed_as_a_users_is_refused_even_without_scp()
    {
        var token = (AppOnly(OwnTenant, v2: true) with { IdType = "user" }).SignedBy(KeyOf(OwnTenant));

        var result = await _auth.AuthenticateAsync(TestTokens.Bearer(token));

        Refused(result, "idtyp is 'user'");
    }

    [Fact]
    public async Task Entra_token_naming_another_serviceUrl_is_refused()
    {
        var token = (AppOnly(OwnTenant, v2: true) with { ServiceUrl = "https://smba.trafficmanager.net/emea/" }).SignedBy(KeyOf(OwnTenant));

        var result = await _auth.AuthenticateAsync(TestTokens.Bearer(token));

        Refused(result, "serviceurl 'https://smba.trafficmanager.net/emea/'");
    }

    [Fact]
    public async Task Configured_issuers_replace_the_public_cloud_defaults()
    {
        // A US Government bot: its Bot Connector issuer and Entra tenants, nothing of the public cloud.
        await using var auth = await StartAsync(TestContext.Current.CancellationToken, tenantId: OwnTenant, environment: TestEnvironment.Production,
            settings: new Dictionary<string, string?>
            {
                ["BotAuthentication:ValidIssuers:0"] = "https://api.botframework.us",
                ["BotAuthentication:ValidIssuers:1"] = $"https://login.microsoftonline.us/{OwnTenant}/v2.0",
            });
        var channelKey = auth.Server.Channel.PublishNew("msteams");
        var tenantKey = auth.Server.Tenant(OwnTenant).PublishNewWithoutEndorsements();

        var gov = await auth.AuthenticateAsync(TestTokens.Bearer((TestTokens.Channel(AppId, ServiceUrl, auth.Now) with { Issuer = "https://api.botframework.us" }).SignedBy(channelKey)));
        var govEntra = await auth.AuthenticateAsync(TestTokens.Bearer((AppOnly(OwnTenant, v2: true) with { Issuer = $"https://login.microsoftonline.us/{OwnTenant}/v2.0" }).SignedBy(tenantKey)));
        var publicChannel = await auth.AuthenticateAsync(TestTokens.Bearer(TestTokens.Channel(AppId, ServiceUrl, auth.Now).SignedBy(channelKey)));
        var publicEntra = await auth.AuthenticateAsync(TestTokens.Bearer(AppOnly(OwnTenant, v2: true).SignedBy(tenantKey)));

        Assert.True(gov.Succeeded, gov.FailureReason);
        Assert.True(govEntra.Succeeded, govEntra.FailureReason);
        Refused(publicChannel, "issuer 'https://api.botframework.com' is not trusted");
        Refused(publicEntra, $"issuer 'https://login.microsoftonline.com/{OwnTenant}/v2.0' is not trusted");
    }

    [Fact]
    public void Default_issuers_are_the_Agents_SDKs_public_cloud_list_and_the_apps_tenant()
    {
        Assert.Equal(
            [
                "https://api.botframework.com",
                $"https://sts.windows.net/{BotFrameworkTenant}/", $"https://login.microsoftonline.com/{BotFrameworkTenant}/v2.0",
                $"https://sts.windows.net/{MicrosoftServicesTenant}/", $"https://login.microsoftonline.com/{MicrosoftServicesTenant}/v2.0",
                $"https://sts.windows.net/{BotServiceTenant}/", $"https://login.microsoftonline.com/{BotServiceTenant}/v2.0",
                $"https://sts.windows.net/{OwnTenant}/", $"https://login.microsoftonline.com/{OwnTenant}/v2.0",
            ],
            TokenIssuers.PublicCloudDefaults(OwnTenant));
        Assert.DoesNotContain(TokenIssuers.PublicCloudDefaults("contoso.onmicrosoft.com"), i => i.Contains("contoso", StringComparison.Ordinal));
    }
}
