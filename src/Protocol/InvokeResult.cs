using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace PerijinanBot.Protocol;

/// <summary>The HTTP answer to an invoke activity: its status and JSON body.</summary>
public sealed record InvokeResult(int Status, AdaptiveCardInvokeResponse? Body)
{
    /// <summary>
    /// An invoke the bot has no handler for (a message extension, a task module, sign-in): a 400 with the error body. Not the
    /// SDK's 501: a request the bot will never serve is the caller's mistake, and a 5xx would read as the bot failing.
    /// </summary>
    public static InvokeResult NotHandled(string name) =>
        BadRequest("NotSupported", $"The bot does not handle invoke '{name}'.");

    public static InvokeResult Card(JsonObject card) => new(StatusCodes.Status200OK, AdaptiveCardInvokeResponse.Card(card));

    public static InvokeResult Message(string text) => new(StatusCodes.Status200OK, AdaptiveCardInvokeResponse.Message(text));

    /// <summary>A malformed Action.Execute: HTTP 400 with the Universal Actions error body, as the SDK answers.</summary>
    public static InvokeResult BadRequest(string code, string message) =>
        new(StatusCodes.Status400BadRequest, AdaptiveCardInvokeResponse.Error(StatusCodes.Status400BadRequest, code, message));
}
