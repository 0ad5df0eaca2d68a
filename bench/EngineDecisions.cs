using Microsoft.Extensions.Logging.Abstractions;
using PerijinanBot.Bot.Decisions;
using PerijinanBot.Bot.People;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Sop.Calendar;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Bench;

/// <summary>
/// The SOP engine as the bot runs it on a click: the kegiatan's state JSON read, the command applied, the new state,
/// events and outbox (notice cards included) made. Each caller loops on its own kegiatan between step 2 and step 3:
/// the Anggota submits the data, the Ketua sends it back with a reason, and so on, so every decision is a real one.
/// </summary>
internal sealed class EngineDecisions
{
    public const string Ketua = "00000000-0000-4000-8000-000000000001";
    public const string Anggota = "00000000-0000-4000-8000-000000000002";

    private readonly KegiatanService _service;
    private KegiatanChange? _sample;

    public EngineDecisions(KegiatanStore store)
    {
        var people = PeopleDirectory.Create(
        [
            new DirectoryEntry(Ketua, "Rina Marlina", "rina@diskopukm.example", ["KetuaTimKerja"]),
            new DirectoryEntry(Anggota, "Budi Santoso", "budi@diskopukm.example", ["AnggotaTimKerja"]),
            new DirectoryEntry("00000000-0000-4000-8000-000000000003", "Hendra Gunawan", "hendra@diskopukm.example", ["KepalaBidang"]),
            new DirectoryEntry("00000000-0000-4000-8000-000000000004", "Siti Aminah", "siti@diskopukm.example", ["KepalaDinas"]),
        ]).Directory!;
        var engine = new SopEngine(SopCatalog.Embedded, WorkCalendar.Default, TimeProvider.System);
        _service = new KegiatanService(engine, store, people, TimeProvider.System, new DelegationCache());
    }

    /// <summary>A change the engine made, for the raw path to write the same amount of data.</summary>
    public KegiatanChange Sample => _sample ?? throw new InvalidOperationException("no decision made yet");

    /// <summary>Starts a kegiatan and brings it to step 3 (two commits, not measured).</summary>
    public async Task<string> PrepareAsync(string key, CancellationToken cancellationToken)
    {
        var started = await _service.StartAsync(Ketua, "start-" + key, Start, null, cancellationToken);
        var number = started.State?.Number ?? throw new InvalidOperationException($"start refused: {started.Refusal?.Message}");
        var submitted = await _service.ApplyAsync(number, "s2-" + key, new SubmitData(Anggota, 2, started.State.Version, Step2), cancellationToken);
        return submitted.IsAccepted ? number : throw new InvalidOperationException($"step 2 refused: {submitted.Refusal?.Message}");
    }

    /// <summary>The decide function handed to the store: the next command of the loop, applied by the engine.</summary>
    public KegiatanChange? Decide(StoredKegiatan stored)
    {
        // Prepared kegiatan stand at step 3 with version 2, and each decision flips between step 3 and step 2: the
        // version's parity says which step is current without parsing the state a second time.
        KegiatanCommand command = stored.Version % 2 == 0
            ? new Reject(Ketua, 3, stored.Version, "Daftar calon narasumber perlu dilengkapi dengan narasumber dari Dinas PMPTSP.")
            : new SubmitData(Anggota, 2, stored.Version, Step2);
        var (change, result) = _service.Decide(stored, command);
        // The raw path copies a decision from the middle of a kegiatan's life: a typical state size, not the smallest.
        if (_sample is null && stored.Version == 6)
        {
            _sample = change;
        }

        return change ?? throw new InvalidOperationException($"the engine refused a bench decision: {result.Refusal?.Message}");
    }

    private static readonly FormInput Start = new(new Dictionary<string, string?>
    {
        ["jenisFasilitasi"] = "IUSP",
        ["judul"] = "Fasilitasi Izin Usaha Simpan Pinjam Koperasi Simpan Pinjam Maju Bersama Kalimantan Barat",
        ["koperasi"] = "Koperasi Simpan Pinjam Maju Bersama",
        ["kabupatenKota"] = "Kota Pontianak",
        ["anggota"] = Anggota,
        ["disposisi"] = new string('d', 600),
        ["notulenRapat"] = new string('n', 1500),
    }, ["disposisi"]);

    private static readonly FormInput Step2 = new(new Dictionary<string, string?>
    {
        ["materiSubstansi"] = new string('m', 800),
        ["calonPeserta"] = new string('p', 400),
        ["calonNarasumber"] = new string('s', 300),
        ["jadwal"] = "2027-02-02 09:00",
        ["tempat"] = "Aula Dinas Koperasi UKM Provinsi Kalimantan Barat",
    }, ["disposisi", "bahanMateri"]);

    internal static NullLogger<KegiatanStore> Log => NullLogger<KegiatanStore>.Instance;
}
