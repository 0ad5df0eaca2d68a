using static PerijinanBot.Protocol.Tests.Auth.AuthHarness;
using static PerijinanBot.Protocol.Tests.Auth.ChannelTokenTests;

namespace PerijinanBot.Protocol.Tests.Auth;

/// <summary>When the keys are fetched: once, then daily-ish, and early when the Connector signs with a new key.</summary>
public sealed class SigningKeyRefreshTests : IAsyncLifetime
{
    private AuthHarness _auth = null!;
    private TestSigningKey _key = null!;

    public async ValueTask InitializeAsync()
    {
        _auth = await StartAsync(TestContext.Current.CancellationToken);
        _key = _auth.Server.Channel.PublishNew();
    }

    public ValueTask DisposeAsync() => _auth.DisposeAsync();

    private string TokenSignedBy(TestSigningKey key) => TestTokens.Bearer(TestTokens.Channel(AppId, ServiceUrl, _auth.Now).SignedBy(key));

    [Fact]
    public async Task Keys_are_fetched_once_and_reused()
    {
        for (var i = 0; i < 3; i++)
        {
            var result = await _auth.AuthenticateAsync(TokenSignedBy(_key));
            Assert.True(result.Succeeded, result.FailureReason);
        }

        Assert.Equal(1, _auth.Server.Channel.MetadataFetches);
        Assert.Equal(1, _auth.Server.Channel.KeyFetches);
    }

    [Fact]
    public async Task Concurrent_first_requests_share_one_fetch()
    {
        var token = TokenSignedBy(_key);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _auth.AuthenticateAsync(token)));

        Assert.All(results, r => Assert.True(r.Succeeded, r.FailureReason));
        Assert.Equal(1, _auth.Server.Channel.KeyFetches);
    }

    [Fact]
    public async Task Key_rotated_in_after_the_last_fetch_is_found_by_refetching()
    {
        Assert.True((await _auth.AuthenticateAsync(TokenSignedBy(_key))).Succeeded);
        using var rotated = TestSigningKey.Create("msteams");
        _auth.Server.Channel.Publish(rotated);
        _auth.Time.Advance(TimeSpan.FromMinutes(5));

        var result = await _auth.AuthenticateAsync(TokenSignedBy(rotated));

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal(2, _auth.Server.Channel.KeyFetches);
    }

    [Fact]
    public async Task Unknown_key_ids_refetch_at_most_once_per_minimum_interval()
    {
        Assert.True((await _auth.AuthenticateAsync(TokenSignedBy(_key))).Succeeded);
        using var rotated = TestSigningKey.Create("msteams");
        _auth.Server.Channel.Publish(rotated);

        var tooSoon = await _auth.AuthenticateAsync(TokenSignedBy(rotated));

        Refused(tooSoon, "is not published");
        Assert.Equal(1, _auth.Server.Channel.KeyFetches);

        _auth.Time.Advance(TimeSpan.FromMinutes(5));
        var later = await _auth.AuthenticateAsync(TokenSignedBy(rotated));

        Assert.True(later.Succeeded, later.FailureReason);
        Assert.Equal(2, _auth.Server.Channel.KeyFetches);
    }

    [Fact]
    public async Task Key_id_that_is_never_published_is_refused_after_one_refetch()
    {
        Assert.True((await _auth.AuthenticateAsync(TokenSignedBy(_key))).Succeeded);
        _auth.Time.Advance(TimeSpan.FromMinutes(5));
        using var stranger = TestSigningKey.Create("msteams");

        var first = await _auth.AuthenticateAsync(TokenSignedBy(stranger));
        var second = await _auth.AuthenticateAsync(TokenSignedBy(stranger));

        Refused(first, $"signing key '{stranger.KeyId}' is not published");
        Refused(second, $"signing key '{stranger.KeyId}' is not published");
        Assert.Equal(2, _auth.Server.Channel.KeyFetches);
    }

    [Fact]
    public async Task Keys_are_refetched_after_the_refresh_interval_and_a_withdrawn_key_stops_working()
    {
        Assert.True((await _auth.AuthenticateAsync(TokenSignedBy(_key))).Succeeded);
        var successor = _auth.Server.Channel.PublishNew();
        _auth.Server.Channel.Withdraw(_key);

        _auth.Time.Advance(TimeSpan.FromHours(11));
        var beforeRefresh = await _auth.AuthenticateAsync(TokenSignedBy(_key));
        _auth.Time.Advance(TimeSpan.FromHours(1));
        var afterRefresh = await _auth.AuthenticateAsync(TokenSignedBy(_key));

        Assert.True(beforeRefresh.Succeeded, beforeRefresh.FailureReason);
        Refused(afterRefresh, "is not published");
        Assert.True((await _auth.AuthenticateAsync(TokenSignedBy(successor))).Succeeded);
        Assert.Equal(2, _auth.Server.Channel.KeyFetches);
    }

    [Fact]
    public async Task Keys_fetched_before_keep_working_while_the_metadata_endpoint_is_down()
    {
        Assert.True((await _auth.AuthenticateAsync(TokenSignedBy(_key))).Succeeded);
        await _auth.Server.StopAsync(TestContext.Current.CancellationToken);
        _auth.Time.Advance(TimeSpan.FromHours(13));

        var result = await _auth.AuthenticateAsync(TokenSignedBy(_key));

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task Token_is_refused_when_the_keys_were_never_fetched()
    {
        await _auth.Server.StopAsync(TestContext.Current.CancellationToken);

        var result = await _auth.AuthenticateAsync(TokenSignedBy(_key));

        Refused(result, "signing keys could not be fetched");
    }
}
