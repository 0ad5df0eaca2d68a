using Microsoft.Extensions.DependencyInjection;
using PerijinanBot.Bot.People;
using PerijinanBot.Bot.Tests.Dialogs;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Dialogs.Sop;

namespace PerijinanBot.Bot.Tests.Reassignment;

/// <summary>
/// While a Plh. delegation is in force the stand-in receives the holder's step cards too (with the Plh. note) and may decide
/// on them. A class of its own: delegations live in the Azurite of the class and would reach other tests' cards.
/// </summary>
[NeedsAzurite]
public sealed class PlhCardTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>
{
    private const string Basis = "ST 800/31/DISKOPUKM.B/2026";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_the_Ketua_as_Plh_of_the_Kabid_step_4_reaches_both_and_the_Plh_decides_it()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        var store = h.Bot.Services.GetRequiredService<DelegationStore>();
        var added = await store.AddAsync(h.Kadis.AadObjectId, $"plh-{h.Run}", new NewDelegation(h.Kabid.AadObjectId, h.Ketua.AadObjectId, store.Today, store.Today, Basis, BasisDate: store.Today), Ct);
        Assert.True(added.IsOk, added.Error);

        var number = await h.WalkToAsync(4, Ct);

        var kabidCard = await h.StepCardAsync(h.Kabid, number, 4, SopVerbs.Approve, Ct);
        var plhCard = await h.StepCardAsync(h.Ketua, number, 4, SopVerbs.Approve, Ct);
        Assert.Contains("selaku Plh. Kepala Bidang Perijinan dan Kelembagaan (menggantikan Hendra Gunawan)", DialogCards.Text(plhCard.Card), StringComparison.Ordinal);
        Assert.DoesNotContain("Plh.", DialogCards.Text(kabidCard.Card), StringComparison.Ordinal);

        var decided = await h.ExecuteAsync(h.Ketua, plhCard.ActivityId, SopVerbs.Approve,
            DialogCards.With(DialogCards.Action(plhCard.Card, SopVerbs.Approve, 4)!, plhCard.Card, []), Ct);

        Assert.Equal("Setuju", DialogCards.Headline(decided.Card));
        var step4 = (await h.KegiatanAsync(number, Ct)).Steps.Single(s => s.Step == 4);
        Assert.Equal($"Rina Marlina selaku Plh. Kepala Bidang Perijinan dan Kelembagaan (Surat Perintah Nomor {Basis} tanggal {Sop.WibFormat.PlainDate(store.Today)})", step4.FinishedBy!.Describe());
        // The holder's own copy turns into the read-only outcome.
        var refreshed = await h.UpdateAsync(h.Kabid, kabidCard.ActivityId, c => DialogCards.Headline(c) == "Setuju", "Kabid: step 4 copy refreshed");
        Assert.True(DialogCards.IsReadOnly(refreshed));
        await h.DeliveredAsync(number, Ct);
        Assert.Single(h.CardsPostedTo(h.Ketua), c => DialogCards.Action(c, SopVerbs.Approve, 4) is not null);
    }
}
