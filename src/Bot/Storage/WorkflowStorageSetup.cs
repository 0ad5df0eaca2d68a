using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace PerijinanBot.Bot.Storage;

public static class WorkflowStorageSetup
{
    /// <summary>
    /// The kegiatan store (state, history and outbox rows in one partition per kegiatan) and its numbers. Needs the
    /// <c>TableServiceClient</c> of <c>AddTableStorage</c>; the outbox's delivery is <c>AddOutbox</c>'s.
    /// </summary>
    public static IServiceCollection AddWorkflowStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WorkflowStorageOptions>().Bind(configuration.GetSection(WorkflowStorageOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WorkflowStorageOptions>, WorkflowStorageOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WorkflowTables>();
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<KegiatanStore>();
        return services;
    }
}
