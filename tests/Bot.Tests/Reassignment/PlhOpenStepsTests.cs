using System.Globalization;
using System.Text.Json.Nodes;
using PerijinanBot.Bot.Tests.Dialogs;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Dialogs.Delegations;
using PerijinanBot.Dialogs.Sop;

namespace PerijinanBot.Bot.Tests.Reassignment;

/// <summary>
/// A Plh. appointed while the holder already has open steps gets those steps' cards at once, not only the steps that reach
/// the holder later. A class of its own: delegations live in the Azurite of the class.
/// </summary>
[NeedsAzurite]
public sealed class PlhOpenStepsTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>
{
    private const string Basis = "ST 800/32/DISKOPUKM.B/2026";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_Kabid_appoints_the_Ketua_for_today_while_step_4_waits_and_the_Ketua_gets_its_card_and_approves_it()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        var number = await h.WalkToAsync(4, Ct);
        await h.StepCardAsync(h.Kabid, number, 4, SopVerbs.Approve, Ct);
        await h.TasksIndexedAsync(number, Ct);
        Assert.DoesNotContain(h.CardsPostedTo(h.Ketua), c => DialogCards.Action(c, SopVerbs.Approve, 4) is not null);

        var today = OfficeWeek.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // His superior, the Kadis, appoints the Plh.: an official does not appoint his own.
        var added = await h.ExecuteAsync(h.Kadis, "plh-card", DelegationCard.AddVerb, new JsonObject
        {
            [DelegationCard.HolderInput] = h.Kabid.AadObjectId,
            [DelegationCard.KindInput] = DelegationCard.AbsenceValue,
            [DelegationCard.StandInInput] = h.Ketua.AadObjectId,
            [DelegationCard.FromInput] = today,
            [DelegationCard.ToInput] = today,
            [DelegationCard.BasisInput] = Basis,
            [DelegationCard.BasisDateInput] = today,
        }, Ct);
        Assert.Equal("Rina Marlina ditunjuk sebagai Plh. Kepala Bidang Perijinan dan Kelembagaan (menggantikan Hendra Gunawan) dan sudah diberi tahu.", DialogCards.Banner(added.Card));

        var plhCard = await h.StepCardAsync(h.Ketua, number, 4, SopVerbs.Approve, Ct);
        Assert.Contains("selaku Plh. Kepala Bidang Perijinan dan Kelembagaan (menggantikan Hendra Gunawan)", DialogCards.Text(plhCard.Card), StringComparison.Ordinal);
        var decided = await h.ExecuteAsync(h.Ketua, plhCard.ActivityId, SopVerbs.Approve,
            DialogCards.With(DialogCards.Action(plhCard.Card, SopVerbs.Approve, 4)!, plhCard.Card, []), Ct);

        Assert.Equal("Setuju", DialogCards.Headline(decided.Card));
        var step4 = (await h.KegiatanAsync(number, Ct)).Steps.Single(s => s.Step == 4);
        var signed = Sop.WibFormat.PlainDate(OfficeWeek.Today);
        Assert.Equal($"Rina Marlina selaku Plh. Kepala Bidang Perijinan dan Kelembagaan (Surat Perintah Nomor {Basis} tanggal {signed})", step4.FinishedBy!.Describe());
        await h.DeliveredAsync(number, Ct);
        Assert.Single(h.CardsPostedTo(h.Ketua), c => DialogCards.Action(c, SopVerbs.Approve, 4) is not null);
    }
}
