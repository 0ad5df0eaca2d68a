using Microsoft.Extensions.Options;
using PerijinanBot.Bot.Outbox;
using PerijinanBot.Bot.Turns;

namespace PerijinanBot.Bot.Letters;

internal static class LettersSetup
{
    /// <summary>
    /// Outgoing letters: the Buku Agenda Surat Keluar (numbering validated at start-up, <c>agenda</c>, SRIKANDI numbers) and
    /// the documents of each letter (Surat Undangan with <c>Documents:Undangan</c>, Laporan Kegiatan, and the internal Lembar
    /// Disposisi; <c>dokumen</c>) under the kop of <c>Documents:Kop</c> (emblem and signer checked at start-up), made from the outbox.
    /// </summary>
    public static IServiceCollection AddLetters(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AgendaOptions>().Bind(configuration.GetSection(AgendaOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AgendaOptions>, AgendaOptionsValidator>();
        services.AddOptions<DocumentsOptions>().Bind(configuration.GetSection(DocumentsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DocumentsOptions>, DocumentsOptionsValidator>();
        // The kop surat's contacts and emblem, the emblem file read once, for the first document (the validator checked it at start-up).
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DocumentsOptions>>().Value.Kop.ToSettings());
        services.AddOptions<UndanganOptions>().Bind(configuration.GetSection(UndanganOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<UndanganOptions>, UndanganOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<UndanganOptions>>().Value.ToSettings());
        services.AddSingleton<AgendaRegister>();
        services.AddSingleton<UndanganDocuments>();
        services.AddSingleton<UndanganOffer>();
        services.AddSingleton<KegiatanDocuments>();
        services.AddSingleton<DocumentLinks>();
        services.AddSingleton<IOutboxPlanner, LetterPlanner>();
        services.AddSingleton<IOutboxHandler, AgendaLetterHandler>();
        services.AddSingleton<IOutboxHandler, ClosingNoticeHandler>();
        services.AddSingleton<IOutboxHandler, UndanganOfferHandler>();
        services.AddSingleton<IOutboxHandler, DisposisiDocumentHandler>();
        services.AddSingleton<ITurnRoutes, UndanganTurns>();
        services.AddSingleton<ITurnRoutes, LetterTurns>();
        return services;
    }
}
