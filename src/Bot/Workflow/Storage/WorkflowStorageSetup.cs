using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace PerijinanBot.Bot.Workflow.Storage;

public static class WorkflowStorageSetup
{
    /// <summary>
    /// The kegiatan store, the delivery ledger and the outbox dispatcher. Needs the <c>TableServiceClient</c> of
    /// <c>AddTableStorage</c>. Outbox handlers are registered separately as <c>IOutboxHandler</c> singletons.
    /// </summary>
    public static IServiceCollection AddWorkflowStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WorkflowStorageOptions>().Bind(configuration.GetSection(WorkflowStorageOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WorkflowStorageOptions>, WorkflowStorageOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<WorkflowTables>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<KegiatanStore>();
        services.AddSingleton<DeliveryLedger>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }
}
