using PerijinanBot.Bot.Turns;

namespace PerijinanBot.Bot.Compliance;

internal static class ComplianceSetup
{
    /// <summary>The SOP compliance report (<c>laporan</c>): time standards kept per step and role, with a chart and an Excel export.</summary>
    public static IServiceCollection AddCompliance(this IServiceCollection services) =>
        services.AddSingleton<ITurnRoutes, ComplianceTurns>();
}
