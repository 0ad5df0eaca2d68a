using Microsoft.Extensions.Time.Testing;
using PerijinanBot.Reports.Agenda;
using PerijinanBot.Reports.Laporan;
using PerijinanBot.Sop.Calendar;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Reports.Tests.Laporan;

/// <summary>
/// A kegiatan taken through the real engine on a fake clock, from the start to the submitted report: the Kepala Bidang sends it
/// back once (Tidak, with a reason), a Plh. approves it the second time, and the form texts carry XML specials, emoji and a very
/// long word, as people really type them.
/// </summary>
internal static class LaporanScenario
{
    public const string Rina = "00000000-0000-4000-8000-000000000001";   // Ketua Tim Kerja, starts the kegiatan
    public const string Budi = "00000000-0000-4000-8000-000000000002";   // Anggota Tim Kerja with jabatan and NIP
    public const string Dewi = "00000000-0000-4000-8000-000000000003";   // Anggota Tim Kerja without jabatan or NIP
    public const string Hendra = "00000000-0000-4000-8000-000000000004"; // Kepala Bidang
    public const string Siti = "00000000-0000-4000-8000-000000000005";   // Kepala Dinas
    public const string Yusuf = "00000000-0000-4000-8000-000000000007";  // Ketua Tim Kerja, Plh. of the Kepala Bidang

    public const string Number = "FAS-2026-0001";
    public const string BudiNip = "197801012005011001";
    public const string HendraNip = "197005152000031002";
    public const string Koperasi = "KSP Sejahtera & Makmur <Kubu Raya> \"Bersama\" 😀";

    /// <summary>The second koperasi of the kegiatan: a name only.</summary>
    public const string Koperasi2 = "KSP Kapuas Jaya";
    public const string Judul = "Fasilitasi Izin Kantor Cabang KSP Sejahtera & Makmur";
    public const string RejectReason = "Rekomendasi kurang jelas: lengkapi <daftar narasumber> & jadwal cadangan.";
    public const string Disposisi = "Segera tindak lanjuti & koordinasikan dengan Dinas Kabupaten Kubu Raya.";
    public const string DelegationBasis = "ST 800/12/DISKOPUKM.B/2026";
    public const string AgendaDisposisi = "000.8 / 0007 / DISKOPUKM.B";
    public const string AgendaLaporan = "400.14/123/DISKOPUKM-B/2026";
    public const string Foto = "https://example.org/foto-1.jpg";
    public const string Galeri = "https://example.org/galeri?album=7&sort=asc";

    /// <summary>Participant lines in the long scenario: as many as the 2,000-character field holds.</summary>
    public const int PesertaCount = 60;

    /// <summary>300 characters without a space: must wrap inside the page, not run off it.</summary>
    public static readonly string LongWord = "Panjang" + new string('x', 286) + "Akhir";

    public static readonly IReadOnlyList<string> Decisions =
        ["Selesai", "Selesai", "Setuju", "Tidak (dikembalikan ke langkah 3)", "Setuju", "Setuju", "Setuju", "Dilaksanakan", "Dilaporkan"];

    private static readonly DateTimeOffset _mondayMorning = Wib(2026, 7, 13, 8, 0);

    /// <summary>Everyone with jabatan and NIP, except Dewi who has neither.</summary>
    public static PeopleDirectory Directory { get; } = People(details: true, kabid: true);

    /// <summary>Nobody has a jabatan or NIP.</summary>
    public static PeopleDirectory Bare { get; } = People(details: false, kabid: true);

    /// <summary>The Kepala Bidang left: nobody holds the role any more.</summary>
    public static PeopleDirectory WithoutKabid { get; } = People(details: true, kabid: false);

    public static SopDefinition Definition => SopCatalog.Embedded.Latest("fasilitasi-perijinan")!;

