using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PerijinanBot.Protocol.Auth;
using PerijinanBot.Protocol.Connector;

namespace PerijinanBot.Protocol;

/// <summary>
/// POST /api/messages: the one door the channel knocks on. Rate limit, token (from the header alone, before the body is
/// read), size check, parse, the activity against its token, the tenant and channel wall, then either answer an invoke
/// in the request or queue the turn and answer 200 at once; both through the <see cref="IActivityHandler"/> the host
/// registers.
/// </summary>
public static class MessagesEndpoint
{
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>Maps POST (and HEAD) /api/messages under the <see cref="MessagesRateLimit"/> policy (AddMessagesRateLimit, UseRateLimiter).</summary>
    public static IEndpointRouteBuilder MapMessages(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetRequiredService<IOptions<BotOptions>>().Value.AuthenticationDisabled)
        {
            Log.AuthenticationDisabled(app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MessagesEndpoint)));
        }

        app.MapPost("/api/messages", HandleAsync).RequireRateLimiting(MessagesRateLimit.PolicyName);
        // The Agents Playground probes reachability with HEAD before it sends.
        app.MapMethods("/api/messages", [HttpMethods.Head], () => Results.Ok()).RequireRateLimiting(MessagesRateLimit.PolicyName);
        return app;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext http,
        ChannelAuthenticator authenticator,
        TenantWall wall,
        IActivityHandler handler,
        ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(MessagesEndpoint));

        // The token first: a caller without a valid one costs no body read, no parse and no Information log line.
        var token = await authenticator.AuthenticateTokenAsync(http.Request.Headers.Authorization, http.RequestAborted);
        if (!token.Result.Succeeded)
        {
            // The authenticator has logged why (at Debug); the caller learns nothing beyond the status.
            return Results.Unauthorized();
        }

        if (!IsJson(http.Request.ContentType))
        {
            Log.MalformedActivity(logger, "content type is not application/json");
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Activities are application/json");
        }

        var body = await ReadBodyAsync(http.Request, http.RequestAborted);
        if (body is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: $"Activity larger than {MaxBodyBytes / 1024} KB");
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize(body, ProtocolJsonContext.Default.Activity);
        }
        catch (JsonException e)
        {
            Log.MalformedActivity(logger, e.Message);
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Body is not a valid activity JSON");
        }

        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
        {
            Log.MalformedActivity(logger, "no activity type");
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Activity has no type");
        }

        if (activity.ServiceUrl is { } serviceUrl && !ConnectorClient.TryServiceUrl(serviceUrl, out _))
        {
            // Everything the bot answers goes there: an address that is not one would fail every reply of the turn.
            Log.MalformedActivity(logger, "serviceUrl is not an absolute http(s) URL");
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "serviceUrl is not an absolute http(s) URL");
        }

        if (!authenticator.AuthenticateActivity(token, activity.ChannelId, activity.ServiceUrl).Succeeded)
        {
            return Results.Unauthorized();
        }

        // Before anything is stored or run: outside Development only Teams activities of our own tenant(s) go on. The
        // channel gets its 200 (nothing to retry), the activity is dropped, and only the Debug log knows.
        if (wall.Refuse(activity) is { } reason)
        {
            AuthLog.Dropped(logger, activity.Id, activity.Type, reason);
            return Results.Ok();
        }

        if (activity.IsType(ActivityTypes.Invoke))
        {
            var result = await handler.InvokeAsync(activity, http.RequestAborted);
            return result.Body is null
                ? Results.StatusCode(result.Status)
                : Results.Json(result.Body, ProtocolJsonContext.Default.AdaptiveCardInvokeResponse, statusCode: result.Status);
        }

        if (!IsHandled(activity))
        {
            Log.Ignored(logger, activity.Id, activity.Type);
            return Results.Ok();
        }

        return handler.TryEnqueue(activity) ? Results.Ok() : Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary><c>application/json</c>, with any parameters (the channel sends <c>; charset=utf-8</c>).</summary>
    private static bool IsJson(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var type)
        && type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);

    private static bool IsHandled(Activity activity) =>
        activity.IsType(ActivityTypes.Message)
        || activity.IsType(ActivityTypes.ConversationUpdate)
        || activity.IsType(ActivityTypes.InstallationUpdate);

    /// <summary>The body, or null when it exceeds <see cref="MaxBodyBytes"/> (whether declared or streamed).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
