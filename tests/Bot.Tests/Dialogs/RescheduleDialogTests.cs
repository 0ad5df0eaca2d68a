using Microsoft.Extensions.DependencyInjection;
using PerijinanBot.Bot.Conversations;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Bot.Tests.Dialogs;

/// <summary>
/// <c>jadwal &lt;nomor&gt;</c>: after the disposition, the Ketua holding step 6 or the Kepala Bidang moves the facilitation with a
/// reason; the team is told, the riwayat shows it, step 6's due time follows, and nobody else (nor an old card) can.
/// </summary>
[NeedsAzurite]
public sealed class RescheduleDialogTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>
{
    private const string Reason = "Narasumber dari DPMPTSP berhalangan pada tanggal semula.";
    private const string NewTempat = "Ruang Rapat Bidang Perijinan";
    private static readonly string _newDate = DateTimeInput.DateId(SopVerbs.NewJadwalInput);
    private static readonly string _newTime = DateTimeInput.TimeId(SopVerbs.NewJadwalInput);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_Ketua_moves_the_jadwal_after_two_fixable_mistakes_and_the_team_the_riwayat_and_the_due_time_follow()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        var number = await h.WalkToAsync(6, Ct);
        var oldStepCard = await h.StepCardAsync(h.Ketua, number, 6, SopVerbs.Execute, Ct);
        var before = await h.KegiatanAsync(number, Ct);
        Assert.Equal(OfficeWeek.At(1, "09:05"), before.Current!.DueAt);

        await h.SayAsync(h.Ketua, $"jadwal {number}", Ct);
        var card = await h.CardAsync(h.Ketua, c => DialogCards.Action(c, SopVerbs.Reschedule) is not null, "Ketua: reschedule card");
        Assert.Equal($"Ubah jadwal pelaksanaan {number}", DialogCards.Title(card.Card));
        Assert.Equal((OfficeWeek.Date(1), "09:00"), (DialogCards.InputValue(card.Card, _newDate), DialogCards.InputValue(card.Card, _newTime)));
        Assert.Equal(DialogHarness.Step2Form["tempat"], DialogCards.InputValue(card.Card, SopVerbs.NewTempatInput));
        var data = DialogCards.Action(card.Card, SopVerbs.Reschedule)!;
        var cardId = $"reply-{Guid.NewGuid():N}";

        // No reason: the same card again, saying why, with what was typed; nothing changed.
        var noReason = await h.ExecuteAsync(h.Ketua, cardId, SopVerbs.Reschedule,
            DialogCards.With(data, card.Card, new() { [_newDate] = OfficeWeek.Date(3), [_newTime] = "13:30", [SopVerbs.NewTempatInput] = NewTempat, [SopVerbs.AlasanInput] = "  " }), Ct);
        Assert.True(noReason.IsCard, noReason.ToString());
        Assert.Equal($"Ubah jadwal pelaksanaan {number}", DialogCards.Title(noReason.Card));
        Assert.Equal("Alasan perubahan jadwal wajib diisi, agar semua yang terlibat tahu mengapa jadwal berubah.", DialogCards.Banner(noReason.Card));
        Assert.Equal((OfficeWeek.Date(3), "13:30", NewTempat), (DialogCards.InputValue(noReason.Card, _newDate), DialogCards.InputValue(noReason.Card, _newTime), DialogCards.InputValue(noReason.Card, SopVerbs.NewTempatInput)));
        Assert.NotNull(DialogCards.Action(noReason.Card, SopVerbs.Reschedule));

