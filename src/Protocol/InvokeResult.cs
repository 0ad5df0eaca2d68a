using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace PerijinanBot.Protocol;

/// <summary>The HTTP answer to an invoke activity: its status and JSON body.</summary>
public sealed record InvokeResult(int Status, AdaptiveCardInvokeResponse? Body)
{
    /// <summary>What the SDK answers for an invoke nobody handles.</summary>
    public static InvokeResult NotImplemented { get; } = new(StatusCodes.Status501NotImplemented, null);

    public static InvokeResult Card(JsonObject card) => new(StatusCodes.Status200OK, AdaptiveCardInvokeResponse.Card(card));

    public static InvokeResult Message(string text) => new(StatusCodes.Status200OK, AdaptiveCardInvokeResponse.Message(text));

    /// <summary>A malformed Action.Execute: HTTP 400 with the Universal Actions error body, as the SDK answers.</summary>
    public static InvokeResult BadRequest(string code, string message) =>
        new(StatusCodes.Status400BadRequest, AdaptiveCardInvokeResponse.Error(StatusCodes.Status400BadRequest, code, message));
}
