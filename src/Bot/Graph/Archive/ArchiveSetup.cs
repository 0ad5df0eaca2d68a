using PerijinanBot.Bot.Graph.Archive;
using PerijinanBot.Bot.Workflow.Storage;

// In the Graph namespace, so that GraphSetup adds the feature with one line and no using.
namespace PerijinanBot.Bot.Graph;

internal static class ArchiveSetup
{
    /// <summary>
    /// The SharePoint archive of outgoing letters' files. Registered whether or not <c>Graph:Archive:DriveId</c> is set: the
    /// outbox needs a handler for every kind, and with the archive off it delivers without calling Graph.
    /// </summary>
    public static IServiceCollection AddGraphArchive(this IServiceCollection services)
    {
        services.AddSingleton<SharePointArchive>();
        services.AddSingleton<ArchiveProgress>();
        services.AddSingleton<ArchiveHandler>();
        services.AddSingleton<IOutboxHandler>(sp => sp.GetRequiredService<ArchiveHandler>());
        return services;
    }
}
