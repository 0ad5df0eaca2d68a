using PerijinanBot.Protocol;

namespace PerijinanBot.Bot.Turns;

/// <summary>Where the messages endpoint hands an authenticated activity: invokes to the runner, the rest to the queue.</summary>
internal sealed class TurnDispatcher(TurnRunner runner, TurnQueue queue) : IActivityHandler
{
    public Task<InvokeResult> InvokeAsync(Activity activity, CancellationToken cancellationToken) => runner.InvokeAsync(activity, cancellationToken);

    public bool TryEnqueue(Activity activity) => queue.TryEnqueue(activity);
}
