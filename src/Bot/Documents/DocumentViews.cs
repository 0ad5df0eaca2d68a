using Microsoft.Extensions.Options;
using PerijinanBot.Bot.Files;
using PerijinanBot.Dialogs.Reports;

namespace PerijinanBot.Bot.Documents;

/// <summary>Turns stored documents into what a card offers: fresh signed links and when they expire.</summary>
public sealed class DocumentViews(DownloadLinks links, IOptions<FilesOptions> options, TimeProvider time)
{
    public DateTimeOffset LinksExpireAt => time.GetUtcNow() + options.Value.LinkLifetime;

    public Uri Link(StoredFile file) => links.For(file);

    public DocumentsView Laporan(string number, IReadOnlyList<KegiatanDocument> documents, string? problem = null)
    {
        var expires = LinksExpireAt;
        var ordered = documents
            .OrderBy(d => d.Key == KegiatanDocuments.LaporanPdf ? 0 : 1)
            .Select(d => new DocumentLink(d.Key == KegiatanDocuments.LaporanPdf ? "Unduh Laporan (PDF)" : "Unduh Laporan (Word)", links.For(d.File)))
            .ToList();
        var nomor = documents.Count > 0 ? documents[0].AgendaNomor : null;
        var caption = nomor is { Length: > 0 } ? $"Laporan Kegiatan nomor {nomor}" : "Laporan Kegiatan";
        return new DocumentsView(number, caption, ordered, expires, problem);
    }
}
