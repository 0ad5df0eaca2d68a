using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Dialogs.Sop;

namespace PerijinanBot.Bot.Tests.Dialogs;

/// <summary>
/// What stands between a click and a transition: only the assignee acts; an old card shows what happened instead; the same
/// click twice (or a retried invoke) is one transition; the Action.Submit fallback takes the same path; bad input comes back.
/// </summary>
[NeedsAzurite]
public sealed class CardGuardDialogTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Someone_else_clicking_the_Anggotas_step_card_is_refused_and_nothing_changes()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        var (number, _) = await h.StartKegiatanAsync(Ct);
        var budis = await h.StepCardAsync(h.Budi, number, 2, SopVerbs.Submit, Ct);
        var data = DialogCards.With(DialogCards.Action(budis.Card, SopVerbs.Submit, 2)!, budis.Card, DialogHarness.Step2Form);
        await h.DeliveredAsync(number, Ct);
        var before = await h.KegiatanAsync(number, Ct);
        var sent = h.Connector.Calls.Count;

        // The Kadis (another role) and Dewi (the same role, not picked) each post Budi's card data from their own chat.
        foreach (var intruder in new[] { h.Kadis, h.Dewi })
        {
            var answer = await h.ExecuteAsync(intruder, $"forwarded-{Guid.NewGuid():N}", SopVerbs.Submit, data, Ct);
            Assert.True(answer.IsCard, answer.ToString());
            Assert.Equal("Tindakan ini bukan untuk Anda", DialogCards.Title(answer.Card));
            Assert.Equal("Langkah ini ditugaskan kepada Budi Santoso (Anggota Tim Kerja), bukan Anda.", DialogCards.Banner(answer.Card));
            Assert.True(DialogCards.IsReadOnly(answer.Card));
        }

        var after = await h.KegiatanAsync(number, Ct);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(2, after.CurrentStep);
        Assert.Equal(before.Steps.Count, after.Steps.Count);
        Assert.False(after.Data.ContainsKey(2));
        Assert.Equal(sent, h.Connector.Calls.Count);

        // Budi's own card still works: the refusals left it as it was.
        var own = await h.ExecuteAsync(h.Budi, budis.ActivityId, SopVerbs.Submit, data, Ct);
        Assert.Equal("Data dikirim", DialogCards.Headline(own.Card));
    }

    [Fact]
    public async Task A_click_on_a_step_card_already_decided_shows_what_happened_and_changes_nothing()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        var number = await h.WalkToAsync(3, Ct);
        var (step3, approved) = await h.ActAsync(h.Ketua, number, 3, SopVerbs.Approve, [], Ct);
        Assert.Equal("Setuju", DialogCards.Headline(approved.Card));
        await h.DeliveredAsync(number, Ct);
        var version = (await h.KegiatanAsync(number, Ct)).Version;

        // Tidak on the old step 3 card (a copy that was not replaced, e.g. on another device).
        var reject = DialogCards.With(DialogCards.Action(step3.Card, SopVerbs.Reject, 3)!, step3.Card, new() { ["alasan"] = "Berubah pikiran." });
        var stale = await h.ExecuteAsync(h.Ketua, step3.ActivityId, SopVerbs.Reject, reject, Ct);
        AssertStale(stale, number, "Langkah 3 telah disetujui oleh Rina Marlina pada ");
        Assert.Equal(version, (await h.KegiatanAsync(number, Ct)).Version);

        // Setuju again, once the Kabid has moved on: not the earlier answer any more, but the stale card.
        var (_, corrected) = await h.ActAsync(h.Kabid, number, 4, SopVerbs.Approve, [], Ct);
        Assert.Equal("Setuju", DialogCards.Headline(corrected.Card));
        var again = await h.ExecuteAsync(h.Ketua, step3.ActivityId, SopVerbs.Approve, DialogCards.With(DialogCards.Action(step3.Card, SopVerbs.Approve, 3)!, step3.Card, []), Ct);
        AssertStale(again, number, "Langkah 3 telah disetujui oleh Rina Marlina pada ");
        var kegiatan = await h.KegiatanAsync(number, Ct);
        Assert.Equal(version + 1, kegiatan.Version);
        Assert.Equal(5, kegiatan.CurrentStep);

        // Nothing went back to Budi: no new step 2 card, no sent-back notice.
        await h.DeliveredAsync(number, Ct);
        Assert.DoesNotContain(h.CardsPostedTo(h.Budi), c => DialogCards.Title(c) == "Pekerjaan Anda dikembalikan" || DialogCards.Action(c, SopVerbs.Submit, 2) is { } d && (int?)d["version"] > 1);
    }

    [Fact]
    public async Task The_same_click_twice_in_a_row_is_one_transition_with_the_same_answer()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        var (number, _) = await h.StartKegiatanAsync(Ct);
        var budis = await h.StepCardAsync(h.Budi, number, 2, SopVerbs.Submit, Ct);
        var data = DialogCards.With(DialogCards.Action(budis.Card, SopVerbs.Submit, 2)!, budis.Card, DialogHarness.Step2Form);
        var version = (await h.KegiatanAsync(number, Ct)).Version;

        var first = await h.ExecuteAsync(h.Budi, budis.ActivityId, SopVerbs.Submit, data, Ct);
        var second = await h.ExecuteAsync(h.Budi, budis.ActivityId, SopVerbs.Submit, data, Ct);

        AssertSameOutcome("Data dikirim", first, second);
        Assert.Equal(version + 1, (await h.KegiatanAsync(number, Ct)).Version);
        await h.DeliveredAsync(number, Ct);
        Assert.Single(h.CardsPostedTo(h.Ketua), c => DialogCards.Action(c, SopVerbs.Approve, 3) is { } d && (string?)d["kegiatan"] == number);
    }

    [Fact]
    public async Task Three_concurrent_deliveries_of_the_same_click_are_one_transition_with_the_same_answer()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        var number = await h.WalkToAsync(3, Ct);
        var step3 = await h.StepCardAsync(h.Ketua, number, 3, SopVerbs.Approve, Ct);
        var data = DialogCards.With(DialogCards.Action(step3.Card, SopVerbs.Approve, 3)!, step3.Card, []);
        var version = (await h.KegiatanAsync(number, Ct)).Version;

        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => h.ExecuteAsync(h.Ketua, step3.ActivityId, SopVerbs.Approve, data, Ct)));

        AssertSameOutcome("Setuju", answers);
        var kegiatan = await h.KegiatanAsync(number, Ct);
        Assert.Equal(version + 1, kegiatan.Version);
        Assert.Single(kegiatan.Steps, s => s.Step == 3 && s.FinishedAt is not null);
        await h.DeliveredAsync(number, Ct);
        Assert.Single(h.CardsPostedTo(h.Kabid), c => DialogCards.Action(c, SopVerbs.Approve, 4) is { } d && (string?)d["kegiatan"] == number);
        Assert.Single(h.CardsPostedTo(h.Budi), c => DialogCards.Title(c) == "Pekerjaan Anda disetujui" && DialogCards.Text(c).Contains(number, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_decision_through_the_Action_Submit_fallback_is_applied_and_the_clicked_card_is_updated_in_place()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        var (number, _) = await h.StartKegiatanAsync(Ct);
        var budis = await h.StepCardAsync(h.Budi, number, 2, SopVerbs.Submit, Ct);
        var fallback = DialogCards.Fallback(budis.Card, SopVerbs.Submit)!;
        Assert.Equal(SopVerbs.Submit, (string?)fallback["verb"]);

        await h.SubmitAsync(h.Budi, budis.ActivityId, DialogCards.With(fallback, budis.Card, DialogHarness.Step2Form), Ct);

        var updated = await h.UpdateAsync(h.Budi, budis.ActivityId, c => DialogCards.Headline(c) == "Data dikirim", "Budi: his step 2 card updated in place");
        Assert.True(DialogCards.IsReadOnly(updated));
        await h.StepCardAsync(h.Ketua, number, 3, SopVerbs.Approve, Ct);
        var kegiatan = await h.KegiatanAsync(number, Ct);
        Assert.Equal(3, kegiatan.CurrentStep);
        Assert.Equal("Ketentuan USP menurut PerMenKop UKM 8/2023.", kegiatan.Data[2].Values["materiSubstansi"]);
    }

    [Fact]
    public async Task Invalid_input_comes_back_on_the_same_card_with_what_was_typed_and_the_reason()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        var (number, _) = await h.StartKegiatanAsync(Ct);
        var budis = await h.StepCardAsync(h.Budi, number, 2, SopVerbs.Submit, Ct);
        // An older client's text box (the Submit fallback): the text wins over the pickers, which are left empty.
        var typed = new Dictionary<string, string>(DialogHarness.Step2Form) { ["jadwal"] = "besok pagi", ["jadwal.date"] = "", ["jadwal.time"] = "" };

        var answer = await h.ExecuteAsync(h.Budi, budis.ActivityId, SopVerbs.Submit, DialogCards.With(DialogCards.Action(budis.Card, SopVerbs.Submit, 2)!, budis.Card, typed), Ct);

        Assert.True(answer.IsCard, answer.ToString());
        Assert.StartsWith("Langkah 2 dari 7: Penyiapan data dukung", DialogCards.Title(answer.Card), StringComparison.Ordinal);
        Assert.Matches(
            @"^Isian belum benar: Jadwal pelaksanaan “besok pagi” tidak dikenali sebagai tanggal dan jam\. Tulis seperti \d{1,2} [A-Z][a-z]+ \d{4} 09\.00\.$",
            DialogCards.Banner(answer.Card));
        foreach (var (field, value) in typed.Where(t => !t.Key.StartsWith("jadwal", StringComparison.Ordinal)))
        {
            Assert.Equal(value, DialogCards.InputValue(answer.Card, field));
        }

        Assert.Equal((null, null), (DialogCards.InputValue(answer.Card, "jadwal.date"), DialogCards.InputValue(answer.Card, "jadwal.time")));

        Assert.Equal("disposisi,bahanMateri", DialogCards.InputValue(answer.Card, "kelengkapan"));
        Assert.NotNull(DialogCards.Action(answer.Card, SopVerbs.Submit, 2));
        var kegiatan = await h.KegiatanAsync(number, Ct);
        Assert.Equal(1, kegiatan.Version);
        Assert.False(kegiatan.Data.ContainsKey(2));

        // Fixed on that same card, it goes through.
        typed["jadwal"] = "";
        typed["jadwal.date"] = OfficeWeek.JadwalDate;
        typed["jadwal.time"] = "09:00";
        var fixedAnswer = await h.ExecuteAsync(h.Budi, budis.ActivityId, SopVerbs.Submit, DialogCards.With(DialogCards.Action(answer.Card, SopVerbs.Submit, 2)!, answer.Card, typed), Ct);
        Assert.Equal("Data dikirim", DialogCards.Headline(fixedAnswer.Card));
    }

    private static void AssertStale(InvokeAnswer answer, string number, string says)
    {
        Assert.True(answer.IsCard, answer.ToString());
        Assert.Equal("Kartu ini sudah tidak berlaku", DialogCards.Title(answer.Card));
        Assert.StartsWith(says, DialogCards.Banner(answer.Card), StringComparison.Ordinal);
        Assert.True(DialogCards.IsReadOnly(answer.Card));
        // It offers the current card instead.
        Assert.Equal(number, (string?)DialogCards.Action(answer.Card, SopVerbs.Open)?["kegiatan"]);
    }

    private static void AssertSameOutcome(string headline, params InvokeAnswer[] answers)
    {
        foreach (var answer in answers)
        {
            Assert.True(answer.IsCard, answer.ToString());
            Assert.Equal(headline, DialogCards.Headline(answer.Card));
            Assert.True(DialogCards.IsReadOnly(answer.Card));
        }

        // The same decision, by the same person, at the same time: the outcome block (headline and who/when) is identical.
        var outcomes = answers.Select(a => DialogCards.Find(a.Card, n => (string?)n["type"] == "Container" && (string?)n["style"] is "good" or "warning").First().ToJsonString()).Distinct();
        Assert.Single(outcomes);
    }
}
