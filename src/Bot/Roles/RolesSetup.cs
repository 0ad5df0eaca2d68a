using PerijinanBot.Bot.Turns;

namespace PerijinanBot.Bot.Roles;

internal static class RolesSetup
{
    /// <summary>
    /// Roles from Entra groups (<c>Graph:RoleGroups</c>). The <c>peran</c> command is always there; the sync, its storage and
    /// the Graph client are only built when the feature is on.
    /// </summary>
    public static IServiceCollection AddRoles(this IServiceCollection services)
    {
        services.AddSingleton<ITurnRoutes, RoleTurns>();
        services.AddSingleton<RoleGroupReader>();
        services.AddSingleton<RoleSyncStore>();
        services.AddSingleton<LeftRoleFlagger>();
        services.AddSingleton<RoleDirectorySync>();
        services.AddHostedService<RoleSyncService>();
        return services;
    }
}
