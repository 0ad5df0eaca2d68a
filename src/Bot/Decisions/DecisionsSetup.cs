using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PerijinanBot.Bot.Outbox;
using PerijinanBot.Bot.Turns;
using PerijinanBot.Sop.Calendar;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Bot.Decisions;

internal static class DecisionsSetup
{
    /// <summary>
    /// The SOP engine and the kegiatan it decides on: the decision path (one read, the engine, one batch), the commands and
    /// card verbs of the steps, the cards and notices a decision leaves in the outbox, and the open-task index.
    /// </summary>
    public static IServiceCollection AddDecisions(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        // The definitions are validated when the engine is built: a broken data file stops start-up. The calendar in force
        // comes from AddWorkCalendar's source, read at each command.
        services.AddSingleton(sp => new SopEngine(SopCatalog.Embedded, sp.GetRequiredService<WorkCalendarSource>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<KegiatanService>();
        services.AddOptions<SopOptions>().Bind(configuration.GetSection(SopOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SopOptions>, SopOptionsValidator>();
        // The step-1 card's opening time, signed with the Files signing keys (needs AddFiles).
        services.AddSingleton<OpenedAtStamps>();
        services.AddSingleton<TaskIndex>();
        services.AddSingleton<StepCards>();
        services.AddSingleton<IOutboxHandler, StepCardHandler>();
        services.AddSingleton<IOutboxHandler, RefreshCardsHandler>();
        services.AddSingleton<IOutboxHandler, SupersedeCardsHandler>();
        services.AddSingleton<IOutboxHandler, NoticeHandler>();
        services.AddSingleton<IOutboxHandler, TaskIndexHandler>();
        services.AddSingleton<KoperasiIndex>();
        services.AddSingleton<IOutboxHandler, KoperasiIndexHandler>();
        services.AddSingleton<ITurnRoutes, KegiatanTurns>();
        services.AddSingleton<ITurnRoutes, KoperasiSearchTurns>();
        services.AddSingleton<ITurnRoutes, StepCardTurns>();
        services.AddSingleton<IPersonalChatOpened, WaitingCards>();
        services.AddHostedService<EngineStartupCheck>();
        return services;
    }

    /// <summary>Builds the engine at start-up, so an invalid SOP file or calendar fails the host instead of the first click.</summary>
    private sealed class EngineStartupCheck(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            _ = services.GetRequiredService<SopEngine>();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
