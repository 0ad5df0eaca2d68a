using System.Text.Json;
using System.Text.Json.Serialization;

namespace PerijinanBot.Protocol;

/// <summary>Wire JSON: camelCase, nulls omitted (the connector rejects some explicit nulls), source-generated.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ConversationParameters))]
[JsonSerializable(typeof(ConversationResourceResponse))]
[JsonSerializable(typeof(TeamsChannelAccount))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(AdaptiveCardInvokeResponse))]
[JsonSerializable(typeof(ConversationReference))]
public sealed partial class ProtocolJsonContext : JsonSerializerContext;
