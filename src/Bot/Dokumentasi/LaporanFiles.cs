using PerijinanBot.Bot.Files;
using PerijinanBot.Bot.Letters;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Reports.Laporan;

namespace PerijinanBot.Bot.Dokumentasi;

/// <summary>
/// The Laporan Kegiatan's dokumentasi: the photos read from storage and made ready to print, the other files as links. A link
/// in a printed report outlives the chat, so it is signed for the longest lifetime links allow.
/// </summary>
internal sealed class LaporanFiles(DokumentasiStore store, DownloadLinks links) : ILaporanDokumentasi
{
    public async Task<LaporanDokumentasi?> ForAsync(string number, CancellationToken cancellationToken)
    {
        var files = await store.ListAsync(number, cancellationToken);
        if (files.Count == 0)
        {
            return null;
        }

        var photos = new List<LaporanPhotoFile>();
        var documents = new List<LaporanFileLink>();
        foreach (var file in files)
        {
            // A photo that no longer decodes (it did when received) is linked rather than lost.
            if (file.IsImage && await store.ReadAsync(file, cancellationToken) is { } bytes && LaporanImage.Prepare(bytes) is { } image)
            {
                photos.Add(new LaporanPhotoFile(file.File.FileName, image));
                continue;
            }

            documents.Add(new LaporanFileLink(file.File.FileName, DokumentasiTexts.KindLabel(file.Kind ?? DokumentasiKind.Lainnya), file.File.Length, links.For(file.File, FilesOptions.MaxLinkLifetime)));
        }

        return new LaporanDokumentasi(photos, documents);
    }
}
