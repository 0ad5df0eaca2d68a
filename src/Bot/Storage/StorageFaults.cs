using Azure;

namespace PerijinanBot.Bot.Storage;

internal static class StorageFaults
{
    /// <summary>
    /// The request may have been applied although the caller saw a failure: a timeout, a dropped connection, a 5xx.
    /// Such a write must be resolved by reading, never assumed to have failed.
    /// </summary>
    public static bool IsAmbiguous(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        RequestFailedException failed => failed.Status is 0 or 408 or >= 500,
        // A network timeout surfaces as a cancellation the caller did not ask for.
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        IOException or HttpRequestException or TimeoutException => true,
        // Azure.Core's retry policy wraps the exceptions of all its tries once it gives up.
        AggregateException aggregate => aggregate.InnerExceptions.Any(inner => IsAmbiguous(inner, cancellationToken)),
        _ => false,
    };

    /// <summary>If-Match failed (412) or the row to add exists (409): someone wrote first, or an earlier attempt of ours did.</summary>
    public static bool IsConflict(RequestFailedException exception) => exception.Status is 409 or 412;

    public static bool IsNotFound(RequestFailedException exception) => exception.Status == 404;
}
