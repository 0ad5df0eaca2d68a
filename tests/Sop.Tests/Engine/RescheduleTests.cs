using System.Text.Json;
using PerijinanBot.Sop.Calendar;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.Reminders;
using PerijinanBot.Sop.Tests.Support;
using static PerijinanBot.Sop.Tests.Support.Office;

namespace PerijinanBot.Sop.Tests.Engine;

/// <summary>
/// Ubah jadwal: while step 6 (timed from the jadwal) waits, its Ketua or the Kepala Bidang moves the jadwal and/or tempat with
/// a reason; the form data, the due time and the history follow, and nobody else, no other step and no stale card can.
/// </summary>
public sealed class RescheduleTests
{
    private const string Reason = "Narasumber dari DPMPTSP berhalangan pada tanggal semula.";

    private readonly Office _office = new();

    [Fact]
    public void The_Ketua_moves_the_jadwal_and_tempat_and_step_6_is_now_due_from_the_new_jadwal()
    {
        var kegiatan = _office.WalkTo(6);
        var before = kegiatan.Current!;
        _office.After(30);

        kegiatan = _office.Accept(kegiatan, new Reschedule(Staff.Rina, 6, kegiatan.Version, "2026-07-16 13:30", "  Ruang Rapat Bidang Perijinan ", $"  {Reason} "));

        Assert.Equal("2026-07-16T13:30:00+07:00", kegiatan.Value("jadwal"));
        Assert.Equal("Ruang Rapat Bidang Perijinan", kegiatan.Value("tempat"));
        var step6 = kegiatan.Current!;
        Assert.Equal((6, 1, Staff.Rina), (step6.Step, step6.Attempt, step6.Assignee!.Id));
        Assert.Equal(before.EnteredAt, step6.EnteredAt);
        Assert.Equal(Wib(2026, 7, 16, 13, 30), step6.ClockStartsAt);
        Assert.Equal(Wib(2026, 7, 16, 13, 35), step6.DueAt);
        Assert.Equal(TimeSpan.FromMinutes(5), step6.StandardWorkingTime);

        // The form keeps who prepared it; the old values live on in the history and the event.
        Assert.Equal(Staff.Budi, kegiatan.Data[2].By.Id);
        var change = Assert.Single(step6.Reschedules);
        Assert.Equal(
            new Rescheduling(Wib(2026, 7, 15, 9, 0), Wib(2026, 7, 16, 13, 30), "Aula Dinas Koperasi UKM", "Ruang Rapat Bidang Perijinan", new Actor(Staff.Rina, "Rina Marlina"), kegiatan.UpdatedAt, Reason),
            change);
        var moved = Assert.IsType<Rescheduled>(Assert.Single(_office.Events));
        Assert.Equal((kegiatan.Number, kegiatan.Version, 6, Staff.Rina, Reason), (moved.Number, moved.Version, moved.Step, moved.By.Id, moved.Reason));
        Assert.Equal((Wib(2026, 7, 15, 9, 0), Wib(2026, 7, 16, 13, 30)), (moved.OldJadwal, moved.NewJadwal));
        Assert.Equal(("Aula Dinas Koperasi UKM", "Ruang Rapat Bidang Perijinan"), (moved.OldTempat, moved.NewTempat));
        Assert.Equal(step6.DueAt, moved.DueAt);
    }

    [Fact]
    public void Execution_after_a_reschedule_is_measured_against_the_new_jadwal()
    {
        var kegiatan = _office.WalkTo(6);
        kegiatan = _office.Accept(kegiatan, new Reschedule(Staff.Rina, 6, kegiatan.Version, "2026-07-16 13:30", null, Reason));

        _office.At(Wib(2026, 7, 16, 13, 34));
        kegiatan = _office.Accept(kegiatan, new RecordExecution(Staff.Rina, 6, kegiatan.Version, Forms.Execution("2026-07-16T13:30")));

        var measured = kegiatan.Steps[5].Measurement!;
        Assert.True(measured.OnTime);
        Assert.Equal(TimeSpan.FromMinutes(4), measured.ActualWorkingTime);
    }

