using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Bot.Tests.Dialogs;

/// <summary>Each Tidak: the step goes back to whoever did the step before, with the reason, and what was entered is kept.</summary>
[NeedsAzurite]
public sealed class SendBackDialogTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Tidak_at_step_3_sends_step_2_back_to_the_Anggota_with_the_reason_and_his_data_prefilled()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        var number = await h.WalkToAsync(3, Ct);
        const string Reason = "Jadwal bentrok dengan rapat pimpinan; pilih hari lain.";
        var step3 = await h.StepCardAsync(h.Ketua, number, 3, SopVerbs.Reject, Ct);
        var reject = DialogCards.Action(step3.Card, SopVerbs.Reject, 3)!;

        // Tidak needs a written reason: without one, the same card comes back saying so, and nothing moves.
        var noReason = await h.ExecuteAsync(h.Ketua, step3.ActivityId, SopVerbs.Reject, DialogCards.With(reject, step3.Card, new() { ["alasan"] = "" }), Ct);
        Assert.True(noReason.IsCard, noReason.ToString());
        Assert.Equal("Alasan wajib diisi saat memilih Tidak, agar penerima tahu apa yang harus diperbaiki.", DialogCards.Banner(noReason.Card));
        Assert.NotNull(DialogCards.Action(noReason.Card, SopVerbs.Reject, 3));
        Assert.Equal(3, (await h.KegiatanAsync(number, Ct)).CurrentStep);

        var answer = await h.ExecuteAsync(h.Ketua, step3.ActivityId, SopVerbs.Reject, DialogCards.With(reject, step3.Card, new() { ["alasan"] = Reason }), Ct);

        AssertSentBackOutcome(answer, 2, Reason);
        await AssertToldAsync(h, h.Budi, number, Reason);
        var again = await h.StepCardAsync(h.Budi, number, 2, SopVerbs.Submit, Ct);
        Assert.Equal(2, again.Attempt);
        Assert.Contains("(perbaikan ke-1)", DialogCards.Title(again.Card), StringComparison.Ordinal);
        Assert.Contains(Reason, DialogCards.Text(again.Card), StringComparison.Ordinal);
        Assert.Contains("Dikembalikan oleh Rina Marlina", DialogCards.Text(again.Card), StringComparison.Ordinal);
        // He edits, not retypes: every field and tick is as he sent it.
        foreach (var (field, value) in DialogHarness.Step2Form)
        {
            Assert.Equal(value, DialogCards.InputValue(again.Card, field));
        }

        Assert.Equal("disposisi,bahanMateri", DialogCards.InputValue(again.Card, "kelengkapan"));

        var kegiatan = await h.KegiatanAsync(number, Ct);
        Assert.Equal(2, kegiatan.CurrentStep);
        Assert.Equal(Reason, kegiatan.Steps.Last(s => s.Step == 3).Reason);

        // The corrected step 2 goes on to the Ketua's step 3 again.
        var resubmitted = await h.ExecuteAsync(h.Budi, again.ActivityId, SopVerbs.Submit,
            DialogCards.With(DialogCards.Action(again.Card, SopVerbs.Submit, 2)!, again.Card, new() { ["jadwal.date"] = OfficeWeek.Date(2) }), Ct);
        Assert.Equal("Data dikirim", DialogCards.Headline(resubmitted.Card));
        var corrected = await h.StepCardAsync(h.Ketua, number, 3, SopVerbs.Approve, Ct);
        Assert.Equal(2, corrected.Attempt);
    }

    [Fact]
    public async Task Tidak_at_step_4_sends_step_3_back_to_the_Ketua_with_the_reason()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        var number = await h.WalkToAsync(4, Ct);
        const string Reason = "Narasumber dari Dinas PMPTSP perlu ditambahkan.";

        var (_, answer) = await h.ActAsync(h.Kabid, number, 4, SopVerbs.Reject, new() { ["alasan"] = Reason }, Ct);

        AssertSentBackOutcome(answer, 3, Reason);
        await AssertToldAsync(h, h.Ketua, number, Reason);
        var again = await h.StepCardAsync(h.Ketua, number, 3, SopVerbs.Approve, Ct);
        Assert.Equal(2, again.Attempt);
        Assert.Contains(Reason, DialogCards.Text(again.Card), StringComparison.Ordinal);
        Assert.Contains("Dikembalikan oleh Hendra Gunawan", DialogCards.Text(again.Card), StringComparison.Ordinal);
        Assert.NotNull(DialogCards.Action(again.Card, SopVerbs.Reject, 3));
        Assert.Equal(3, (await h.KegiatanAsync(number, Ct)).CurrentStep);
    }

    [Fact]
    public async Task Tidak_at_step_5_sends_step_4_back_to_the_Kabid_with_the_reason()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        var number = await h.WalkToAsync(5, Ct);
        const string Reason = "Anggaran kegiatan belum dicantumkan.";

        var (_, answer) = await h.ActAsync(h.Kadis, number, 5, SopVerbs.Reject, new() { ["alasan"] = Reason }, Ct);

        AssertSentBackOutcome(answer, 4, Reason);
        await AssertToldAsync(h, h.Kabid, number, Reason);
        var again = await h.StepCardAsync(h.Kabid, number, 4, SopVerbs.Approve, Ct);
        Assert.Equal(2, again.Attempt);
        Assert.Contains(Reason, DialogCards.Text(again.Card), StringComparison.Ordinal);
        Assert.Contains("Dikembalikan oleh Siti Aminah", DialogCards.Text(again.Card), StringComparison.Ordinal);
        var kegiatan = await h.KegiatanAsync(number, Ct);
        Assert.Equal(4, kegiatan.CurrentStep);
        Assert.Equal(StepOutcome.SentBack, kegiatan.Steps.Last(s => s.Step == 5).Outcome);
    }

    private static void AssertSentBackOutcome(InvokeAnswer answer, int to, string reason)
    {
        Assert.True(answer.IsCard, $"expected the outcome card, got {answer}");
        Assert.Equal($"Tidak, dikembalikan ke langkah {to}", DialogCards.Headline(answer.Card));
        Assert.Contains(reason, DialogCards.Text(answer.Card), StringComparison.Ordinal);
        Assert.True(DialogCards.IsReadOnly(answer.Card));
    }

    private static async Task AssertToldAsync(DialogHarness h, Person to, string number, string reason)
    {
        var notice = await h.CardAsync(to, c => DialogCards.Title(c) == "Pekerjaan Anda dikembalikan" && DialogCards.Text(c).Contains(number, StringComparison.Ordinal), $"{to}: sent-back notice");
        Assert.Contains(reason, DialogCards.Text(notice.Card), StringComparison.Ordinal);
    }
}
