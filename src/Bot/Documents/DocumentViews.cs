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
        ArgumentNullException.ThrowIfNull(documents);
        var expires = LinksExpireAt;
        var sorted = documents.OrderBy(d => d.Key == KegiatanDocuments.LaporanPdf ? 0 : 1).ToList();
        var ordered = sorted
            .Select(d => new DocumentLink(d.Key == KegiatanDocuments.LaporanPdf ? "Unduh Laporan (PDF)" : "Unduh Laporan (Word)", links.For(d.File)))
            .ToList();
        // Only versions known to be in the archive: a document made again (e.g. with its SRIKANDI number) loses its link
        // until the new file is uploaded, so nobody opens an archived copy that says something else.
        var archived = sorted
            .Where(d => d.ArchiveUrl is not null)
            .Select(d => new DocumentLink(d.Key == KegiatanDocuments.LaporanPdf ? "Buka arsip SharePoint (PDF)" : "Buka arsip SharePoint (Word)", d.ArchiveUrl!))
            .ToList();
        var nomor = documents.Count > 0 ? documents[0].AgendaNomor : null;
        var caption = nomor is { Length: > 0 } ? $"Laporan Kegiatan nomor {nomor}" : "Laporan Kegiatan";
        return new DocumentsView(number, caption, ordered, expires, problem, archived.Count > 0 ? archived : null);
    }
}
