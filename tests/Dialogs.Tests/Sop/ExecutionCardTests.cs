using PerijinanBot.Dialogs.Reminders;
using PerijinanBot.Sop.Calendar;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.Reminders;

namespace PerijinanBot.Dialogs.Tests.Sop;

/// <summary>
/// Step 6 as the Ketua meets it: the card starts from the plan of step 2 (jadwal Wednesday 15 July 2026 09.00, the Aula) and
/// says to record when the kegiatan starts; the reminders say the same and chase an unrecorded start the day after.
/// </summary>
public sealed class ExecutionCardTests
{
    [Fact]
    public void The_step_6_card_is_prefilled_with_the_jadwal_and_tempat_and_says_to_record_when_the_kegiatan_starts()
    {
        var office = new SopOffice();
        var kegiatan = office.WalkTo(6);

        var card = office.StepCardFor(kegiatan, Staff.Rina);

        Assert.Equal(("2026-07-15", "09:00"), ((string?)CardJson.Input(card, "waktuPelaksanaan.date")["value"], (string?)CardJson.Input(card, "waktuPelaksanaan.time")["value"]));
        Assert.Equal("Aula Dinas Koperasi UKM", (string?)CardJson.Input(card, "tempatPelaksanaan")["value"]);
        var reason = CardJson.Input(card, "alasanPerubahan");
        Assert.Equal(("Alasan perubahan waktu atau tempat", null, "Wajib bila waktu atau tempat berbeda dari jadwal."), ((string?)reason["label"], (bool?)reason["isRequired"], (string?)reason["placeholder"]));
        Assert.Contains("Catat saat kegiatan dimulai: mutu baku 5 menit dihitung dari jadwal, Rabu, 15 Juli 2026 09.00 WIB.", CardJson.Text(card), StringComparison.Ordinal);
    }

    [Fact]
    public void What_the_Ketua_typed_wins_over_the_plan_when_the_card_comes_back_with_a_refusal()
    {
        var office = new SopOffice();
        var kegiatan = office.WalkTo(6);
        var draft = new Dictionary<string, string?> { ["waktuPelaksanaan.date"] = "2026-07-15", ["waktuPelaksanaan.time"] = "10:15", ["tempatPelaksanaan"] = "Ruang Rapat" };

        var card = office.StepCardFor(kegiatan, Staff.Rina, draft, "Isian belum benar: …");

        Assert.Equal(("10:15", "Ruang Rapat"), ((string?)CardJson.Input(card, "waktuPelaksanaan.time")["value"], (string?)CardJson.Input(card, "tempatPelaksanaan")["value"]));
    }

    [Fact]
    public void The_jadwal_reminder_asks_for_the_start_to_be_recorded_and_an_unrecorded_start_is_chased_by_name()
    {
        var office = new SopOffice();
        var kegiatan = office.WalkTo(6);
        var record = kegiatan.Current!;
        var ladder = new ReminderLadder(SopOffice.Definition, WorkCalendar.Default);
        var jadwal = ladder.Schedule(record).Single(r => r.Kind == ReminderKind.Jadwal);
        var overdue = ladder.Schedule(record).First(r => r.Kind == ReminderKind.Overdue);

        var atJadwal = ReminderViews.Reminder(kegiatan, SopOffice.Definition, jadwal, WorkCalendar.Default, jadwal.FireAt);
        var nextDay = ReminderViews.Reminder(kegiatan, SopOffice.Definition, overdue, WorkCalendar.Default, overdue.FireAt);

        Assert.Equal(
            "Fasilitasi dijadwalkan mulai Rabu, 15 Juli 2026 09.00 WIB. Ketua Tim Kerja (Rina Marlina) mencatat di kartu langkah 6 (Pelaksanaan fasilitasi) saat kegiatan dimulai: mutu bakunya 5 menit dihitung dari jadwal.",
            atJadwal.Lead);
        Assert.Equal(("Mulainya kegiatan belum dicatat", true), (nextDay.Title, nextDay.Attention));
        Assert.Equal(WorkCalendar.Default.LocalDate(jadwal.FireAt).AddDays(1), WorkCalendar.Default.LocalDate(overdue.FireAt));
        office.At(15, 9, 3);
        Assert.Equal(StepOutcome.Executed, office.Accept(kegiatan, new RecordExecution(Staff.Rina, 6, kegiatan.Version, office.Typing.Execution())).Steps[5].Outcome);
    }
}
