using PerijinanBot.Bot.Outbox;

namespace PerijinanBot.Bot.Reminders;

/// <summary>Every decision moves the kegiatan's reminder ladder to its new current step (or clears it when it closed).</summary>
internal sealed class ReminderPlanner : IOutboxPlanner
{
    public void Plan(OutboxPlanContext plan) => plan.Add(ReminderIndexHandler.Kind, "reminders");
}
