using System.Globalization;
using PerijinanBot.Sop;
using PerijinanBot.Sop.Engine;
using static PerijinanBot.Reports.Laporan.KegiatanFacts;

namespace PerijinanBot.Reports.Laporan;

/// <summary>
/// Section IV (DOKUMENTASI): the links typed at step 7, then the photos sent as files, each under its number and name; and the
/// second appendix, the documents (daftar hadir, berita acara, ...) with their download links.
/// </summary>
internal static class LaporanDokumentasiSection
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public static LaporanSection Build(Kegiatan kegiatan, LaporanDokumentasi? dokumentasi)
    {
        var blocks = (Value(kegiatan, Fields.Dokumentasi) ?? "")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => new LaporanLink(line, IsWebAddress(line, out var uri) ? uri : null))
            .ToList<LaporanBlock>();
        var photos = dokumentasi?.Photos ?? [];
        for (var i = 0; i < photos.Count; i++)
        {
            blocks.Add(new LaporanPhoto($"Foto {i + 1}. {LaporanText.Clean(photos[i].Name)}", photos[i].Image));
        }

        if (dokumentasi?.Files.Count > 0)
        {
            blocks.Add(new LaporanParagraph($"Dokumen pendukung ({WibFormat.Number(dokumentasi.Files.Count)} berkas: daftar hadir, berita acara dan lainnya) tercantum pada Lampiran II beserta tautan unduhannya."));
        }

        return new("IV. DOKUMENTASI", blocks.Count > 0 ? blocks : [new LaporanParagraph("Tidak ada dokumentasi yang dilampirkan.")]);
    }

    public static LaporanBerkas? Berkas(LaporanDokumentasi? dokumentasi)
    {
        if (dokumentasi is not { Files.Count: > 0 } withFiles)
        {
            return null;
        }

        var links = withFiles.Files
            .Select((f, i) => new LaporanLink($"{i + 1}. {LaporanText.Clean(f.Kind)}: {LaporanText.Clean(f.Name)} ({Size(f.Length)})", f.Link))
            .ToList();
        return new LaporanBerkas(
            "LAMPIRAN II: DOKUMEN PENDUKUNG DOKUMENTASI",
            "Berkas tersimpan pada penyimpanan PerijinanBot. Tautan unduhan berlaku terbatas; tautan baru diperoleh dengan perintah dokumen di Teams.",
            links);
    }

    /// <summary>"2,5 MB", "830 KB".</summary>
    internal static string Size(long bytes) => bytes >= 1024 * 1024
        ? $"{(bytes / (1024.0 * 1024.0)).ToString("0.#", Indonesian)} MB"
        : $"{Math.Max(1, bytes / 1024)} KB";

    private static bool IsWebAddress(string text, out Uri? uri) =>
        Uri.TryCreate(text, UriKind.Absolute, out uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
