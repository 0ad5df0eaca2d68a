using static PerijinanBot.Protocol.Tests.Auth.AuthHarness;
using static PerijinanBot.Protocol.Tests.Auth.ChannelTokenTests;

namespace PerijinanBot.Protocol.Tests.Auth;

/// <summary>
/// Entra ID tokens in Development: the trusted issuers' tokens (as in every environment, see <see cref="EntraTokenTests"/>)
/// and the emulator path, an Entra client-credential token of any tenant issued to our own app id, which is what the
/// Agents Playground sends when given a client id and secret (§1.6 of the protocol notes). No serviceurl claim and no
/// endorsements are needed.
/// </summary>
public sealed class EmulatorTokenTests : IAsyncLifetime
{
    private const string OwnTenant = "3c1b5d7e-2a4f-4e6b-8d0c-9a8b7c6d5e4f";

    /// <summary>A tenant nobody configured: its tokens reach the bot only through the emulator path.</summary>
    private const string DeveloperTenant = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

    private AuthHarness _auth = null!;
    private TestSigningKey _key = null!;

    public async ValueTask InitializeAsync()
    {
        _auth = await StartAsync(TestContext.Current.CancellationToken, tenantId: OwnTenant);
        // Entra signs every tenant's tokens with keys its tenants share; here the one test key is published by each.
        _key = _auth.Server.Tenant(LocalOpenIdServer.EmulatorTenantId).PublishNewWithoutEndorsements();
        _auth.Server.Tenant(OwnTenant).Publish(_key);
        _auth.Server.Tenant(DeveloperTenant).Publish(_key);
    }

    public ValueTask DisposeAsync() => _auth.DisposeAsync();

    [Fact]
    public async Task V1_token_naming_our_app_in_appid_is_accepted()
    {
        var result = await _auth.AuthenticateAsync(TestTokens.Bearer(TestTokens.EmulatorV1(AppId, _auth.Now).SignedBy(_key)));

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal(AppId, result.Identity?.FindFirst("appid")?.Value);
    }

    [Fact]
    public async Task V2_token_naming_our_app_in_azp_is_accepted()
    {
        var result = await _auth.AuthenticateAsync(TestTokens.Bearer(TestTokens.EmulatorV2(AppId, _auth.Now).SignedBy(_key)));

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task V1_token_without_a_version_claim_is_read_as_v1()
    {
        var token = (TestTokens.EmulatorV1(AppId, _auth.Now) with { Version = null }).SignedBy(_key);

        var result = await _auth.AuthenticateAsync(TestTokens.Bearer(token));

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Token_from_the_single_tenant_apps_own_tenant_is_accepted(bool v2)
    {
        var spec = v2 ? TestTokens.EmulatorV2(AppId, _auth.Now, OwnTenant) : TestTokens.EmulatorV1(AppId, _auth.Now, OwnTenant);

        var result = await _auth.AuthenticateAsync(TestTokens.Bearer(spec.SignedBy(_key)));

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task Token_from_a_tenant_that_is_not_its_tid_is_refused()
    {
        const string otherTenant = "5e4d3c2b-1a09-4f8e-8d7c-6b5a49382716";
        var token = (TestTokens.EmulatorV1(AppId, _auth.Now) with { Issuer = $"https://sts.windows.net/{otherTenant}/" }).SignedBy(_key);

        var result = await _auth.AuthenticateAsync(TestTokens.Bearer(token));

        Refused(result, $"issuer 'https://sts.windows.net/{otherTenant}/'");
    }

    [Fact]
    public async Task Emulator_token_issued_to_another_app_is_refused()
    {
        const string otherApp = "11111111-2222-4333-8444-555555555555";
        var token = (TestTokens.EmulatorV1(AppId, _auth.Now, DeveloperTenant) with { AppId = otherApp }).SignedBy(_key);

        var result = await _auth.AuthenticateAsync(TestTokens.Bearer(token));

        Refused(result, $"issued to app '{otherApp}'");
    }

    [Fact]
    public async Task V2_emulator_token_carrying_our_app_only_in_appid_is_refused()
    {
        var token = (TestTokens.EmulatorV2(AppId, _auth.Now, DeveloperTenant) with { AuthorizedParty = null, AppId = AppId }).SignedBy(_key);

        var result = await _auth.AuthenticateAsync(TestTokens.Bearer(token));

        Refused(result, "no azp claim");
    }

    [Fact]
    public async Task Emulator_token_with_version_3_is_refused()
    {
        var token = (TestTokens.EmulatorV2(AppId, _auth.Now, DeveloperTenant) with { Version = "3.0" }).SignedBy(_key);

        var result = await _auth.AuthenticateAsync(TestTokens.Bearer(token));

        Refused(result, "version '3.0'");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Emulator_token_from_a_developers_own_tenant_issued_to_our_app_is_accepted(bool v2)
    {
        var spec = v2 ? TestTokens.EmulatorV2(AppId, _auth.Now, DeveloperTenant) : TestTokens.EmulatorV1(AppId, _auth.Now, DeveloperTenant);

        var result = await _auth.AuthenticateAsync(TestTokens.Bearer(spec.SignedBy(_key)));

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task Delegated_token_is_accepted_in_Development()
    {
        var token = (TestTokens.EmulatorV2(AppId, _auth.Now, DeveloperTenant) with { Scope = "access_as_user", IdType = "user" }).SignedBy(_key);

        var result = await _auth.AuthenticateAsync(TestTokens.Bearer(token));

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task Token_of_a_Bot_Service_tenant_needs_no_appid_of_ours_as_in_the_Agents_SDK()
    {
        // Changed on purpose: the Bot Service's own Entra tokens carry its app id, not ours (security review, finding 5).
        const string botService = "11111111-2222-4333-8444-555555555555";
        var token = (TestTokens.EmulatorV1(AppId, _auth.Now) with { AppId = botService }).SignedBy(_key);

        var result = await _auth.AuthenticateAsync(TestTokens.Bearer(token));

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task Emulator_path_keys_come_from_the_tokens_own_tenant()
    {
        using var stray = TestSigningKey.WithoutEndorsements();
        _auth.Server.Tenant(LocalOpenIdServer.EmulatorTenantId).Publish(stray);
        var token = TestTokens.EmulatorV1(AppId, _auth.Now, DeveloperTenant).SignedBy(stray);

        var result = await _auth.AuthenticateAsync(TestTokens.Bearer(token));

        Refused(result, $"signing key '{stray.KeyId}' is not published");
    }

    [Fact]
    public async Task Token_for_another_audience_is_refused()
    {
        var token = (TestTokens.EmulatorV2(AppId, _auth.Now) with { Audience = "https://api.botframework.com" }).SignedBy(_key);

        var result = await _auth.AuthenticateAsync(TestTokens.Bearer(token));

        Refused(result, "audience");
    }

    [Fact]
    public async Task Expired_token_is_refused()
    {
        var token = (TestTokens.EmulatorV1(AppId, _auth.Now) with { NotBefore = _auth.Now.AddHours(-2), Expires = _auth.Now.AddMinutes(-10) }).SignedBy(_key);

        var result = await _auth.AuthenticateAsync(TestTokens.Bearer(token));

        Refused(result, "expired");
    }

    [Fact]
    public async Task Emulator_key_does_not_vouch_for_a_channel_issuer()
    {
        var token = TestTokens.Channel(AppId, ServiceUrl, _auth.Now).SignedBy(_key);

        var result = await _auth.AuthenticateAsync(TestTokens.Bearer(token));

        Refused(result, $"signing key '{_key.KeyId}' is not published");
    }
}