    [Fact]
    public void A_jadwal_moved_to_a_Friday_afternoon_before_a_holiday_weekend_is_due_on_the_next_working_day()
    {
        var kegiatan = _office.WalkTo(6);

        // Friday 14 August 2026, two minutes before the office closes; Monday 17 August is Proklamasi Kemerdekaan.
        kegiatan = _office.Accept(kegiatan, new Reschedule(Staff.Hendra, 6, kegiatan.Version, "2026-08-14T16:28", null, Reason));

        var step6 = kegiatan.Current!;
        Assert.Equal(Wib(2026, 8, 14, 16, 28), step6.ClockStartsAt);
        Assert.Equal(Wib(2026, 8, 18, 7, 33), step6.DueAt);
        Assert.Equal(TimeSpan.FromMinutes(5), step6.StandardWorkingTime);

        // The team's reminders follow: the working day before the new jadwal is Thursday 13 August.
        var ladder = new ReminderLadder(_office.Engine.DefinitionOf(kegiatan)!, WorkCalendar.Default).Schedule(step6).ToList();
        Assert.Equal(Wib(2026, 8, 13, 7, 30), ladder.Single(r => r.Kind == ReminderKind.JadwalDayBefore).FireAt);
        Assert.Equal(Wib(2026, 8, 14, 16, 28), ladder.Single(r => r.Kind == ReminderKind.Jadwal).FireAt);
    }

    [Fact]
    public void Only_the_tempat_may_change_and_then_the_due_time_stays()
    {
        var kegiatan = _office.WalkTo(6);
        var due = kegiatan.Current!.DueAt;

        kegiatan = _office.Accept(kegiatan, new Reschedule(Staff.Rina, 6, kegiatan.Version, "", "Hotel Kapuas Palace", "Aula dipakai rapat Gubernur."));

        Assert.Equal(("2026-07-15T09:00:00+07:00", "Hotel Kapuas Palace"), (kegiatan.Value("jadwal"), kegiatan.Value("tempat")));
        Assert.Equal(due, kegiatan.Current!.DueAt);
        var moved = Assert.IsType<Rescheduled>(Assert.Single(_office.Events));
        Assert.Equal(moved.OldJadwal, moved.NewJadwal);
        Assert.False(kegiatan.Current.Reschedules[0].JadwalChanged);
        Assert.True(kegiatan.Current.Reschedules[0].TempatChanged);
    }

    [Fact]
    public void The_Kepala_Bidang_and_a_Plh_of_the_Ketua_may_reschedule_and_the_Plh_is_recorded_as_such()
    {
        var kegiatan = _office.WalkTo(6);
        kegiatan = _office.Accept(kegiatan, new Reschedule(Staff.Lina, 6, kegiatan.Version, "2026-07-16 09:00", null, Reason));
        Assert.Equal(Staff.Lina, kegiatan.Current!.Reschedules[^1].By.Id);

        _office.Staffing = Staff.With(new Delegation(Staff.Rina, Staff.Yusuf, new DateOnly(2026, 7, 13), new DateOnly(2026, 7, 17), "ST 800/21/2026"));
        kegiatan = _office.Accept(kegiatan, new Reschedule(Staff.Yusuf, 6, kegiatan.Version, "2026-07-17 09:00", null, "Rina cuti; jadwal dimundurkan."));

        var by = kegiatan.Current!.Reschedules[^1].By;
        Assert.Equal((Staff.Yusuf, Staff.Rina, "ST 800/21/2026"), (by.Id, by.OnBehalfOf!.Id, by.DelegationBasis));
        Assert.Equal(2, kegiatan.Current.Reschedules.Count);
    }

    [Theory]
    [InlineData(Staff.Budi)]  // the Anggota
    [InlineData(Staff.Yusuf)] // a Ketua who does not hold step 6
    [InlineData(Staff.Siti)]  // the Kepala Dinas is two levels above the Ketua
    [InlineData(Staff.Agus)]  // an Admin reassigns steps but does not move the facilitation
    public void Others_may_not_reschedule(string actor)
    {
        var kegiatan = _office.WalkTo(6);

        var refusal = _office.Refuse(kegiatan, new Reschedule(actor, 6, kegiatan.Version, "2026-07-16 09:00", null, Reason), RefusalCode.NotYours);

        Assert.Equal("Jadwal pelaksanaan hanya dapat diubah oleh Ketua Tim Kerja yang memegang langkah ini (Rina Marlina) atau Kepala Bidang.", refusal.Message);
    }

