using PerijinanBot.Protocol;

namespace PerijinanBot.Bot.Turns;

internal static class TurnSetup
{
    /// <summary>
    /// The turn pipeline: the error boundary and background queue, and the one router of chat commands and card verbs that
    /// every feature fills with its <see cref="ITurnRoutes"/>. The router is built at start-up, so a duplicate stops the bot.
    /// </summary>
    public static IServiceCollection AddTurns(this IServiceCollection services)
    {
        services.AddSingleton<ITurnRoutes, HelpTurns>();
        services.AddSingleton<TurnRouter>();
        services.AddSingleton<TurnHandler>();
        services.AddSingleton<TurnRunner>();
        services.AddSingleton<TurnQueue>();
        services.AddHostedService<RouterStartupCheck>();
        services.AddHostedService(sp => sp.GetRequiredService<TurnQueue>());
        services.AddSingleton<IActivityHandler, TurnDispatcher>();
        return services;
    }

    private sealed class RouterStartupCheck(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            _ = services.GetRequiredService<TurnRouter>();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
