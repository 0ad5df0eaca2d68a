using Microsoft.IdentityModel.Tokens;
using PerijinanBot.Protocol.Auth;
using static PerijinanBot.Protocol.Tests.Auth.AuthHarness;

namespace PerijinanBot.Protocol.Tests.Auth;

/// <summary>Tokens the Bot Connector signs for Teams, and the ways a request can fail to be one (§1.3 of the protocol notes).</summary>
public sealed class ChannelTokenTests : IAsyncLifetime
{
    private AuthHarness _auth = null!;
    private TestSigningKey _key = null!;

    public async ValueTask InitializeAsync()
    {
        _auth = await StartAsync(TestContext.Current.CancellationToken);
        _key = _auth.Server.Channel.PublishNew("msteams", "webchat");
    }

    public ValueTask DisposeAsync() => _auth.DisposeAsync();

    private TokenSpec Valid => TestTokens.Channel(AppId, ServiceUrl, _auth.Now);

    [Fact]
    public async Task Channel_token_from_the_Bot_Connector_is_accepted()
    {
        var result = await _auth.AuthenticateAsync(TestTokens.Bearer(Valid.SignedBy(_key)));

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.NotNull(result.Identity);
        Assert.Equal(AppId, result.Identity.FindFirst("aud")?.Value);
        Assert.Equal(ServiceUrl, result.Identity.FindFirst("serviceurl")?.Value);
    }

