using PerijinanBot.Bot.Graph.Calendar;
using PerijinanBot.Bot.Workflow.Storage;

// In Graph's namespace, like the other Graph features' AddX, so that GraphSetup.AddGraph calls it without a using of its own.
namespace PerijinanBot.Bot.Graph;

internal static class CalendarSetup
{
    /// <summary>
    /// Calendar invitations for the facilitation (Graph:Calendar:Organizer). The outbox handler is registered whether the
    /// feature is on or not, because every planned kind must have one; when off it only says so.
    /// </summary>
    public static IServiceCollection AddGraphCalendar(this IServiceCollection services)
    {
        services.AddSingleton<CalendarEvents>();
        services.AddSingleton<IOutboxHandler, CalendarHandler>();
        return services;
    }
}