    [Fact]
    public void Someone_not_in_the_directory_is_told_so()
    {
        var kegiatan = _office.WalkTo(6);
        _office.Refuse(kegiatan, new Reschedule(Staff.Stranger, 6, kegiatan.Version, "2026-07-16 09:00", null, Reason), RefusalCode.NotRegistered);
    }

    [Theory]
    [InlineData(2, "Penyiapan data dukung")]
    [InlineData(3, "Verifikasi data dukung")]
    [InlineData(5, "Telaah data dukung")]
    [InlineData(7, "Dokumentasi dan laporan")]
    public void Only_step_6_can_be_rescheduled(int step, string title)
    {
        var kegiatan = _office.WalkTo(step);

        var refusal = _office.Refuse(kegiatan, new Reschedule(Staff.Hendra, step, kegiatan.Version, "2026-07-16 09:00", null, Reason), RefusalCode.NotAvailable);

        Assert.Equal(
            "Jadwal hanya dapat diubah selama kegiatan menunggu langkah 6 (Pelaksanaan fasilitasi), yaitu setelah disposisi dan sebelum pelaksanaannya dicatat. " +
            $"Kegiatan ini sekarang berada pada langkah {step} ({title}).",
            refusal.Message);
    }

    [Fact]
    public void Which_step_can_be_rescheduled_is_read_from_the_definition()
    {
        var definition = SopCatalog.Embedded.Latest(Office.Sop)!;
        Assert.Equal(6, RescheduleRules.ScheduledStep(definition)!.Number);
        var fields = RescheduleRules.FieldsOf(definition, definition.Step(6))!;
        Assert.Equal((2, "jadwal", "tempat"), (fields.DataStep, fields.Jadwal.Id, fields.Tempat!.Id));
        Assert.Null(RescheduleRules.FieldsOf(definition, definition.Step(7)));

        // Without clockStartsAtField there is no scheduled step, and the refusal says so.
        var unscheduled = definition with { Steps = [.. definition.Steps.Select(s => s with { ClockStartsAtField = null })] };
        Assert.Null(RescheduleRules.ScheduledStep(unscheduled));
        var office = new Office(catalog: SopCatalog.Load([new("unscheduled.json", JsonSerializer.Serialize(unscheduled, SopJsonContext.Default.SopDefinition))]));
        var kegiatan = office.WalkTo(6);
        var refusal = office.Refuse(kegiatan, new Reschedule(Staff.Rina, 6, kegiatan.Version, "2026-07-16 09:00", null, Reason), RefusalCode.NotAvailable);
        Assert.Equal("SOP 000.8 / 1622 / DISKOPUKM.B tidak memiliki langkah berjadwal, jadi tidak ada jadwal yang dapat diubah.", refusal.Message);
    }

