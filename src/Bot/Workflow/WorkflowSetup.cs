using Microsoft.Extensions.DependencyInjection.Extensions;
using PerijinanBot.Bot.Agenda;
using PerijinanBot.Bot.Documents;
using PerijinanBot.Bot.Reminders;
using PerijinanBot.Bot.Workflow.Storage;
using PerijinanBot.Sop.Calendar;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Bot.Workflow;

internal static class WorkflowSetup
{
    /// <summary>The SOP engine over its storage, the task index, and the outbox handlers that talk to Teams after a decision.</summary>
    public static IServiceCollection AddWorkflow(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddWorkflowStorage(configuration);
        // The definitions and the calendar are validated when the engine is built: a broken data file stops start-up.
        services.AddSingleton(sp => new SopEngine(SopCatalog.Embedded, Calendar(configuration), sp.GetRequiredService<TimeProvider>()));
        // Optional outbound work the Graph features add to a decision's outbox (nothing when Graph is not configured).
        services.AddSingleton(sp =>
        {
            var graph = sp.GetRequiredService<Graph.GraphFeatures>();
            return new PlanFeatures(graph.Calendar.IsOn, graph.Archive.IsOn);
        });
        services.AddSingleton<KegiatanService>();
        services.AddSingleton<TaskIndex>();
        services.AddSingleton<CardCopies>();
        services.AddSingleton<PersonalMessenger>();
        services.AddSingleton<IOutboxHandler, StepCardHandler>();
        services.AddSingleton<IOutboxHandler, RefreshCardsHandler>();
        services.AddSingleton<IOutboxHandler, SupersedeCardsHandler>();
        services.AddSingleton<IOutboxHandler, NoticeHandler>();
        services.AddSingleton<IOutboxHandler, TaskIndexHandler>();
        services.AddSingleton<KegiatanDocuments>();
        services.AddSingleton<DocumentViews>();
        services.AddSingleton<IOutboxHandler, AgendaLetterHandler>();
        services.AddSingleton<IOutboxHandler, ClosingNoticeHandler>();
        services.AddReminders(configuration);
        services.AddAgenda(configuration);
        services.AddHostedService<EngineStartupCheck>();
        return services;
    }

    /// <summary>
    /// The office's working calendar: <c>Calendar:File</c> names a JSON file in the embedded calendar's format (hours, breaks,
    /// holidays per year), so next year's holiday list is a file change, not a new build; without it, the embedded calendar.
    /// </summary>
    private static WorkCalendar Calendar(IConfiguration configuration)
    {
        if (configuration["Calendar:File"] is not { Length: > 0 } path)
        {
            return WorkCalendar.Default;
        }

        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"Calendar:File '{path}' does not exist.");
        }

        return WorkCalendar.FromJson(File.ReadAllText(path));
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
