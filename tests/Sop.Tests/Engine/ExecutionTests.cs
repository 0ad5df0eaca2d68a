using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.Tests.Support;
using static PerijinanBot.Sop.Tests.Support.Office;

namespace PerijinanBot.Sop.Tests.Engine;

/// <summary>
/// Step 6 as the office lives it: recorded when the kegiatan starts (the jadwal of step 2 is Wednesday 15 July 2026 09.00 in
/// the Aula), not before the jadwal's day; its waktu and tempat start from the plan and change only with a reason; its 5-minute
/// standard runs from the jadwal to the recording.
/// </summary>
public sealed class ExecutionTests
{
    private readonly Office _office = new();

    [Fact]
    public void Recording_before_the_jadwal_day_is_refused_with_the_jadwal_and_changes_nothing()
    {
        var kegiatan = _office.WalkTo(6);
        _office.At(Wib(2026, 7, 14, 15, 0));

        var refusal = _office.Refuse(kegiatan, new RecordExecution(Staff.Rina, 6, kegiatan.Version, Forms.Execution()), RefusalCode.TooEarly);

        Assert.Equal(
            "Pelaksanaan dicatat pada hari kegiatan, saat kegiatan dimulai. Jadwalnya Rabu, 15 Juli 2026 09.00 WIB. Bila jadwal berubah, ubah jadwalnya terlebih dahulu.",
            refusal.Message);
    }

    [Fact]
    public void On_the_jadwal_day_it_may_be_recorded_even_before_the_hour()
    {
        var kegiatan = _office.WalkTo(6);
        _office.At(Wib(2026, 7, 15, 7, 45));

        kegiatan = _office.Accept(kegiatan, new RecordExecution(Staff.Rina, 6, kegiatan.Version, Forms.Execution()));

        Assert.Equal(7, kegiatan.CurrentStep);
        Assert.True(kegiatan.Steps[5].Measurement!.OnTime);
    }

    [Theory]
    [InlineData(9, 4, true, 0)]      // four minutes after the jadwal: within the 5-minute standard
    [InlineData(9, 25, false, 20)]   // twenty-five minutes after: twenty minutes late
    [InlineData(13, 30, false, 205)] // after the lunch break (12.00–13.00): late by working time only
    public void The_5_minute_standard_runs_from_the_jadwal_to_the_recording(int hour, int minute, bool onTime, int lateMinutes)
    {
        var kegiatan = _office.WalkTo(6);
        Assert.Equal(Wib(2026, 7, 15, 9, 0), kegiatan.Current!.ClockStartsAt);
        _office.At(Wib(2026, 7, 15, hour, minute));

        kegiatan = _office.Accept(kegiatan, new RecordExecution(Staff.Rina, 6, kegiatan.Version, Forms.Execution()));

        var measured = kegiatan.Steps[5].Measurement!;
        Assert.Equal(onTime, measured.OnTime);
        Assert.Equal(TimeSpan.FromMinutes(lateMinutes), measured.LateBy);
    }

    [Fact]
    public void A_start_or_place_other_than_planned_needs_a_reason_and_the_refusal_names_both()
    {
        var kegiatan = _office.WalkTo(6);
        _office.At(Wib(2026, 7, 15, 10, 16));
        var changed = Forms.Execution("2026-07-15T10:15").With(("tempatPelaksanaan", "Ruang Rapat Bidang"));

        var refusal = _office.Refuse(kegiatan, new RecordExecution(Staff.Rina, 6, kegiatan.Version, changed), RefusalCode.InvalidInput);

        Assert.Equal(
            "Isian belum benar: Waktu kegiatan dimulai (Rabu, 15 Juli 2026 10.15 WIB) berbeda dari rencana (Rabu, 15 Juli 2026 09.00 WIB). " +
            "Tempat pelaksanaan (“Ruang Rapat Bidang”) berbeda dari rencana (“Aula Dinas Koperasi UKM”). Isi “Alasan perubahan waktu atau tempat”.",
            refusal.Message);

        kegiatan = _office.Accept(kegiatan, new RecordExecution(Staff.Rina, 6, kegiatan.Version, changed.With(("alasanPerubahan", "Narasumber terlambat; aula dipakai."))));
        Assert.Equal(("2026-07-15T10:15:00+07:00", "Ruang Rapat Bidang", "Narasumber terlambat; aula dipakai."),
            (kegiatan.Value("waktuPelaksanaan"), kegiatan.Value("tempatPelaksanaan"), kegiatan.Value("alasanPerubahan")));
    }

    [Fact]
    public void The_same_place_written_with_other_spacing_or_case_and_the_same_instant_in_another_form_are_not_a_change()
    {
        var kegiatan = _office.WalkTo(6);
        _office.At(Wib(2026, 7, 15, 9, 3));
        var same = Forms.Execution("15/07/2026 09.00").With(("tempatPelaksanaan", "  aula dinas   Koperasi UKM "));

        kegiatan = _office.Accept(kegiatan, new RecordExecution(Staff.Rina, 6, kegiatan.Version, same));

        Assert.Null(kegiatan.Value("alasanPerubahan"));
    }

    [Fact]
    public void A_moved_jadwal_is_the_plan_step_6_is_compared_with()
    {
        var kegiatan = _office.WalkTo(6);
        kegiatan = _office.Accept(kegiatan, new Reschedule(Staff.Rina, 6, kegiatan.Version, "2026-07-16 13:30", null, "Narasumber berhalangan."));
        _office.At(Wib(2026, 7, 15, 10, 0));
        Assert.Equal(RefusalCode.TooEarly, _office.Refuse(kegiatan, new RecordExecution(Staff.Rina, 6, kegiatan.Version, Forms.Execution("2026-07-16T13:30")), RefusalCode.TooEarly).Code);

        _office.At(Wib(2026, 7, 16, 13, 32));
        _office.Refuse(kegiatan, new RecordExecution(Staff.Rina, 6, kegiatan.Version, Forms.Execution()), RefusalCode.InvalidInput);
        kegiatan = _office.Accept(kegiatan, new RecordExecution(Staff.Rina, 6, kegiatan.Version, Forms.Execution("2026-07-16T13:30")));
        Assert.True(kegiatan.Steps[5].Measurement!.OnTime);
    }
}
