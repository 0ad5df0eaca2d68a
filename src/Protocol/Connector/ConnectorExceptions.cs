using System.Net;

namespace PerijinanBot.Protocol.Connector;

/// <summary>The connector calls this client makes, named in logs and exceptions.</summary>
public enum ConnectorOperation
{
    SendToConversation,
    ReplyToActivity,
    UpdateActivity,
    DeleteActivity,
    CreateConversation,
    GetMember,
}

/// <summary>
/// The connector definitely did not do what was asked: it refused (4xx, or a retryable error until the tries ran out),
/// or the request never left. Safe to try again later. Never carries the bearer token.
/// </summary>
public sealed class ConnectorException : Exception
{
    public ConnectorException()
    {
    }

    public ConnectorException(string message) : base(message)
    {
    }

    public ConnectorException(string message, Exception? innerException) : base(message, innerException)
    {
    }

    internal ConnectorException(ConnectorOperation operation, int attempts, ConnectorFault fault, Exception? innerException = null)
        : base(fault.Describe(operation, attempts), innerException)
    {
        Operation = operation;
        Attempts = attempts;
        StatusCode = fault.StatusCode;
        ErrorCode = fault.ErrorCode;
        ErrorMessage = fault.ErrorMessage;
        CorrelationId = fault.CorrelationId;
    }

    public ConnectorOperation Operation { get; }

    /// <summary>Null when no response arrived (connection refused, timeout, token acquisition failed).</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary><c>error.code</c> of the connector's ErrorResponse, e.g. <c>BadArgument</c>, <c>ConversationBlockedByUser</c>.</summary>
    public string? ErrorCode { get; }

    public string? ErrorMessage { get; }

    /// <summary><c>X-Correlating-OperationId</c> (or <c>MS-CV</c>): quote it to Microsoft support.</summary>
    public string? CorrelationId { get; }

    public int Attempts { get; }
}

/// <summary>
/// A send or reply (a non-idempotent POST) failed after the request may have reached Teams: a 5xx, a timeout, or a
/// connection lost mid-exchange. The message may or may not be in the chat. It was deliberately NOT retried, so that
/// the person never sees the card twice: record the send as uncertain and reconcile instead of posting again.
/// Deliberately not a <see cref="ConnectorException"/>, so a handler that retries definite failures cannot swallow it.
/// </summary>
public sealed class DeliveryOutcomeUnknownException : Exception
{
    public DeliveryOutcomeUnknownException()
    {
    }

    public DeliveryOutcomeUnknownException(string message) : base(message)
    {
    }

    public DeliveryOutcomeUnknownException(string message, Exception? innerException) : base(message, innerException)
    {
    }

    internal DeliveryOutcomeUnknownException(ConnectorOperation operation, int attempts, ConnectorFault fault, Exception? innerException = null)
        : base("Outcome unknown, not retried: " + fault.Describe(operation, attempts), innerException)
    {
        Operation = operation;
        Attempts = attempts;
        StatusCode = fault.StatusCode;
        ErrorCode = fault.ErrorCode;
        CorrelationId = fault.CorrelationId;
    }

    public ConnectorOperation Operation { get; }

    /// <summary>Null when no response arrived (timeout, connection lost).</summary>
    public HttpStatusCode? StatusCode { get; }

    public string? ErrorCode { get; }

    public string? CorrelationId { get; }

    public int Attempts { get; }
}

/// <summary>What went wrong in one attempt, as far as the client can tell.</summary>
internal sealed record ConnectorFault(HttpStatusCode? StatusCode, string? ErrorCode, string? ErrorMessage, string? CorrelationId, string? Reason = null)
{
    public string Describe(ConnectorOperation operation, int attempts)
    {
        var what = StatusCode is { } status ? $"HTTP {(int)status}" : Reason ?? "no response";
        var code = ErrorCode is null ? "" : $" {ErrorCode}";
        var message = ErrorMessage is null ? "" : $": {ErrorMessage}";
        var correlation = CorrelationId is null ? "" : $" (correlation id {CorrelationId})";
        return $"{operation} failed with {what}{code}{message}{correlation} after {attempts} attempt(s).";
    }
}
