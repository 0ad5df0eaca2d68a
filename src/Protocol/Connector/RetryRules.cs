using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace PerijinanBot.Protocol.Connector;

internal enum Verdict
{
    Success,
    Retry,
    Fail,
    Unknown,
}

/// <summary>Why an attempt got no HTTP status back.</summary>
internal enum NoAnswer
{
    /// <summary>The request never left (connection refused, name not resolved): nothing can have been delivered.</summary>
    NotSent,

    /// <summary>The exchange broke after the request may have been sent.</summary>
    ConnectionLost,

    TimedOut,
}

/// <summary>
/// Which outcomes are retried (msteams-docs: 412, 429, 502, 503, 504 with jittered backoff; nothing else), and the
/// one exception we add: a non-idempotent POST that may have reached Teams is never sent again.
/// </summary>
internal static class RetryRules
{
    public static Verdict ForStatus(HttpStatusCode status, bool idempotent, IReadOnlyCollection<int> success)
    {
        var code = (int)status;
        if (success.Contains(code))
        {
            return Verdict.Success;
        }

        return code switch
        {
            // Concurrent operation / throttled: Teams refused the request, so it did not post anything.
            412 or 429 => Verdict.Retry,
            502 or 503 or 504 => idempotent ? Verdict.Retry : Verdict.Unknown,
            // 500 (and 408) are not retried, but a POST that got one may still have posted.
            408 or >= 500 => idempotent ? Verdict.Fail : Verdict.Unknown,
            _ => Verdict.Fail,
        };
    }

    public static Verdict ForNoAnswer(NoAnswer noAnswer, bool idempotent) =>
        noAnswer == NoAnswer.NotSent || idempotent ? Verdict.Retry : Verdict.Unknown;

    /// <summary>True only when the request certainly never reached the server.</summary>
    public static bool NeverLeft(HttpRequestException exception)
    {
        if (exception.HttpRequestError == HttpRequestError.NameResolutionError)
        {
            return true;
        }

        for (Exception? inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The pause the server asked for (seconds or an HTTP date), capped; null when it asked for none.</summary>
    public static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now, TimeSpan cap)
    {
        var wait = header switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - now,
            _ => (TimeSpan?)null,
        };

        if (wait is not { } value)
        {
            return null;
        }

        return value < TimeSpan.Zero ? TimeSpan.Zero : value > cap ? cap : value;
    }

    /// <summary>
    /// Exponential backoff with "equal jitter": the step (baseDelay doubling per attempt, at most maxDelay) is half
    /// fixed, half random, so callers spread out. <paramref name="attempt"/> is the one that just failed, from 1;
    /// <paramref name="random"/> is in [0, 1).
    /// </summary>
    public static TimeSpan Backoff(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, double random)
    {
        var exponent = Math.Min(attempt - 1, 30);
        var step = Math.Min(baseDelay.TotalMilliseconds * Math.Pow(2, exponent), maxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((step / 2) + (step / 2 * random));
    }
}
