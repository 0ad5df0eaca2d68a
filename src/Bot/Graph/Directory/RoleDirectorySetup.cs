using PerijinanBot.Bot.Graph.Directory;

namespace PerijinanBot.Bot.Graph;

internal static class RoleDirectorySetup
{
    /// <summary>
    /// Roles from Entra groups (<c>Graph:RoleGroups</c>). The <c>peran</c> command is always there; the sync, its storage and
    /// the Graph client are only built when the feature is on.
    /// </summary>
    public static IServiceCollection AddGraphDirectory(this IServiceCollection services)
    {
        services.AddSingleton<RoleCommands>();
        services.AddSingleton<RoleGroupReader>();
        services.AddSingleton<RoleSyncStore>();
        services.AddSingleton<LeftRoleFlagger>();
        services.AddSingleton<RoleDirectorySync>();
        services.AddHostedService<RoleSyncService>();
        return services;
    }
}
