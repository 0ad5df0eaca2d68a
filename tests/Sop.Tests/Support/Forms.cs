using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Sop.Tests.Support;

/// <summary>Valid forms for each step of the real SOP, as a card would send them.</summary>
internal static class Forms
{
    public static FormInput Start(string anggota = Staff.Budi) => Form(
        ["disposisi"],
        ("jenisFasilitasi", "IUSP"),
        ("judul", "Fasilitasi Izin Usaha Simpan Pinjam KSP Maju Bersama"),
        ("koperasi", "KSP Maju Bersama"),
        ("kabupatenKota", "Kota Pontianak"),
        ("anggota", anggota),
        ("disposisi", "Siapkan materi, calon peserta, narasumber, jadwal dan tempat."),
        ("notulenRapat", "Rapat tim 13 Juli 2026."));

    public static FormInput Data(string jadwal = "2026-07-15T09:00") => Form(
        ["disposisi", "bahanMateri"],
        ("materiSubstansi", "Persyaratan IUSP menurut PerMenKop UKM 8/2023."),
        ("calonPeserta", "Pengurus dan pengawas KSP Maju Bersama."),
        ("calonNarasumber", "Hendra Wijaya"),
        ("jadwal", jadwal),
        ("tempat", "Aula Dinas Koperasi UKM"),
        ("tautanBahan", "https://example.org/bahan.pdf"));

    /// <summary>
    /// A Setuju at steps 3–5, with what the SOP requires for it: the Ketua's recommendation (step 3) and the Kadis's disposition
    /// (step 5); a step ignores the other's field. <paramref name="values"/> replace them (null: left empty).
    /// </summary>
    public static FormInput Verify(params (string Id, string? Value)[] values) =>
        Form(["disposisi", "bahanMateri"], ("rekomendasi", "Layak diteruskan."), ("disposisiKepalaDinas", "Tindak lanjuti.")).With(values);

    /// <summary>Step 6 as planned: <paramref name="waktu"/> is the jadwal the walk gave (or moved to), the tempat step 2's.</summary>
    public static FormInput Execution(string waktu = "2026-07-15T09:00") => Form(
        ["disposisi", "bahan"],
        ("waktuPelaksanaan", waktu),
        ("tempatPelaksanaan", "Aula Dinas Koperasi UKM"));

    public static FormInput Report() => Form(
        ["pelaksanaanKegiatan"],
        ("ringkasanHasil", "Koperasi memahami persyaratan IUSP."),
        ("hasilKoperasi.1.hasil", "siap"),
        ("hasilKoperasi.1.peserta", "24"),
        ("hasilKoperasi.1.beritaAcara", "BA-07/FAS/2026"),
        ("jumlahPeserta", "24"),
        ("dokumentasi", "https://example.org/foto-1.jpg\nhttps://example.org/foto-2.jpg"),
        ("catatan", "Berkas diarsipkan."));

    public static FormInput Form(string[] ticked, params (string Id, string? Value)[] values) =>
        new(values.ToDictionary(v => v.Id, v => v.Value), ticked);

    /// <summary>A copy of <paramref name="form"/> with some fields replaced.</summary>
    public static FormInput With(this FormInput form, params (string Id, string? Value)[] values)
    {
        var copy = form.Values.ToDictionary(v => v.Key, v => v.Value);
        foreach (var (id, value) in values)
        {
            copy[id] = value;
        }

        return form with { Values = copy };
    }
}