    /// <summary>
    /// The request for the finished scenario. <paramref name="anggota"/> is the Anggota who prepares and reports;
    /// <paramref name="longLists"/> fills the free-text fields to their limits so the report spans pages; <paramref name="sendBacks"/>
    /// adds that many extra rounds of the Ketua sending the data back with a reason of the maximum length; <paramref name="hasilLines"/>
    /// makes the ringkasan hasil that many one-line sentences, to move the end of the letter down the page line by line.
    /// </summary>
    public static LaporanRequest Request(
        string anggota = Budi,
        bool longLists = false,
        PeopleDirectory? reportPeople = null,
        bool disposisiRegistered = true,
        int sendBacks = 0,
        int? hasilLines = null,
        KopSettings? kop = null) =>
        new(Run(anggota, longLists, sendBacks: sendBacks, hasilLines: hasilLines), Definition, reportPeople ?? Directory, disposisiRegistered ? DisposisiEntry() : null, LaporanEntry(), kop);

    /// <summary>The kegiatan after the first <paramref name="commands"/> commands (step 2, 3, 4 Tidak, 3, 4, 5, 6, 7); all by default.</summary>
    public static Kegiatan Run(string anggota = Budi, bool longLists = false, int? commands = null, int sendBacks = 0, int? hasilLines = null)
    {
        var clock = new FakeTimeProvider(_mondayMorning);
        var engine = new SopEngine(SopCatalog.Embedded, WorkCalendar.Default, clock);
        var staffing = Staffing.Of(Directory, new Delegation(Hendra, Yusuf, new DateOnly(2026, 7, 13), new DateOnly(2026, 7, 17), DelegationBasis));

        var started = engine.Start(new StartKegiatan(Rina, "fasilitasi-perijinan", Number, StartForm(anggota)), staffing);
        Assert.True(started.IsAccepted, started.Refusal?.Message);
        var kegiatan = started.State;

        var moves = new List<(DateTimeOffset At, Func<Kegiatan, KegiatanCommand> Command)>
        {
            (Wib(2026, 7, 13, 8, 40), k => new SubmitData(anggota, 2, k.Version, DataForm(longLists))),
            (Wib(2026, 7, 13, 8, 50), k => new Approve(Rina, 3, k.Version, Form(["disposisi", "bahanMateri"], ("rekomendasi", "Layak diteruskan.")))),
            (Wib(2026, 7, 13, 9, 0), k => new Reject(Hendra, 4, k.Version, RejectReason)),
            (Wib(2026, 7, 13, 9, 30), k => new Approve(Rina, 3, k.Version, Form(["disposisi", "bahanMateri"], ("rekomendasi", "Narasumber dan jadwal cadangan dilengkapi.")))),
            (Wib(2026, 7, 13, 9, 40), k => new Approve(Yusuf, 4, k.Version, Form(["disposisi", "bahanMateri"], ("catatanKoreksi", "Sudah sesuai.")))),
            (Wib(2026, 7, 14, 8, 10), k => new Approve(Siti, 5, k.Version, Form(["disposisi", "bahanMateri"], ("disposisiKepalaDinas", Disposisi)))),
            (Wib(2026, 7, 15, 9, 33), k => new RecordExecution(Rina, 6, k.Version, ExecutionForm(longLists))),
            (Wib(2026, 7, 16, 10, 0), k => new SubmitReport(anggota, 7, k.Version, ReportForm(longLists, hasilLines))),
        };

        // Extra rounds between the first hand-over (08.40) and the Ketua's approval (08.50), half a minute apart.
        for (var round = sendBacks; round >= 1; round--)
        {
            var reason = LongReason(round);
            moves.Insert(1, (Wib(2026, 7, 13, 8, 40).AddSeconds(60 * round), k => new SubmitData(anggota, 2, k.Version, DataForm(longLists))));
            moves.Insert(1, (Wib(2026, 7, 13, 8, 40).AddSeconds((60 * round) - 30), k => new Reject(Rina, 3, k.Version, reason)));
        }

        foreach (var (at, command) in moves.Take(commands ?? moves.Count))
        {
            clock.SetUtcNow(at);
            var result = engine.Apply(kegiatan, command(kegiatan), staffing);
            Assert.True(result.IsAccepted, result.Refusal?.Message);
            kegiatan = result.State;
        }

        return kegiatan;
    }

