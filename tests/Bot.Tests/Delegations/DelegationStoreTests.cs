using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PerijinanBot.Bot.People;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Dialogs.Delegations;
using PerijinanBot.Sop.Calendar;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Bot.Tests.Delegations;

/// <summary>Plh. appointments against a real Azurite: who may appoint whom for when, ending them, and two instances' caches.</summary>
[NeedsAzurite]
public sealed class DelegationStoreTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string Rina = "00000000-0000-4000-8000-000000000001";
    private const string Budi = "00000000-0000-4000-8000-000000000002";
    private const string Hendra = "00000000-0000-4000-8000-000000000003";
    private const string Siti = "00000000-0000-4000-8000-000000000004";
    private const string Dewi = "00000000-0000-4000-8000-000000000005";
    private const string Agus = "00000000-0000-4000-8000-000000000006";
    private const string Stranger = "00000000-0000-4000-8000-0000000000ff";
    private const string Basis = "800/123/DISKOPUKM.B/2026";

    private static readonly PeopleDirectory People = PeopleDirectory.Create(
    [
        new DirectoryEntry(Rina, "Rina Marlina", "rina@diskopukm.example", ["KetuaTimKerja"]),
        new DirectoryEntry(Budi, "Budi Santoso", "budi@diskopukm.example", ["AnggotaTimKerja"]),
        new DirectoryEntry(Hendra, "Hendra Gunawan", "hendra@diskopukm.example", ["KepalaBidang"]),
        new DirectoryEntry(Siti, "Siti Aminah", "siti@diskopukm.example", ["KepalaDinas"]),
        new DirectoryEntry(Dewi, "Dewi Lestari", "dewi@diskopukm.example", ["AnggotaTimKerja"]),
        new DirectoryEntry(Agus, "Agus Pratama", "agus@diskopukm.example", ["Admin"]),
    ]).Directory!;

    // Thursday 26 November 2026, 08:00 WIB.
    private static readonly DateOnly Today = new(2026, 11, 26);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 1, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Tests in this class share one Azurite: each starts from an empty table.</summary>
    public async ValueTask InitializeAsync()
    {
        var table = new TableClient(storage.ConnectionString, DelegationStore.TableName);
        await table.CreateIfNotExistsAsync(Ct);
        await foreach (var row in table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"], cancellationToken: Ct))
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, cancellationToken: Ct);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private (DelegationStore Store, DelegationCache Cache) Instance(DelegationOptions? limits = null)
    {
        var cache = new DelegationCache();
        var engine = new SopEngine(SopCatalog.Embedded, WorkCalendar.Default, _time);
        return (new DelegationStore(new TableProvider(new TableServiceClient(storage.ConnectionString)), People, engine, _time, cache,
            Options.Create(new StorageOptions()), Options.Create(limits ?? new DelegationOptions())), cache);
    }

    /// <summary>A Plh. for Hendra, the Kepala Bidang, as his superior Siti (Kepala Dinas) appoints one, on yesterday's Surat Perintah.</summary>
    private static NewDelegation Kabid(string standIn = Rina, int from = 0, int to = 4, string basis = Basis, string? reason = null) =>
        new(Hendra, standIn, Today.AddDays(from), Today.AddDays(to), basis, reason, StandInKind.Absence, Today.AddDays(-1));

    private static string NewId() => Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_holder_appoints_a_stand_in_and_it_is_stored_listed_and_in_this_instance_s_cache_at_once()
    {
        var (store, cache) = Instance();

        var added = await store.AddAsync(Siti, NewId(), Kabid(), Ct);

        Assert.True(added.IsOk, added.Error);
        var listed = Assert.Single(await store.ListAsync(Ct));
        Assert.Equal((Hendra, Rina, Today, Today.AddDays(4), Basis, Siti), (listed.HolderId, listed.StandInId, listed.From, listed.To, listed.Basis, listed.CreatedBy));
        Assert.Equal((StandInKind.Absence, Today.AddDays(-1)), (listed.Kind, listed.BasisDate));
        Assert.Equal(new Delegation(Hendra, Rina, Today, Today.AddDays(4), Basis, StandInKind.Absence, Today.AddDays(-1)), Assert.Single(cache.Current));
    }

    public static TheoryData<string, string, NewDelegation, string> Refusals => new()
    {
        { "someone not in the directory", Stranger, Kabid(), DelegationTexts.NotRegistered },
        { "a holder not in the directory", Agus, Kabid() with { HolderId = Stranger }, DelegationTexts.HolderUnknown },
        { "a holder without an SOP role", Agus, Kabid() with { HolderId = Agus }, DelegationTexts.HolderWithoutRole("Agus Pratama") },
        { "an official appointing their own Plh.", Hendra, Kabid(standIn: Dewi), DelegationTexts.NotForSelf("Kepala Dinas") },
        { "someone below the official", Rina, Kabid(standIn: Dewi), DelegationTexts.MayNotAppoint("Hendra Gunawan", "Kepala Dinas") },
        { "a peer, not the official's superior", Budi, new NewDelegation(Dewi, Rina, Today, Today, Basis, null, StandInKind.Absence, Today), DelegationTexts.MayNotAppoint("Dewi Lestari", "Ketua Tim Kerja") },
        { "the Kepala Dinas appointing her own", Siti, new NewDelegation(Siti, Hendra, Today, Today, Basis, null, StandInKind.Absence, Today), DelegationTexts.NotForSelf(null) },
        { "no kind (Plh. or Plt.)", Siti, Kabid() with { Kind = null }, DelegationTexts.KindRequired },
        { "no date of the Surat Perintah", Siti, Kabid() with { BasisDate = null }, DelegationTexts.BasisDateRequired },
        { "a Surat Perintah dated after today", Siti, Kabid() with { BasisDate = Today.AddDays(1) }, DelegationTexts.BasisDateAfterToday(Today) },
        { "a stand-in not in the directory", Siti, Kabid(standIn: Stranger), DelegationTexts.StandInUnknown },
        { "the holder as their own stand-in", Siti, Kabid(standIn: Hendra), DelegationTexts.StandInIsHolder },
        { "from after to", Siti, Kabid(from: 3, to: 2), DelegationTexts.FromAfterTo },
        { "a range that is over", Siti, Kabid(from: -5, to: -1), DelegationTexts.InThePast(Today) },
        { "no basis", Siti, Kabid(basis: "   "), DelegationTexts.BasisRequired },
        { "a basis over 200 characters", Siti, Kabid(basis: new string('8', 201)), DelegationTexts.BasisTooLong(201) },
        { "a last day more than a year ahead", Siti, Kabid(to: 366), DelegationTexts.TooFarAhead(new DateOnly(2027, 11, 26)) },
        { "a start before today without a reason", Siti, Kabid(from: -2), DelegationTexts.ReasonRequired(Today) },
        { "a start before today with a blank reason", Siti, Kabid(from: -1, reason: "   "), DelegationTexts.ReasonRequired(Today) },
        { "a reason over 300 characters", Siti, Kabid(from: -1, reason: new string('x', 301)), DelegationTexts.ReasonTooLong(301) },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Each_invalid_appointment_is_refused_with_its_reason_and_nothing_is_stored(string why, string actor, NewDelegation request, string reason)
    {
        var (store, cache) = Instance();

        var result = await store.AddAsync(actor, NewId(), request, Ct);

        Assert.False(result.IsOk, why);
        Assert.Equal(reason, result.Error);
        Assert.Empty(await store.ListAsync(Ct));
        Assert.Empty(cache.Current);
    }

    [Fact]
    public async Task An_Admin_appoints_for_any_holder_and_a_range_begun_earlier_is_stored_with_its_reason_and_counts_while_it_lasts()
    {
        var (store, cache) = Instance();
        const string Reason = "Surat tugas ditandatangani setelah Plh. mulai bertugas.";

        var added = await store.AddAsync(Agus, NewId(), new NewDelegation(Siti, Hendra, Today.AddDays(-2), Today, Basis, $"  {Reason} ", StandInKind.Vacancy, Today.AddDays(-3)), Ct);

        Assert.True(added.IsOk, added.Error);
        Assert.Equal(Agus, added.Record!.CreatedBy);
        var listed = Assert.Single(await store.ListAsync(Ct));
        Assert.Equal((Today.AddDays(-2), Reason), (listed.From, listed.Reason));
        Assert.Equal((StandInKind.Vacancy, Today.AddDays(-3)), (listed.Kind, listed.BasisDate));
        Assert.True(Assert.Single(cache.Current).IsActiveOn(Today));
    }

    [Fact]
    public async Task A_reason_is_kept_only_for_an_appointment_that_starts_before_today()
    {
        var (store, _) = Instance();

        Assert.True((await store.AddAsync(Siti, NewId(), Kabid(from: -1, to: 0, reason: "Sakit mendadak."), Ct)).IsOk);
        Assert.True((await store.AddAsync(Siti, NewId(), Kabid(from: 1, to: 2, reason: "Tidak perlu."), Ct)).IsOk);

        Assert.Equal(["Sakit mendadak.", ""], (await store.ListAsync(Ct)).Select(r => r.Reason));
    }

    [Fact]
    public async Task An_appointment_may_run_to_the_same_day_next_year_and_not_a_day_longer()
    {
        var (store, _) = Instance();

        var longer = await store.AddAsync(Siti, NewId(), Kabid(from: 30, to: 366), Ct);
        var yearAhead = await store.AddAsync(Siti, NewId(), Kabid(from: 30, to: 365), Ct);

        Assert.Equal("Penunjukan Plh. paling lama sampai satu tahun dari hari ini: tanggal selesai paling lambat Jumat, 26 November 2027.", longer.Error);
        Assert.True(yearAhead.IsOk, yearAhead.Error);
        Assert.Equal(new DateOnly(2027, 11, 26), Assert.Single(await store.ListAsync(Ct)).To);
    }

    [Fact]
    public async Task An_official_has_at_most_five_appointments_in_force_or_to_come_and_ending_one_frees_a_place()
    {
        var (store, _) = Instance();
        var ids = new List<string>();
        for (var week = 0; week < 5; week++)
        {
            var added = await store.AddAsync(Siti, NewId(), Kabid(from: week * 7, to: week * 7 + 2), Ct);
            Assert.True(added.IsOk, added.Error);
            ids.Add(added.Record!.Id);
        }

        var sixth = await store.AddAsync(Siti, NewId(), Kabid(standIn: Dewi, from: 40, to: 41), Ct);
        var otherHolder = await store.AddAsync(Agus, NewId(), new NewDelegation(Siti, Hendra, Today, Today.AddDays(4), Basis, BasisDate: Today), Ct);

        Assert.Equal(DelegationTexts.TooMany("Hendra Gunawan", 5), sixth.Error);
        Assert.StartsWith("Hendra Gunawan sudah mencapai batas 5 penunjukan Plh. yang sedang berlaku atau akan datang", sixth.Error, StringComparison.Ordinal);
        Assert.Equal(5, (await store.ListAsync(Ct)).Count(r => r.HolderId == Hendra));
        Assert.True(otherHolder.IsOk, otherHolder.Error);
        Assert.True((await store.EndAsync(Hendra, ids[2], Ct)).IsOk);
        Assert.True((await store.AddAsync(Siti, NewId(), Kabid(standIn: Dewi, from: 40, to: 41), Ct)).IsOk);
    }

    [Fact]
    public async Task The_limit_of_appointments_per_official_is_the_configured_one_and_past_ones_do_not_count()
    {
        var (store, _) = Instance(new DelegationOptions { MaxAppointmentsPerOfficial = 1 });
        Assert.True((await store.AddAsync(Siti, NewId(), Kabid(from: 0, to: 0), Ct)).IsOk);

        var second = await store.AddAsync(Siti, NewId(), Kabid(from: 1, to: 1), Ct);
        Assert.Equal(DelegationTexts.TooMany("Hendra Gunawan", 1), second.Error);

        _time.Advance(TimeSpan.FromDays(1));
        Assert.True((await store.AddAsync(Siti, NewId(), Kabid(from: 1, to: 1), Ct)).IsOk);
    }

    [Fact]
    public async Task An_overlapping_appointment_for_the_same_holder_is_refused_back_to_back_and_other_holders_are_not()
    {
        var (store, _) = Instance();
        Assert.True((await store.AddAsync(Siti, NewId(), Kabid(from: 0, to: 4), Ct)).IsOk);

        var overlapping = await store.AddAsync(Siti, NewId(), Kabid(standIn: Dewi, from: 4, to: 6), Ct);
        var backToBack = await store.AddAsync(Siti, NewId(), Kabid(standIn: Dewi, from: 5, to: 6), Ct);
        var otherHolder = await store.AddAsync(Agus, NewId(), new NewDelegation(Siti, Hendra, Today, Today.AddDays(4), Basis, BasisDate: Today), Ct);

        var first = (await store.ListAsync(Ct))[0];
        Assert.Equal(DelegationTexts.Overlap("Hendra Gunawan", "Rina Marlina", first.From, first.To), overlapping.Error);
        Assert.StartsWith("Hendra Gunawan sudah memiliki Plh. (Rina Marlina) dari Kamis, 26 November 2026 sampai Senin, 30 November 2026.", overlapping.Error, StringComparison.Ordinal);
        Assert.True(backToBack.IsOk, backToBack.Error);
        Assert.True(otherHolder.IsOk, otherHolder.Error);
        Assert.Equal(3, (await store.ListAsync(Ct)).Count);
    }

    [Fact]
    public async Task The_same_click_delivered_twice_stores_one_appointment()
    {
        var (store, _) = Instance();
        var id = NewId();

        var first = await store.AddAsync(Siti, id, Kabid(), Ct);
        var again = await store.AddAsync(Siti, id, Kabid(), Ct);

        Assert.True(first.IsOk && again.IsOk);
        Assert.Equal(first.Record, again.Record);
        Assert.Single(await store.ListAsync(Ct));
    }

    [Fact]
    public async Task The_holder_ends_an_appointment_early_and_it_leaves_the_list_and_the_cache()
    {
        var (store, cache) = Instance();
        var id = (await store.AddAsync(Siti, NewId(), Kabid(), Ct)).Record!.Id;

        var ended = await store.EndAsync(Hendra, id, Ct);

        Assert.True(ended.IsOk, ended.Error);
        Assert.Empty(await store.ListAsync(Ct));
        Assert.Empty(cache.Current);
        Assert.Equal(DelegationTexts.AlreadyEnded, (await store.EndAsync(Hendra, id, Ct)).Error);
        // The holder is free to appoint someone else for the same days.
        Assert.True((await store.AddAsync(Siti, NewId(), Kabid(standIn: Dewi), Ct)).IsOk);
    }

    [Fact]
    public async Task An_Admin_may_end_any_appointment_the_stand_in_and_others_may_not()
    {
        var (store, _) = Instance();
        var id = (await store.AddAsync(Agus, NewId(), Kabid(), Ct)).Record!.Id;

        Assert.Equal(DelegationTexts.MayNotEnd, (await store.EndAsync(Rina, id, Ct)).Error);
        Assert.Equal(DelegationTexts.MayNotEnd, (await store.EndAsync(Siti, id, Ct)).Error);
        Assert.Equal(DelegationTexts.NotRegistered, (await store.EndAsync(Stranger, id, Ct)).Error);
        Assert.Single(await store.ListAsync(Ct));

        Assert.True((await store.EndAsync(Agus, id, Ct)).IsOk);
        Assert.Empty(await store.ListAsync(Ct));
        Assert.Equal(DelegationTexts.NotFound, (await store.EndAsync(Agus, "no-such-id", Ct)).Error);
    }

    [Fact]
    public async Task Whoever_made_an_appointment_may_end_it()
    {
        var (store, _) = Instance();
        var id = (await store.AddAsync(Agus, NewId(), new NewDelegation(Siti, Hendra, Today, Today.AddDays(1), Basis, BasisDate: Today), Ct)).Record!.Id;

        Assert.True((await store.EndAsync(Agus, id, Ct)).IsOk);
    }

    [Fact]
    public async Task Another_instance_learns_of_an_appointment_and_of_its_end_on_its_next_refresh()
    {
        var (first, _) = Instance();
        var (second, secondCache) = Instance();
        await second.RefreshAsync(Ct);

        var id = (await first.AddAsync(Siti, NewId(), Kabid(), Ct)).Record!.Id;
        Assert.Empty(secondCache.Current);
        await second.RefreshAsync(Ct);
        Assert.Equal(Rina, Assert.Single(secondCache.Current).StandInId);

        Assert.True((await first.EndAsync(Hendra, id, Ct)).IsOk);
        await second.RefreshAsync(Ct);
        Assert.Empty(secondCache.Current);
    }

    [Fact]
    public async Task A_refresh_that_read_storage_before_a_local_appointment_does_not_wipe_it_out()
    {
        var (store, cache) = Instance();
        var before = cache.Changes;
        var stale = await store.ListAsync(Ct);

        await store.AddAsync(Siti, NewId(), Kabid(), Ct);

        Assert.False(cache.Replace(stale, before));
        Assert.Single(cache.Current);
    }

    [Fact]
    public async Task A_row_stored_before_Plt_and_the_Surat_Perintah_date_reads_as_a_Plh_with_its_free_text_basis()
    {
        var (store, _) = Instance();
        var table = new TableClient(storage.ConnectionString, DelegationStore.TableName);
        await table.AddEntityAsync(new TableEntity("plh", "d-old")
        {
            ["Id"] = "old",
            ["HolderId"] = Hendra,
            ["StandInId"] = Rina,
            ["From"] = "2026-11-26",
            ["To"] = "2026-11-27",
            ["Basis"] = "ST 800/12/2026",
            ["CreatedBy"] = Hendra,
            ["CreatedAt"] = DateTimeOffset.UnixEpoch,
            ["Status"] = "active",
        }, Ct);

        var old = Assert.Single(await store.ListAsync(Ct));

        Assert.Equal((StandInKind.Absence, (DateOnly?)null, "ST 800/12/2026"), (old.Kind, old.BasisDate, old.ToDelegation().BasisText));
    }

    [Fact]
    public async Task An_appointment_ends_by_itself_the_engine_lets_the_Plh_act_only_within_its_WIB_dates()
    {
        var (store, cache) = Instance();
        var engine = new SopEngine(SopCatalog.Embedded, WorkCalendar.Default, _time);
        // The Ketua is away tomorrow only; Dewi starts kegiatan for her that day.
        Assert.True((await store.AddAsync(Hendra, NewId(), new NewDelegation(Rina, Dewi, Today.AddDays(1), Today.AddDays(1), Basis, BasisDate: Today), Ct)).IsOk);
        Actor? CanStart() => engine.CanStart("fasilitasi-perijinan", Dewi, Staffing.Of(People, cache.Current));

        Assert.Null(CanStart());
        _time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(("Rina Marlina", Basis), (CanStart()!.OnBehalfOf!.Name, CanStart()!.DelegationBasis));
        Assert.Equal($"Dewi Lestari selaku Plh. Ketua Tim Kerja (Surat Perintah Nomor {Basis} tanggal 26 November 2026)", CanStart()!.Describe());
        _time.Advance(TimeSpan.FromDays(1));
        Assert.Null(CanStart());
        Assert.Empty(await store.ListAsync(Ct));
    }
}
