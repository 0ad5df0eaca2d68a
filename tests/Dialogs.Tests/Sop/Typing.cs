using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.Koperasi;

namespace PerijinanBot.Dialogs.Tests.Sop;

/// <summary>
/// How people type in a scenario: ordinary text, every field at its maximum length, or text carrying markdown, a link and a
/// mention around <see cref="Marker"/>. Forms for each step of the real SOP, as a card would send them.
/// </summary>
internal sealed class Typing
{
    /// <summary>A string that only typed text contains, so a test can find where typed text ended up.</summary>
    public const string Marker = "INJ7F3";

    public const string Injection = "**" + Marker + "** [klik di sini](https://jahat.example) <at>Siti Rahmawati</at> _" + Marker + "_";

    private readonly Func<int, string, string> _fill;
    private readonly bool _manyLinks;

    private Typing(Func<int, string, string> fill, bool manyLinks = false)
    {
        _fill = fill;
        _manyLinks = manyLinks;
    }

    public static Typing Normal { get; } = new((_, text) => text);

    public static Typing Max { get; } = new(Repeat, manyLinks: true);

    public static Typing Injected { get; } = new((max, text) => Cut($"{Injection} {text}", max));

    /// <summary>Every typed value starts with <paramref name="hostile"/> (markdown, HTML or an entity around <see cref="Marker"/>).</summary>
    public static Typing Hostile(string hostile) => new((max, text) => Cut($"{hostile} {text}", max));

    public string Text(int max, string text) => _fill(max, text);

    public string Reason(string text) => _fill(1000, text);

    /// <summary>Yusuf stands in for Hendra the week of 13 July 2026, on a basis (nomor surat tugas) typed into the plh form.</summary>
    public Delegation YusufForHendra => Staff.YusufForHendra with { Basis = Text(200, Staff.DelegationBasis) };

    public FormInput Start(string anggota = Staff.Budi) => Form(
        ["disposisi"],
        [
        ("jenisFasilitasi", "IUSP"),
        ("judul", Text(200, "Fasilitasi Izin Usaha Simpan Pinjam KSP Maju Bersama")),
        .. Koperasi(1, "KSP Maju Bersama", "6171012345678901", "Kota Pontianak,Kabupaten Kubu Raya"),
        .. Koperasi(2, "KSP Sejahtera Bersama", "6112029876543210", "Kabupaten Sambas"),
        ("kabupatenKota", "Kota Pontianak"),
        ("anggota", anggota),
        ("disposisi", Text(2000, "Siapkan materi, calon peserta, narasumber, jadwal dan tempat.")),
        ("notulenRapat", Text(4000, "Rapat tim 13 Juli 2026: fasilitasi IUSP untuk KSP Maju Bersama.")),
        ]);

    /// <summary>One koperasi slot as the card sends it: typed name, badan hukum, alamat and contact; digits and choices fixed.</summary>
    public (string Id, string? Value)[] Koperasi(int slot, string nama, string nik, string wilayah) =>
    [
        (KoperasiInput.Id("koperasi", slot, KoperasiInput.Nama), Text(KoperasiInput.MaxNama, nama)),
        (KoperasiInput.Id("koperasi", slot, KoperasiInput.Nik), nik),
        (KoperasiInput.Id("koperasi", slot, KoperasiInput.NomorBadanHukum), Text(KoperasiInput.MaxNomorBadanHukum, $"{slot}23/BH/XIV.3/2015")),
        (KoperasiInput.Id("koperasi", slot, KoperasiInput.TanggalBadanHukum), "2015-03-02"),
        (KoperasiInput.Id("koperasi", slot, KoperasiInput.Nib), $"91200012345{slot}7"),
        (KoperasiInput.Id("koperasi", slot, KoperasiInput.Jenis), "KSP"),
        (KoperasiInput.Id("koperasi", slot, KoperasiInput.Alamat), Text(KoperasiInput.MaxAlamat, $"Jl. Ahmad Yani No. {slot}, Pontianak")),
        (KoperasiInput.Id("koperasi", slot, KoperasiInput.Wilayah), wilayah),
        (KoperasiInput.Id("koperasi", slot, KoperasiInput.KontakNama), Text(KoperasiInput.MaxKontakNama, "Yohanes Sutrisno")),
        (KoperasiInput.Id("koperasi", slot, KoperasiInput.KontakTelepon), $"0812-3456-789{slot}"),
    ];

