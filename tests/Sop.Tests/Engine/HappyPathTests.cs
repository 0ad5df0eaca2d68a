using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.People;
using PerijinanBot.Sop.Tests.Support;
using static PerijinanBot.Sop.Tests.Support.Office;

namespace PerijinanBot.Sop.Tests.Engine;

public sealed class HappyPathTests
{
    [Fact]
    public void Starting_records_step_1_and_hands_step_2_to_the_assigned_Anggota()
    {
        var office = new Office();
        var kegiatan = office.Start();

        Assert.Equal("FAS-2026-0001", kegiatan.Number);
        Assert.Equal(("fasilitasi-perijinan", 1), (kegiatan.DefinitionId, kegiatan.DefinitionVersion));
        Assert.Equal(1, kegiatan.Version);
        Assert.Equal(KegiatanStatus.Open, kegiatan.Status);
        Assert.Equal(2, kegiatan.CurrentStep);
        Assert.Equal(new PersonRef(Staff.Rina, "Rina Marlina"), kegiatan.Starter);
        Assert.Equal(new PersonRef(Staff.Budi, "Budi Santoso"), kegiatan.AssignedAtStart["anggota"]);
        Assert.Equal("KSP Maju Bersama", PerijinanBot.Sop.Engine.KegiatanKoperasi.Names(kegiatan));
        Assert.Equal(["disposisi"], kegiatan.Data[1].Checklist);

        var started = Assert.IsType<KegiatanStarted>(office.Events[0]);
        Assert.Equal(Staff.Rina, started.By.Id);
        Assert.True(started.Measurement.OnTime);
        var next = Assert.IsType<StepAssigned>(office.Events[1]);
        Assert.Equal((2, Staff.Budi, Role.AnggotaTimKerja), (next.Step, next.Assignee!.Id, next.Role));
        Assert.Equal(MondayMorning.AddHours(1), next.DueAt);
        Assert.Equal(2, office.Events.Count);
    }

    [Fact]
    public void A_kegiatan_goes_through_all_seven_steps_to_closed()
    {
        var office = new Office();
        var kegiatan = office.Start();

        office.After(40);
        kegiatan = office.Accept(kegiatan, new SubmitData(Staff.Budi, 2, 1, Forms.Data()));
        AssertEvents(office, typeof(StepSubmitted), typeof(StepAssigned));
        AssertNext(office, 3, Staff.Rina);

        office.After(10);
        kegiatan = office.Accept(kegiatan, new Approve(Staff.Rina, 3, 2, Forms.Verify(("rekomendasi", "Layak diteruskan."))));
        AssertEvents(office, typeof(StepApproved), typeof(StepAssigned));
        Assert.Equal(Staff.Budi, ((StepApproved)office.Events[0]).WorkOf!.Id);
        AssertNext(office, 4, Staff.Hendra);

        office.After(10);
        kegiatan = office.Accept(kegiatan, new Approve(Staff.Hendra, 4, 3, Forms.Verify()));
        Assert.Equal(Staff.Rina, ((StepApproved)office.Events[0]).WorkOf!.Id);
        AssertNext(office, 5, Staff.Siti);

        office.After(10);
        kegiatan = office.Accept(kegiatan, new Approve(Staff.Siti, 5, 4, Forms.Verify(("disposisiKepalaDinas", "Tindak lanjuti."))));
        Assert.Equal(Staff.Hendra, ((StepApproved)office.Events[0]).WorkOf!.Id);
        AssertNext(office, 6, Staff.Rina);

        office.At(Wib(2026, 7, 15, 9, 3));
        kegiatan = office.Accept(kegiatan, new RecordExecution(Staff.Rina, 6, 5, Forms.Execution()));
        AssertEvents(office, typeof(ExecutionRecorded), typeof(StepAssigned));
        AssertNext(office, 7, Staff.Budi);

        office.At(Wib(2026, 7, 16, 15, 0));
        kegiatan = office.Accept(kegiatan, new SubmitReport(Staff.Budi, 7, 6, Forms.Report()));
        AssertEvents(office, typeof(ReportSubmitted), typeof(Closed));

        Assert.Equal(KegiatanStatus.Closed, kegiatan.Status);
        Assert.Equal(7, kegiatan.Version);
        Assert.Equal(Wib(2026, 7, 16, 15, 0), kegiatan.ClosedAt);
        Assert.Null(kegiatan.Current);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], kegiatan.Steps.Select(s => s.Step));
        Assert.All(kegiatan.Steps, s => Assert.True(s.Measurement!.OnTime, $"step {s.Step} was on time"));
        Assert.Equal(
            [StepOutcome.Completed, StepOutcome.Completed, StepOutcome.Approved, StepOutcome.Approved, StepOutcome.Approved, StepOutcome.Executed, StepOutcome.Reported],
            kegiatan.Steps.Select(s => s.Outcome));
        Assert.Equal("24", kegiatan.Value("jumlahPeserta"));
        Assert.Equal("https://example.org/foto-1.jpg\nhttps://example.org/foto-2.jpg", kegiatan.Value("dokumentasi"));

        var closed = (Closed)office.Events[1];
        Assert.Equal(
            ["Rina Marlina", "Budi Santoso", "Hendra Wijaya", "Siti Rahmawati"],
            closed.Participants.Select(p => p.Name));
    }

    [Fact]
    public void Every_step_records_who_when_and_against_which_standard()
    {
        var office = new Office();
        var kegiatan = office.WalkTo(8);

        var step3 = kegiatan.Steps[2];
        Assert.Equal(Staff.Rina, step3.Assignee!.Id);
        Assert.Equal(MondayMorning.AddMinutes(10), step3.EnteredAt);
        Assert.Equal(MondayMorning.AddMinutes(10), step3.ClockStartsAt);
        Assert.Equal(MondayMorning.AddMinutes(25), step3.DueAt);
        Assert.Equal(MondayMorning.AddMinutes(20), step3.FinishedAt);
        Assert.Equal(Staff.Rina, step3.FinishedBy!.Id);
        Assert.False(step3.FinishedBy.IsStandIn);
        Assert.Equal(TimeSpan.FromMinutes(15), step3.Measurement!.StandardWorkingTime);
        Assert.Equal(TimeSpan.FromMinutes(10), step3.Measurement.ActualWorkingTime);
        Assert.Equal(TimeSpan.Zero, step3.Measurement.LateBy);
    }

    [Fact]
    public void Each_accepted_command_raises_the_version_by_one()
    {
        var office = new Office();
        var kegiatan = office.WalkTo(8);
        Assert.Equal(7, kegiatan.Version);
    }

    private static void AssertEvents(Office office, params Type[] types) =>
        Assert.Equal(types, office.Events.Select(e => e.GetType()));

    private static void AssertNext(Office office, int step, string assignee)
    {
        var next = office.Events.OfType<StepAssigned>().Single();
        Assert.Equal((step, assignee), (next.Step, next.Assignee?.Id));
    }
}
