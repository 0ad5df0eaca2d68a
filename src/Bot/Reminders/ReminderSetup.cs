using Microsoft.Extensions.Options;
using PerijinanBot.Bot.Outbox;

namespace PerijinanBot.Bot.Reminders;

internal static class ReminderSetup
{
    /// <summary>
    /// The reminder ladder kept by the outbox (kind <see cref="ReminderIndexHandler.Kind"/>), the sweep that sends what is due
    /// in working time, and the daily digest. Reads the <c>Reminders</c> section; needs <c>AddDecisions</c>'s services.
    /// </summary>
    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReminderOptions>().Bind(configuration.GetSection(ReminderOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReminderOptions>, ReminderOptionsValidator>();
        services.AddSingleton<ReminderTable>();
        services.AddSingleton<ReminderSender>();
        services.AddSingleton<DailyDigest>();
        services.AddSingleton<IOutboxPlanner, ReminderPlanner>();
        services.AddSingleton<IOutboxHandler, ReminderIndexHandler>();
        services.AddSingleton<ReminderSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderSweeper>());
        return services;
    }
}
