namespace PerijinanBot.Bot.Storage;

/// <summary>
/// A write that Table Storage would refuse (entity over 1 MiB, more than 252 properties, a batch over 100 operations or
/// 4 MiB). Thrown before anything is sent: it is a programming or data-shape error, not a runtime condition to retry.
/// </summary>
public sealed class StorageLimitException : InvalidOperationException
{
    public StorageLimitException()
    {
    }

    public StorageLimitException(string message) : base(message)
    {
    }

    public StorageLimitException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
