namespace PerijinanBot.Bot.Files;

/// <summary>
/// Log lines of generated files and their download links (event ids 1300-1349). Tokens and keys are never logged; key ids
/// are (they are derived one way and help an operator follow a key rotation).
/// </summary>
internal static partial class FilesLog
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Warning, Message = "Files:SigningKey is not set: download links are signed with a random key of this process and stop working when the bot restarts (Development only)")]
    public static partial void EphemeralSigningKey(ILogger logger);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Debug, Message = "Download refused: the link is not valid, has expired, or names no stored file")]
    public static partial void DownloadRefused(ILogger logger);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Information, Message = "Download of {BlobName} ({Length} bytes)")]
    public static partial void DownloadServed(ILogger logger, string blobName, long length);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Error, Message = "Download of {BlobName} failed: blob storage did not answer")]
    public static partial void DownloadFailed(ILogger logger, Exception exception, string blobName);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Information, Message = "Signing links and start cards with key id {CurrentKeyId}; previous keys still accepted: {PreviousKeyIds}")]
    public static partial void SigningKeys(ILogger logger, string currentKeyId, string previousKeyIds);
}
