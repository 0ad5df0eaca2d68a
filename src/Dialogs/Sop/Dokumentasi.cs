using System.Globalization;
using System.Text.Json.Nodes;
using PerijinanBot.Sop;

namespace PerijinanBot.Dialogs.Sop;

/// <summary>What a dokumentasi file of step 7 is. Stored by name, so the numbers carry no meaning.</summary>
public enum DokumentasiKind
{
    Foto,
    DaftarHadir,
    BeritaAcara,
    Lainnya,
}

/// <summary>A file attached to a kegiatan's step 7, as the cards show it. <paramref name="Kind"/> null: the sender has not said yet.</summary>
public sealed record DokumentasiFileView(string Id, string Name, DokumentasiKind? Kind, long Length, bool IsImage);

/// <summary>
/// The files of a kegiatan's step 7. <paramref name="CanChange"/>: the viewer holds step 7 now, so the kind and remove buttons
/// show. <paramref name="Problems"/>: what went wrong with files just sent (each already a whole Indonesian sentence).
/// </summary>
public sealed record DokumentasiView(string Number, IReadOnlyList<DokumentasiFileView> Files, bool CanChange, IReadOnlyList<string> Problems)
{
    public static DokumentasiView Empty(string number, bool canChange) => new(number, [], canChange, []);
}

/// <summary>Card verbs and data keys of the dokumentasi buttons.</summary>
public static class DokumentasiVerbs
{
    /// <summary>The sender tells what a document is (daftar hadir, berita acara, ...): data <c>kegiatan</c>, <c>file</c>, <c>kind</c>.</summary>
    public const string SetKind = "dokumentasi.jenis";

    /// <summary>Removes a file from the kegiatan: data <c>kegiatan</c>, <c>file</c>.</summary>
    public const string Remove = "dokumentasi.hapus";

    public const string FileKey = "file";

    public const string KindKey = "kind";

    public static JsonObject Data(string number, string fileId, DokumentasiKind? kind = null)
    {
        var data = new JsonObject { [SopVerbs.KegiatanKey] = number, [FileKey] = fileId };
        if (kind is { } k)
        {
            data[KindKey] = k.ToString();
        }

        return data;
    }
}

/// <summary>Sentences about dokumentasi files; each names the file, so several problems in one message stay apart.</summary>
public static class DokumentasiTexts
{
    public static string KindLabel(DokumentasiKind kind) => kind switch
    {
        DokumentasiKind.Foto => "Foto kegiatan",
        DokumentasiKind.DaftarHadir => "Daftar hadir",
        DokumentasiKind.BeritaAcara => "Berita acara",
        _ => "Dokumen lain",
    };

    public const string KindPending = "Jenis belum dipilih";

    public const string SendHint =
        "Kirim foto (JPEG/PNG), daftar hadir dan berita acara (PDF/Word) sebagai lampiran di obrolan ini; semuanya masuk ke Laporan Kegiatan.";

    /// <summary>"3 berkas: 1 foto kegiatan, 1 daftar hadir, 1 jenis belum dipilih" — what has arrived, in one line.</summary>
    public static string Summary(IReadOnlyList<DokumentasiFileView> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var counts = files
            .GroupBy(f => f.Kind is { } k ? KindLabel(k).ToLowerInvariant() : KindPending.ToLowerInvariant())
            .Select(g => $"{g.Count()} {g.Key}");
        return $"{files.Count} berkas: {string.Join(", ", counts)}";
    }

    public const string NotInPersonalChat =
        "Berkas dokumentasi hanya dapat dikirim di obrolan pribadi (1:1) dengan bot. Tidak ada berkas yang disimpan.";

    public const string NotHolding =
        "Anda sedang tidak memegang langkah 7 (Dokumentasi dan laporan) kegiatan mana pun, jadi berkas ini tidak disimpan. Berkas dokumentasi dikirim oleh Anggota Tim Kerja yang sedang mengerjakan langkah 7; ketik **tugas** untuk melihat langkah Anda.";

    public static string SeveralHeld(IEnumerable<string> numbers) =>
        $"Anda memegang langkah 7 pada beberapa kegiatan ({string.Join(", ", numbers)}), jadi belum jelas berkas ini untuk kegiatan yang mana. Tidak ada berkas yang disimpan. Kirim lagi berkasnya dan tulis nomor kegiatannya di pesan yang sama, misalnya **{numbers.First()}**.";

    public static string TooLarge(string name, long maxBytes) =>
        $"Berkas “{Markdown.Literal(name)}” terlalu besar: paling besar {Size(maxBytes)}. Perkecil ukurannya (mis. kompres foto atau simpan PDF dengan ukuran lebih kecil), lalu kirim lagi. Berkas ini tidak disimpan.";

    public static string WrongType(string name) =>
        $"Berkas “{Markdown.Literal(name)}” tidak dapat diterima: isinya bukan foto JPEG/PNG, PDF, atau dokumen Word (.docx). Jenis berkas diperiksa dari isinya, bukan dari namanya. Berkas ini tidak disimpan.";

    public static string DownloadFailed(string name) =>
        $"Berkas “{Markdown.Literal(name)}” tidak berhasil diambil dari Teams. Kirim lagi berkasnya sebentar lagi. Berkas ini tidak disimpan.";

    public static string NotFromTeams(string name) =>
        $"Berkas “{Markdown.Literal(name)}” tidak berasal dari penyimpanan berkas Teams (OneDrive/SharePoint), jadi tidak diambil. Lampirkan berkasnya langsung di obrolan ini. Berkas ini tidak disimpan.";

    public static string TooMany(string name, int max) =>
        $"Berkas “{Markdown.Literal(name)}” tidak disimpan: satu kegiatan paling banyak {max} berkas dokumentasi. Hapus berkas yang tidak diperlukan, lalu kirim lagi.";

    /// <summary>What a file sent without a name (a pasted image) is called in messages.</summary>
    public static string Unnamed(int index) => $"gambar-{index}";

    /// <summary>The name (without extension) a file sent without a name is kept under.</summary>
    public static string KeptName(bool image, int index) => image ? $"foto-{index}" : $"dokumen-{index}";

    public const string FileGone = "Berkas itu sudah dihapus dari dokumentasi kegiatan ini.";

    public const string NoLongerHolding =
        "Dokumentasi hanya dapat diubah oleh pemegang langkah 7 selama langkah itu belum dikirim. Tidak ada yang diubah.";

    /// <summary>"2,5 MB", "830 KB": the size a person recognises from their file manager.</summary>
    public static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => $"{(bytes / (1024.0 * 1024.0)).ToString("0.#", Indonesian)} MB",
        >= 1024 => $"{Math.Max(1, bytes / 1024)} KB",
        _ => $"{WibFormat.Number(bytes)} byte",
    };

    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");
}