        // A Saturday picked: the calendar says why not and which working day is nearest; the same again, the reason kept.
        var saturday = await h.ExecuteAsync(h.Ketua, cardId, SopVerbs.Reschedule,
            DialogCards.With(data, card.Card, new() { [_newDate] = OfficeWeek.Date(5), [_newTime] = "10:00", [SopVerbs.AlasanInput] = Reason }), Ct);
        Assert.True(saturday.IsCard, saturday.ToString());
        Assert.Equal(
            $"Jadwal pelaksanaan baru jatuh pada hari {OfficeWeek.DayText(5)}, bukan hari kerja. Hari kerja terdekat: {OfficeWeek.DayText(7)} 10.00.",
            DialogCards.Banner(saturday.Card));
        Assert.Equal((OfficeWeek.Date(5), "10:00", Reason), (DialogCards.InputValue(saturday.Card, _newDate), DialogCards.InputValue(saturday.Card, _newTime), DialogCards.InputValue(saturday.Card, SopVerbs.AlasanInput)));
        var unchanged = await h.KegiatanAsync(number, Ct);
        Assert.Equal((before.Version, $"{OfficeWeek.Iso(1, "09:00")}+07:00", before.Current.DueAt), (unchanged.Version, unchanged.Value("jadwal"), unchanged.Current!.DueAt));

        // Meanwhile the Kepala Bidang opened the same card for himself; it goes out of date with the Ketua's change.
        await h.SayAsync(h.Kabid, $"jadwal {number}", Ct);
        var kabidsCard = await h.CardAsync(h.Kabid, c => DialogCards.Action(c, SopVerbs.Reschedule) is not null, "Kabid: reschedule card");

        var done = await h.ExecuteAsync(h.Ketua, cardId, SopVerbs.Reschedule,
            DialogCards.With(data, card.Card, new() { [_newDate] = OfficeWeek.Date(3), [_newTime] = "13:30", [SopVerbs.NewTempatInput] = NewTempat, [SopVerbs.AlasanInput] = Reason }), Ct);
        Assert.True(done.IsCard, done.ToString());
        Assert.Equal("Jadwal diubah", DialogCards.Headline(done.Card));
        Assert.True(DialogCards.IsReadOnly(done.Card));
        Assert.Contains($"{OfficeWeek.Text(1, "09:00")} → {OfficeWeek.Text(3, "13:30")}", DialogCards.Text(done.Card), StringComparison.Ordinal);
        Assert.Contains(Reason, DialogCards.Text(done.Card), StringComparison.Ordinal);

        // The form data and step 6's clock follow the new jadwal; the reminder is placed from the new due time.
        var after = await h.KegiatanAsync(number, Ct);
        Assert.Equal((before.Version + 1, 6), (after.Version, after.CurrentStep));
        Assert.Equal(($"{OfficeWeek.Iso(3, "13:30")}+07:00", NewTempat), (after.Value("jadwal"), after.Value("tempat")));
        Assert.Equal((OfficeWeek.At(3, "13:30"), OfficeWeek.At(3, "13:35")), (after.Current!.ClockStartsAt, after.Current.DueAt));
        var change = Assert.Single(after.Current.Reschedules);
        Assert.Equal((OfficeWeek.At(1, "09:00"), DialogHarness.Step2Form["tempat"], h.Ketua.AadObjectId), (change.OldJadwal, change.OldTempat, change.By.Id));

        // Everyone else involved is told what moved and why; the Ketua gets step 6's card again, with the new jadwal.
        foreach (var person in new[] { h.Budi, h.Kabid, h.Kadis })
        {
            var notice = await h.CardAsync(person, c => DialogCards.Title(c) == "Jadwal pelaksanaan diubah" && DialogCards.Text(c).Contains(number, StringComparison.Ordinal), $"{person}: reschedule notice");
            var text = DialogCards.Text(notice.Card);
            Assert.Contains($"Jadwal pelaksanaan kegiatan {number} diubah oleh Rina Marlina", text, StringComparison.Ordinal);
            Assert.Contains(OfficeWeek.Text(3, "13:30"), text, StringComparison.Ordinal);
            Assert.Contains(NewTempat, text, StringComparison.Ordinal);
            Assert.Contains(Reason, text, StringComparison.Ordinal);
        }

