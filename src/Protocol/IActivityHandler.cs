namespace PerijinanBot.Protocol;

/// <summary>
/// What the bot does with an authenticated activity. <see cref="MessagesEndpoint"/> owns the HTTP around it (size
/// limit, parsing, authentication, status codes); the host registers one implementation in DI.
/// </summary>
public interface IActivityHandler
{
    /// <summary>An invoke, answered in the HTTP response itself: Teams waits for it (about 5 s).</summary>
    Task<InvokeResult> InvokeAsync(Activity activity, CancellationToken cancellationToken);

    /// <summary>
    /// A message, conversationUpdate or installationUpdate, taken for later so the channel gets its 200 at once;
    /// false when it cannot be taken now (the endpoint answers 503 and the channel retries).
    /// </summary>
    bool TryEnqueue(Activity activity);
}
