using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Identity.Client;

namespace PerijinanBot.Protocol.Connector;

public sealed partial class ConnectorClient
{
    private static readonly MediaTypeHeaderValue _json = new("application/json") { CharSet = "utf-8" };

    /// <summary>The retry loop: one attempt, a verdict, then success, a pause and another try, or an exception.</summary>
    private async Task<T?> CallAsync<T>(
        ConnectorOperation operation,
        HttpMethod method,
        Uri uri,
        byte[]? body,
        bool idempotent,
        int[] success,
        JsonTypeInfo<T> responseType,
        CancellationToken cancellationToken)
        where T : class
    {
        var client = _httpClientFactory.CreateClient(ConnectorSetup.ConnectorHttpClientName);
        for (var attempt = 1; ; attempt++)
        {
            var token = await TokenAsync(operation, uri, attempt, cancellationToken);
            var result = await AttemptAsync(client, method, uri, body, token, cancellationToken);
            var verdict = result.NoAnswer is { } noAnswer
                ? RetryRules.ForNoAnswer(noAnswer, idempotent)
                : RetryRules.ForStatus(result.Status!.Value, idempotent, success);
            if (result.Status == HttpStatusCode.TooManyRequests)
            {
                _metrics.Throttled(operation);
            }

            switch (verdict)
            {
                case Verdict.Success:
                    ConnectorLog.Succeeded(_logger, operation, (int)result.Status!.Value, attempt, result.CorrelationId);
                    return Parse(operation, result, responseType);

                case Verdict.Unknown:
                    ConnectorLog.OutcomeUnknown(_logger, operation, StatusOf(result), result.Reason, attempt, result.CorrelationId);
                    throw new DeliveryOutcomeUnknownException(operation, attempt, Fault(result), result.Error);

                case Verdict.Retry when attempt < _options.MaxAttempts:
                    var delay = RetryRules.RetryAfter(result.RetryAfter, _timeProvider.GetUtcNow(), _options.MaxRetryAfter)
                        ?? RetryRules.Backoff(attempt, _options.BaseDelay, _options.MaxDelay, Random.Shared.NextDouble());
                    _metrics.Retried(operation, StatusOf(result) ?? 0);
                    ConnectorLog.Retrying(_logger, operation, StatusOf(result), result.Reason, attempt, _options.MaxAttempts, (long)delay.TotalMilliseconds, result.CorrelationId);
                    await Task.Delay(delay, _timeProvider, cancellationToken);
                    break;

                default:
                    var fault = Fault(result);
                    ConnectorLog.Failed(_logger, operation, StatusOf(result), result.Reason, fault.ErrorCode, attempt, result.CorrelationId);
                    throw new ConnectorException(operation, attempt, fault, result.Error);
            }
        }
    }

    private async Task<string?> TokenAsync(ConnectorOperation operation, Uri uri, int attempt, CancellationToken cancellationToken)
    {
        if (!_tokens.IsEnabled)
        {
            return null;
        }

        // The token is the bot's identity: it may travel in clear only to this machine (the Playground, tests).
        if (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback)
        {
            throw new ConnectorException(operation, attempt - 1, new ConnectorFault(null, "InsecureServiceUrl", null, null,
                $"refusing to send the bot's token over plain http to {uri.Host}"));
        }

        // ...and only to the Bot Connector: a serviceUrl from a forged activity or a poisoned stored reference must not
        // collect it. Refused like an insecure serviceUrl: a definite failure, nothing sent.
        if (!_serviceHosts.Allows(uri))
        {
            ConnectorLog.ServiceHostRefused(_logger, operation, uri.Host);
            throw new ConnectorException(operation, attempt - 1, new ConnectorFault(null, "ServiceUrlNotAllowed", null, null,
                $"refusing to send the bot's token to {uri.Host}, which is not in {ConnectorOptions.Section}:AllowedServiceHosts"));
        }

        try
        {
            return await _tokens.GetTokenAsync(cancellationToken);
        }
        // MSAL lets network failures through as they are. Either way nothing reached the connector: a definite failure.
        catch (Exception e) when (e is MsalException or HttpRequestException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var code = (e as MsalException)?.ErrorCode ?? "TokenEndpointUnreachable";
            ConnectorLog.TokenFailed(_logger, e, operation, code);
            throw new ConnectorException(operation, attempt - 1, new ConnectorFault(null, code, null, null, "no token from Entra ID"), e);
        }
    }

