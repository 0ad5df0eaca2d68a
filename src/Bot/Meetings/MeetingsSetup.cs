using PerijinanBot.Bot.Outbox;

namespace PerijinanBot.Bot.Meetings;

internal static class MeetingsSetup
{
    /// <summary>
    /// Calendar invitations for the facilitation (Graph:Calendar:Organizer). The outbox handler is registered whether the
    /// feature is on or not, because every planned kind must have one; when off it only says so.
    /// </summary>
    public static IServiceCollection AddMeetings(this IServiceCollection services)
    {
        services.AddSingleton<CalendarEvents>();
        services.AddSingleton<IOutboxHandler, CalendarHandler>();
        services.AddSingleton<IOutboxPlanner, MeetingPlanner>();
        return services;
    }
}
