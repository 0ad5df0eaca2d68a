using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.People;
using PerijinanBot.Sop.Tests.Support;

namespace PerijinanBot.Sop.Tests.Engine;

/// <summary>A Plh. acts for the holder only within the dates of the surat tugas, and the record says so.</summary>
public sealed class DelegationTests
{
    private const string Basis = "ST 800/12/DISKOPUKM.B/2026";

    [Fact]
    public void A_Plh_within_the_dates_decides_and_the_history_records_Plh_and_the_basis()
    {
        var office = new Office();
        var kegiatan = office.WalkTo(4);
        office.Staffing = Staff.With(new Delegation(Staff.Hendra, Staff.Yusuf, new DateOnly(2026, 7, 13), new DateOnly(2026, 7, 17), Basis));

        kegiatan = office.Accept(kegiatan, new Approve(Staff.Yusuf, 4, kegiatan.Version, Forms.Verify()));

        var approved = Assert.IsType<StepApproved>(office.Events[0]);
        Assert.True(approved.By.IsStandIn);
        Assert.Equal((Staff.Yusuf, Staff.Hendra, Basis), (approved.By.Id, approved.By.OnBehalfOf!.Id, approved.By.DelegationBasis));
        Assert.Equal(approved.By, kegiatan.Steps[3].FinishedBy);
        Assert.Equal("Yusuf Hidayat selaku Plh. Kepala Bidang Perijinan dan Kelembagaan (ST 800/12/DISKOPUKM.B/2026)", approved.By.Describe());

        var stale = office.Refuse(kegiatan, new Approve(Staff.Hendra, 4, kegiatan.Version - 1, Forms.Verify()), RefusalCode.Stale);
        Assert.Contains("disetujui oleh Yusuf Hidayat selaku Plh. Kepala Bidang Perijinan dan Kelembagaan (ST 800/12/DISKOPUKM.B/2026)", stale.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2026, 7, 14, 2026, 7, 17)] // not yet started
    [InlineData(2026, 7, 6, 2026, 7, 10)]  // already ended
    public void A_Plh_outside_the_dates_is_refused(int fy, int fm, int fd, int ty, int tm, int td)
    {
        var office = new Office();
        var kegiatan = office.WalkTo(4);
        office.Staffing = Staff.With(new Delegation(Staff.Hendra, Staff.Yusuf, new DateOnly(fy, fm, fd), new DateOnly(ty, tm, td), Basis));

        office.Refuse(kegiatan, new Approve(Staff.Yusuf, 4, kegiatan.Version, Forms.Verify()), RefusalCode.NotYours);
        Assert.DoesNotContain(office.Engine.PermittedActions(kegiatan, Staff.Yusuf, office.Staffing), a => a.Trigger == SopTrigger.Approve);
    }

    [Fact]
    public void Delegation_dates_are_WIB_dates_and_include_the_last_day()
    {
        var office = new Office();
        var kegiatan = office.WalkTo(4);
        office.Staffing = Staff.With(new Delegation(Staff.Hendra, Staff.Yusuf, new DateOnly(2026, 7, 14), new DateOnly(2026, 7, 14), Basis));

        office.At(new DateTimeOffset(2026, 7, 13, 17, 30, 0, TimeSpan.Zero)); // already 14 July 00.30 in WIB
        kegiatan = office.Accept(kegiatan, new Reject(Staff.Yusuf, 4, kegiatan.Version, "Koreksi judul."));
        Assert.True(kegiatan.Steps[3].FinishedBy!.IsStandIn);
    }

    [Fact]
    public void The_holder_still_acts_as_themselves_during_a_delegation()
    {
        var office = new Office();
        var kegiatan = office.WalkTo(4);
        office.Staffing = Staff.With(new Delegation(Staff.Hendra, Staff.Yusuf, new DateOnly(2026, 7, 13), new DateOnly(2026, 7, 17), Basis));

        kegiatan = office.Accept(kegiatan, new Approve(Staff.Hendra, 4, kegiatan.Version, Forms.Verify()));
        Assert.False(kegiatan.Steps[3].FinishedBy!.IsStandIn);
    }

    [Fact]
    public void A_Plh_of_a_Ketua_starts_a_kegiatan_in_the_Ketua_s_name()
    {
        var office = new Office { Staffing = Staff.With(new Delegation(Staff.Rina, Staff.Dewi, new DateOnly(2026, 7, 13), new DateOnly(2026, 7, 13), "ST 800/13/2026")) };

        Assert.True(office.Engine.CanStart(Office.Sop, Staff.Dewi, office.Staffing)!.IsStandIn);
        var kegiatan = office.Start(actor: Staff.Dewi);

        Assert.Equal(Staff.Rina, kegiatan.Starter.Id);
        var started = Assert.IsType<KegiatanStarted>(office.Events[0]);
        Assert.Equal((Staff.Dewi, Staff.Rina), (started.By.Id, started.By.OnBehalfOf!.Id));
    }

    [Fact]
    public void A_Plh_of_a_Kabid_who_is_also_Admin_acts_on_his_steps_but_may_not_reassign_as_Admin()
    {
        var office = new Office();
        var kegiatan = office.WalkTo(2);
        office.Staffing = Staffing.Of(KabidAlsoAdmin(), new Delegation(Staff.Hendra, Staff.Dewi, new DateOnly(2026, 7, 13), new DateOnly(2026, 7, 17), Basis));

        // Budi's step: only an Admin or the Ketua may move it. The Kabid may (as Admin); his Plh. may not.
        var refusal = office.Refuse(kegiatan, new Reassign(Staff.Dewi, 2, kegiatan.Version, Staff.Dewi), RefusalCode.NotYours);
        Assert.Equal("Pengalihan langkah ini hanya dapat dilakukan oleh Admin atau Ketua Tim Kerja.", refusal.Message);
        Assert.DoesNotContain(office.Engine.PermittedActions(kegiatan, Staff.Dewi, office.Staffing), a => a.Trigger == SopTrigger.Reassign);
        Assert.Contains(office.Engine.PermittedActions(kegiatan, Staff.Hendra, office.Staffing), a => a.Trigger == SopTrigger.Reassign);

        // The Kabid's own SOP role still passes: his Plh. decides step 4 in his name.
        kegiatan = office.Accept(kegiatan, new SubmitData(Staff.Budi, 2, kegiatan.Version, Forms.Data()));
        kegiatan = office.Accept(kegiatan, new Approve(Staff.Rina, 3, kegiatan.Version, Forms.Verify()));
        kegiatan = office.Accept(kegiatan, new Approve(Staff.Dewi, 4, kegiatan.Version, Forms.Verify()));
        Assert.Equal(Staff.Hendra, kegiatan.Steps[3].FinishedBy!.OnBehalfOf!.Id);
    }

    /// <summary>The test directory with the Kepala Bidang (Hendra) also holding Admin.</summary>
    private static PeopleDirectory KabidAlsoAdmin() => PeopleDirectory.Create(Staff.Directory.People.Select(p => new DirectoryEntry(
        p.AadObjectId, p.Name, p.Upn, [.. p.Roles.Select(r => r.ToString()), .. p.AadObjectId == Staff.Hendra ? new[] { nameof(Role.Admin) } : []]))).Directory!;
}
