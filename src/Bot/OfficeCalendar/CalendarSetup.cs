using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Sop.Calendar;

namespace PerijinanBot.Bot.OfficeCalendar;

public static class CalendarSetup
{
    /// <summary>
    /// The office's work calendar (hours, special hours such as Ramadan, holidays per year) as one <see cref="WorkCalendarSource"/>
    /// that the engine and everything after it read: from <c>Calendar:Blob</c> (shared by all instances, read again every
    /// <c>Calendar:RefreshInterval</c>), else <c>Calendar:File</c>, else the embedded calendar; and its /healthz entry. Reads the
    /// <c>Calendar</c> section; the blob needs <c>AddTableStorage</c>'s <c>Storage:ConnectionString</c>.
    /// </summary>
    public static IServiceCollection AddWorkCalendar(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<CalendarOptions>().Bind(configuration.GetSection(CalendarOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CalendarOptions>, CalendarOptionsValidator>();
        services.AddSingleton(sp => LocalCalendar.Load(sp.GetRequiredService<IOptions<CalendarOptions>>().Value));
        services.AddSingleton(sp => new WorkCalendarSource(sp.GetRequiredService<LocalCalendar>().Calendar));
        services.AddSingleton(sp => new CalendarRefresher(
            sp.GetRequiredService<WorkCalendarSource>(),
            sp.GetRequiredService<LocalCalendar>(),
            Blob(sp),
            sp.GetRequiredService<IOptions<CalendarOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<CalendarRefresher>>()));
        services.AddHostedService(sp => sp.GetRequiredService<CalendarRefresher>());
        services.AddHealthChecks().AddCheck<CalendarHealthCheck>("workCalendar");
        return services;
    }

    private static CalendarBlob? Blob(IServiceProvider sp)
    {
        if (sp.GetRequiredService<IOptions<CalendarOptions>>().Value.BlobLocation is not { } location)
        {
            return null;
        }

        var clientOptions = new BlobClientOptions();
        // A refresh that fails is tried again at the next interval; the start waits for it at most 15 s.
        clientOptions.Retry.MaxRetries = 2;
        clientOptions.Retry.MaxDelay = TimeSpan.FromSeconds(5);
        clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        return new CalendarBlob(StorageClients.Blobs(sp, clientOptions).GetBlobContainerClient(location.Container).GetBlobClient(location.Name));
    }
}
