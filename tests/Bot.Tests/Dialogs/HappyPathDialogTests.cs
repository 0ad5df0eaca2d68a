using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Bot.Tests.Dialogs;

/// <summary>One kegiatan through all seven steps, every decision Setuju, in process: who gets which card, and who is told what.</summary>
[NeedsAzurite]
public sealed class HappyPathDialogTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_step_card_goes_to_its_assignee_the_clicker_sees_the_outcome_and_everyone_involved_is_told()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);

        // Step 1: the Ketua starts; her card becomes the read-only outcome.
        var (number, started) = await h.StartKegiatanAsync(Ct);
        AssertOutcome(started, "Dimulai", number);

        // Step 2 is Budi's: he was picked as Anggota.
        var (_, submitted) = await h.ActAsync(h.Budi, number, 2, SopVerbs.Submit, DialogHarness.Step2Form, Ct);
        AssertOutcome(submitted, "Data dikirim", number);

        // Step 3 is the Ketua's; her Setuju approves Budi's work, and he is told.
        var (_, verified) = await h.ActAsync(h.Ketua, number, 3, SopVerbs.Approve, [], Ct);
        AssertOutcome(verified, "Setuju", number);
        await NoticeAsync(h, h.Budi, "Pekerjaan Anda disetujui", number, "oleh Rina Marlina");

        // Step 4 is the Kabid's; his Setuju approves the Ketua's verification.
        var (_, corrected) = await h.ActAsync(h.Kabid, number, 4, SopVerbs.Approve, [], Ct);
        AssertOutcome(corrected, "Setuju", number);
        await NoticeAsync(h, h.Ketua, "Pekerjaan Anda disetujui", number, "oleh Hendra Gunawan");

        // Step 5 is the Kadis's; her Setuju is the disposition to the Kabid, who is told so.
        var (_, disposed) = await h.ActAsync(h.Kadis, number, 5, SopVerbs.Approve, new() { ["disposisiKepalaDinas"] = "Segera tindak lanjuti bersama tim." }, Ct);
        AssertOutcome(disposed, "Setuju", number);
        var disposition = await NoticeAsync(h, h.Kabid, "Disposisi Kepala Dinas", number, "mendisposisikannya kepada Kepala Bidang");
        Assert.Contains("Segera tindak lanjuti bersama tim.", disposition, StringComparison.Ordinal);

        // Step 6 is the Ketua's again; step 7 is Budi's, and closes the kegiatan.
        var (_, executed) = await h.ActAsync(h.Ketua, number, 6, SopVerbs.Execute, DialogHarness.Step6Form, Ct);
        AssertOutcome(executed, "Pelaksanaan dicatat", number);
        var (_, reported) = await h.ActAsync(h.Budi, number, 7, SopVerbs.Report, DialogHarness.Step7Form, Ct);
        AssertOutcome(reported, "Laporan dikirim", number);
        Assert.Contains("Kegiatan selesai", DialogCards.Text(reported.Card), StringComparison.Ordinal);

        // Closing tells all four people involved.
        foreach (var person in new[] { h.Ketua, h.Budi, h.Kabid, h.Kadis })
        {
            await NoticeAsync(h, person, $"Kegiatan {number} selesai", number, "Terima kasih atas kerja samanya");
        }

        var kegiatan = await h.KegiatanAsync(number, Ct);
        Assert.Equal(KegiatanStatus.Closed, kegiatan.Status);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], kegiatan.Steps.Select(s => s.Step));

        // Once everything the decisions caused is delivered: each step card went to its assignee only, once.
        await h.DeliveredAsync(number, Ct);
        int[] StepCardsOf(Person person) =>
            [.. h.CardsPostedTo(person)
                .Select(c => DialogCards.Find(c, n => (string?)n["type"] == "Action.Execute" && (string?)n["data"]?["kegiatan"] == number && n["data"]?["step"] is not null)
                    .Select(n => (int)n["data"]!["step"]!).FirstOrDefault())
                .Where(step => step > 0)];
        Assert.Equal([3, 6], StepCardsOf(h.Ketua));
        Assert.Equal([2, 7], StepCardsOf(h.Budi));
        Assert.Equal([4], StepCardsOf(h.Kabid));
        Assert.Equal([5], StepCardsOf(h.Kadis));
        // Dewi and Agus have no part in it: nothing after their welcome card.
        Assert.Equal(["Selamat datang di PerijinanBot"], h.CardsPostedTo(h.Dewi).Select(DialogCards.Title));
        Assert.Equal(["Selamat datang di PerijinanBot"], h.CardsPostedTo(h.Admin).Select(DialogCards.Title));
    }

    private static void AssertOutcome(InvokeAnswer answer, string headline, string number)
    {
        Assert.True(answer.IsCard, $"expected the outcome card, got {answer}");
        Assert.Equal(headline, DialogCards.Headline(answer.Card));
        Assert.Contains(number, DialogCards.Text(answer.Card), StringComparison.Ordinal);
        Assert.True(DialogCards.IsReadOnly(answer.Card), $"the outcome card must be read-only: {DialogCards.Text(answer.Card)}");
    }

    private static async Task<string> NoticeAsync(DialogHarness h, Person to, string title, string number, string says)
    {
        var notice = await h.CardAsync(to, c => DialogCards.Title(c) == title && DialogCards.Text(c).Contains(number, StringComparison.Ordinal), $"{to}: “{title}”");
        var text = DialogCards.Text(notice.Card);
        Assert.Contains(says, text, StringComparison.Ordinal);
        Assert.True(DialogCards.IsReadOnly(notice.Card));
        return text;
    }
}
