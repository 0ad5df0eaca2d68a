using System.Text.Json.Nodes;
using PerijinanBot.Protocol;
using PerijinanBot.Protocol.Connector;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Bot.Turns;

/// <summary>One inbound activity and the means to answer in its conversation.</summary>
internal sealed class TurnContext(Activity activity, ConversationReference reference, Person? sender, ConnectorClient connector)
{
    public Activity Activity { get; } = activity;
    public ConversationReference Reference { get; } = reference;

    /// <summary>The sender as the directory knows them; null for someone not listed.</summary>
    public Person? Sender { get; } = sender;

    /// <summary>
    /// The sender of a command or card that needs a registered person. <see cref="TurnRouter"/> lets no one else reach such a
    /// handler, so here the sender is always known.
    /// </summary>
    public Person Registered => Sender ?? throw new InvalidOperationException("The router lets only registered senders reach this handler.");

    /// <summary>Whether the bot has already said something in this turn (the error boundary words its apology by it).</summary>
    public bool Responded { get; private set; }

    public Task<ResourceResponse> SendTextAsync(string text, CancellationToken cancellationToken) =>
        SendAsync(Reference.NewMessage() with { Text = text, TextFormat = "markdown" }, cancellationToken);

    public Task<ResourceResponse> SendCardAsync(JsonObject card, CancellationToken cancellationToken) =>
        SendAsync(Reference.NewMessage() with { Attachments = [Attachment.AdaptiveCard(card)] }, cancellationToken);

    /// <summary>
    /// The answer to an Action.Submit click: the clicked card is replaced in place (a Submit cannot return a card the way an
    /// Action.Execute does), or, when the click does not say which card it came from, the card is sent as a new message.
    /// </summary>
    public async Task ReplaceClickedCardAsync(JsonObject card, CancellationToken cancellationToken)
    {
        if (Activity.ReplyToId is { Length: > 0 } clicked)
        {
            var update = Reference.NewMessage() with { Id = clicked, Attachments = [Attachment.AdaptiveCard(card)] };
            Responded = true;
            await connector.UpdateActivityAsync(Reference.ServiceUrl, Reference.ConversationId, clicked, update, cancellationToken);
        }
        else
        {
            await SendCardAsync(card, cancellationToken);
        }
    }

    private async Task<ResourceResponse> SendAsync(Activity reply, CancellationToken cancellationToken)
    {
        Responded = true;
        return Activity.Id is { Length: > 0 } replyToId
            ? await connector.ReplyToActivityAsync(Reference.ServiceUrl, Reference.ConversationId, replyToId, reply, cancellationToken)
            : await connector.SendToConversationAsync(Reference.ServiceUrl, Reference.ConversationId, reply, cancellationToken);
    }
}
