using PerijinanBot.Bot.Conversations;
using PerijinanBot.Protocol;

namespace PerijinanBot.Bot.Turns;

internal static class TurnSetup
{
    public static IServiceCollection AddTurns(this IServiceCollection services)
    {
        services.AddSingleton<ConversationReferenceStore>();
        services.AddSingleton<TurnHandler>();
        services.AddSingleton<SopCommands>();
        services.AddSingleton<SopCardActions>();
        services.AddSingleton<DelegationCommands>();
        services.AddSingleton<ReportCommands>();
        services.AddSingleton<TurnRunner>();
        services.AddSingleton<TurnQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<TurnQueue>());
        services.AddSingleton<IActivityHandler, TurnDispatcher>();
        return services;
    }
}
