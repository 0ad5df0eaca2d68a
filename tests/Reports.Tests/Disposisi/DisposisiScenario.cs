using Microsoft.Extensions.Time.Testing;
using PerijinanBot.Reports.Agenda;
using PerijinanBot.Reports.Disposisi;
using PerijinanBot.Sop.Calendar;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.People;
using static PerijinanBot.Reports.Tests.Laporan.LaporanScenario;

namespace PerijinanBot.Reports.Tests.Disposisi;

/// <summary>
/// A kegiatan taken through the real engine on a fake clock up to the Kepala Dinas's Setuju (step 5), the people and the
/// agenda entry of <see cref="Laporan.LaporanScenario"/>: optionally a Plh. gives the disposition, and the disposition text is
/// whatever the test types (XML specials, emoji, a very long word, nothing at all).
/// </summary>
internal static class DisposisiScenario
{
    /// <summary>The Kepala Dinas's NIP in <see cref="Laporan.LaporanScenario.Directory"/>.</summary>
    public const string SitiNip = "196801011990032001";

    public const string Perihal = "Disposisi fasilitasi Izin Kantor Cabang";

    public const string KadisDelegationBasis = "800.1.11.1/15/DISKOPUKM/2026";

    /// <summary>The kegiatan after step 5; <paramref name="steps"/> stops earlier (2 = after step 2, … 5 = after step 5).</summary>
    public static Kegiatan Run(string? disposisi = Laporan.LaporanScenario.Disposisi, bool plh = false, int steps = 5)
    {
        var clock = new FakeTimeProvider(Wib(2026, 7, 13, 8, 0));
        var engine = new SopEngine(SopCatalog.Embedded, WorkCalendar.Default, clock);
        // Hendra, the Kepala Bidang, is appointed Plh. Kepala Dinas for the week the disposition falls in.
        var staffing = plh
            ? Staffing.Of(Laporan.LaporanScenario.Directory, new Delegation(Siti, Hendra, new DateOnly(2026, 7, 14), new DateOnly(2026, 7, 17), KadisDelegationBasis, StandInKind.Absence, new DateOnly(2026, 7, 13)))
            : Staffing.Of(Laporan.LaporanScenario.Directory);

        var started = engine.Start(new StartKegiatan(Rina, "fasilitasi-perijinan", Number, Form(
            ["disposisi"],
            ("jenisFasilitasi", "IKC"),
            ("judul", Judul),
            ("koperasi", Koperasi),
            ("kabupatenKota", "Kabupaten Kubu Raya"),
            ("anggota", Budi),
            ("disposisi", "Siapkan materi, calon peserta, narasumber, jadwal & tempat."))), staffing);
        Assert.True(started.IsAccepted, started.Refusal?.Message);
        var kegiatan = started.State;

        var moves = new (DateTimeOffset At, Func<Kegiatan, KegiatanCommand> Command)[]
        {
            (Wib(2026, 7, 13, 8, 40), k => new SubmitData(Budi, 2, k.Version, Form(
                ["disposisi", "bahanMateri"],
                ("materiSubstansi", "Persyaratan pembukaan kantor cabang."),
                ("calonPeserta", "Pengurus & pengawas KSP"),
                ("calonNarasumber", "Dr. Ahmad Fauzi"),
                ("jadwal", "2026-07-15T09:30"),
                ("tempat", "Aula Dinas Koperasi UKM <Lantai 2> & \"Ruang B\"")))),
            (Wib(2026, 7, 13, 8, 50), k => new Approve(Rina, 3, k.Version, Form(["disposisi", "bahanMateri"], ("rekomendasi", "Layak diteruskan.")))),
            (Wib(2026, 7, 13, 9, 40), k => new Approve(Hendra, 4, k.Version, Form(["disposisi", "bahanMateri"]))),
            (Wib(2026, 7, 14, 8, 10), k => new Approve(plh ? Hendra : Siti, 5, k.Version, Form(["disposisi", "bahanMateri"], ("disposisiKepalaDinas", Written(disposisi))))),
        };

        foreach (var (at, command) in moves.Take(steps - 1))
        {
            clock.SetUtcNow(at);
            var result = engine.Apply(kegiatan, command(kegiatan), staffing);
            Assert.True(result.IsAccepted, result.Refusal?.Message);
            kegiatan = result.State;
        }

        return string.IsNullOrWhiteSpace(disposisi) && kegiatan.Data.TryGetValue(5, out var step5) ? WithoutText(kegiatan, step5) : kegiatan;
    }

    /// <summary>A Setuju needs the disposition now; a blank one stands for a kegiatan approved before it did (stored without it).</summary>
    private static string Written(string? disposisi) => string.IsNullOrWhiteSpace(disposisi) ? "(dihapus)" : disposisi;

    private static Kegiatan WithoutText(Kegiatan kegiatan, StepData step5) => kegiatan with
    {
        Data = new Dictionary<int, StepData>(kegiatan.Data)
        {
            [5] = step5 with { Values = step5.Values.Where(v => v.Key != "disposisiKepalaDinas").ToDictionary() },
        },
    };

    public static DisposisiRequest Request(string? disposisi = Laporan.LaporanScenario.Disposisi, bool plh = false, PeopleDirectory? people = null, AgendaEntry? entry = null) =>
        new(Run(disposisi, plh), Definition, people ?? Laporan.LaporanScenario.Directory, entry ?? Entry());

    /// <summary>The disposition's line in the register, its SRIKANDI number entered when <paramref name="srikandi"/> is given.</summary>
    public static AgendaEntry Entry(string? srikandi = null) => new(
        2026, 7, new DateOnly(2026, 7, 14), AgendaDisposisi, srikandi, Perihal, "Kepala Bidang Perijinan dan Kelembagaan",
        Siti, "Siti Rahmawati", Number, AgendaDocuments.Disposisi);

    private static FormInput Form(string[] ticked, params (string Id, string? Value)[] values) =>
        new(values.ToDictionary(v => v.Id, v => v.Value), ticked);
}
