using static PerijinanBot.Protocol.Tests.Auth.AuthHarness;
using static PerijinanBot.Protocol.Tests.Auth.ChannelTokenTests;

namespace PerijinanBot.Protocol.Tests.Auth;

/// <summary>No MicrosoftAppId: the Agents Playground on a developer's machine (§1.7 of the protocol notes).</summary>
public sealed class AuthenticationDisabledTests : IAsyncLifetime
{
    private AuthHarness _auth = null!;

    public async ValueTask InitializeAsync() => _auth = await StartAsync(TestContext.Current.CancellationToken, appId: "");

    public ValueTask DisposeAsync() => _auth.DisposeAsync();

    [Fact]
    public async Task Request_without_a_token_is_let_in_anonymously()
    {
        var result = await _auth.AuthenticateAsync(null);

        Assert.True(result.Succeeded);
        Assert.Same(PerijinanBot.Protocol.Auth.AuthResult.Anonymous, result);
        Assert.False(result.Identity?.IsAuthenticated);
    }

    [Fact]
    public async Task Request_with_a_token_is_still_checked_and_refused()
    {
        var key = _auth.Server.Channel.PublishNew();
        var token = TestTokens.Channel(AppId, ServiceUrl, _auth.Now).SignedBy(key);

        var result = await _auth.AuthenticateAsync(TestTokens.Bearer(token));

        Refused(result, "no MicrosoftAppId is configured");
    }

    [Fact]
    public async Task Request_with_a_malformed_header_is_refused()
    {
        var result = await _auth.AuthenticateAsync("Bearer");

        Refused(result, "not 'Bearer <token>'");
    }
}
