using System.Globalization;
using System.Text.Json.Nodes;
using PerijinanBot.Bot.Tests.Dialogs;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Dialogs.Delegations;
using PerijinanBot.Dialogs.Sop;

namespace PerijinanBot.Bot.Tests.Delegations;

/// <summary>
/// A Plh. stands in for the official's SOP role, never for Admin: with the Kepala Bidang also an Admin, his Plh. is refused
/// the Admin's <c>alihkan</c> while he himself keeps it. A class of its own: its directory differs and its delegations live
/// in the class's Azurite.
/// </summary>
[NeedsAzurite]
public sealed class PlhWithoutAdminDialogTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Hendra Gunawan (the third directory entry) holds Admin besides Kepala Bidang.</summary>
    private static readonly Dictionary<string, string?> KabidAlsoAdmin = new() { ["Directory:Users:2:Roles:1"] = "Admin" };

    [Fact]
    public async Task The_Plh_of_a_Kabid_who_is_also_Admin_may_not_reassign_Budi_s_step_while_the_Kabid_may()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct, settings: KabidAlsoAdmin);
        var today = OfficeWeek.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // Admin or not, he does not appoint his own Plh.: his superior does.
        var appointed = await h.ExecuteAsync(h.Kadis, "plh-card", DelegationCard.AddVerb, new JsonObject
        {
            [DelegationCard.HolderInput] = h.Kabid.AadObjectId,
            [DelegationCard.KindInput] = DelegationCard.AbsenceValue,
            [DelegationCard.StandInInput] = h.Dewi.AadObjectId,
            [DelegationCard.FromInput] = today,
            [DelegationCard.ToInput] = today,
            [DelegationCard.BasisInput] = "800/41/DISKOPUKM.B/2026",
            [DelegationCard.BasisDateInput] = today,
        }, Ct);
        Assert.Equal("Dewi Lestari ditunjuk sebagai Plh. Kepala Bidang Perijinan dan Kelembagaan (menggantikan Hendra Gunawan) dan sudah diberi tahu.", DialogCards.Banner(appointed.Card));
        var number = await h.WalkToAsync(2, Ct);

        await h.SayAsync(h.Dewi, $"alihkan {number}", Ct);
        var refused = (await h.CardAsync(h.Dewi, c => DialogCards.Title(c) == "Tindakan ini bukan untuk Anda", "Dewi: alihkan refused")).Card;
        Assert.Contains("Pengalihan langkah ini hanya dapat dilakukan oleh Admin atau Ketua Tim Kerja", DialogCards.Text(refused), StringComparison.Ordinal);

        // The Kabid's own card, clicked by his Plh., is refused too: the step stays with Budi.
        await h.SayAsync(h.Kabid, $"alihkan {number}", Ct);
        var card = (await h.CardAsync(h.Kabid, c => DialogCards.Title(c)?.StartsWith("Alihkan langkah", StringComparison.Ordinal) == true, "Kabid: alihkan card")).Card;
        var pick = DialogCards.With(DialogCards.Action(card, SopVerbs.Reassign)!, card, new() { [SopVerbs.NewHolderInput] = h.Dewi.AadObjectId });
        var forged = await h.ExecuteAsync(h.Dewi, "kabid-alihkan", SopVerbs.Reassign, pick, Ct);
        Assert.Equal("Tindakan ini bukan untuk Anda", DialogCards.Title(forged.Card));
        Assert.Equal(h.Budi.AadObjectId, (await h.KegiatanAsync(number, Ct)).Current!.Assignee!.Id);

        var moved = await h.ExecuteAsync(h.Kabid, "kabid-alihkan", SopVerbs.Reassign, pick, Ct);
        Assert.Contains("kepada Dewi Lestari oleh Hendra Gunawan", DialogCards.Text(moved.Card), StringComparison.Ordinal);
    }
}
