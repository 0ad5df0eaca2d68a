using Microsoft.Extensions.Options;
using PerijinanBot.Bot.Files;
using PerijinanBot.Dialogs.Reports;

namespace PerijinanBot.Bot.Letters;

/// <summary>Turns stored documents into what a card offers: fresh signed links and when they expire.</summary>
public sealed class DocumentLinks(DownloadLinks links, IOptions<FilesOptions> options, TimeProvider time)
{
    /// <summary>Per stored file: its place in the card, and its words (the download and archive buttons, what the caption calls it).</summary>
    private static readonly Dictionary<string, (int Order, DocumentWords Words)> _kinds = new(StringComparer.Ordinal)
    {
        [KegiatanDocuments.LaporanPdf] = (0, DocumentTexts.LaporanPdf),
        [KegiatanDocuments.LaporanDocx] = (1, DocumentTexts.LaporanDocx),
        [KegiatanDocuments.UndanganPdf] = (2, DocumentTexts.UndanganPdf),
        [KegiatanDocuments.UndanganDocx] = (3, DocumentTexts.UndanganDocx),
        [KegiatanDocuments.DisposisiPdf] = (4, DocumentTexts.DisposisiPdf),
    };

    public DateTimeOffset LinksExpireAt => time.GetUtcNow() + options.Value.LinkLifetime;

    public Uri Link(StoredFile file) => links.For(file);

    /// <summary>
    /// The documents of a kegiatan as a card section: the Laporan Kegiatan first (PDF, Word), then the Surat Undangan (PDF,
    /// Word), then the Lembar Disposisi; one
    /// caption line per document naming its agenda number.
    /// </summary>
    public DocumentsView Of(string number, IReadOnlyList<KegiatanDocument> documents, string? problem = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var expires = LinksExpireAt;
        var sorted = documents.Where(d => _kinds.ContainsKey(d.Key)).OrderBy(d => _kinds[d.Key].Order).ToList();
        var ordered = sorted.Select(d => new DocumentLink(_kinds[d.Key].Words.Download, links.For(d.File))).ToList();
        // Only versions known to be in the archive: a document made again (e.g. with its SRIKANDI number) loses its link
        // until the new file is uploaded, so nobody opens an archived copy that says something else.
        var archived = sorted
            .Where(d => d.ArchiveUrl is not null)
            .Select(d => new DocumentLink(_kinds[d.Key].Words.Archive, d.ArchiveUrl!))
            .ToList();
        var captions = sorted
            .GroupBy(d => _kinds[d.Key].Words.Name)
            .Select(g => DocumentTexts.Caption(g.Key, g.First().AgendaNomor))
            .ToList();
        return new DocumentsView(number, captions, ordered, expires, problem, archived.Count > 0 ? archived : null);
    }
}
