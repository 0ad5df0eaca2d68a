using Microsoft.Extensions.Options;

namespace PerijinanBot.Bot.Reminders;

internal static class ReminderSetup
{
    /// <summary>
    /// The reminder ladder (each kegiatan's next reminder sits on its open-steps row, written by the outbox with it), the sweep that sends what is due
    /// in working time, and the daily digest. Reads the <c>Reminders</c> section; needs <c>AddDecisions</c>'s services.
    /// </summary>
    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReminderOptions>().Bind(configuration.GetSection(ReminderOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReminderOptions>, ReminderOptionsValidator>();
        services.AddSingleton<ReminderRows>();
        services.AddSingleton<ReminderSender>();
        services.AddSingleton<DailyDigest>();
        services.AddSingleton<ReminderSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderSweeper>());
        return services;
    }
}
