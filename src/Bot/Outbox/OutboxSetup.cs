using PerijinanBot.Bot.Storage;

namespace PerijinanBot.Bot.Outbox;

public static class OutboxSetup
{
    /// <summary>
    /// Delivery of the work decisions leave behind: the ledger that makes each effect happen once, and the dispatcher that runs
    /// every feature's <see cref="IOutboxHandler"/> after the answer to the click (a crash-safe, multi-instance loop).
    /// </summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddWorkflowStorage(configuration);
        services.AddSingleton<DeliveryLedger>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<ParkedOutbox>();
        services.AddSingleton<OutboxCensus>();
        services.AddSingleton<Telemetry.IOutboxFigures>(sp => sp.GetRequiredService<OutboxCensus>());
        services.AddHealthChecks().AddCheck<OutboxHealthCheck>("outbox");
        services.AddSingleton<Turns.ITurnRoutes, OutboxTurns>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }
}
