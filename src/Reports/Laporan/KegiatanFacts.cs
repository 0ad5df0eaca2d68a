using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Reports.Laporan;

/// <summary>
/// What the office's letters quote from a kegiatan of the fasilitasi SOP, read the same way for the Laporan Kegiatan and the
/// Lembar Disposisi: field values cleaned for print, choice labels as the form showed them, role names as the SOP names them,
/// and the jabatan and NIP lines under a signature.
/// </summary>
internal static class KegiatanFacts
{
    /// <summary>Field ids of the fasilitasi SOP the letters quote (ids are unique across a definition).</summary>
    public static class Fields
    {
        public const string JenisFasilitasi = "jenisFasilitasi";
        public const string Judul = "judul";
        public const string KabupatenKota = "kabupatenKota";
        public const string MateriSubstansi = "materiSubstansi";
        public const string CalonPeserta = "calonPeserta";
        public const string CalonNarasumber = "calonNarasumber";
        public const string Jadwal = "jadwal";
        public const string Tempat = "tempat";
        public const string DisposisiKepalaDinas = "disposisiKepalaDinas";
        public const string WaktuPelaksanaan = "waktuPelaksanaan";
        public const string TempatPelaksanaan = "tempatPelaksanaan";
        public const string CatatanPelaksanaan = "catatanPelaksanaan";
        public const string AlasanPerubahan = "alasanPerubahan";
        public const string RingkasanHasil = "ringkasanHasil";
        public const string JumlahPeserta = "jumlahPeserta";
        public const string Dokumentasi = "dokumentasi";
        public const string Catatan = "catatan";
    }

    /// <summary>A field's value ready to print, or null when it is empty.</summary>
    public static string? Value(Kegiatan kegiatan, string fieldId) => LaporanText.CleanOrNull(kegiatan.Value(fieldId));

    /// <summary>A choice field's label as the form showed it ("Izin Usaha Simpan Pinjam (IUSP)"); the stored value if the choice is gone.</summary>
    public static string? ChoiceLabel(Kegiatan kegiatan, SopDefinition definition, string fieldId)
    {
        var value = kegiatan.Value(fieldId);
        var label = definition.FindField(fieldId)?.Field.Choices.FirstOrDefault(c => c.Value == value)?.Label;
        return LaporanText.CleanOrNull(label) ?? LaporanText.CleanOrNull(value);
    }

    /// <summary>The role's name in the SOP ("Kepala Bidang Perijinan dan Kelembagaan"), or its generic Indonesian name.</summary>
    public static string RoleName(SopDefinition definition, Role role) =>
        LaporanText.CleanOrNull(definition.Roles.FirstOrDefault(r => r.Role == role)?.Name) ?? role.Indonesian();

    /// <summary>Jabatan and NIP lines, each only when known; the jabatan is left out when the caption already says it.</summary>
    public static List<string> Details(Person? person, string? caption)
    {
        var lines = new List<string>();
        if (LaporanText.CleanOrNull(person?.Jabatan) is { } jabatan && !string.Equals(jabatan, caption, StringComparison.OrdinalIgnoreCase))
        {
            lines.Add(jabatan);
        }

        if (LaporanText.CleanOrNull(person?.Nip) is { } nip)
        {
            lines.Add($"NIP. {nip}");
        }

        return lines;
    }

    /// <summary>The last Setuju of the decision step <paramref name="role"/> takes, or null when it has none (yet).</summary>
    public static StepRecord? Approval(Kegiatan kegiatan, SopDefinition definition, Role role)
    {
        var step = definition.Steps.LastOrDefault(s => s.IsDecision && s.Role == role);
        return step is null ? null : kegiatan.Steps.LastOrDefault(r => r.Step == step.Number && r.Outcome == StepOutcome.Approved);
    }
}
