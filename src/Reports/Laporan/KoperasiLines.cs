using System.Globalization;
using PerijinanBot.Sop;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.Koperasi;

namespace PerijinanBot.Reports.Laporan;

/// <summary>The koperasi of a kegiatan as documents print them: every koperasi with its identity, cleaned for print.</summary>
internal static class KoperasiLines
{
    /// <summary>The names, "; " between them (the disposition's row, the export's column); null when there are none.</summary>
    public static string? Names(Kegiatan kegiatan) => LaporanText.CleanOrNull(KegiatanKoperasi.Names(kegiatan));

    /// <summary>
    /// One paragraph per koperasi: "1. KSP A" then NIK, badan hukum, NIB, jenis, alamat (for IKC, IKCP and IKK the office to be
    /// opened), wilayah keanggotaan and contact, each on its own line when known; null when there is no koperasi.
    /// </summary>
    public static string? Detail(Kegiatan kegiatan, SopDefinition definition)
    {
        var list = KegiatanKoperasi.Of(kegiatan);
        if (list.Count == 0)
        {
            return null;
        }

        var field = definition.FindField(KoperasiList.FieldId)?.Field;
        var alamat = kegiatan.Value("jenisFasilitasi") is "IKC" or "IKCP" or "IKK" ? "Alamat kantor yang akan dibuka" : "Alamat";
        var lines = new List<string>();
        for (var i = 0; i < list.Count; i++)
        {
            var k = list[i];
            lines.Add($"{i + 1}. {LaporanText.CleanOrNull(k.Nama) ?? LaporanText.Dash}");
            void Add(string label, string? value)
            {
                if (LaporanText.CleanOrNull(value) is { } clean)
                {
                    lines.Add($"    {label}: {clean}");
                }
            }

            Add("NIK", k.Nik);
            Add("Badan hukum", BadanHukum(k));
            Add("NIB", k.Nib);
            Add("Jenis", field?.Choices.FirstOrDefault(c => c.Value == k.Jenis)?.Label ?? k.Jenis);
            Add(alamat, k.Alamat);
            Add("Wilayah keanggotaan", k.Wilayah.Count > 0 ? string.Join(", ", k.Wilayah) : null);
            Add("Contact person", string.Join(", ", new[] { k.KontakNama, k.KontakTelepon }.Where(v => !string.IsNullOrWhiteSpace(v))));
        }

        return string.Join('\n', lines);
    }

    /// <summary>
    /// What the facilitation came to per koperasi (step 7): "1. KSP A" then the hasil, the participants on the daftar hadir and
    /// the berita acara's number; null before the report or for a kegiatan without a koperasi list.
    /// </summary>
    public static string? Results(Kegiatan kegiatan, SopDefinition definition)
    {
        var results = KegiatanKoperasi.Results(kegiatan);
        if (results.Count == 0)
        {
            return null;
        }

        var field = definition.FindField(KoperasiResults.FieldId)?.Field;
        var lines = new List<string>();
        for (var i = 0; i < results.Count; i++)
        {
            var r = results[i];
            lines.Add($"{i + 1}. {LaporanText.CleanOrNull(r.Nama) ?? LaporanText.Dash}");
            lines.Add($"    Hasil: {LaporanText.CleanOrNull(field?.Choices.FirstOrDefault(c => c.Value == r.Hasil)?.Label) ?? r.Hasil}");
            lines.Add($"    Jumlah peserta (daftar hadir): {WibFormat.Number(r.Peserta)} orang");
            lines.Add($"    Nomor berita acara: {LaporanText.CleanOrNull(r.BeritaAcara) ?? LaporanText.Dash}");
        }

        return string.Join('\n', lines);
    }

    private static string? BadanHukum(KoperasiEntry k)
    {
        var tanggal = DateOnly.TryParseExact(k.TanggalBadanHukum, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? LaporanText.Tanggal(d)
            : null;
        return string.Join(", tanggal ", new[] { k.NomorBadanHukum, tanggal }.Where(v => !string.IsNullOrWhiteSpace(v))) is { Length: > 0 } text ? text : null;
    }
}
