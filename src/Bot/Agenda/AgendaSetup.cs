using Microsoft.Extensions.Options;

namespace PerijinanBot.Bot.Agenda;

internal static class AgendaSetup
{
    /// <summary>The Buku Agenda Surat Keluar: its numbering options (validated at start-up) and its table.</summary>
    public static IServiceCollection AddAgenda(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AgendaOptions>().Bind(configuration.GetSection(AgendaOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AgendaOptions>, AgendaOptionsValidator>();
        services.AddSingleton<AgendaRegister>();
        return services;
    }
}