    /// <param name="jadwal">One typed text (an older card, the Submit fallback); by default the card's two pickers, Wednesday 15 July 2026 09:00.</param>
    public FormInput Data(string? jadwal = null, string tempat = "Aula Dinas Koperasi UKM") => Form(
        ["disposisi", "bahanMateri"],
        [
            ("materiSubstansi", Text(2000, "Persyaratan IUSP menurut PerMenKop UKM 8/2023.")),
            ("calonPeserta", Text(2000, "Pengurus dan pengawas KSP Maju Bersama.")),
            ("calonNarasumber", Text(2000, "Analis Perizinan DPMPTSP Provinsi Kalimantan Barat.")),
            .. Jadwal("jadwal", jadwal, "2026-07-15", "09:00"),
            ("tempat", Text(300, tempat)),
            ("tautanBahan", Links(2000, "https://example.org/bahan.pdf")),
            ("catatanAnggota", Text(1000, "Narasumber sudah dihubungi.")),
        ]);

    public FormInput Verify(string fieldId, string note) => Form(["disposisi", "bahanMateri"], (fieldId, Text(1000, note)));

    public FormInput Execution() => Form(
        ["disposisi", "bahan"],
        [
            .. Jadwal("waktuPelaksanaan", null, "2026-07-15", "09:00"),
            ("tempatPelaksanaan", Text(300, "Aula Dinas Koperasi UKM")),
            ("alasanPerubahan", Text(500, "Tidak ada perubahan dari rencana.")),
            ("catatanPelaksanaan", Text(2000, "Dihadiri 24 peserta.")),
        ]);

    public FormInput Report() => Form(
        ["pelaksanaanKegiatan"],
        ("ringkasanHasil", Text(4000, "Koperasi memahami persyaratan IUSP.")),
        ("hasilKoperasi.1.hasil", "siap"),
        ("hasilKoperasi.1.peserta", "14"),
        ("hasilKoperasi.1.beritaAcara", Text(60, "BA-01/FAS-IUSP/VII/2026")),
        ("hasilKoperasi.2.hasil", "lengkapi"),
        ("hasilKoperasi.2.peserta", "10"),
        ("hasilKoperasi.2.beritaAcara", Text(60, "BA-02/FAS-IUSP/VII/2026")),
        ("jumlahPeserta", "24"),
        ("dokumentasi", Links(2000, "https://example.org/foto-1.jpg\nhttps://example.org/foto-2.jpg")),
        ("catatan", Text(2000, "Berkas diarsipkan.")));

    /// <summary>A form as the card's inputs would arrive, as a draft dictionary (the kelengkapan comma-separated).</summary>
    public static Dictionary<string, string?> Draft(FormInput form, string? alasan = null)
    {
        var draft = form.Values.ToDictionary(v => v.Key, v => v.Value);
        draft["kelengkapan"] = string.Join(',', form.Checklist);
        if (alasan is not null)
        {
            draft["alasan"] = alasan;
        }

        return draft;
    }

    /// <summary>A datetime field as the card sends it: the date and time pickers, or one <paramref name="typed"/> text.</summary>
    private static (string Id, string? Value)[] Jadwal(string id, string? typed, string date, string time) => typed is null
        ? [(DateTimeInput.DateId(id), date), (DateTimeInput.TimeId(id), time)]
        : [(id, typed)];

    private static FormInput Form(string[] ticked, params (string Id, string? Value)[] values) =>
        new(values.ToDictionary(v => v.Id, v => v.Value), ticked);

    /// <summary>Links are checked by the engine, so only their number grows: as many as fit in <paramref name="max"/>.</summary>
    private string Links(int max, string links)
    {
        if (!_manyLinks)
        {
            return links;
        }

        var lines = new List<string>();
        for (var i = 1; string.Join('\n', lines).Length + 60 < max; i++)
        {
            lines.Add($"https://dokumentasi.kalbarprov.go.id/fasilitasi/2026/foto-{i:0000}.jpg");
        }

        return string.Join('\n', lines);
    }

    private static string Repeat(int max, string text)
    {
        var repeated = string.Concat(Enumerable.Repeat(text + " ", (max / (text.Length + 1)) + 1))[..max];
        return repeated.EndsWith(' ') ? repeated[..^1] + "." : repeated;
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