    public static AgendaEntry DisposisiEntry() => new(
        2026, 7, new DateOnly(2026, 7, 14), AgendaDisposisi, null, "Disposisi fasilitasi Izin Kantor Cabang", "Kepala Bidang Perijinan dan Kelembagaan",
        Siti, "Siti Rahmawati", Number, AgendaDocuments.Disposisi);

    public static AgendaEntry LaporanEntry() => new(
        2026, 9, new DateOnly(2026, 7, 16), "000.8 / 0009 / DISKOPUKM.B", AgendaLaporan, "Laporan Kegiatan Fasilitasi Izin Kantor Cabang", "Kepala Dinas",
        Budi, "Budi Santoso", Number, AgendaDocuments.Laporan);

    /// <summary>One line per participant, numbered, so a test can see that no line went missing across page breaks.</summary>
    public static IEnumerable<string> Peserta(int count) =>
        Enumerable.Range(1, count).Select(i => $"PESERTA-{i:000} Pengurus koperasi");

    /// <summary>A reason of nearly the 1,000 characters allowed, with markers at both ends.</summary>
    public static string LongReason(int round)
    {
        var filler = string.Concat(Enumerable.Repeat("data dukung belum lengkap dan perlu diperbaiki; ", 19));
        return $"ALASAN-{round:00}-AWAL {filler}ALASAN-{round:00}-AKHIR";
    }

    public static DateTimeOffset Wib(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.FromHours(7));

    private static FormInput StartForm(string anggota) => Form(
        ["disposisi"],
        ("jenisFasilitasi", "IKC"),
        ("judul", Judul),
        ("koperasi.1.nama", Koperasi),
        ("koperasi.1.nik", "6112 0101 2345 6789"),
        ("koperasi.1.nomorBh", "518/12/BH/XIV.3/2015"),
        ("koperasi.1.tanggalBh", "2015-03-02"),
        ("koperasi.1.nib", "9120001234567"),
        ("koperasi.1.jenis", "KSP"),
        ("koperasi.1.alamat", "Jl. Adisucipto Km 9, Sungai Raya"),
        ("koperasi.1.wilayah", "Kota Pontianak,Kabupaten Kubu Raya"),
        ("koperasi.1.cpNama", "Yohanes"),
        ("koperasi.1.cpTelepon", "0812-5678-9012"),
        ("koperasi.2.nama", Koperasi2),
        ("koperasi.2.jenis", "KSP"),
        ("kabupatenKota", "Kabupaten Kubu Raya"),
        ("anggota", anggota),
        ("disposisi", "Siapkan materi, calon peserta, narasumber, jadwal & tempat."),
        ("notulenRapat", "Rapat tim 13 Juli 2026."));

    private static FormInput DataForm(bool longLists) => Form(
        ["disposisi", "bahanMateri"],
        ("materiSubstansi", "Persyaratan pembukaan kantor cabang menurut PerMenKop UKM 8/2023 <Pasal 12> & \"lampiran\"."),
        ("calonPeserta", longLists ? string.Join('\n', Peserta(PesertaCount)) : "Pengurus & pengawas KSP Sejahtera 🧑‍🤝‍🧑"),
        ("calonNarasumber", "Dr. Ahmad Fauzi (Kemenkop UKM)\nIr. Sri Wahyuni, M.M."),
        ("jadwal", "2026-07-15T09:30"),
        ("tempat", "Aula Dinas Koperasi UKM"),
        ("tautanBahan", "https://example.org/bahan.pdf"));

