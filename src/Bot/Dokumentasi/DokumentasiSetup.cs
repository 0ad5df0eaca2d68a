using Microsoft.Extensions.Options;
using PerijinanBot.Bot.Decisions;
using PerijinanBot.Bot.Letters;
using PerijinanBot.Bot.Turns;

namespace PerijinanBot.Bot.Dokumentasi;

internal static class DokumentasiSetup
{
    /// <summary>
    /// Step 7's dokumentasi as files: what the Anggota sends in the 1:1 chat (checked, kept in the files container and table
    /// <c>Dokumentasi</c>), its buttons, the files section of the step 7 card, and the photos and links in the Laporan Kegiatan.
    /// Reads the <c>Dokumentasi</c> section; needs AddFiles, AddDecisions and AddLetters.
    /// </summary>
    public static IServiceCollection AddDokumentasi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DokumentasiOptions>().Bind(configuration.GetSection(DokumentasiOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DokumentasiOptions>, DokumentasiOptionsValidator>();
        services.AddSingleton<DokumentasiStore>();
        services.AddSingleton<ReportHolders>();
        services.AddSingleton<DokumentasiTurns>();
        services.AddSingleton<ITurnRoutes>(sp => sp.GetRequiredService<DokumentasiTurns>());
        services.AddSingleton<IStepCardExtras>(sp => sp.GetRequiredService<DokumentasiTurns>());
        services.AddSingleton<IFileMessages, DokumentasiIntake>();
        services.AddSingleton<ILaporanDokumentasi, LaporanFiles>();
        return services;
    }
}