    [Fact]
    public void A_closed_or_cancelled_kegiatan_cannot_be_rescheduled()
    {
        var closed = _office.WalkTo(8);
        _office.Refuse(closed, new Reschedule(Staff.Rina, 7, closed.Version, "2026-07-20 09:00", null, Reason), RefusalCode.Finished);

        var office = new Office();
        var cancelled = office.WalkTo(6);
        cancelled = office.Accept(cancelled, new Cancel(Staff.Rina, cancelled.Version, "Koperasi menunda permohonan."));
        var refusal = office.Refuse(cancelled, new Reschedule(Staff.Rina, 6, cancelled.Version, "2026-07-20 09:00", null, Reason), RefusalCode.Finished);
        Assert.StartsWith("Kegiatan FAS-2026-0001 sudah dibatalkan oleh Rina Marlina", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_card_from_before_the_last_change_is_stale_and_says_the_jadwal_moved()
    {
        var kegiatan = _office.WalkTo(6);
        var old = kegiatan;
        _office.After(20);
        kegiatan = _office.Accept(kegiatan, new Reschedule(Staff.Hendra, 6, kegiatan.Version, "2026-07-16 13:30", null, Reason));

        var again = _office.Refuse(kegiatan, new Reschedule(Staff.Rina, 6, old.Version, "2026-07-17 09:00", null, Reason), RefusalCode.Stale);
        var execute = _office.Refuse(kegiatan, new RecordExecution(Staff.Rina, 6, old.Version, Forms.Execution()), RefusalCode.Stale);

        const string Expected = "Kartu ini sudah tidak berlaku: jadwal pelaksanaan telah diubah menjadi Kamis, 16 Juli 2026 13.30 WIB oleh Hendra Wijaya pada Senin, 13 Juli 2026 09.00 WIB.";
        Assert.Equal(Expected, again.Message);
        Assert.Equal(Expected, execute.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void A_reason_is_required(string? reason)
    {
        var kegiatan = _office.WalkTo(6);

        var refusal = _office.Refuse(kegiatan, new Reschedule(Staff.Rina, 6, kegiatan.Version, "2026-07-16 09:00", null, reason), RefusalCode.InvalidReason);

        Assert.Equal("Alasan perubahan jadwal wajib diisi, agar semua yang terlibat tahu mengapa jadwal berubah.", refusal.Message);
    }

    [Fact]
    public void A_reason_may_be_500_characters_and_no_more()
    {
        var kegiatan = _office.WalkTo(6);

        var refusal = _office.Refuse(kegiatan, new Reschedule(Staff.Rina, 6, kegiatan.Version, "2026-07-16 09:00", null, new string('a', 501)), RefusalCode.InvalidReason);
        Assert.Equal("Alasan perubahan jadwal paling banyak 500 karakter (saat ini 501).", refusal.Message);

        kegiatan = _office.Accept(kegiatan, new Reschedule(Staff.Rina, 6, kegiatan.Version, "2026-07-16 09:00", null, new string('a', 500)));
        Assert.Equal(500, kegiatan.Current!.Reschedules[0].Reason.Length);
    }

    [Theory]
    [InlineData("besok pagi", "Jadwal pelaksanaan “besok pagi” tidak dikenali sebagai tanggal dan jam. Tulis seperti 14 Juli 2026 09.00.")]
    [InlineData("2026-02-30 09:00", "Jadwal pelaksanaan “2026-02-30 09:00” tidak dikenali sebagai tanggal dan jam. Tulis seperti 14 Juli 2026 09.00.")]
    [InlineData("16/07/2026 25.00", "Jadwal pelaksanaan “16/07/2026 25.00” tidak dikenali sebagai tanggal dan jam. Tulis seperti 14 Juli 2026 09.00.")]
    [InlineData("2026-07-16", "Jadwal pelaksanaan: jamnya belum diisi, misalnya 09.00.")]
    public void A_jadwal_the_jadwal_field_cannot_read_is_refused_with_the_field_s_own_message(string typed, string problem)
    {
        var kegiatan = _office.WalkTo(6);

        var refusal = _office.Refuse(kegiatan, new Reschedule(Staff.Rina, 6, kegiatan.Version, typed, null, Reason), RefusalCode.InvalidInput);

        Assert.Equal($"Isian belum benar: {problem}", refusal.Message);
        Assert.DoesNotContain("T09", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_named_at_once()
    {
        var kegiatan = _office.WalkTo(6);

        var refusal = _office.Refuse(kegiatan, new Reschedule(Staff.Rina, 6, kegiatan.Version, "besok", new string('t', 301), ""), RefusalCode.InvalidInput);

        Assert.Equal(
            "Isian belum benar: Jadwal pelaksanaan “besok” tidak dikenali sebagai tanggal dan jam. Tulis seperti 14 Juli 2026 09.00. Tempat paling banyak 300 karakter (saat ini 301). " +
            "Alasan perubahan jadwal wajib diisi, agar semua yang terlibat tahu mengapa jadwal berubah.",
            refusal.Message);
    }

    [Theory]
    [InlineData("2026-07-15 09:00", "Aula Dinas Koperasi UKM")]
    [InlineData("2026-07-15T09:00:00+07:00", " Aula Dinas Koperasi UKM ")]
    [InlineData("2026-07-15T02:00Z", null)]
    [InlineData("", "")]
    public void Something_must_actually_change(string jadwal, string? tempat)
    {
        var kegiatan = _office.WalkTo(6);

        var refusal = _office.Refuse(kegiatan, new Reschedule(Staff.Rina, 6, kegiatan.Version, jadwal, tempat, Reason), RefusalCode.InvalidInput);

        Assert.Equal("Jadwal dan tempat yang diisi sama dengan yang sudah tercatat; tidak ada yang diubah. Isi jadwal atau tempat yang baru.", refusal.Message);
    }

    [Fact]
    public void A_jadwal_moved_into_the_past_is_refused()
    {
        var kegiatan = _office.WalkTo(6);

        var refusal = _office.Refuse(kegiatan, new Reschedule(Staff.Rina, 6, kegiatan.Version, "2026-07-10 09:00", null, Reason), RefusalCode.InvalidInput);

        Assert.Equal(
            "Jadwal pelaksanaan baru (Jumat, 10 Juli 2026 09.00 WIB) sudah lewat. Pilih waktu yang akan datang, misalnya Selasa, 14 Juli 2026 09.00. " +
            "Bila kegiatan sudah terlaksana, catat pelaksanaannya.",
            refusal.Message);
    }

    [Fact]
    public void At_step_6_the_Ketua_and_the_Kepala_Bidang_are_offered_the_reschedule_and_others_are_not()
    {
        var kegiatan = _office.WalkTo(6);
        IEnumerable<SopTrigger> Of(string person) => _office.Engine.PermittedActions(kegiatan, person, _office.Staffing).Select(a => a.Trigger);

        Assert.Equal([SopTrigger.RecordExecution, SopTrigger.Cancel, SopTrigger.Reschedule], Of(Staff.Rina));
        Assert.Equal([SopTrigger.Reassign, SopTrigger.Cancel, SopTrigger.Reschedule], Of(Staff.Hendra));
        Assert.Equal([SopTrigger.Reassign], Of(Staff.Agus));
        Assert.Empty(Of(Staff.Budi));
        Assert.DoesNotContain(SopTrigger.Reschedule, _office.Engine.PermittedActions(_office.WalkTo(5), Staff.Hendra, _office.Staffing).Select(a => a.Trigger));
    }

    [Fact]
    public void The_event_and_the_history_survive_a_JSON_round_trip()
    {
        var kegiatan = _office.WalkTo(6);
        _office.Staffing = Staff.With(new Delegation(Staff.Rina, Staff.Yusuf, new DateOnly(2026, 7, 13), new DateOnly(2026, 7, 13), "ST 800/21/2026"));
        kegiatan = _office.Accept(kegiatan, new Reschedule(Staff.Yusuf, 6, kegiatan.Version, "2026-07-16 13:30", "Ruang Rapat Bidang", Reason));
        IReadOnlyList<KegiatanEvent> events = _office.Events;

        var json = JsonSerializer.Serialize(events, SopJsonContext.Default.IReadOnlyListKegiatanEvent);
        Assert.Contains("\"type\":\"rescheduled\"", json, StringComparison.Ordinal);
        Assert.Contains("\"oldJadwal\":\"2026-07-15T09:00:00+07:00\"", json, StringComparison.Ordinal);
        var restored = Assert.IsType<Rescheduled>(Assert.Single(JsonSerializer.Deserialize(json, SopJsonContext.Default.IReadOnlyListKegiatanEvent)!));
        Assert.Equal(events[0], restored);
        Assert.Equal((Staff.Yusuf, Staff.Rina), (restored.By.Id, restored.By.OnBehalfOf!.Id));
        Assert.Equal(json, JsonSerializer.Serialize<IReadOnlyList<KegiatanEvent>>([restored], SopJsonContext.Default.IReadOnlyListKegiatanEvent));

        var state = JsonSerializer.Serialize(kegiatan, SopJsonContext.Default.Kegiatan);
        Assert.DoesNotContain("jadwalChanged", state, StringComparison.Ordinal);
        var back = JsonSerializer.Deserialize(state, SopJsonContext.Default.Kegiatan)!;
        Assert.Equal(kegiatan.Current!.Reschedules, back.Current!.Reschedules);
        Assert.Equal(state, JsonSerializer.Serialize(back, SopJsonContext.Default.Kegiatan));
    }
}
