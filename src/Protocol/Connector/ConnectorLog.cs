using Microsoft.Extensions.Logging;

namespace PerijinanBot.Protocol.Connector;

/// <summary>Connector log lines: operation, status, attempt and correlation id. Never a token, never message text.</summary>
internal static partial class ConnectorLog
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Outbound connector calls carry no token: MicrosoftAppId is empty (Agents Playground only)")]
    public static partial void OutboundTokenDisabled(ILogger logger);

    [LoggerMessage(EventId = 201, Level = LogLevel.Debug, Message = "Connector {Operation} answered {StatusCode} on attempt {Attempt} (correlation id {CorrelationId})")]
    public static partial void Succeeded(ILogger logger, ConnectorOperation operation, int statusCode, int attempt, string? correlationId);

    [LoggerMessage(EventId = 202, Level = LogLevel.Warning, Message = "Connector {Operation} got {StatusCode} {Failure} on attempt {Attempt} of {MaxAttempts}; retrying in {DelayMs} ms (correlation id {CorrelationId})")]
    public static partial void Retrying(ILogger logger, ConnectorOperation operation, int? statusCode, string? failure, int attempt, int maxAttempts, long delayMs, string? correlationId);

    [LoggerMessage(EventId = 203, Level = LogLevel.Warning, Message = "Connector {Operation} failed with {StatusCode} {Failure} {ErrorCode} after {Attempts} attempt(s) (correlation id {CorrelationId})")]
    public static partial void Failed(ILogger logger, ConnectorOperation operation, int? statusCode, string? failure, string? errorCode, int attempts, string? correlationId);

    [LoggerMessage(EventId = 204, Level = LogLevel.Error, Message = "Connector {Operation} outcome UNKNOWN after {StatusCode} {Failure} on attempt {Attempts} (correlation id {CorrelationId}): not retried, the message may or may not be in the chat")]
    public static partial void OutcomeUnknown(ILogger logger, ConnectorOperation operation, int? statusCode, string? failure, int attempts, string? correlationId);

    [LoggerMessage(EventId = 205, Level = LogLevel.Warning, Message = "Connector {Operation} succeeded with {StatusCode} but its body could not be read (correlation id {CorrelationId})")]
    public static partial void UnreadableSuccessBody(ILogger logger, ConnectorOperation operation, int statusCode, string? correlationId);

    [LoggerMessage(EventId = 206, Level = LogLevel.Error, Message = "Connector {Operation}: no token for the Bot Connector, MSAL error {ErrorCode}")]
    public static partial void TokenFailed(ILogger logger, Exception exception, ConnectorOperation operation, string errorCode);

    [LoggerMessage(EventId = 207, Level = LogLevel.Warning, Message = "Connector {Operation}: not calling {Host}, which is not an allowed serviceUrl host (BotConnector:AllowedServiceHosts); the bot's token is never sent there")]
    public static partial void ServiceHostRefused(ILogger logger, ConnectorOperation operation, string host);

    [LoggerMessage(EventId = 208, Level = LogLevel.Warning, Message = "Received file not fetched from {Host}: not an allowed host (inline image: {NeedsBotToken}; BotConnector:AllowedFileHosts / AllowedServiceHosts)")]
    public static partial void FileHostRefused(ILogger logger, string host, bool needsBotToken);

    [LoggerMessage(EventId = 209, Level = LogLevel.Warning, Message = "Received file from {Host} could not be fetched: {Reason}")]
    public static partial void FileDownloadFailed(ILogger logger, Exception? exception, string host, string reason);
}
