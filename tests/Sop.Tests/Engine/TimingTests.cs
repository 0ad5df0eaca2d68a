using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.Tests.Support;
using static PerijinanBot.Sop.Tests.Support.Office;

namespace PerijinanBot.Sop.Tests.Engine;

/// <summary>Due times and lateness are counted in working time; step 6 runs from the jadwal, step 7 two working days after it.</summary>
public sealed class TimingTests
{
    [Fact]
    public void Step_6_s_clock_starts_at_the_jadwal_not_when_step_5_ends()
    {
        var office = new Office();
        var kegiatan = office.WalkTo(6);

        var step6 = kegiatan.Current!;
        Assert.Equal(MondayMorning.AddMinutes(40), step6.EnteredAt);
        Assert.Equal(Wib(2026, 7, 15, 9, 0), step6.ClockStartsAt);
        Assert.Equal(Wib(2026, 7, 15, 9, 5), step6.DueAt);
        var assigned = office.Events.OfType<StepAssigned>().Single();
        Assert.Equal((Wib(2026, 7, 15, 9, 0), Wib(2026, 7, 15, 9, 5)), (assigned.ClockStartsAt, assigned.DueAt));
    }

    [Fact]
    public void Recording_the_execution_long_after_the_jadwal_is_late_by_the_working_time_since()
    {
        var office = new Office();
        var kegiatan = office.WalkTo(6);
        office.At(Wib(2026, 7, 15, 9, 20));
        kegiatan = office.Accept(kegiatan, new RecordExecution(Staff.Rina, 6, kegiatan.Version, Forms.Execution()));

        var measured = kegiatan.Steps[5].Measurement!;
        Assert.False(measured.OnTime);
        Assert.Equal(TimeSpan.FromMinutes(15), measured.LateBy);
        Assert.Equal(TimeSpan.FromMinutes(20), measured.ActualWorkingTime);
        Assert.Equal(TimeSpan.FromMinutes(5), measured.StandardWorkingTime);
    }

    [Fact]
    public void A_jadwal_changed_after_a_send_back_moves_step_6_s_clock()
    {
        var office = new Office();
        var kegiatan = office.WalkTo(3);
        kegiatan = office.Accept(kegiatan, new Reject(Staff.Rina, 3, kegiatan.Version, "Jadwal bentrok."));
        kegiatan = office.Accept(kegiatan, new SubmitData(Staff.Budi, 2, kegiatan.Version, Forms.Data(jadwal: "2026-07-16T13:30")));
        kegiatan = office.Accept(kegiatan, new Approve(Staff.Rina, 3, kegiatan.Version, Forms.Verify()));
        kegiatan = office.Accept(kegiatan, new Approve(Staff.Hendra, 4, kegiatan.Version, Forms.Verify()));
        kegiatan = office.Accept(kegiatan, new Approve(Staff.Siti, 5, kegiatan.Version, Forms.Verify()));

        Assert.Equal("2026-07-16T13:30:00+07:00", kegiatan.Value("jadwal"));
        Assert.Equal(Wib(2026, 7, 16, 13, 35), kegiatan.Current!.DueAt);
    }

    [Fact]
    public void Step_7_is_due_two_working_days_after_the_execution_is_recorded()
    {
        var office = new Office();
        var kegiatan = office.WalkTo(7);
        Assert.Equal(Wib(2026, 7, 17, 9, 3), kegiatan.Current!.DueAt);
        Assert.Equal(Wib(2026, 7, 15, 9, 3), kegiatan.Current.ClockStartsAt);
        Assert.Equal(TimeSpan.FromHours(15), kegiatan.Current.StandardWorkingTime);
    }

