using PerijinanBot.Bot.Letters;
using PerijinanBot.Bot.Outbox;

namespace PerijinanBot.Bot.Archive;

internal static class ArchiveSetup
{
    /// <summary>
    /// The SharePoint archive of outgoing letters' files. Registered whether or not <c>Graph:Archive:DriveId</c> is set: the
    /// outbox needs a handler for every kind, and with the archive off it delivers without calling Graph.
    /// </summary>
    public static IServiceCollection AddArchive(this IServiceCollection services)
    {
        services.AddSingleton<SharePointArchive>();
        services.AddSingleton<ArchiveProgress>();
        services.AddSingleton<ArchiveHandler>();
        services.AddSingleton<IOutboxHandler>(sp => sp.GetRequiredService<ArchiveHandler>());
        services.AddSingleton<IOutboxPlanner, ArchivePlanner>();
        services.AddSingleton<ILetterArchive, LetterArchive>();
        return services;
    }
}
