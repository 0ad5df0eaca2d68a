using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.Koperasi;
using PerijinanBot.Sop.Tests.Support;

namespace PerijinanBot.Sop.Tests.Engine;

/// <summary>Step 1 records one or more koperasi; each slot is checked and stored normalised.</summary>
public sealed class KoperasiListTests
{
    private const string Nik = "6171012345678901";
    private const string Nib = "9120001234567";

    private readonly Office _office = new();

    private static FormInput StartWith(params (string Id, string? Value)[] values)
    {
        var copy = Forms.Start().Values.Where(v => v.Key != "koperasi").ToDictionary(v => v.Key, v => v.Value);
        foreach (var (id, value) in values)
        {
            copy[id] = value;
        }

        return Forms.Start() with { Values = copy };
    }

    private static string Id(int slot, string part) => KoperasiInput.Id("koperasi", slot, part);

    private string Refused(FormInput form)
    {
        var result = _office.Engine.Start(new StartKegiatan(Staff.Rina, Office.Sop, "FAS-2026-0001", form), _office.Staffing);
        Assert.False(result.IsAccepted, "Expected the start to be refused.");
        Assert.Equal(RefusalCode.InvalidInput, result.Refusal.Code);
        return result.Refusal.Message;
    }

    [Fact]
    public void Two_koperasi_are_stored_normalised_and_in_slot_order()
    {
        var kegiatan = _office.Start(StartWith(
            (Id(1, "nama"), "KSP Maju Bersama"),
            (Id(1, "nik"), "6171 0123 4567 8901"),
            (Id(1, "nomorBh"), "123/BH/XIV.3/2015"),
            (Id(1, "tanggalBh"), "2015-03-02"),
            (Id(1, "nib"), "912-000-123-4567"),
            (Id(1, "jenis"), "KSP"),
            (Id(1, "alamat"), "Jl. Ahmad Yani No. 1, Pontianak"),
            (Id(1, "wilayah"), "Kota Pontianak,Kabupaten Kubu Raya"),
            (Id(1, "cpNama"), "Yohanes"),
            (Id(1, "cpTelepon"), "0812-3456-7890"),
            (Id(2, "nama"), "KSP Sejahtera"),
            (Id(2, "jenis"), "KSP"),
            (Id(3, "jenis"), "KSP")));

        var list = KegiatanKoperasi.Of(kegiatan);
        Assert.Equal(["KSP Maju Bersama", "KSP Sejahtera"], list.Select(k => k.Nama));
        var first = list[0];
        Assert.Equal((Nik, Nib, "2015-03-02", "+6281234567890"), (first.Nik, first.Nib, first.TanggalBadanHukum, first.KontakTelepon));
        Assert.Equal(["Kabupaten Kubu Raya", "Kota Pontianak"], first.Wilayah);
        Assert.Equal("KSP Maju Bersama; KSP Sejahtera", KegiatanKoperasi.Names(kegiatan));
    }