    private static FormInput ExecutionForm(bool longLists) => Form(
        ["disposisi", "bahan"],
        ("waktuPelaksanaan", "2026-07-15T09:30"),
        ("tempatPelaksanaan", "Aula Kantor Dinas Koperasi UKM Kabupaten Kubu Raya"),
        ("alasanPerubahan", "Aula Dinas dipakai rapat pimpinan; kegiatan dipindah ke Kubu Raya."),
        ("catatanPelaksanaan", longLists ? Paragraphs("CATATAN", 1900) : "Dihadiri pengurus <lengkap> & pengawas."));

    private static FormInput ReportForm(bool longLists, int? hasilLines) => Form(
        ["pelaksanaanKegiatan"],
        ("ringkasanHasil", hasilLines is { } count
            ? string.Join('\n', Enumerable.Range(1, Math.Max(1, count)).Select(i => $"HASIL-{i:00} Koperasi memahami persyaratan."))
            : longLists
            ? $"{Paragraphs("HASIL", 3500)} {LongWord}"
            : $"Koperasi memahami persyaratan IKC ]]> <w:t>bukan markup</w:t> 🎉 {LongWord}"),
        ("hasilKoperasi.1.hasil", "siap"),
        ("hasilKoperasi.1.peserta", "1200"),
        ("hasilKoperasi.1.beritaAcara", "BA-518/FAS/VII/2026"),
        ("hasilKoperasi.2.hasil", "berhenti"),
        ("hasilKoperasi.2.peserta", "50"),
        ("hasilKoperasi.2.beritaAcara", "BA-519/FAS/VII/2026"),
        ("jumlahPeserta", "1250"),
        ("dokumentasi", $"{Foto}\n{Galeri}"),
        ("catatan", "Berkas diarsipkan di lemari arsip B-3."));

    /// <summary>Sentences with numbered markers ("HASIL-01 …"), about <paramref name="length"/> characters in all.</summary>
    private static string Paragraphs(string marker, int length)
    {
        var lines = new List<string>();
        for (var i = 1; lines.Sum(l => l.Length + 1) < length - 120; i++)
        {
            lines.Add($"{marker}-{i:00} Koperasi telah menyiapkan dokumen persyaratan dan menyampaikannya kepada tim.");
        }

        return string.Join('\n', lines);
    }

    private static FormInput Form(string[] ticked, params (string Id, string? Value)[] values) =>
        new(values.ToDictionary(v => v.Id, v => v.Value), ticked);

    private static PeopleDirectory People(bool details, bool kabid)
    {
        var entries = new List<DirectoryEntry>
        {
            Entry(Rina, "Rina Marlina", Role.KetuaTimKerja, details ? "Ketua Tim Kerja Perijinan" : null, details ? "198203102006042003" : null),
            Entry(Budi, "Budi Santoso", Role.AnggotaTimKerja, details ? "Analis Kelembagaan Koperasi" : null, details ? BudiNip : null),
            Entry(Dewi, "Dewi Lestari", Role.AnggotaTimKerja, null, null),
            Entry(Siti, "Siti Rahmawati", Role.KepalaDinas, details ? "Kepala Dinas Koperasi, Usaha Kecil dan Menengah" : null, details ? "196801011990032001" : null),
            Entry(Yusuf, "Yusuf Hidayat", Role.KetuaTimKerja, null, null),
        };
        if (kabid)
        {
            entries.Add(Entry(Hendra, "Hendra Wijaya", Role.KepalaBidang, details ? "Kepala Bidang Perijinan dan Kelembagaan" : null, details ? HendraNip : null));
        }

        var result = PeopleDirectory.Create(entries);
        Assert.Empty(result.Errors);
        return result.Directory!;
    }

    private static DirectoryEntry Entry(string id, string name, Role role, string? jabatan, string? nip) =>
        new(id, name, $"{name.Replace(' ', '.').ToLowerInvariant()}@kalbarprov.go.id", [role.ToString()], jabatan, nip);
}