    private async Task<Attempt> AttemptAsync(HttpClient client, HttpMethod method, Uri uri, byte[]? body, string? token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = _json;
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (OutboundDelivery.Key is { } delivery)
        {
            // Header values are ASCII on the wire; a key with other characters travels escaped.
            request.Headers.TryAddWithoutValidation(OutboundDelivery.Header, delivery.All(c => c is >= ' ' and <= '~') ? delivery : Uri.EscapeDataString(delivery));
        }

        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Attempt.Without(NoAnswer.TimedOut, $"no response within {_options.RequestTimeout.TotalSeconds:0.###} s", e);
        }
        catch (HttpRequestException e)
        {
            return RetryRules.NeverLeft(e)
                ? Attempt.Without(NoAnswer.NotSent, "not sent: " + e.Message, e)
                : Attempt.Without(NoAnswer.ConnectionLost, "connection lost: " + e.Message, e);
        }

        using (response)
        {
            // The status is what matters: a 201 whose body is cut off was still delivered, so it must not become a failure.
            string? text;
            try
            {
                text = await response.Content.ReadAsStringAsync(linked.Token);
            }
            catch (Exception e) when (e is HttpRequestException or IOException
                || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                text = null;
            }

            return new Attempt(response.StatusCode, text, CorrelationIdOf(response), response.Headers.RetryAfter, null, null, null);
        }
    }

    private T? Parse<T>(ConnectorOperation operation, Attempt result, JsonTypeInfo<T> responseType)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(result.Body))
        {
            // 202 Accepted (e.g. typing) has no body; a cut-off body is reported.
            if (result.Body is null)
            {
                ConnectorLog.UnreadableSuccessBody(_logger, operation, (int)result.Status!.Value, result.CorrelationId);
            }

            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(result.Body, responseType);
        }
        catch (JsonException)
        {
            ConnectorLog.UnreadableSuccessBody(_logger, operation, (int)result.Status!.Value, result.CorrelationId);
            return null;
        }
    }

    private static ConnectorFault Fault(Attempt result)
    {
        ErrorBody? error = null;
        if (result.Status is not null && !string.IsNullOrWhiteSpace(result.Body))
        {
            try
            {
                error = JsonSerializer.Deserialize(result.Body, ProtocolJsonContext.Default.ErrorResponse)?.Error;
            }
            catch (JsonException)
            {
                // An HTML error page from a proxy: the status code says enough.
            }
        }

        var message = error?.Message is { Length: > 500 } longMessage ? longMessage[..500] : error?.Message;
        return new ConnectorFault(result.Status, error?.Code, message, result.CorrelationId, result.Reason);
    }

    private static string? CorrelationIdOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Correlating-OperationId", out var operationId) ? operationId.FirstOrDefault()
        : response.Headers.TryGetValues("MS-CV", out var correlationVector) ? correlationVector.FirstOrDefault()
        : null;

    private static int? StatusOf(Attempt result) => result.Status is { } status ? (int)status : null;

    /// <summary>One HTTP exchange as the retry loop sees it: a status (and body), or why there was none.</summary>
    private sealed record Attempt(
        HttpStatusCode? Status,
        string? Body,
        string? CorrelationId,
        RetryConditionHeaderValue? RetryAfter,
        NoAnswer? NoAnswer,
        string? Reason,
        Exception? Error)
    {
        public static Attempt Without(NoAnswer noAnswer, string reason, Exception error) => new(null, null, null, null, noAnswer, reason, error);
    }
}
