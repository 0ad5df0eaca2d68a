using System.Net;
using PerijinanBot.Protocol.Tests.Auth;

namespace PerijinanBot.Protocol.Tests.Endpoint;

/// <summary>Per client address, /api/messages takes MessagesRateLimit:PermitLimit requests per window; then 429.</summary>
public sealed class MessagesRateLimitTests
{
    [Fact]
    public async Task Requests_over_the_limit_are_429_with_Retry_After_whether_or_not_they_carry_a_token()
    {
        await using var host = await MessagesHost.StartAsync(TestEnvironment.Production, new Dictionary<string, string?>
        {
            ["MessagesRateLimit:PermitLimit"] = "3",
            ["MessagesRateLimit:Window"] = "00:10:00",
        });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await host.PostAsync(MessagesHost.Message(), authorization: null);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            }
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Contains(host.Logs.Lines, l => l.StartsWith("Debug:", StringComparison.Ordinal) && l.Contains("over the rate limit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_default_limit_lets_a_busy_office_through()
    {
        await using var host = await MessagesHost.StartAsync(TestEnvironment.Production);
        var key = host.OpenId.Channel.PublishNew("msteams");
        var token = TestTokens.Bearer(TestTokens.Channel(MessagesHost.AppId, MessagesHost.ServiceUrl, DateTimeOffset.UtcNow).SignedBy(key));

        for (var i = 0; i < 100; i++)
        {
            using var response = await host.PostAsync(MessagesHost.Message(), token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(100, host.Handler.Received.Count);
    }

    [Theory]
    [InlineData("0", "00:01:00", "PermitLimit must be at least 1")]
    [InlineData("10", "00:00:00.5", "Window must be between 1 second and 1 hour")]
    public async Task A_limit_that_cannot_work_stops_the_host_at_start_up(string permits, string window, string message)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () => await MessagesHost.StartAsync(TestEnvironment.Production, new Dictionary<string, string?>
        {
            ["MessagesRateLimit:PermitLimit"] = permits,
            ["MessagesRateLimit:Window"] = window,
        }));

        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
    }
}