    [Theory]
    [InlineData(SecurityAlgorithms.RsaSha384)]
    [InlineData(SecurityAlgorithms.RsaSha512)]
    public async Task Channel_token_signed_with_a_longer_RSA_hash_is_accepted(string algorithm)
    {
        var result = await _auth.AuthenticateAsync(TestTokens.Bearer(Valid.SignedBy(_key, algorithm)));

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task Bearer_scheme_is_recognised_in_any_case()
    {
        var result = await _auth.AuthenticateAsync($"bEARER {Valid.SignedBy(_key)}");

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Request_without_a_token_is_refused_when_the_bot_has_an_app_id(string? header)
    {
        var result = await _auth.AuthenticateAsync(header);

        Refused(result, "no Authorization header");
        Assert.Null(result.Identity);
    }

    [Fact]
    public async Task Token_under_another_scheme_is_refused()
    {
        var result = await _auth.AuthenticateAsync($"Basic {Valid.SignedBy(_key)}");

        Refused(result, "not 'Bearer <token>'");
    }

    [Fact]
    public async Task Header_with_more_than_scheme_and_token_is_refused()
    {
        var result = await _auth.AuthenticateAsync($"Bearer {Valid.SignedBy(_key)} extra");

        Refused(result, "not 'Bearer <token>'");
    }

    [Fact]
    public async Task Bearer_value_that_is_not_a_JWT_is_refused()
    {
        var result = await _auth.AuthenticateAsync("Bearer not-a-jwt");

        Refused(result, "not a readable JWT");
    }

    [Fact]
    public async Task Token_from_an_unknown_issuer_is_refused_before_any_key_is_fetched()
    {
        var token = (Valid with { Issuer = "https://evil.example.com" }).SignedBy(_key);

        var result = await _auth.AuthenticateAsync(TestTokens.Bearer(token));

        Refused(result, "issuer 'https://evil.example.com'");
        Assert.Equal(0, _auth.Server.Channel.MetadataFetches);
        Assert.Equal(0, _auth.Server.TenantMetadataFetches);
    }

    [Fact]
    public async Task Token_for_another_bot_is_refused()
    {
        var token = (Valid with { Audience = "0b9c8d7e-6f5a-4b3c-2d1e-0f9a8b7c6d5e" }).SignedBy(_key);

        var result = await _auth.AuthenticateAsync(TestTokens.Bearer(token));

        Refused(result, "audience");
    }

    [Fact]
    public async Task Token_expired_more_than_five_minutes_ago_is_refused()
    {
        var token = (Valid with { NotBefore = _auth.Now.AddHours(-2), Expires = _auth.Now.AddMinutes(-5).AddSeconds(-1) }).SignedBy(_key);

        var result = await _auth.AuthenticateAsync(TestTokens.Bearer(token));

        Refused(result, "expired");
    }

    [Fact]
    public async Task Token_expired_within_the_five_minute_clock_skew_is_accepted()
    {
        var token = (Valid with { NotBefore = _auth.Now.AddHours(-2), Expires = _auth.Now.AddMinutes(-4) }).SignedBy(_key);

        var result = await _auth.AuthenticateAsync(TestTokens.Bearer(token));

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task Token_not_valid_until_beyond_the_clock_skew_is_refused()
    {
        var token = (Valid with { NotBefore = _auth.Now.AddMinutes(6), Expires = _auth.Now.AddHours(1) }).SignedBy(_key);

        var result = await _auth.AuthenticateAsync(TestTokens.Bearer(token));

        Refused(result, "not valid yet");
    }

    [Fact]
    public async Task Token_without_an_expiry_is_refused()
    {
        var token = (Valid with { Expires = null }).SignedBy(_key);

        var result = await _auth.AuthenticateAsync(TestTokens.Bearer(token));

        Refused(result, "no expiry");
    }

    [Fact]
    public async Task Token_signed_by_an_impostor_under_a_published_key_id_is_refused()
    {
        using var impostor = _key.Impostor();

        var result = await _auth.AuthenticateAsync(TestTokens.Bearer(Valid.SignedBy(impostor)));

        Refused(result, "signature");
    }

    [Fact]
    public async Task Token_with_a_tampered_payload_is_refused()
    {
        var parts = Valid.SignedBy(_key).Split('.');
        var forgedPayload = Base64UrlEncoder.Encode((Valid with { ServiceUrl = "https://evil.example.com/" }).ToPayloadJson());

        var result = await _auth.AuthenticateAsync(TestTokens.Bearer($"{parts[0]}.{forgedPayload}.{parts[2]}"), serviceUrl: "https://evil.example.com/");

        Refused(result, "signature");
    }

    [Fact]
    public async Task Unsigned_token_with_alg_none_is_refused()
    {
        var result = await _auth.AuthenticateAsync(TestTokens.Bearer(Valid.Unsigned(_key.KeyId)));

        Refused(result, "'none'");
    }

    [Fact]
    public async Task Token_signed_with_HS256_under_a_published_key_id_is_refused()
    {
        var result = await _auth.AuthenticateAsync(TestTokens.Bearer(Valid.SignedWithHs256(_key.KeyId)));

        Refused(result, "'HS256'");
    }

    [Fact]
    public async Task Token_signed_by_a_key_without_the_msteams_endorsement_is_refused()
    {
        var webchatOnly = _auth.Server.Channel.PublishNew("webchat");

        var result = await _auth.AuthenticateAsync(TestTokens.Bearer(Valid.SignedBy(webchatOnly)));

        Refused(result, "not endorsed for channel 'msteams'");
    }

    [Fact]
    public async Task Channel_token_signed_by_a_key_with_no_endorsements_is_refused()
    {
        var unendorsed = _auth.Server.Channel.PublishNewWithoutEndorsements();

        var result = await _auth.AuthenticateAsync(TestTokens.Bearer(Valid.SignedBy(unendorsed)));

        Refused(result, "carries no endorsements");
    }

    [Fact]
    public async Task Endorsement_is_checked_against_the_activity_channel()
    {
        var result = await _auth.AuthenticateAsync(TestTokens.Bearer(Valid.SignedBy(_key)), channelId: "webchat");

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task Activity_without_a_channel_id_passes_the_endorsement_check_of_an_endorsed_key()
    {
        var result = await _auth.AuthenticateAsync(TestTokens.Bearer(Valid.SignedBy(_key)), channelId: null);

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task Token_issued_for_another_serviceUrl_is_refused()
    {
        var token = (Valid with { ServiceUrl = "https://smba.trafficmanager.net/emea/" }).SignedBy(_key);

        var result = await _auth.AuthenticateAsync(TestTokens.Bearer(token));

        Refused(result, "serviceurl 'https://smba.trafficmanager.net/emea/'");
    }

    [Fact]
    public async Task ServiceUrl_is_compared_without_regard_to_case()
    {
        var token = (Valid with { ServiceUrl = ServiceUrl.ToUpperInvariant() }).SignedBy(_key);

        var result = await _auth.AuthenticateAsync(TestTokens.Bearer(token));

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task Channel_token_without_a_serviceurl_claim_is_refused()
    {
        var token = (Valid with { ServiceUrl = null }).SignedBy(_key);

        var result = await _auth.AuthenticateAsync(TestTokens.Bearer(token));

        Refused(result, "no serviceurl claim");
    }

    [Fact]
    public async Task Channel_key_does_not_vouch_for_an_emulator_issuer()
    {
        _auth.Server.Tenant(LocalOpenIdServer.EmulatorTenantId);
        var token = TestTokens.EmulatorV1(AppId, _auth.Now).SignedBy(_key);

        var result = await _auth.AuthenticateAsync(TestTokens.Bearer(token));

        Refused(result, $"signing key '{_key.KeyId}' is not published");
    }

    internal static void Refused(AuthResult result, string reasonFragment)
    {
        Assert.False(result.Succeeded);
        Assert.Null(result.Identity);
        Assert.Contains(reasonFragment, result.FailureReason, StringComparison.Ordinal);
    }
}
