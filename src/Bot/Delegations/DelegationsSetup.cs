using PerijinanBot.Bot.People;
using PerijinanBot.Bot.Turns;

namespace PerijinanBot.Bot.Delegations;

internal static class DelegationsSetup
{
    /// <summary>
    /// Plh./Plt. appointments: stored and held in memory for the engine (<c>People</c>, because every decision reads them), and
    /// the <c>plh</c> command and card that make and end them.
    /// </summary>
    public static IServiceCollection AddDelegations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDelegationStore(configuration);
        services.AddSingleton<ITurnRoutes, DelegationTurns>();
        return services;
    }
}
