using System.Net;
using System.Net.Http.Headers;
using PerijinanBot.Protocol.Connector;

namespace PerijinanBot.Protocol.Tests.Connector;

/// <summary>The retry table and the pause arithmetic, without a network.</summary>
public sealed class RetryRulesTests
{
    private static readonly int[] _writeSuccess = [200, 201, 202];
    private static readonly DateTimeOffset _now = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(201, false, "Success")]
    [InlineData(429, false, "Retry")]
    [InlineData(412, false, "Retry")]
    [InlineData(502, false, "Unknown")]
    [InlineData(503, false, "Unknown")]
    [InlineData(504, false, "Unknown")]
    [InlineData(500, false, "Unknown")]
    [InlineData(408, false, "Unknown")]
    [InlineData(400, false, "Fail")]
    [InlineData(413, false, "Fail")]
    [InlineData(502, true, "Retry")]
    [InlineData(503, true, "Retry")]
    [InlineData(504, true, "Retry")]
    [InlineData(500, true, "Fail")]
    [InlineData(401, true, "Fail")]
    [InlineData(403, true, "Fail")]
    [InlineData(404, true, "Fail")]
    public void Only_documented_statuses_are_retried_and_a_POST_that_may_have_landed_is_unknown(int status, bool idempotent, string expected) =>
        Assert.Equal(expected, RetryRules.ForStatus((HttpStatusCode)status, idempotent, _writeSuccess).ToString());

    [Theory]
    [InlineData("NotSent", false, "Retry")]
    [InlineData("ConnectionLost", false, "Unknown")]
    [InlineData("TimedOut", false, "Unknown")]
    [InlineData("ConnectionLost", true, "Retry")]
    [InlineData("TimedOut", true, "Retry")]
    public void Without_an_answer_only_requests_that_never_left_or_can_be_repeated_are_retried(string noAnswer, bool idempotent, string expected) =>
        Assert.Equal(expected, RetryRules.ForNoAnswer(Enum.Parse<NoAnswer>(noAnswer), idempotent).ToString());

    [Fact]
    public void Retry_After_in_seconds_is_obeyed() =>
        Assert.Equal(TimeSpan.FromSeconds(7), RetryRules.RetryAfter(new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)), _now, TimeSpan.FromSeconds(60)));

    [Fact]
    public void Retry_After_as_an_HTTP_date_waits_until_that_moment() =>
        Assert.Equal(TimeSpan.FromSeconds(12), RetryRules.RetryAfter(new RetryConditionHeaderValue(_now.AddSeconds(12)), _now, TimeSpan.FromSeconds(60)));

    [Fact]
    public void Retry_After_in_the_past_means_now() =>
        Assert.Equal(TimeSpan.Zero, RetryRules.RetryAfter(new RetryConditionHeaderValue(_now.AddSeconds(-5)), _now, TimeSpan.FromSeconds(60)));

    [Fact]
    public void Retry_After_longer_than_the_cap_is_cut_to_the_cap() =>
        Assert.Equal(TimeSpan.FromSeconds(60), RetryRules.RetryAfter(new RetryConditionHeaderValue(TimeSpan.FromMinutes(10)), _now, TimeSpan.FromSeconds(60)));

    [Fact]
    public void No_Retry_After_leaves_the_pause_to_backoff() =>
        Assert.Null(RetryRules.RetryAfter(null, _now, TimeSpan.FromSeconds(60)));

    [Fact]
    public void Backoff_doubles_from_the_base_with_jitter_and_stops_at_the_maximum()
    {
        var baseDelay = TimeSpan.FromSeconds(1);
        var maxDelay = TimeSpan.FromSeconds(20);

        Assert.Equal(TimeSpan.FromMilliseconds(500), RetryRules.Backoff(1, baseDelay, maxDelay, random: 0));
        Assert.Equal(TimeSpan.FromMilliseconds(2000), RetryRules.Backoff(2, baseDelay, maxDelay, random: 1));
        Assert.Equal(TimeSpan.FromMilliseconds(3000), RetryRules.Backoff(3, baseDelay, maxDelay, random: 0.5));
        Assert.Equal(TimeSpan.FromSeconds(20), RetryRules.Backoff(12, baseDelay, maxDelay, random: 1));
        Assert.Equal(TimeSpan.FromSeconds(10), RetryRules.Backoff(99, baseDelay, maxDelay, random: 0));
    }
}
