using System.Text.Json.Nodes;
using PerijinanBot.Protocol;
using PerijinanBot.Protocol.Connector;

namespace PerijinanBot.Bot.Conversations;

/// <summary>A card delivered into someone's 1:1 chat with the bot: where it landed.</summary>
public sealed record Delivered(string ServiceUrl, string ConversationId, string ActivityId);

/// <summary>
/// Writes first to a person in their 1:1 chat with the bot: through the chat they opened, or, when they have only been
/// seen in a group, by creating the 1:1 chat (Teams returns the same chat for the same person).
/// </summary>
internal sealed class PersonalMessenger(ConversationReferenceStore references, ConnectorClient connector)
{
    /// <summary>The delivery, or null when the bot has no way to reach the person yet (they never installed or spoke to it).</summary>
    public async Task<Delivered?> SendCardAsync(string personId, JsonObject card, CancellationToken cancellationToken)
    {
        var reference = await ReachAsync(personId, cancellationToken);
        if (reference is null)
        {
            return null;
        }

        var message = reference.NewMessage() with
        {
            Attachments = [Attachment.AdaptiveCard(card)],
            // Raise it in the activity feed: it is their turn in an SOP with a clock running.
            ChannelData = new TeamsChannelData { Notification = new NotificationInfo(true) },
        };
        var sent = await connector.SendToConversationAsync(reference.ServiceUrl, reference.ConversationId, message, cancellationToken);
        return new Delivered(reference.ServiceUrl, reference.ConversationId, sent.Id ?? "");
    }

    public Task UpdateCardAsync(CardCopy copy, JsonObject card, CancellationToken cancellationToken)
    {
        var update = new Activity
        {
            Type = ActivityTypes.Message,
            Id = copy.ActivityId,
            Conversation = new ConversationAccount { Id = copy.ConversationId },
            Attachments = [Attachment.AdaptiveCard(card)],
        };
        return connector.UpdateActivityAsync(copy.ServiceUrl, copy.ConversationId, copy.ActivityId, update, cancellationToken);
    }

    private async Task<ConversationReference?> ReachAsync(string personId, CancellationToken cancellationToken)
    {
        if (await references.FindPersonalAsync(personId, cancellationToken) is { } personal)
        {
            return personal;
        }

        if (await references.FindSeenAsync(personId, cancellationToken) is not { UserId: { } userId, TenantId: { } tenantId, BotId: { } botId } seen)
        {
            return null;
        }

        var created = await connector.CreatePersonalConversationAsync(seen.ServiceUrl, tenantId, botId, userId, cancellationToken);
        if (created.Id is not { Length: > 0 } conversationId)
        {
            return null;
        }

        // The connector made this chat for the person's own user id: it is theirs, unlike the group it was reached from.
        var reference = seen with { ConversationId = conversationId, ConversationType = "personal", IsGroup = false };
        await references.RememberOpenedAsync(personId, reference, cancellationToken);
        return reference;
    }
}
