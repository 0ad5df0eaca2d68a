using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.Koperasi;
using PerijinanBot.Sop.Tests.Support;

namespace PerijinanBot.Sop.Tests.Engine;

/// <summary>Step 7 records, for every koperasi of the kegiatan, the hasil, the jumlah peserta and the nomor berita acara.</summary>
public sealed class KoperasiResultTests
{
    private readonly Office _office = new();

    /// <summary>A kegiatan for KSP A and KSP B, taken to step 7.</summary>
    private Kegiatan AtReport()
    {
        var start = Forms.Start().Values.Where(v => v.Key != "koperasi").ToDictionary(v => v.Key, v => v.Value);
        start["koperasi.1.nama"] = "KSP A";
        start["koperasi.1.nik"] = "6171012345678901";
        start["koperasi.2.nama"] = "KSP B";
        var kegiatan = _office.Start(Forms.Start() with { Values = start });
        return _office.WalkTo(7, kegiatan);
    }

    private static FormInput Report(params (string Id, string? Value)[] changes)
    {
        var values = Forms.Report().Values.ToDictionary(v => v.Key, v => v.Value);
        values["hasilKoperasi.2.hasil"] = "lengkapi";
        values["hasilKoperasi.2.peserta"] = "0";
        values["hasilKoperasi.2.beritaAcara"] = "BA-08/FAS/2026";
        foreach (var (id, value) in changes)
        {
            values[id] = value;
        }

        return Forms.Report() with { Values = values };
    }

    [Fact]
    public void The_report_stores_each_koperasi_s_hasil_peserta_and_berita_acara_with_its_name()
    {
        var kegiatan = AtReport();
        var closed = _office.Accept(kegiatan, new SubmitReport(Staff.Budi, 7, kegiatan.Version, Report(("hasilKoperasi.1.beritaAcara", "  BA-07/FAS/2026 "))));

        var results = KegiatanKoperasi.Results(closed);
        Assert.Equal(
            [
                new KoperasiResult { Nama = "KSP A", Nik = "6171012345678901", Hasil = "siap", Peserta = 24, BeritaAcara = "BA-07/FAS/2026" },
                new KoperasiResult { Nama = "KSP B", Hasil = "lengkapi", Peserta = 0, BeritaAcara = "BA-08/FAS/2026" },
            ],
            results);
    }

    [Theory]
    [InlineData("hasilKoperasi.2.hasil", "", "Koperasi 2 (KSP B): hasil fasilitasi wajib dipilih.")]
    [InlineData("hasilKoperasi.2.hasil", "ditolak", "Koperasi 2 (KSP B): hasil “ditolak” tidak tersedia.")]
    [InlineData("hasilKoperasi.1.peserta", "", "Koperasi 1 (KSP A): jumlah peserta (dari daftar hadir) wajib diisi.")]
    [InlineData("hasilKoperasi.1.peserta", "-3", "Koperasi 1 (KSP A): jumlah peserta harus bilangan bulat 0 atau lebih (saat ini “-3”).")]
    [InlineData("hasilKoperasi.1.peserta", "dua belas", "Koperasi 1 (KSP A): jumlah peserta harus bilangan bulat 0 atau lebih (saat ini “dua belas”).")]
    [InlineData("hasilKoperasi.1.peserta", "10001", "Koperasi 1 (KSP A): jumlah peserta paling besar 10.000.")]
    [InlineData("hasilKoperasi.2.beritaAcara", " ", "Koperasi 2 (KSP B): nomor berita acara wajib diisi.")]
    public void A_missing_or_malformed_result_is_refused_naming_the_koperasi_and_nothing_changes(string id, string value, string expected)
    {
        var kegiatan = AtReport();

        var refusal = _office.Refuse(kegiatan, new SubmitReport(Staff.Budi, 7, kegiatan.Version, Report((id, value))), RefusalCode.InvalidInput);

        Assert.Contains(expected, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_berita_acara_number_longer_than_60_characters_is_refused()
    {
        var kegiatan = AtReport();

        var refusal = _office.Refuse(kegiatan, new SubmitReport(Staff.Budi, 7, kegiatan.Version, Report(("hasilKoperasi.1.beritaAcara", new string('7', 61)))), RefusalCode.InvalidInput);

        Assert.Contains("Koperasi 1 (KSP A): nomor berita acara paling banyak 60 karakter (saat ini 61).", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kegiatan_stored_before_the_koperasi_list_reports_without_results()
    {
        var kegiatan = _office.WalkTo(7);
        var data = kegiatan.Data[1];
        var old = kegiatan with { Data = new Dictionary<int, StepData>(kegiatan.Data) { [1] = data with { Values = new Dictionary<string, string>(data.Values) { ["koperasi"] = "" } } } };
        var values = Forms.Report().Values.Where(v => !v.Key.StartsWith("hasilKoperasi.", StringComparison.Ordinal)).ToDictionary(v => v.Key, v => v.Value);

        var closed = _office.Accept(old, new SubmitReport(Staff.Budi, 7, old.Version, Forms.Report() with { Values = values }));

        Assert.Empty(KegiatanKoperasi.Results(closed));
    }
}
