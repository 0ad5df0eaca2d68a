using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.People;
using PerijinanBot.Sop.Tests.Support;

namespace PerijinanBot.Sop.Tests.Engine;

public sealed class ReassignTests
{
    private readonly Office _office = new();

    [Fact]
    public void The_Ketua_moves_the_Anggota_s_step_and_the_report_follows_the_new_Anggota()
    {
        var kegiatan = _office.WalkTo(2);
        var due = kegiatan.Current!.DueAt;
        _office.After(5);
        kegiatan = _office.Accept(kegiatan, new Reassign(Staff.Rina, 2, kegiatan.Version, Staff.Dewi, "Budi sedang dinas luar."));

        var moved = Assert.IsType<Reassigned>(Assert.Single(_office.Events));
        Assert.Equal((Staff.Budi, Staff.Dewi, Staff.Rina, "Budi sedang dinas luar."), (moved.From!.Id, moved.To.Id, moved.By.Id, moved.Reason));
        Assert.Equal(Staff.Dewi, kegiatan.Current!.Assignee!.Id);
        Assert.Equal(due, kegiatan.Current.DueAt);
        Assert.Equal(2, kegiatan.CurrentStep);

        _office.Refuse(kegiatan, new SubmitData(Staff.Budi, 2, kegiatan.Version, Forms.Data()), RefusalCode.NotYours);
        kegiatan = _office.Accept(kegiatan, new SubmitData(Staff.Dewi, 2, kegiatan.Version, Forms.Data()));
        kegiatan = _office.Accept(kegiatan, new Approve(Staff.Rina, 3, kegiatan.Version, Forms.Verify()));
        kegiatan = _office.Accept(kegiatan, new Approve(Staff.Hendra, 4, kegiatan.Version, Forms.Verify()));
        kegiatan = _office.Accept(kegiatan, new Approve(Staff.Siti, 5, kegiatan.Version, Forms.Verify()));
        _office.At(Office.Wib(2026, 7, 15, 9, 3));
        kegiatan = _office.Accept(kegiatan, new RecordExecution(Staff.Rina, 6, kegiatan.Version, Forms.Execution()));

        Assert.Equal(Staff.Dewi, kegiatan.Current!.Assignee!.Id);
    }

    [Fact]
    public void An_Admin_may_move_any_step_to_another_holder_of_its_role()
    {
        var kegiatan = _office.WalkTo(4);
        kegiatan = _office.Accept(kegiatan, new Reassign(Staff.Agus, 4, kegiatan.Version, Staff.Lina));
        kegiatan = _office.Accept(kegiatan, new Approve(Staff.Lina, 4, kegiatan.Version, Forms.Verify()));
        Assert.Equal(Staff.Lina, kegiatan.Steps[3].FinishedBy!.Id);
    }

    [Fact]
    public void The_Kadis_as_superior_of_the_Kabid_may_move_the_Kabid_s_step()
    {
        var kegiatan = _office.WalkTo(4);
        kegiatan = _office.Accept(kegiatan, new Reassign(Staff.Siti, 4, kegiatan.Version, Staff.Lina));
        Assert.Equal(Staff.Lina, kegiatan.Current!.Assignee!.Id);
    }

    [Theory]
    [InlineData(Staff.Budi)]   // the assignee themselves
    [InlineData(Staff.Dewi)]   // a peer
    [InlineData(Staff.Hendra)] // two levels up is not the superior of an Anggota
    public void Others_may_not_reassign(string actor)
    {
        var kegiatan = _office.WalkTo(2);
        var refusal = _office.Refuse(kegiatan, new Reassign(actor, 2, kegiatan.Version, Staff.Dewi), RefusalCode.NotYours);
        Assert.Equal("Pengalihan langkah ini hanya dapat dilakukan oleh Admin atau Ketua Tim Kerja.", refusal.Message);
    }

    [Fact]
    public void A_step_can_only_go_to_someone_holding_its_role_and_not_to_its_current_holder()
    {
        var kegiatan = _office.WalkTo(2);
        var wrongRole = _office.Refuse(kegiatan, new Reassign(Staff.Rina, 2, kegiatan.Version, Staff.Hendra), RefusalCode.InvalidInput);
        Assert.Equal("Hendra Wijaya tidak memegang peran Anggota Tim Kerja, jadi tidak dapat menerima langkah ini.", wrongRole.Message);
        var same = _office.Refuse(kegiatan, new Reassign(Staff.Rina, 2, kegiatan.Version, Staff.Budi), RefusalCode.InvalidInput);
        Assert.Equal("Langkah ini sudah ditugaskan kepada Budi Santoso.", same.Message);
        _office.Refuse(kegiatan, new Reassign(Staff.Rina, 2, kegiatan.Version, Staff.Stranger), RefusalCode.InvalidInput);
    }

    [Fact]
    public void Moving_the_Ketua_s_step_makes_the_new_Ketua_the_one_who_executes_and_may_cancel()
    {
        var kegiatan = _office.WalkTo(3);
        kegiatan = _office.Accept(kegiatan, new Reassign(Staff.Hendra, 3, kegiatan.Version, Staff.Yusuf));
        Assert.Equal(Staff.Yusuf, kegiatan.Starter.Id);

        _office.Refuse(kegiatan, new Cancel(Staff.Rina, kegiatan.Version, "Batal."), RefusalCode.NotYours);
        kegiatan = _office.Accept(kegiatan, new Approve(Staff.Yusuf, 3, kegiatan.Version, Forms.Verify()));
        kegiatan = _office.Accept(kegiatan, new Approve(Staff.Hendra, 4, kegiatan.Version, Forms.Verify()));
        kegiatan = _office.Accept(kegiatan, new Approve(Staff.Siti, 5, kegiatan.Version, Forms.Verify()));
        Assert.Equal(Staff.Yusuf, kegiatan.Current!.Assignee!.Id);
    }

    [Fact]
    public void A_step_nobody_holds_waits_until_an_Admin_assigns_it()
    {
        var noKadis = PeopleDirectory.Create(Staff.Directory.People
            .Where(p => !p.Holds(Role.KepalaDinas))
            .Select(p => new DirectoryEntry(p.AadObjectId, p.Name, p.Upn, [.. p.Roles.Select(r => r.ToString())]))).Directory!;
        _office.Staffing = Staffing.Of(noKadis);
        var kegiatan = _office.WalkTo(5);

        Assert.Null(kegiatan.Current!.Assignee);
        Assert.Null(_office.Events.OfType<StepAssigned>().Single().Assignee);
        Assert.Equal(Role.KepalaDinas, _office.Events.OfType<StepAssigned>().Single().Role);
        var refusal = _office.Refuse(kegiatan, new Approve(Staff.Hendra, 5, kegiatan.Version, Forms.Verify()), RefusalCode.NotYours);
        Assert.Equal("Langkah ini belum memiliki pelaksana (Kepala Dinas). Admin atau atasan perlu menugaskannya.", refusal.Message);

        _office.Staffing = Staff.With();
        kegiatan = _office.Accept(kegiatan, new Reassign(Staff.Agus, 5, kegiatan.Version, Staff.Siti));
        Assert.Null(((Reassigned)_office.Events[0]).From);
        _office.Accept(kegiatan, new Approve(Staff.Siti, 5, kegiatan.Version, Forms.Verify()));
    }
}
