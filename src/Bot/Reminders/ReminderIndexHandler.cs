using PerijinanBot.Bot.Decisions;
using PerijinanBot.Bot.Outbox;
using PerijinanBot.Sop.Reminders;

namespace PerijinanBot.Bot.Reminders;

/// <summary>
/// After each decision: (re)places the kegiatan's next reminder from its state now: the first of its open step's ladder
/// at or after the decision, or none once it is closed. A late delivery of an older version changes nothing, and neither
/// does a repeated one (the sweepers may have moved the reminder on within the same version since).
/// </summary>
internal sealed class ReminderIndexHandler(KegiatanService kegiatan, ReminderTable reminders) : IOutboxHandler
{
    public const string Kind = "index.reminders";
    private const int MaxRaces = 5;

    public IReadOnlyCollection<string> Kinds { get; } = [Kind];

    /// <summary>It places the reminder the state calls for, guarded by version.</summary>
    public bool RepeatSafe => true;

    public async Task<OutboxOutcome> HandleAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var payload = OutboxPayloads.Read(item);
        if (await kegiatan.FindAsync(item, cancellationToken) is not { } state)
        {
            return OutboxOutcome.Delivered("no such kegiatan");
        }

        for (var race = 0; race < MaxRaces; race++)
        {
            var pointer = await reminders.PointerAsync(state.Number, cancellationToken);
            if (pointer is not null && pointer.Version >= state.Version)
            {
                return OutboxOutcome.Delivered("already placed");
            }

            var next = state.Current is { } current && kegiatan.DefinitionOf(state) is { } definition
                ? new ReminderLadder(definition, kegiatan.Calendar).First(current, state.UpdatedAt)
                : null;
            if (await reminders.MoveAsync(state.Number, state.Version, next, pointer, cancellationToken))
            {
                return OutboxOutcome.Delivered(next is null ? "no reminder" : ReminderTable.Key(state.Number, next));
            }
        }

        return OutboxOutcome.RetryLater("the reminder pointer kept changing");
    }
}