        var newStepCard = await h.CardAsync(h.Ketua, c => DialogCards.Action(c, SopVerbs.Execute, 6) is { } d && (string?)d["kegiatan"] == number, "Ketua: step 6 card again");
        Assert.Equal(after.Version, (int?)DialogCards.Action(newStepCard.Card, SopVerbs.Execute, 6)!["version"]);
        Assert.Contains(OfficeWeek.Text(3, "13:35"), DialogCards.Text(newStepCard.Card), StringComparison.Ordinal);
        await h.DeliveredAsync(number, Ct);
        Assert.DoesNotContain(h.CardsPostedTo(h.Ketua), c => DialogCards.Title(c) == "Jadwal pelaksanaan diubah");

        // The first step 6 card, which shows the old jadwal, is rewritten in place into the read-only record of the change;
        // the new card is not touched.
        var rewritten = await h.UpdateAsync(h.Ketua, oldStepCard.ActivityId, c => DialogCards.IsReadOnly(c), "Ketua: old step 6 card rewritten");
        Assert.Contains($"{OfficeWeek.Text(1, "09:00")} → {OfficeWeek.Text(3, "13:30")}", DialogCards.Text(rewritten), StringComparison.Ordinal);
        var copies = await h.Bot.Services.GetRequiredService<CardCopies>().OfStepAsync(number, 6, 1, Ct);
        var newCopy = Assert.Single(copies, c => c.Version == after.Version && c.ConversationId == h.Ketua.ConversationId);
        Assert.DoesNotContain(h.Connector.Calls, c => c.Method == "PUT" && c.Path.EndsWith("/" + Uri.EscapeDataString(newCopy.ActivityId), StringComparison.Ordinal));

        // The Kabid's card and the Ketua's first step 6 card are out of date: a click says the jadwal moved, and changes nothing.
        var stale = await h.ExecuteAsync(h.Kabid, $"reply-{Guid.NewGuid():N}", SopVerbs.Reschedule,
            DialogCards.With(DialogCards.Action(kabidsCard.Card, SopVerbs.Reschedule)!, kabidsCard.Card, new() { [_newDate] = OfficeWeek.Date(4), [_newTime] = "09:00", [SopVerbs.AlasanInput] = "Aula penuh." }), Ct);
        Assert.True(stale.IsCard, stale.ToString());
        Assert.Equal("Kartu ini sudah tidak berlaku", DialogCards.Title(stale.Card));
        Assert.StartsWith($"Jadwal pelaksanaan telah diubah menjadi {OfficeWeek.Text(3, "13:30")} oleh Rina Marlina", DialogCards.Banner(stale.Card), StringComparison.Ordinal);
        var oldClick = await h.ExecuteAsync(h.Ketua, oldStepCard.ActivityId, SopVerbs.Execute,
            DialogCards.With(DialogCards.Action(oldStepCard.Card, SopVerbs.Execute, 6)!, oldStepCard.Card, DialogHarness.Step6Form), Ct);
        Assert.Equal("Kartu ini sudah tidak berlaku", DialogCards.Title(oldClick.Card));
        Assert.Equal(after.Version, (await h.KegiatanAsync(number, Ct)).Version);

