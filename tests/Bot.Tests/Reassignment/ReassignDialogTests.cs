using System.Text.Json.Nodes;
using PerijinanBot.Bot.Tests.Dialogs;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Dialogs.Sop;

namespace PerijinanBot.Bot.Tests.Reassignment;

/// <summary>
/// <c>alihkan ‹nomor›</c> (mutasi) through the real bot host: only an Admin or the superior of the step's role moves the
/// current step to another holder of that role; the new holder gets the step card, the old one is told (with the reason)
/// and their card no longer works.
/// </summary>
[NeedsAzurite]
public sealed class ReassignDialogTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>
{
    private const string Reason = "Budi dinas luar ke Kabupaten Sambas sampai Jumat.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_Ketua_moves_step_2_from_Budi_to_Dewi_who_gets_the_card_and_submits_while_Budi_is_told_and_his_card_is_refused()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        var number = await h.WalkToAsync(2, Ct);
        var budiCard = await h.StepCardAsync(h.Budi, number, 2, SopVerbs.Submit, Ct);

        await h.SayAsync(h.Ketua, $"alihkan {number}", Ct);
        var card = (await h.CardAsync(h.Ketua, IsReassignCard, "Ketua: alihkan card")).Card;
        Assert.Contains("Budi Santoso", DialogCards.Text(card), StringComparison.Ordinal);
        Assert.Equal([h.Dewi.AadObjectId], Choices(card));

        var answer = await h.ExecuteAsync(h.Ketua, "alihkan-card", SopVerbs.Reassign, Pick(card, h.Dewi, Reason), Ct);

        Assert.True(answer.IsCard, $"reassign: {answer}");
        Assert.Contains("dialihkan dari Budi Santoso kepada Dewi Lestari oleh Rina Marlina", DialogCards.Text(answer.Card), StringComparison.Ordinal);
        Assert.Empty(DialogCards.Verbs(answer.Card));
        var state = await h.KegiatanAsync(number, Ct);
        Assert.Equal((2, h.Dewi.AadObjectId), (state.CurrentStep, state.Current!.Assignee!.Id));
        Assert.Equal(h.Dewi.AadObjectId, state.AssignedAtStart["anggota"].Id); // step 7 follows her too

        var notice = await h.CardAsync(h.Budi, c => DialogCards.Title(c) == "Langkah Anda dialihkan", "Budi: reassigned notice");
        Assert.Contains("dialihkan dari Anda kepada Dewi Lestari oleh Rina Marlina", DialogCards.Text(notice.Card), StringComparison.Ordinal);
        Assert.Contains(Reason, DialogCards.Text(notice.Card), StringComparison.Ordinal);

        var dewiCard = await h.StepCardAsync(h.Dewi, number, 2, SopVerbs.Submit, Ct);
        var old = await h.ExecuteAsync(h.Budi, budiCard.ActivityId, SopVerbs.Submit,
            DialogCards.With(DialogCards.Action(budiCard.Card, SopVerbs.Submit, 2)!, budiCard.Card, DialogHarness.Step2Form), Ct);
        Assert.True(old.IsCard && DialogCards.IsReadOnly(old.Card), $"Budi's old card: {old}");
        Assert.Equal("Kartu ini sudah tidak berlaku", DialogCards.Title(old.Card));
        Assert.Equal(h.Dewi.AadObjectId, (await h.KegiatanAsync(number, Ct)).Current!.Assignee!.Id);