    [Fact]
    public void A_report_due_across_the_2026_Lebaran_holidays_is_measured_in_working_time()
    {
        var office = new Office(start: Wib(2026, 3, 16, 8, 0));
        var kegiatan = office.Start();
        kegiatan = office.Accept(kegiatan, new SubmitData(Staff.Budi, 2, kegiatan.Version, Forms.Data(jadwal: "2026-03-17T10:00")));
        kegiatan = office.Accept(kegiatan, new Approve(Staff.Rina, 3, kegiatan.Version, Forms.Verify()));
        kegiatan = office.Accept(kegiatan, new Approve(Staff.Hendra, 4, kegiatan.Version, Forms.Verify()));
        kegiatan = office.Accept(kegiatan, new Approve(Staff.Siti, 5, kegiatan.Version, Forms.Verify()));
        office.At(Wib(2026, 3, 17, 10, 3));
        kegiatan = office.Accept(kegiatan, new RecordExecution(Staff.Rina, 6, kegiatan.Version, Forms.Execution("2026-03-17T10:00")));

        // 18–24 March are Nyepi, Idul Fitri and cuti bersama: the two working days are 25 and 26 March.
        Assert.Equal(Wib(2026, 3, 26, 10, 3), kegiatan.Current!.DueAt);

        office.At(Wib(2026, 3, 26, 10, 30));
        kegiatan = office.Accept(kegiatan, new SubmitReport(Staff.Budi, 7, kegiatan.Version, Forms.Report()));
        var measured = kegiatan.Steps[^1].Measurement!;
        Assert.False(measured.OnTime);
        Assert.Equal(TimeSpan.FromMinutes(27), measured.LateBy);
    }

    [Fact]
    public void Late_and_on_time_are_measured_against_the_step_s_waktu()
    {
        var office = new Office();
        var kegiatan = office.Start();
        office.After(75);
        kegiatan = office.Accept(kegiatan, new SubmitData(Staff.Budi, 2, kegiatan.Version, Forms.Data()));

        var late = kegiatan.Steps[1].Measurement!;
        Assert.Equal((false, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(75)), (late.OnTime, late.LateBy, late.ActualWorkingTime));
        Assert.Equal(TimeSpan.FromHours(1), late.StandardWorkingTime);
        var submitted = Assert.IsType<StepSubmitted>(office.Events[0]);
        Assert.Equal(late, submitted.Measurement);

        office.After(14);
        kegiatan = office.Accept(kegiatan, new Approve(Staff.Rina, 3, kegiatan.Version, Forms.Verify()));
        Assert.Equal((true, TimeSpan.Zero), (kegiatan.Steps[2].Measurement!.OnTime, kegiatan.Steps[2].Measurement!.LateBy));
    }

    [Fact]
    public void The_lunch_break_does_not_count_against_anyone()
    {
        var office = new Office(start: Wib(2026, 7, 13, 11, 30));
        var kegiatan = office.Start();
        Assert.Equal(Wib(2026, 7, 13, 13, 30), kegiatan.Current!.DueAt);

        office.At(Wib(2026, 7, 13, 13, 30));
        kegiatan = office.Accept(kegiatan, new SubmitData(Staff.Budi, 2, kegiatan.Version, Forms.Data()));
        Assert.Equal((true, TimeSpan.FromHours(1)), (kegiatan.Steps[1].Measurement!.OnTime, kegiatan.Steps[1].Measurement!.ActualWorkingTime));
    }

    [Fact]
    public void Finishing_during_the_break_right_after_the_due_time_is_not_late()
    {
        var office = new Office(start: Wib(2026, 7, 13, 11, 0));
        var kegiatan = office.Start();
        office.At(Wib(2026, 7, 13, 11, 45));
        kegiatan = office.Accept(kegiatan, new SubmitData(Staff.Budi, 2, kegiatan.Version, Forms.Data()));
        Assert.Equal(Wib(2026, 7, 13, 12, 0), kegiatan.Current!.DueAt);

        office.At(Wib(2026, 7, 13, 12, 40));
        kegiatan = office.Accept(kegiatan, new Approve(Staff.Rina, 3, kegiatan.Version, Forms.Verify()));
        Assert.True(kegiatan.Steps[2].Measurement!.OnTime);
    }

    [Fact]
    public void Step_1_is_measured_from_when_the_Ketua_opened_the_form()
    {
        var office = new Office();
        var result = office.Engine.Start(new StartKegiatan(Staff.Rina, Office.Sop, "FAS-2026-0001", Forms.Start(), OpenedAt: MondayMorning.AddMinutes(-7)), office.Staffing);

        var step1 = result.State!.Steps[0].Measurement!;
        Assert.Equal((TimeSpan.FromMinutes(7), false, TimeSpan.FromMinutes(2)), (step1.ActualWorkingTime, step1.OnTime, step1.LateBy));
    }
}