    [Fact]
    public void Plain_text_under_the_field_id_is_one_koperasi_by_name()
    {
        var kegiatan = _office.Start();
        Assert.Equal("KSP Maju Bersama", Assert.Single(KegiatanKoperasi.Of(kegiatan)).Nama);
        Assert.StartsWith("[", kegiatan.Value("koperasi"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_kegiatan_stored_with_plain_text_still_reads_its_koperasi()
    {
        var old = new Kegiatan
        {
            Data = new Dictionary<int, StepData> { [1] = new(new Dictionary<string, string> { ["koperasi"] = "KSP Lama" }, [], new("x", "X"), DateTimeOffset.UnixEpoch) },
        };
        Assert.Equal("KSP Lama", KegiatanKoperasi.Names(old));
        Assert.Equal("KSP Lama", Assert.Single(KegiatanKoperasi.Of(old)).Nama);
    }

    [Fact]
    public void No_koperasi_at_all_is_refused()
    {
        var message = Refused(StartWith((Id(1, "jenis"), "KSP")));
        Assert.Contains("Koperasi: isi paling sedikit satu koperasi", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_slot_without_a_name_is_refused_naming_the_slot()
    {
        var message = Refused(StartWith((Id(1, "nama"), "KSP A"), (Id(2, "nik"), Nik)));
        Assert.Contains("Koperasi 2: Nama koperasi wajib diisi.", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("617101234567890", "Koperasi 2: NIK (Nomor Induk Koperasi) harus 16 angka (saat ini 15 angka).")]
    [InlineData("61710123456789012", "Koperasi 2: NIK (Nomor Induk Koperasi) harus 16 angka (saat ini 17 angka).")]
    [InlineData("61710123456789AB", "Koperasi 2: NIK (Nomor Induk Koperasi) harus 16 angka, tanpa huruf atau tanda lain.")]
    public void A_NIK_that_is_not_16_digits_is_refused(string nik, string expected)
    {
        var message = Refused(StartWith((Id(1, "nama"), "KSP A"), (Id(2, "nama"), "KSP B"), (Id(2, "nik"), nik)));
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("912000123456", "Koperasi 1: NIB harus 13 angka (saat ini 12 angka).")]
    [InlineData("91200012345678", "Koperasi 1: NIB harus 13 angka (saat ini 14 angka).")]
    public void A_NIB_that_is_not_13_digits_is_refused(string nib, string expected)
    {
        var message = Refused(StartWith((Id(1, "nama"), "KSP A"), (Id(1, "nib"), nib)));
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0812 3456 7890", "+6281234567890")]
    [InlineData("+62 812-3456-7890", "+6281234567890")]
    [InlineData("08123456789", "+628123456789")]
    public void Telephone_numbers_are_stored_as_plus_62(string typed, string stored)
    {
        var kegiatan = _office.Start(StartWith((Id(1, "nama"), "KSP A"), (Id(1, "cpTelepon"), typed)));
        Assert.Equal(stored, Assert.Single(KegiatanKoperasi.Of(kegiatan)).KontakTelepon);
    }

    [Theory]
    [InlineData("0561-123")]
    [InlineData("12345678901")]
    [InlineData("0812345678901234")]
    [InlineData("+62 0812 3456 789")]
    [InlineData("0812-ABC-7890")]
    public void Other_telephone_numbers_are_refused(string typed)
    {
        var message = Refused(StartWith((Id(1, "nama"), "KSP A"), (Id(1, "cpTelepon"), typed)));
        Assert.Contains($"Koperasi 1: nomor telepon contact person “{typed}” tidak sah", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_jenis_koperasi_outside_the_list_is_refused()
    {
        var message = Refused(StartWith((Id(1, "nama"), "KSP A"), (Id(1, "jenis"), "Koperasi Serba Usaha")));
        Assert.Contains("Koperasi 1: jenis koperasi “Koperasi Serba Usaha” tidak tersedia.", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wilayah_outside_Kalimantan_Barat_is_refused()
    {
        var message = Refused(StartWith((Id(1, "nama"), "KSP A"), (Id(1, "wilayah"), "Kota Pontianak,Kota Samarinda")));
        Assert.Contains("Koperasi 1: wilayah keanggotaan “Kota Samarinda” bukan kabupaten/kota yang tersedia.", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wilayah_sent_as_its_place_in_the_kabupaten_kota_list_is_stored_by_name()
    {
        // The card sends positions (1 = the first kabupaten/kota of the start step's list) to stay small.
        var kegiatan = _office.Start(StartWith((Id(1, "nama"), "KSP A"), (Id(1, "wilayah"), "13,5")));
        Assert.Equal(["Kabupaten Kubu Raya", "Kota Pontianak"], Assert.Single(KegiatanKoperasi.Of(kegiatan)).Wilayah);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("15")]
    public void A_wilayah_position_outside_the_list_is_refused(string code)
    {
        var message = Refused(StartWith((Id(1, "nama"), "KSP A"), (Id(1, "wilayah"), $"1,{code}")));
        Assert.Contains($"Koperasi 1: wilayah keanggotaan “{code}” bukan kabupaten/kota yang tersedia.", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_badan_hukum_date_that_is_not_a_date_is_refused()
    {
        var message = Refused(StartWith((Id(1, "nama"), "KSP A"), (Id(1, "tanggalBh"), "kemarin")));
        Assert.Contains("Koperasi 1: tanggal badan hukum “kemarin” tidak dikenali", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Typed_parts_longer_than_their_limit_are_refused()
    {
        var message = Refused(StartWith((Id(1, "nama"), new string('a', 201)), (Id(1, "alamat"), new string('b', 301))));
        Assert.Contains("Koperasi 1: Nama koperasi paling banyak 200 karakter (saat ini 201).", message, StringComparison.Ordinal);
        Assert.Contains("Koperasi 1: Alamat paling banyak 300 karakter (saat ini 301).", message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_letter_perihal_names_the_koperasi_not_the_stored_list()
    {
        var kegiatan = _office.Start(StartWith((Id(1, "nama"), "KSP A"), (Id(2, "nama"), "KSP B")));
        Assert.Equal("KSP A; KSP B", KegiatanKoperasi.TextOf(kegiatan, "koperasi"));
        Assert.Equal("IUSP", KegiatanKoperasi.TextOf(kegiatan, "jenisFasilitasi"));
    }
}

/// <summary>The keys of the koperasi search: a NIK exactly, a name from any word on.</summary>
public sealed class KoperasiSearchTests
{
    [Fact]
    public void A_koperasi_is_found_by_its_NIK_and_by_its_name_from_any_word()
    {
        var keys = KoperasiSearch.Keys([new KoperasiEntry { Nama = "KSP  Maju-Bersama", Nik = "6171012345678901" }]);

        Assert.Equal(
            [new("nik", "6171012345678901"), new("nama", "ksp maju bersama"), new("nama", "maju bersama"), new("nama", "bersama")],
            keys);
    }

    [Theory]
    [InlineData("6171 0123 4567 8901", "nik", "6171012345678901")]
    [InlineData("  KSP maju ", "nama", "ksp maju")]
    [InlineData("617101234567890", "nama", "617101234567890")]
    public void A_query_is_a_NIK_when_it_is_16_digits_else_a_name(string typed, string kind, string key) =>
        Assert.Equal(new KoperasiKey(kind, key), KoperasiSearch.Query(typed));

    [Theory]
    [InlineData("")]
    [InlineData("ks")]
    [InlineData(" - . ")]
    public void A_query_too_short_to_mean_a_koperasi_looks_nothing_up(string typed) =>
        Assert.Null(KoperasiSearch.Query(typed));
}
