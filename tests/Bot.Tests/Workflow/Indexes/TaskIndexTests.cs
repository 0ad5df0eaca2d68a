using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PerijinanBot.Bot.Decisions;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Sop.Calendar;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Bot.Tests.Workflow.Indexes;

/// <summary>The open-steps index ("tugas" and what falls due) follows the kegiatan, decision by decision, against a real Azurite.</summary>
[NeedsAzurite]
public sealed class TaskIndexTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>
{
    private const string Ketua = "00000000-0000-4000-8000-000000000001";
    private const string Anggota = "00000000-0000-4000-8000-000000000002";

    private static readonly PeopleDirectory People = PeopleDirectory.Create(
    [
        new DirectoryEntry(Ketua, "Rina Marlina", "rina@diskopukm.example", ["KetuaTimKerja"]),
        new DirectoryEntry(Anggota, "Budi Santoso", "budi@diskopukm.example", ["AnggotaTimKerja"]),
        new DirectoryEntry("00000000-0000-4000-8000-000000000003", "Hendra Gunawan", "hendra@diskopukm.example", ["KepalaBidang"]),
        new DirectoryEntry("00000000-0000-4000-8000-000000000004", "Siti Aminah", "siti@diskopukm.example", ["KepalaDinas"]),
    ]).Directory!;

    // Monday 2 March 2026, 08:00 WIB.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private (SopEngine Engine, Staffing Staffing, TaskIndex Index) Build() =>
        (new SopEngine(SopCatalog.Embedded, WorkCalendar.Default, _time), Staffing.Of(People), new TaskIndex(new TableProvider(new TableServiceClient(storage.ConnectionString)), Options.Create(new StorageOptions())));

    private static Kegiatan Start(SopEngine engine, Staffing staffing, string number) => engine.Start(new StartKegiatan(Ketua, "fasilitasi-perijinan", number, new FormInput(new Dictionary<string, string?>
    {
        ["jenisFasilitasi"] = "IKC",
        ["judul"] = "Fasilitasi Izin Kantor Cabang",
        ["koperasi"] = "KSP Sejahtera",
        ["kabupatenKota"] = "Kabupaten Sambas",
        ["anggota"] = Anggota,
        ["disposisi"] = "Siapkan data dukung.",
    }, ["disposisi"])), staffing).State!;

    [Fact]
    public async Task The_open_step_moves_from_the_Anggota_to_the_Ketua_for_tugas_and_for_what_falls_due()
    {
        var (engine, staffing, index) = Build();
        var number = $"FAS-2026-{Random.Shared.Next(1000, 9999)}";
        var started = Start(engine, staffing, number);

        await index.SyncAsync(started, null, Ct);

        var budi = Assert.Single(await index.ForAsync(Anggota, Ct), t => t.Number == number);
        Assert.Equal(2, budi.Step);
        Assert.DoesNotContain(await index.ForAsync(Ketua, Ct), t => t.Number == number);
        // Step 2 takes one working hour from 08:00 WIB: due 09:00 WIB, and not before.
        Assert.DoesNotContain(await index.DueAsync(started.Current!.DueAt.AddMinutes(-1), Ct), d => d.Number == number);
        var due = Assert.Single(await index.DueAsync(started.Current!.DueAt, Ct), d => d.Number == number);
        Assert.Equal((2, Anggota), (due.Step, due.AssigneeId));

        _time.Advance(TimeSpan.FromMinutes(40));
        var submitted = engine.Apply(started, new SubmitData(Anggota, 2, started.Version, new FormInput(new Dictionary<string, string?>
        {
            ["materiSubstansi"] = "Materi.",
            ["calonPeserta"] = "Pengurus.",
            ["calonNarasumber"] = "Kabid.",
            ["jadwal"] = "2026-04-07 09:00",
            ["tempat"] = "Aula.",
        }, ["disposisi", "bahanMateri"])), staffing).State!;
        await index.SyncAsync(submitted, null, Ct);
        await index.SyncAsync(submitted, null, Ct); // a repeated delivery changes nothing

        Assert.DoesNotContain(await index.ForAsync(Anggota, Ct), t => t.Number == number);
        Assert.Equal(3, Assert.Single(await index.ForAsync(Ketua, Ct), t => t.Number == number).Step);
        var moved = Assert.Single(await index.DueAsync(submitted.Current!.DueAt, Ct), d => d.Number == number);
        Assert.Equal((3, Ketua), (moved.Step, moved.AssigneeId));
    }

    [Fact]
    public async Task A_cancelled_kegiatan_leaves_the_index()
    {
        var (engine, staffing, index) = Build();
        var number = $"FAS-2026-{Random.Shared.Next(1000, 9999)}";
        var started = Start(engine, staffing, number);
        await index.SyncAsync(started, null, Ct);

        var cancelled = engine.Apply(started, new Cancel(Ketua, started.Version, "Koperasi menunda permohonan."), staffing).State!;
        await index.SyncAsync(cancelled, null, Ct);
        await index.SyncAsync(cancelled, null, Ct);

        Assert.DoesNotContain(await index.ForAsync(Anggota, Ct), t => t.Number == number);
        Assert.DoesNotContain(await index.DueAsync(DateTimeOffset.MaxValue.AddDays(-1), Ct), d => d.Number == number);
    }
}
