using System.Globalization;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Sop;
using PerijinanBot.Sop.Calendar;

namespace PerijinanBot.Bot.Tests.Dialogs;

/// <summary>
/// The step 2 jadwal through the real bot: the card asks with Teams' date and time pickers and the bot joins them; a date
/// typed the Indonesian way into an older client's text box (the Action.Submit fallback) is understood; a Sunday is refused
/// with the nearest working day. Dates are a few weeks after today on the office's calendar, as a real jadwal would be.
/// </summary>
[NeedsAzurite]
public sealed class JadwalDialogTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static WorkCalendar Calendar => WorkCalendar.Default;

    [Fact]
    public async Task The_picked_date_and_time_on_the_step_2_card_are_joined_in_WIB_and_the_kegiatan_moves_to_step_3()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        var (number, _) = await h.StartKegiatanAsync(Ct);
        var budis = await h.StepCardAsync(h.Budi, number, 2, SopVerbs.Submit, Ct);
        Assert.Equal("Input.Date", InputType(budis.Card, "jadwal.date"));
        Assert.Equal("Input.Time", InputType(budis.Card, "jadwal.time"));
        Assert.Null(InputType(budis.Card, "jadwal"));
        var day = WorkingDayAhead();
        var picked = new Dictionary<string, string>(DialogHarness.Step2Form)
        {
            ["jadwal.date"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["jadwal.time"] = "13:30",
        };

        var answer = await h.ExecuteAsync(h.Budi, budis.ActivityId, SopVerbs.Submit, DialogCards.With(DialogCards.Action(budis.Card, SopVerbs.Submit, 2)!, budis.Card, picked), Ct);

        Assert.True(answer.IsCard, answer.ToString());
        Assert.Equal("Data dikirim", DialogCards.Headline(answer.Card));
        var step3 = await h.StepCardAsync(h.Ketua, number, 3, SopVerbs.Approve, Ct);
        Assert.Contains($"{WibFormat.Date(day)} 13.30 WIB", DialogCards.Text(step3.Card), StringComparison.Ordinal);
        var kegiatan = await h.KegiatanAsync(number, Ct);
        Assert.Equal(3, kegiatan.CurrentStep);
        Assert.Equal($"{day:yyyy-MM-dd}T13:30:00+07:00", kegiatan.Value("jadwal"));
    }

    [Fact]
    public async Task A_jadwal_typed_as_dd_mm_yyyy_hh_dot_mm_through_the_Submit_fallback_is_understood()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        var (number, _) = await h.StartKegiatanAsync(Ct);
        var budis = await h.StepCardAsync(h.Budi, number, 2, SopVerbs.Submit, Ct);
        var day = WorkingDayAhead();
        var typed = new Dictionary<string, string>(DialogHarness.Step2Form)
        {
            ["jadwal"] = day.ToString("dd'/'MM'/'yyyy", CultureInfo.InvariantCulture) + " 09.00",
            ["jadwal.date"] = "",
            ["jadwal.time"] = "",
        };

        await h.SubmitAsync(h.Budi, budis.ActivityId, DialogCards.With(DialogCards.Fallback(budis.Card, SopVerbs.Submit)!, budis.Card, typed), Ct);

        await h.UpdateAsync(h.Budi, budis.ActivityId, c => DialogCards.Headline(c) == "Data dikirim", "Budi: his step 2 card updated in place");
        var kegiatan = await h.KegiatanAsync(number, Ct);
        Assert.Equal(3, kegiatan.CurrentStep);
        Assert.Equal($"{day:yyyy-MM-dd}T09:00:00+07:00", kegiatan.Value("jadwal"));
    }

    [Fact]
    public async Task A_Sunday_picked_comes_back_on_the_card_with_the_reason_and_the_nearest_working_day()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        var (number, _) = await h.StartKegiatanAsync(Ct);
        var budis = await h.StepCardAsync(h.Budi, number, 2, SopVerbs.Submit, Ct);
        var sunday = WorkingDayAhead().AddDays(7);
        while (sunday.DayOfWeek != DayOfWeek.Sunday || Calendar.HolidayOn(sunday) is not null)
        {
            sunday = sunday.AddDays(1);
        }

        var picked = new Dictionary<string, string>(DialogHarness.Step2Form) { ["jadwal.date"] = sunday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["jadwal.time"] = "09:00" };

        var answer = await h.ExecuteAsync(h.Budi, budis.ActivityId, SopVerbs.Submit, DialogCards.With(DialogCards.Action(budis.Card, SopVerbs.Submit, 2)!, budis.Card, picked), Ct);

        Assert.True(answer.IsCard, answer.ToString());
        var next = Calendar.NextWorkingDay(sunday);
        Assert.Equal(
            $"Isian belum benar: Jadwal pelaksanaan jatuh pada hari Minggu, {WibFormat.PlainDate(sunday)}, bukan hari kerja. Hari kerja terdekat: {WibFormat.Date(next)} 09.00.",
            DialogCards.Banner(answer.Card));
        Assert.Equal((picked["jadwal.date"], "09:00"), (DialogCards.InputValue(answer.Card, "jadwal.date"), DialogCards.InputValue(answer.Card, "jadwal.time")));
        Assert.Equal(2, (await h.KegiatanAsync(number, Ct)).CurrentStep);
    }

    /// <summary>A working day about three weeks from today (WIB), so the jadwal is always in the future and never a holiday.</summary>
    private static DateOnly WorkingDayAhead() => Calendar.NextWorkingDay(OfficeWeek.Today.AddDays(20));

    private static string? InputType(System.Text.Json.Nodes.JsonObject card, string id) =>
        DialogCards.Find(card, n => (string?)n["id"] == id && ((string?)n["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true)
            .Select(n => (string?)n["type"])
            .FirstOrDefault();
}
