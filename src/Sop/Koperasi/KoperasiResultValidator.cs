using System.Globalization;
using PerijinanBot.Sop.Definitions;

namespace PerijinanBot.Sop.Koperasi;

/// <summary>
/// Reads a <c>koperasiResults</c> field: for every koperasi of the kegiatan, in list order, its hasil, jumlah peserta and nomor
/// berita acara. Every problem names the koperasi by number and name ("Koperasi 2 (KSP B): jumlah peserta …").
/// </summary>
internal static class KoperasiResultValidator
{
    public static (string? Value, List<string> Problems) Read(FieldDefinition field, IReadOnlyList<KoperasiEntry> koperasi, IReadOnlyDictionary<string, string?> values)
    {
        var problems = new List<string>();
        var results = new List<KoperasiResult>();
        for (var slot = 1; slot <= koperasi.Count; slot++)
        {
            var entry = koperasi[slot - 1];
            var where = $"Koperasi {slot} ({entry.Nama})";
            string Get(string part) => values.GetValueOrDefault(KoperasiResults.Id(field.Id, slot, part))?.Trim() ?? "";
            var before = problems.Count;
            if (!field.Required && new[] { KoperasiResults.Hasil, KoperasiResults.Peserta, KoperasiResults.BeritaAcara }.All(p => Get(p).Length == 0))
            {
                continue;
            }

            var hasil = Get(KoperasiResults.Hasil);
            if (hasil.Length == 0)
            {
                problems.Add($"{where}: hasil fasilitasi wajib dipilih.");
            }
            else if (!field.Choices.Any(c => c.Value == hasil))
            {
                problems.Add($"{where}: hasil “{hasil}” tidak tersedia.");
            }

            var pesertaText = Get(KoperasiResults.Peserta);
            var peserta = 0;
            if (pesertaText.Length == 0)
            {
                problems.Add($"{where}: jumlah peserta (dari daftar hadir) wajib diisi.");
            }
            else if (!int.TryParse(pesertaText, NumberStyles.None, CultureInfo.InvariantCulture, out peserta))
            {
                problems.Add($"{where}: jumlah peserta harus bilangan bulat 0 atau lebih (saat ini “{pesertaText}”).");
            }
            else if (field.Max is int max && peserta > max)
            {
                problems.Add($"{where}: jumlah peserta paling besar {WibFormat.Number(max)}.");
            }

            var beritaAcara = Get(KoperasiResults.BeritaAcara);
            if (beritaAcara.Length == 0)
            {
                problems.Add($"{where}: nomor berita acara wajib diisi.");
            }
            else if (field.MaxLength is int limit && beritaAcara.Length > limit)
            {
                problems.Add($"{where}: nomor berita acara paling banyak {WibFormat.Number(limit)} karakter (saat ini {WibFormat.Number(beritaAcara.Length)}).");
            }

            if (problems.Count == before)
            {
                results.Add(new KoperasiResult { Nama = entry.Nama, Nik = entry.Nik, Hasil = hasil, Peserta = peserta, BeritaAcara = beritaAcara });
            }
        }

        // A kegiatan without a koperasi list (started before it existed) has nothing to report per koperasi.
        return problems.Count > 0 || results.Count == 0 ? (null, problems) : (KoperasiResults.Serialize(results), problems);
    }
}
