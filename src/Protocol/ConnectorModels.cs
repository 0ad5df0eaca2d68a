using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PerijinanBot.Protocol;

/// <summary>The connector's answer to a send: the id of the activity it created.</summary>
public sealed record ResourceResponse(string? Id);

/// <summary>Body of <c>POST /v3/conversations</c>; for a Teams 1:1 chat: not a group, one member, the tenant.</summary>
public sealed record ConversationParameters
{
    public bool IsGroup { get; init; }
    public ChannelAccount? Bot { get; init; }
    public IReadOnlyList<ChannelAccount>? Members { get; init; }
    public string? TopicName { get; init; }
    public string? TenantId { get; init; }
    public Activity? Activity { get; init; }
    public TeamsChannelData? ChannelData { get; init; }
}

public sealed record ConversationResourceResponse(string? Id, string? ActivityId, string? ServiceUrl);

public sealed record TeamsChannelAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadObjectId { get; init; }
    /// <summary>The legacy roster API names the Entra object id <c>objectId</c>.</summary>
    public string? ObjectId { get; init; }
    public string? GivenName { get; init; }
    public string? Surname { get; init; }
    public string? Email { get; init; }
    public string? UserPrincipalName { get; init; }
    public string? TenantId { get; init; }
    public string? UserRole { get; init; }
}

public sealed record ErrorResponse(ErrorBody? Error);

public sealed record ErrorBody(string? Code, string? Message);

/// <summary>The body of the HTTP 200 that answers an <c>adaptiveCard/action</c> invoke.</summary>
public sealed record AdaptiveCardInvokeResponse(int StatusCode, string Type, JsonNode? Value)
{
    public const string CardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    public static AdaptiveCardInvokeResponse Card(JsonObject card) => new(200, CardType, card);

    public static AdaptiveCardInvokeResponse Message(string text) => new(200, MessageType, JsonValue.Create(text));

    public static AdaptiveCardInvokeResponse Error(int statusCode, string code, string message) =>
        new(statusCode, ErrorType, new JsonObject { ["code"] = code, ["message"] = message });
}

/// <summary>Where a conversation lives, so the bot can write to it later without being spoken to (proactive).</summary>
public sealed record ConversationReference
{
    public required string ServiceUrl { get; init; }
    public required string ConversationId { get; init; }
    public string? ChannelId { get; init; }
    public string? ConversationType { get; init; }
    public bool IsGroup { get; init; }
    public string? TenantId { get; init; }
    public string? UserId { get; init; }
    public string? UserAadObjectId { get; init; }
    public string? UserName { get; init; }
    public string? BotId { get; init; }
    public string? BotName { get; init; }

    [JsonIgnore]
    public bool IsPersonal => !IsGroup && (ConversationType is null or "personal");

    /// <summary>Taken from an inbound activity, or null when it lacks the address fields.</summary>
    public static ConversationReference? From(Activity activity)
    {
        if (string.IsNullOrWhiteSpace(activity.ServiceUrl) || string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return null;
        }

        return new ConversationReference
        {
            ServiceUrl = activity.ServiceUrl,
            ConversationId = activity.Conversation.Id,
            ChannelId = activity.ChannelId,
            ConversationType = activity.Conversation.ConversationType,
            IsGroup = activity.Conversation.IsGroup ?? false,
            TenantId = activity.Conversation.TenantId ?? activity.ChannelData?.Tenant?.Id,
            UserId = activity.From?.Id,
            UserAadObjectId = activity.From?.AadObjectId,
            UserName = activity.From?.Name,
            BotId = activity.Recipient?.Id,
            BotName = activity.Recipient?.Name,
        };
    }

    /// <summary>A fresh outbound message addressed to this conversation.</summary>
    public Activity NewMessage() => new()
    {
        Type = ActivityTypes.Message,
        ServiceUrl = ServiceUrl,
        ChannelId = ChannelId,
        Conversation = new ConversationAccount { Id = ConversationId, IsGroup = IsGroup, ConversationType = ConversationType, TenantId = TenantId },
        From = BotId is null ? null : new ChannelAccount { Id = BotId, Name = BotName },
        Recipient = UserId is null ? null : new ChannelAccount { Id = UserId, Name = UserName, AadObjectId = UserAadObjectId },
    };
}
