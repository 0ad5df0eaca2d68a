using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PerijinanBot.Bot.Decisions;
using PerijinanBot.Bot.People;
using PerijinanBot.Bot.Tests.Dialogs;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Dialogs.Delegations;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Sop;

namespace PerijinanBot.Bot.Tests.Delegations;

/// <summary>
/// <c>plh</c> through the real bot host (Azurite, a recording connector, invokes as Teams sends them): the card, appointing a
/// Plh. or Plt. by Surat Perintah (by the official's superior or an Admin), the stand-in being told, and the stand-in acting on
/// the holder's step only within the dates, as "Plh. &lt;the official's position&gt;".
/// </summary>
[NeedsAzurite]
public sealed class DelegationDialogTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateOnly Today = OfficeWeek.Today;


    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Plh_by_the_Kabid_offers_the_Ketua_below_him_never_himself_and_someone_with_nobody_below_gets_no_form()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);

        await h.SayAsync(h.Kabid, "plh", Ct);
        var card = (await h.CardAsync(h.Kabid, IsPlhCard, "Kabid: plh card")).Card;

        Assert.NotNull(DialogCards.Action(card, DelegationCard.AddVerb));
        Assert.Equal([h.Ketua.AadObjectId], HolderChoices(card));
        Assert.Contains(h.Dewi.AadObjectId, StandInChoices(card));
        Assert.Equal(["plh", "plt"], DialogCards.Find(card, n => (string?)n["id"] == DelegationCard.KindInput).Single()["choices"]!.AsArray().Select(c => (string?)c!["value"]));
        Assert.Single(DialogCards.Find(card, n => (string?)n["id"] == DelegationCard.BasisDateInput));

        // The Kadis appoints for the Kabid; Budi, an Anggota, appoints for nobody: he sees the list only.
        await h.SayAsync(h.Kadis, "plh", Ct);
        Assert.Equal([h.Kabid.AadObjectId], HolderChoices((await h.CardAsync(h.Kadis, IsPlhCard, "Kadis: plh card")).Card));
        await h.SayAsync(h.Budi, "plh", Ct);
        Assert.Null(DialogCards.Action((await h.CardAsync(h.Budi, IsPlhCard, "Budi: plh card")).Card, DelegationCard.AddVerb));

        // An Admin picks the holder among the four SOP role holders; "plt" is the same command.
        await h.SayAsync(h.Admin, "plt", Ct);
        var admin = (await h.CardAsync(h.Admin, IsPlhCard, "Admin: plh card")).Card;
        var holders = DialogCards.Find(admin, n => (string?)n["id"] == DelegationCard.HolderInput).Single()["choices"]!.AsArray().Select(c => (string?)c!["value"]);
        Assert.Equal([h.Ketua.AadObjectId, h.Budi.AadObjectId, h.Kabid.AadObjectId, h.Kadis.AadObjectId, h.Dewi.AadObjectId], holders.Order());
    }

    [Fact]
    public async Task An_official_appointing_his_own_Plh_is_refused_in_Indonesian_and_nothing_is_stored()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        await h.SayAsync(h.Kabid, "plh", Ct);
        var card = (await h.CardAsync(h.Kabid, IsPlhCard, "Kabid: plh card")).Card;
        var before = await ListAsync(h);

        // A forged holder: the form never offers him himself, the store refuses it anyway.
        var self = await AddAsync(h, h.Kabid, card, h.Kabid, h.Dewi, Today, Today, "800/9/2026");
        var forOthers = await AddAsync(h, h.Ketua, card, h.Kabid, h.Dewi, Today, Today, "800/9/2026");

        Assert.Equal("Pejabat tidak menunjuk Plh. atau Plt. bagi dirinya sendiri. Penunjukan dilakukan oleh atasannya (Kepala Dinas) atau Admin.", DialogCards.Banner(self.Card));
        Assert.Equal("Anda tidak dapat menunjuk Plh. atau Plt. bagi Hendra Gunawan. Penunjukan dilakukan oleh atasannya (Kepala Dinas) atau Admin.", DialogCards.Banner(forOthers.Card));
        Assert.Equal(before.Count, (await ListAsync(h)).Count);
        Assert.DoesNotContain(h.CardsPostedTo(h.Dewi), c => DialogCards.Title(c)?.StartsWith("Penunjukan", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Dates_typed_the_Indonesian_way_where_text_still_arrives_are_understood()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        await h.SayAsync(h.Kabid, "plh", Ct);
        var card = (await h.CardAsync(h.Kabid, IsPlhCard, "Kabid: plh card")).Card;
        var to = Today.AddDays(2);
        var typed = new Dictionary<string, string>
        {
            [DelegationCard.HolderInput] = h.Ketua.AadObjectId,
            [DelegationCard.KindInput] = "plh",
            [DelegationCard.StandInInput] = h.Dewi.AadObjectId,
            [DelegationCard.FromInput] = Today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            [DelegationCard.ToInput] = WibFormat.PlainDate(to),
            [DelegationCard.BasisInput] = "800/21/DISKOPUKM.B/2026",
            [DelegationCard.BasisDateInput] = Today.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
        };

        var answer = await h.ExecuteAsync(h.Kabid, $"plh-{Guid.NewGuid():N}", DelegationCard.AddVerb, DialogCards.With(DialogCards.Action(card, DelegationCard.AddVerb)!, card, typed), Ct);

        Assert.True(answer.IsCard, answer.ToString());
        var stored = Assert.Single(await ListAsync(h), r => r.Basis == "800/21/DISKOPUKM.B/2026");
        Assert.Equal((Today, to, Today), (stored.From, stored.To, stored.BasisDate));
    }

    [Fact]
    public async Task Bad_dates_or_no_Surat_Perintah_bring_the_same_card_back_filled_in_with_the_reason_and_store_nothing()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        await h.SayAsync(h.Kabid, "plh", Ct);
        var card = (await h.CardAsync(h.Kabid, IsPlhCard, "Kabid: plh card")).Card;
        var before = await ListAsync(h);

        var reversed = await AddAsync(h, h.Kabid, card, h.Ketua, h.Dewi, Today.AddDays(3), Today.AddDays(1), "ST 800/9/2026");
        var noBasis = await AddAsync(h, h.Kabid, card, h.Ketua, h.Dewi, Today, Today.AddDays(1), "  ");
        var tooFar = await AddAsync(h, h.Kabid, card, h.Ketua, h.Dewi, Today, Today.AddYears(1).AddDays(1), "ST 800/9/2026");
        var noSignedDate = await AddAsync(h, h.Kabid, card, h.Ketua, h.Dewi, Today, Today, "ST 800/9/2026", signed: null);
        var noDates = await h.ExecuteAsync(h.Kabid, "plh-card", DelegationCard.AddVerb, new JsonObject
        {
            [DelegationCard.HolderInput] = h.Ketua.AadObjectId,
            [DelegationCard.StandInInput] = h.Dewi.AadObjectId,
            [DelegationCard.BasisInput] = "ST 800/9/2026",
        }, Ct);

        Assert.Equal(DelegationTexts.FromAfterTo, DialogCards.Banner(reversed.Card));
        Assert.Equal("ST 800/9/2026", DialogCards.InputValue(reversed.Card, DelegationCard.BasisInput));
        Assert.Equal(Iso(Today.AddDays(3)), DialogCards.InputValue(reversed.Card, DelegationCard.FromInput));
        Assert.Equal(h.Dewi.AadObjectId, DialogCards.InputValue(reversed.Card, DelegationCard.StandInInput));
        Assert.Equal(h.Ketua.AadObjectId, DialogCards.InputValue(reversed.Card, DelegationCard.HolderInput));
        Assert.Equal("plt", DialogCards.InputValue(reversed.Card, DelegationCard.KindInput));
        Assert.Equal(Iso(Today), DialogCards.InputValue(reversed.Card, DelegationCard.BasisDateInput));
        Assert.Equal(DelegationTexts.BasisDateRequired, DialogCards.Banner(noSignedDate.Card));
        Assert.Equal(DelegationTexts.BasisRequired, DialogCards.Banner(noBasis.Card));
        Assert.Equal($"Penunjukan Plh. paling lama sampai satu tahun dari hari ini: tanggal selesai paling lambat {WibFormat.Date(Today.AddYears(1))}.", DialogCards.Banner(tooFar.Card));
        Assert.Equal("Isi tanggal mulai dan tanggal selesai (pilih dari kalender).", DialogCards.Banner(noDates.Card));
        Assert.All(new[] { reversed, noBasis, tooFar, noSignedDate, noDates }, a => Assert.NotNull(DialogCards.Action(a.Card, DelegationCard.AddVerb)));
        Assert.Equal(before.Count, (await ListAsync(h)).Count);
        Assert.DoesNotContain(h.CardsPostedTo(h.Dewi), c => DialogCards.Title(c)?.StartsWith("Penunjukan", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task The_Kabid_as_Plh_of_the_Kadis_approves_step_5_only_within_the_dates_and_the_history_shows_the_position_and_the_Surat_Perintah()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        var number = await h.WalkToAsync(5, Ct);
        var kadisCard = await h.StepCardAsync(h.Kadis, number, 5, SopVerbs.Approve, Ct);
        var disposisi = new Dictionary<string, string> { ["disposisiKepalaDinas"] = "Segera tindak lanjuti bersama tim." };
        // The Kadis has no superior in the SOP: an Admin appoints her Plh.
        await h.SayAsync(h.Admin, "plh", Ct);
        var card = (await h.CardAsync(h.Admin, IsPlhCard, "Admin: plh card")).Card;

        // Appointed from tomorrow: today the Kabid may not act for her.
        var later = await AddAsync(h, h.Admin, card, h.Kadis, h.Kabid, Today.AddDays(1), Today.AddDays(3), "800/77/DISKOPUKM/2026", kind: "plh");
        Assert.Equal("Hendra Gunawan ditunjuk sebagai Plh. Kepala Dinas Koperasi, Usaha Kecil dan Menengah Provinsi Kalimantan Barat (menggantikan Siti Aminah) dan sudah diberi tahu.", DialogCards.Banner(later.Card));
        var notice = await h.CardAsync(h.Kabid, c => DialogCards.Title(c) == "Penunjukan Plh.", "Kabid: appointed notice");
        Assert.Contains(
            $"Anda ditunjuk sebagai Plh. Kepala Dinas Koperasi, Usaha Kecil dan Menengah Provinsi Kalimantan Barat menggantikan Siti Aminah dari {WibFormat.Date(Today.AddDays(1))} sampai {WibFormat.Date(Today.AddDays(3))}, dasar: ",
            DialogCards.Text(notice.Card), StringComparison.Ordinal);
        Assert.Contains($"Surat Perintah Nomor 800/77/DISKOPUKM/2026 tanggal {WibFormat.PlainDate(Today)}", DialogCards.Text(notice.Card), StringComparison.Ordinal);

        var early = await h.ExecuteAsync(h.Kabid, kadisCard.ActivityId, SopVerbs.Approve, DialogCards.With(DialogCards.Action(kadisCard.Card, SopVerbs.Approve, 5)!, kadisCard.Card, disposisi), Ct);
        Assert.True(early.IsCard && DialogCards.Action(early.Card, SopVerbs.Approve) is null, $"refused: {early}");
        Assert.Null(DialogCards.Headline(early.Card));
        Assert.Equal(5, (await h.KegiatanAsync(number, Ct)).CurrentStep);

        // Appointed for today as well (a separate surat tugas, no overlap): now the step is his to decide, from his own task list.
        var today = await AddAsync(h, h.Admin, later.Card, h.Kadis, h.Kabid, Today, Today, "800/76/DISKOPUKM/2026", kind: "plh");
        Assert.Equal("Hendra Gunawan ditunjuk sebagai Plh. Kepala Dinas Koperasi, Usaha Kecil dan Menengah Provinsi Kalimantan Barat (menggantikan Siti Aminah) dan sudah diberi tahu.", DialogCards.Banner(today.Card));
        Assert.Equal(2, (await ListAsync(h)).Count(r => r.HolderId == h.Kadis.AadObjectId));
        await KadisHasStepInTasksAsync(h, number);
        await h.SayAsync(h.Kabid, "tugas", Ct);
        var tasks = await h.CardAsync(h.Kabid, c => DialogCards.Title(c) == "Tugas Anda", "Kabid: tugas with the Kadis's step");
        Assert.Contains(number, DialogCards.Text(tasks.Card), StringComparison.Ordinal);
        Assert.Contains("Sebagai Plh. Kepala Dinas Koperasi, Usaha Kecil dan Menengah Provinsi Kalimantan Barat (menggantikan Siti Aminah)", DialogCards.Text(tasks.Card), StringComparison.Ordinal);
        var opened = await h.ExecuteAsync(h.Kabid, "tasks-card", SopVerbs.Open, new JsonObject { [SopVerbs.KegiatanKey] = number }, Ct);
        var approve = DialogCards.Action(opened.Card, SopVerbs.Approve, 5);
        Assert.NotNull(approve);
        Assert.Contains("Anda bertindak selaku Plh. Kepala Dinas Koperasi, Usaha Kecil dan Menengah Provinsi Kalimantan Barat (menggantikan Siti Aminah)", DialogCards.Text(opened.Card), StringComparison.Ordinal);

        var decided = await h.ExecuteAsync(h.Kabid, "opened-card", SopVerbs.Approve, DialogCards.With(approve, opened.Card, disposisi), Ct);

        Assert.Equal("Setuju", DialogCards.Headline(decided.Card));
        Assert.Contains("Hendra Gunawan", DialogCards.Text(decided.Card), StringComparison.Ordinal);
        Assert.Contains("Plh. Kepala Dinas Koperasi, Usaha Kecil dan Menengah Provinsi Kalimantan Barat (menggantikan Siti Aminah)", DialogCards.Text(decided.Card), StringComparison.Ordinal);
        var basis = $"Surat Perintah Nomor 800/76/DISKOPUKM/2026 tanggal {WibFormat.PlainDate(Today)}";
        Assert.Contains(basis, DialogCards.Text(decided.Card), StringComparison.Ordinal);
        var step5 = (await h.KegiatanAsync(number, Ct)).Steps.Single(s => s.Step == 5);
        Assert.Equal($"Hendra Gunawan selaku Plh. Kepala Dinas Koperasi, Usaha Kecil dan Menengah Provinsi Kalimantan Barat ({basis})", step5.FinishedBy!.Describe());
        await h.SayAsync(h.Ketua, $"riwayat {number}", Ct);
        var history = await h.CardAsync(h.Ketua, c => DialogCards.Text(c).Contains("Riwayat", StringComparison.Ordinal) && DialogCards.Text(c).Contains(number, StringComparison.Ordinal), "Ketua: riwayat");
        Assert.Contains($"Hendra Gunawan selaku Plh. Kepala Dinas Koperasi, Usaha Kecil dan Menengah Provinsi Kalimantan Barat ({basis})", DialogCards.Text(history.Card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ending_an_appointment_early_tells_the_stand_in_who_ended_it_and_when()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        await h.SayAsync(h.Kadis, "plh", Ct);
        var card = (await h.CardAsync(h.Kadis, IsPlhCard, "Kadis: plh card")).Card;
        // Days of its own, ahead: the other tests of this class see no Plh. of the Kabid in force. A vacancy: Plt.
        var added = await AddAsync(h, h.Kadis, card, h.Kabid, h.Ketua, Today.AddDays(20), Today.AddDays(22), "800/88/DISKOPUKM.B/2026");
        var id = (await ListAsync(h)).Single(r => r.HolderId == h.Kabid.AadObjectId && r.StandInId == h.Ketua.AadObjectId).Id;

        var ended = await h.ExecuteAsync(h.Kabid, "plh-card-2", DelegationCard.EndVerb, new JsonObject { [DelegationCard.IdKey] = id }, Ct);

        Assert.Equal("Penunjukan Rina Marlina sebagai Plt. Kepala Bidang Perijinan dan Kelembagaan (menggantikan Hendra Gunawan) telah diakhiri.", DialogCards.Banner(ended.Card));
        var notice = await h.CardAsync(h.Ketua, c => DialogCards.Title(c) == "Penunjukan Plt. diakhiri", "Ketua: ended notice");
        var text = DialogCards.Text(notice.Card);
        Assert.Contains("Penunjukan Anda sebagai Plt. Kepala Bidang Perijinan dan Kelembagaan menggantikan Hendra Gunawan", text, StringComparison.Ordinal);
        Assert.Contains("800/88/DISKOPUKM.B/2026", text, StringComparison.Ordinal);
        Assert.Contains($"diakhiri oleh Hendra Gunawan pada {WibFormat.Date(Today)}.", text, StringComparison.Ordinal);
        Assert.True(added.IsCard);
    }

    [Fact]
    public async Task A_start_before_today_is_refused_without_a_reason_and_with_one_it_is_stored_and_the_plh_list_shows_the_reason()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        // Dewi holds no step in the other tests of this class: her Plh. reaches nobody's cards there. Her Ketua appoints.
        await h.SayAsync(h.Ketua, "plh", Ct);
        var card = (await h.CardAsync(h.Ketua, IsPlhCard, "Ketua: plh card")).Card;
        const string Reason = "Surat tugas baru ditandatangani hari ini.";

        var refused = await AddAsync(h, h.Ketua, card, h.Dewi, h.Budi, Today.AddDays(-1), Today, "ST 800/95/DISKOPUKM.B/2026", kind: "plh");

        Assert.Equal($"Tanggal mulai sebelum hari ini ({WibFormat.Date(Today)}): isi alasan penunjukan berlaku mundur. Alasan itu dicatat bersama penunjukan.", DialogCards.Banner(refused.Card));
        Assert.Equal(Iso(Today.AddDays(-1)), DialogCards.InputValue(refused.Card, DelegationCard.FromInput));
        Assert.DoesNotContain(await ListAsync(h), r => r.HolderId == h.Dewi.AadObjectId);
        Assert.DoesNotContain(h.CardsPostedTo(h.Budi), c => DialogCards.Title(c) == "Penunjukan Plh.");

        var added = await AddAsync(h, h.Ketua, refused.Card, h.Dewi, h.Budi, Today.AddDays(-1), Today, "ST 800/95/DISKOPUKM.B/2026", Reason, kind: "plh");

        Assert.Equal("Budi Santoso ditunjuk sebagai Plh. Anggota Tim Kerja Perijinan (menggantikan Dewi Lestari) dan sudah diberi tahu.", DialogCards.Banner(added.Card));
        Assert.Equal(Reason, (await ListAsync(h)).Single(r => r.HolderId == h.Dewi.AadObjectId).Reason);
        await h.SayAsync(h.Ketua, "plh", Ct);
        var list = DialogCards.Text((await h.CardAsync(h.Ketua, c => IsPlhCard(c) && DialogCards.Text(c).Contains("Budi Santoso selaku Plh. Anggota Tim Kerja Perijinan", StringComparison.Ordinal), "Ketua: plh list")).Card);
        Assert.Contains("Alasan berlaku mundur: ", list, StringComparison.Ordinal);
        Assert.Contains(Reason, list, StringComparison.Ordinal);
    }

    private static bool IsPlhCard(JsonObject card) => DialogCards.Title(card) == "Plh. dan Plt.";

    private static IReadOnlyList<string?> HolderChoices(JsonObject card) =>
        [.. DialogCards.Find(card, n => (string?)n["id"] == DelegationCard.HolderInput).Single()["choices"]!.AsArray().Select(c => (string?)c!["value"])];

    private static IReadOnlyList<string?> StandInChoices(JsonObject card) =>
        [.. DialogCards.Find(card, n => (string?)n["id"] == DelegationCard.StandInInput).Single()["choices"]!.AsArray().Select(c => (string?)c!["value"])];

    /// <summary>Fills the form and clicks "Tetapkan": a Plt. on a Surat Perintah signed today unless told otherwise (<paramref name="signed"/> null: left empty).</summary>
    private static async Task<InvokeAnswer> AddAsync(
        DialogHarness h, Person by, JsonObject card, Person holder, Person standIn, DateOnly from, DateOnly to, string basis, string? reason = null, string kind = "plt", string? signed = "today")
    {
        var typed = new Dictionary<string, string>
        {
            [DelegationCard.HolderInput] = holder.AadObjectId,
            [DelegationCard.KindInput] = kind,
            [DelegationCard.StandInInput] = standIn.AadObjectId,
            [DelegationCard.FromInput] = Iso(from),
            [DelegationCard.ToInput] = Iso(to),
            [DelegationCard.BasisInput] = basis,
        };
        if (reason is not null)
        {
            typed[DelegationCard.ReasonInput] = reason;
        }

        if (signed is not null)
        {
            typed[DelegationCard.BasisDateInput] = Iso(Today);
        }

        var answer = await h.ExecuteAsync(by, $"plh-{Guid.NewGuid():N}", DelegationCard.AddVerb, DialogCards.With(DialogCards.Action(card, DelegationCard.AddVerb)!, card, typed), Ct);
        Assert.True(answer.IsCard && IsPlhCard(answer.Card), $"plh.add: {answer}");
        return answer;
    }

    /// <summary>The task index is kept by the outbox after the answer: wait until it lists step 5 as the Kadis's.</summary>
    private static async Task KadisHasStepInTasksAsync(DialogHarness h, string number)
    {
        var index = h.Bot.Services.GetRequiredService<TaskIndex>();
        var deadline = DateTimeOffset.UtcNow + DialogHarness.Patience;
        while (!(await index.ForAsync(h.Kadis.AadObjectId, Ct)).Any(t => t.Number == number && t.Step == 5))
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"step 5 of {number} never reached the Kadis's task index");
            await Task.Delay(50, Ct);
        }
    }

    private static Task<IReadOnlyList<DelegationRecord>> ListAsync(DialogHarness h) =>
        h.Bot.Services.GetRequiredService<DelegationStore>().ListAsync(Ct);
}
