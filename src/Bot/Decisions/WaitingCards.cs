using PerijinanBot.Bot.Outbox;
using PerijinanBot.Bot.Turns;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Bot.Decisions;

/// <summary>
/// The 1:1 chat now exists (the person installed the app, or the bot installed it for them through Graph): the cards waiting
/// for it go now rather than at their next retry.
/// </summary>
internal sealed class WaitingCards(TaskIndex tasks, OutboxDispatcher dispatcher) : IPersonalChatOpened
{
    public async Task OnOpenedAsync(Person person, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var task in await tasks.ForAsync(person.AadObjectId, cancellationToken))
            {
                await dispatcher.RetryNowAsync(task.Number, cancellationToken);
            }
        }
        catch (Azure.RequestFailedException)
        {
            // Only a hurry-up: the waiting cards still go at their next retry.
        }
    }
}