        var submitted = await h.ExecuteAsync(h.Dewi, dewiCard.ActivityId, SopVerbs.Submit,
            DialogCards.With(DialogCards.Action(dewiCard.Card, SopVerbs.Submit, 2)!, dewiCard.Card, DialogHarness.Step2Form), Ct);
        Assert.True(submitted.IsCard && DialogCards.Action(submitted.Card, SopVerbs.Submit) is null, $"Dewi submits: {submitted}");
        state = await h.KegiatanAsync(number, Ct);
        Assert.Equal(3, state.CurrentStep);
        Assert.Equal(h.Dewi.AadObjectId, state.Steps.Last(s => s.Step == 2).FinishedBy!.Id);
        await h.DeliveredAsync(number, Ct);
        Assert.Single(h.CardsPostedTo(h.Dewi), c => DialogCards.Action(c, SopVerbs.Submit, 2) is not null);
    }

    [Fact]
    public async Task The_Anggota_may_not_reassign_and_a_finished_kegiatan_is_refused_as_finished()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        var number = await h.WalkToAsync(2, Ct);

        await h.SayAsync(h.Budi, $"alihkan {number}", Ct);
        var refused = (await h.CardAsync(h.Budi, c => DialogCards.Title(c) == "Tindakan ini bukan untuk Anda", "Budi: alihkan refused")).Card;
        Assert.Contains("Pengalihan langkah ini hanya dapat dilakukan oleh Admin atau Ketua Tim Kerja", DialogCards.Text(refused), StringComparison.Ordinal);
        Assert.True(DialogCards.IsReadOnly(refused));

        // Cancelled: "mutasi" (an alias) answers that it is closed, whoever asks.
        await h.SayAsync(h.Ketua, $"batal {number}", Ct);
        var cancel = await h.CardAsync(h.Ketua, c => DialogCards.Action(c, SopVerbs.Cancel) is not null, "Ketua: cancel card");
        var cancelled = await h.ExecuteAsync(h.Ketua, "cancel-card", SopVerbs.Cancel,
            DialogCards.With(DialogCards.Action(cancel.Card, SopVerbs.Cancel)!, cancel.Card, new() { ["alasan"] = "Koperasi menunda permohonan." }), Ct);
        Assert.Equal("Dibatalkan", DialogCards.Headline(cancelled.Card));
        await h.SayAsync(h.Admin, $"mutasi {number}", Ct);
        var finished = (await h.CardAsync(h.Admin, c => DialogCards.Title(c) == "Kegiatan sudah ditutup", "Admin: alihkan on a cancelled kegiatan")).Card;
        Assert.Contains($"Kegiatan {number} sudah dibatalkan oleh Rina Marlina", DialogCards.Text(finished), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Admin_may_reassign_and_without_a_new_holder_the_same_card_comes_back_with_the_reason_on_top()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        var number = await h.WalkToAsync(2, Ct);

        await h.SayAsync(h.Admin, $"reassign {number}", Ct);
        var card = (await h.CardAsync(h.Admin, IsReassignCard, "Admin: alihkan card")).Card;

        var data = DialogCards.With(DialogCards.Action(card, SopVerbs.Reassign)!, card, new() { [SopVerbs.AlasanInput] = Reason });
        var empty = await h.ExecuteAsync(h.Admin, "admin-alihkan", SopVerbs.Reassign, data, Ct);
        Assert.True(empty.IsCard && IsReassignCard(empty.Card), $"no new holder: {empty}");
        Assert.Equal("Pilih pegawai yang akan menerima langkah ini.", DialogCards.Banner(empty.Card));
        Assert.Equal(Reason, DialogCards.InputValue(empty.Card, SopVerbs.AlasanInput));
        Assert.Equal(h.Budi.AadObjectId, (await h.KegiatanAsync(number, Ct)).Current!.Assignee!.Id);

        // Someone who does not hold the role (the Kepala Bidang) is refused by the engine, on the same card.
        var wrong = await h.ExecuteAsync(h.Admin, "admin-alihkan-2", SopVerbs.Reassign, Pick(card, h.Kabid, null), Ct);
        Assert.True(wrong.IsCard && IsReassignCard(wrong.Card), $"wrong role: {wrong}");
        Assert.Contains("tidak memegang peran Anggota Tim Kerja", DialogCards.Banner(wrong.Card), StringComparison.Ordinal);

        var moved = await h.ExecuteAsync(h.Admin, "admin-alihkan-3", SopVerbs.Reassign, Pick(card, h.Dewi, null), Ct);
        Assert.Contains("kepada Dewi Lestari oleh Agus Pratama", DialogCards.Text(moved.Card), StringComparison.Ordinal);
        await h.StepCardAsync(h.Dewi, number, 2, SopVerbs.Submit, Ct);
        var notice = await h.CardAsync(h.Budi, c => DialogCards.Title(c) == "Langkah Anda dialihkan", "Budi: reassigned notice");
        Assert.DoesNotContain("Alasan", DialogCards.Text(notice.Card), StringComparison.Ordinal);
    }

    private static bool IsReassignCard(JsonObject card) => DialogCards.Title(card)?.StartsWith("Alihkan langkah", StringComparison.Ordinal) == true;

    private static IReadOnlyList<string?> Choices(JsonObject card) =>
        [.. DialogCards.Find(card, n => (string?)n["id"] == SopVerbs.NewHolderInput).Single()["choices"]!.AsArray().Select(c => (string?)c!["value"])];

    private static JsonObject Pick(JsonObject card, Person to, string? reason)
    {
        var typed = new Dictionary<string, string> { [SopVerbs.NewHolderInput] = to.AadObjectId };
        if (reason is not null)
        {
            typed[SopVerbs.AlasanInput] = reason;
        }

        return DialogCards.With(DialogCards.Action(card, SopVerbs.Reassign)!, card, typed);
    }
}
