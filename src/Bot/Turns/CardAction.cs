using System.Text.Json;
using PerijinanBot.Protocol;

namespace PerijinanBot.Bot.Turns;

/// <summary>The <c>value.action</c> of an <c>adaptiveCard/action</c> invoke: the verb and the data the card carried, inputs merged.</summary>
internal sealed record CardAction(string Verb, JsonElement Data)
{
    /// <summary>Reads the invoke value, or the 400 the SDK answers when it is not an Action.Execute.</summary>
    public static (CardAction? Action, InvokeResult? Error) Parse(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } v || !v.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object)
        {
            return (null, InvokeResult.BadRequest("BadRequest", "Missing value.action in the adaptiveCard/action invoke."));
        }

        if (!action.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "Action.Execute")
        {
            return (null, InvokeResult.BadRequest("NotSupported", "The action type is not supported; only Action.Execute is."));
        }

        var verb = action.TryGetProperty("verb", out var v2) && v2.ValueKind == JsonValueKind.String ? v2.GetString() ?? "" : "";
        var data = action.TryGetProperty("data", out var d) ? d.Clone() : default;
        return (new CardAction(verb, data), null);
    }
}