        // The riwayat keeps the old jadwal and the reason.
        await h.SayAsync(h.Budi, $"riwayat {number}", Ct);
        var history = await h.CardAsync(h.Budi, c => DialogCards.Title(c) == $"Riwayat kegiatan {number}", "Budi: riwayat");
        var riwayat = DialogCards.Text(history.Card);
        Assert.Contains($"dari {OfficeWeek.Text(1, "09:00")} menjadi {OfficeWeek.Text(3, "13:30")} oleh Rina Marlina", riwayat, StringComparison.Ordinal);
        Assert.Contains(Reason, riwayat, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Kepala_Bidang_moves_only_the_tempat_through_the_Submit_fallback_and_the_Ketua_is_told()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        var number = await h.WalkToAsync(6, Ct);
        await h.StepCardAsync(h.Ketua, number, 6, SopVerbs.Execute, Ct);
        var before = await h.KegiatanAsync(number, Ct);

        await h.SayAsync(h.Kabid, $"ubahjadwal {number}", Ct);
        var card = await h.CardAsync(h.Kabid, c => DialogCards.Action(c, SopVerbs.Reschedule) is not null, "Kabid: reschedule card");
        var fallback = DialogCards.Fallback(card.Card, SopVerbs.Reschedule)!;
        Assert.Equal(SopVerbs.Reschedule, (string?)fallback["verb"]);
        var cardId = $"reply-{Guid.NewGuid():N}";

        await h.SubmitAsync(h.Kabid, cardId, DialogCards.With(fallback, card.Card, new() { [SopVerbs.NewTempatInput] = NewTempat, [SopVerbs.AlasanInput] = "Aula dipakai rapat Gubernur." }), Ct);

        var updated = await h.UpdateAsync(h.Kabid, cardId, c => DialogCards.Headline(c) == "Tempat diubah", "Kabid: his card updated in place");
        Assert.True(DialogCards.IsReadOnly(updated));
        var after = await h.KegiatanAsync(number, Ct);
        Assert.Equal((before.Value("jadwal"), NewTempat, before.Current!.DueAt), (after.Value("jadwal"), after.Value("tempat"), after.Current!.DueAt));
        var notice = await h.CardAsync(h.Ketua, c => DialogCards.Title(c) == "Tempat pelaksanaan diubah", "Ketua: tempat notice");
        Assert.Contains("diubah oleh Hendra Gunawan", DialogCards.Text(notice.Card), StringComparison.Ordinal);
        Assert.Contains("Jadwalnya tetap; hanya tempatnya yang berubah.", DialogCards.Text(notice.Card), StringComparison.Ordinal);
        await h.CardAsync(h.Ketua, c => DialogCards.Action(c, SopVerbs.Execute, 6) is { } d && (int?)d["version"] == after.Version, "Ketua: step 6 card again");
    }

    [Fact]
    public async Task The_Anggota_an_earlier_step_and_an_unknown_number_get_a_clear_answer_and_nothing_changes()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        var number = await h.WalkToAsync(6, Ct);
        var version = (await h.KegiatanAsync(number, Ct)).Version;

        await h.SayAsync(h.Budi, $"jadwal {number}", Ct);
        var refusal = await h.CardAsync(h.Budi, c => DialogCards.Title(c) == "Tindakan ini bukan untuk Anda", "Budi: refusal card");
        Assert.Equal("Jadwal pelaksanaan hanya dapat diubah oleh Ketua Tim Kerja yang memegang langkah ini (Rina Marlina) atau Kepala Bidang.", DialogCards.Banner(refusal.Card));
        Assert.True(DialogCards.IsReadOnly(refusal.Card));

        // The button he was not shown, posted anyway, is refused by the engine too.
        var forged = await h.ExecuteAsync(h.Budi, $"reply-{Guid.NewGuid():N}", SopVerbs.Reschedule, new()
        {
            ["kegiatan"] = number,
            ["step"] = 6,
            ["version"] = version,
            [SopVerbs.NewJadwalInput] = $"{OfficeWeek.Date(4)} 09:00",
            [SopVerbs.AlasanInput] = "Saya berhalangan.",
        }, Ct);
        Assert.True(forged.IsCard, forged.ToString());
        Assert.Equal("Tindakan ini bukan untuk Anda", DialogCards.Title(forged.Card));
        Assert.Equal(version, (await h.KegiatanAsync(number, Ct)).Version);

        var early = await h.WalkToAsync(3, Ct);
        await h.SayAsync(h.Ketua, $"reschedule {early}", Ct);
        var notYet = await h.CardAsync(h.Ketua, c => DialogCards.Title(c) == "Tindakan tidak dapat diproses", "Ketua: not at step 6");
        Assert.StartsWith("Jadwal hanya dapat diubah selama kegiatan menunggu langkah 6 (Pelaksanaan fasilitasi)", DialogCards.Banner(notYet.Card), StringComparison.Ordinal);

        await h.SayAsync(h.Ketua, "jadwal FAS-2026-9999", Ct);
        Assert.Equal("Kegiatan FAS-2026-9999 tidak ditemukan. Ketik **tugas** untuk melihat kegiatan yang menunggu Anda.", await h.TextInAsync(h.Ketua.ConversationId, "Ketua: not found"));
    }
}
