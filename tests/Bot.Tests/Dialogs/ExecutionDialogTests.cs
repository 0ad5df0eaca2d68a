using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Dialogs.Sop;

namespace PerijinanBot.Bot.Tests.Dialogs;

/// <summary>
/// Step 6 in Teams: the Ketua's card starts from step 2's jadwal and tempat; on the jadwal's day one click records the start;
/// the day before, the same click comes back refused with the jadwal, and what he typed is still on the card.
/// </summary>
[NeedsAzurite]
public sealed class ExecutionDialogTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task On_the_jadwal_day_the_prefilled_card_records_the_start_with_one_click()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        var number = await h.WalkToAsync(6, Ct);
        var card = await h.StepCardAsync(h.Ketua, number, 6, SopVerbs.Execute, Ct);
        Assert.Equal((OfficeWeek.JadwalDate, OfficeWeek.JadwalTime, DialogHarness.Step2Form["tempat"]),
            (DialogCards.InputValue(card.Card, "waktuPelaksanaan.date"), DialogCards.InputValue(card.Card, "waktuPelaksanaan.time"), DialogCards.InputValue(card.Card, "tempatPelaksanaan")));
        Assert.Contains($"Catat saat kegiatan dimulai: mutu baku 5 menit dihitung dari jadwal, {OfficeWeek.Text(1, "09:00")}.", DialogCards.Text(card.Card), StringComparison.Ordinal);

        var answer = await h.ExecuteAsync(h.Ketua, card.ActivityId, SopVerbs.Execute, DialogCards.With(DialogCards.Action(card.Card, SopVerbs.Execute, 6)!, card.Card, []), Ct);

        Assert.True(answer.IsCard && DialogCards.Action(answer.Card, SopVerbs.Execute) is null, answer.ToString());
        var kegiatan = await h.KegiatanAsync(number, Ct);
        Assert.Equal((7, $"{OfficeWeek.Iso(1, "09:00")}+07:00"), (kegiatan.CurrentStep, kegiatan.Value("waktuPelaksanaan")));
        Assert.True(kegiatan.Steps.Last(s => s.Step == 6).Measurement!.OnTime);
    }

    [Fact]
    public async Task The_day_before_the_jadwal_the_click_is_refused_with_the_jadwal_and_the_typed_note_stays_on_the_card()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        var wednesday = new Dictionary<string, string>(DialogHarness.Step2Form) { ["jadwal.date"] = OfficeWeek.Date(2) };
        var number = await h.WalkToAsync(6, Ct, step2: wednesday);
        var card = await h.StepCardAsync(h.Ketua, number, 6, SopVerbs.Execute, Ct);
        var version = (await h.KegiatanAsync(number, Ct)).Version;
        const string Note = "Peserta mulai berdatangan.";

        var answer = await h.ExecuteAsync(h.Ketua, card.ActivityId, SopVerbs.Execute,
            DialogCards.With(DialogCards.Action(card.Card, SopVerbs.Execute, 6)!, card.Card, new() { ["catatanPelaksanaan"] = Note }), Ct);

        Assert.True(answer.IsCard, answer.ToString());
        Assert.Equal(
            $"Pelaksanaan dicatat pada hari kegiatan, saat kegiatan dimulai. Jadwalnya {OfficeWeek.Text(2, "09:00")}. Bila jadwal berubah, ubah jadwalnya terlebih dahulu.",
            DialogCards.Banner(answer.Card));
        Assert.Equal((Note, OfficeWeek.Date(2)), (DialogCards.InputValue(answer.Card, "catatanPelaksanaan"), DialogCards.InputValue(answer.Card, "waktuPelaksanaan.date")));
        Assert.NotNull(DialogCards.Action(answer.Card, SopVerbs.Execute, 6));
        var kegiatan = await h.KegiatanAsync(number, Ct);
        Assert.Equal((6, version), (kegiatan.CurrentStep, kegiatan.Version));
    }
}
