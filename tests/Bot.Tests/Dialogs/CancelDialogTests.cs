using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Bot.Tests.Dialogs;

/// <summary><c>batal &lt;nomor&gt;</c>: only the Ketua who started it (or the Kabid) cancels, always with a reason, and everyone involved is told.</summary>
[NeedsAzurite]
public sealed class CancelDialogTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_Ketua_cancels_with_a_reason_after_a_refusal_without_one_and_the_open_step_can_no_longer_be_acted_on()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        var (number, _) = await h.StartKegiatanAsync(Ct);
        var budisCard = await h.StepCardAsync(h.Budi, number, 2, SopVerbs.Submit, Ct);

        await h.SayAsync(h.Ketua, $"batal {number}", Ct);
        var cancel = await h.CardAsync(h.Ketua, c => DialogCards.Action(c, SopVerbs.Cancel) is not null, "Ketua: cancel card");
        Assert.Equal($"Batalkan kegiatan {number}?", DialogCards.Title(cancel.Card));
        var data = DialogCards.Action(cancel.Card, SopVerbs.Cancel)!;
        var cancelCardId = $"reply-{Guid.NewGuid():N}";

        // Without a reason: the same card again, saying why, and nothing changed.
        var refused = await h.ExecuteAsync(h.Ketua, cancelCardId, SopVerbs.Cancel, DialogCards.With(data, cancel.Card, new() { ["alasan"] = "   " }), Ct);
        Assert.True(refused.IsCard, refused.ToString());
        Assert.Equal($"Batalkan kegiatan {number}?", DialogCards.Title(refused.Card));
        Assert.Equal("Alasan pembatalan wajib diisi.", DialogCards.Banner(refused.Card));
        Assert.NotNull(DialogCards.Action(refused.Card, SopVerbs.Cancel));
        var unchanged = await h.KegiatanAsync(number, Ct);
        Assert.Equal(KegiatanStatus.Open, unchanged.Status);
        Assert.Equal(1, unchanged.Version);

        // With a reason: cancelled; the Ketua sees the outcome, Budi (the only other person involved so far) is told why.
        const string Reason = "Koperasi menarik permohonannya.";
        var cancelled = await h.ExecuteAsync(h.Ketua, cancelCardId, SopVerbs.Cancel, DialogCards.With(data, cancel.Card, new() { ["alasan"] = Reason }), Ct);
        Assert.True(cancelled.IsCard, cancelled.ToString());
        Assert.Equal("Dibatalkan", DialogCards.Headline(cancelled.Card));
        Assert.Contains(Reason, DialogCards.Text(cancelled.Card), StringComparison.Ordinal);
        Assert.True(DialogCards.IsReadOnly(cancelled.Card));
        var state = await h.KegiatanAsync(number, Ct);
        Assert.Equal(KegiatanStatus.Cancelled, state.Status);
        Assert.Equal(Reason, state.Cancellation?.Reason);

        var notice = await h.CardAsync(h.Budi, c => DialogCards.Title(c) == $"Kegiatan {number} dibatalkan", "Budi: cancellation notice");
        Assert.Contains(Reason, DialogCards.Text(notice.Card), StringComparison.Ordinal);
        Assert.Contains("oleh Rina Marlina", DialogCards.Text(notice.Card), StringComparison.Ordinal);

        // Budi's open step 2 card is replaced by the outcome in his chat...
        var replaced = await h.UpdateAsync(h.Budi, budisCard.ActivityId, c => DialogCards.Headline(c) == "Dibatalkan", "Budi: step 2 card replaced");
        Assert.True(DialogCards.IsReadOnly(replaced));

        // ...and a click on the copy he still had is refused: the kegiatan is finished.
        var late = await h.ExecuteAsync(h.Budi, budisCard.ActivityId, SopVerbs.Submit,
            DialogCards.With(DialogCards.Action(budisCard.Card, SopVerbs.Submit, 2)!, budisCard.Card, DialogHarness.Step2Form), Ct);
        Assert.True(late.IsCard, late.ToString());
        Assert.Equal("Kegiatan sudah ditutup", DialogCards.Title(late.Card));
        Assert.Contains("sudah dibatalkan oleh Rina Marlina", DialogCards.Banner(late.Card), StringComparison.Ordinal);
        Assert.True(DialogCards.IsReadOnly(late.Card));
        Assert.Equal(state.Version, (await h.KegiatanAsync(number, Ct)).Version);

        // Nobody else was told: the Kabid and Kadis had no part in it yet, and the Ketua cancelled it herself.
        await h.DeliveredAsync(number, Ct);
        Assert.DoesNotContain(h.CardsPostedTo(h.Ketua), c => DialogCards.Title(c) == $"Kegiatan {number} dibatalkan");
        Assert.DoesNotContain(h.CardsPostedTo(h.Kabid).Concat(h.CardsPostedTo(h.Kadis)), c => DialogCards.Title(c) == $"Kegiatan {number} dibatalkan");
    }

    [Fact]
    public async Task Batal_on_a_kegiatan_already_cancelled_says_so_instead_of_calling_it_not_yours()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        var (number, _) = await h.StartKegiatanAsync(Ct);
        await h.SayAsync(h.Ketua, $"batal {number}", Ct);
        var cancel = await h.CardAsync(h.Ketua, c => DialogCards.Action(c, SopVerbs.Cancel) is not null, "Ketua: cancel card");
        var cancelled = await h.ExecuteAsync(h.Ketua, $"reply-{Guid.NewGuid():N}", SopVerbs.Cancel,
            DialogCards.With(DialogCards.Action(cancel.Card, SopVerbs.Cancel)!, cancel.Card, new() { ["alasan"] = "Koperasi menarik permohonannya." }), Ct);
        Assert.Equal("Dibatalkan", DialogCards.Headline(cancelled.Card));

        // The Ketua who started (and cancelled) it types batal again.
        await h.SayAsync(h.Ketua, $"batal {number}", Ct);

        var answer = await h.CardAsync(h.Ketua, c => DialogCards.Text(c).Contains(number, StringComparison.Ordinal), "Ketua: answer to a second batal");
        Assert.NotEqual("Tindakan ini bukan untuk Anda", DialogCards.Title(answer.Card));
        Assert.Contains("sudah dibatalkan", DialogCards.Text(answer.Card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Anggota_may_not_cancel_by_command_nor_by_posting_the_cancel_action()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        var (number, _) = await h.StartKegiatanAsync(Ct);

        await h.SayAsync(h.Budi, $"batal {number}", Ct);
        var refusal = await h.CardAsync(h.Budi, c => DialogCards.Title(c) == "Tindakan ini bukan untuk Anda", "Budi: refusal card");
        Assert.Equal("Kegiatan hanya dapat dibatalkan oleh Ketua Tim Kerja yang memulainya atau oleh Kepala Bidang.", DialogCards.Banner(refusal.Card));
        Assert.True(DialogCards.IsReadOnly(refusal.Card));

        // The button he was not shown, posted anyway, is refused by the engine too.
        var forged = await h.ExecuteAsync(h.Budi, $"reply-{Guid.NewGuid():N}", SopVerbs.Cancel,
            new() { ["kegiatan"] = number, ["step"] = 2, ["version"] = 1, ["alasan"] = "Saya tidak sempat." }, Ct);
        Assert.True(forged.IsCard, forged.ToString());
        Assert.Equal("Tindakan ini bukan untuk Anda", DialogCards.Title(forged.Card));
        Assert.Contains("Pembatalan hanya dapat dilakukan oleh Ketua Tim Kerja", DialogCards.Banner(forged.Card), StringComparison.Ordinal);

        var kegiatan = await h.KegiatanAsync(number, Ct);
        Assert.Equal(KegiatanStatus.Open, kegiatan.Status);
        Assert.Equal(1, kegiatan.Version);
    }
}
