using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.Tests.Support;

namespace PerijinanBot.Sop.Tests.Engine;

public sealed class SendBackTests
{
    [Theory]
    [InlineData(3, Staff.Rina, 2, Staff.Budi)]
    [InlineData(4, Staff.Hendra, 3, Staff.Rina)]
    [InlineData(5, Staff.Siti, 4, Staff.Hendra)]
    public void Tidak_returns_to_the_step_before_with_the_reason_and_everything_entered(int step, string decider, int returnsTo, string returnee)
    {
        var office = new Office();
        var kegiatan = office.WalkTo(step);
        var dataBefore = kegiatan.Data;

        office.After(5);
        kegiatan = office.Accept(kegiatan, new Reject(decider, step, kegiatan.Version, "  Lengkapi daftar calon narasumber.  "));

        Assert.Equal(returnsTo, kegiatan.CurrentStep);
        Assert.Equal((returnsTo, 2, returnee), (kegiatan.Current!.Step, kegiatan.Current.Attempt, kegiatan.Current.Assignee!.Id));
        Assert.Equal(1, kegiatan.ReworkOf(returnsTo));

        var decided = kegiatan.Steps[^2];
        Assert.Equal((step, StepOutcome.SentBack, returnsTo), (decided.Step, decided.Outcome, decided.SentBackTo));
        Assert.Equal("Lengkapi daftar calon narasumber.", decided.Reason);
        Assert.Equal(decider, decided.FinishedBy!.Id);

        var sentBack = Assert.IsType<StepSentBack>(office.Events[0]);
        Assert.Equal((step, returnsTo, "Lengkapi daftar calon narasumber.", returnee), (sentBack.Step, sentBack.ReturnedTo, sentBack.Reason, sentBack.ReturnedToAssignee!.Id));
        var assigned = Assert.IsType<StepAssigned>(office.Events[1]);
        Assert.True(assigned.IsRework);
        Assert.Equal((returnsTo, 2), (assigned.Step, assigned.Attempt));

        // Nothing entered so far is lost: the person fixing it edits the same data.
        Assert.Equal(dataBefore.Keys.Order(), kegiatan.Data.Keys.Order());
        foreach (var (number, data) in dataBefore)
        {
            Assert.Equal(data.Values, kegiatan.Data[number].Values);
            Assert.Equal(data.Checklist, kegiatan.Data[number].Checklist);
        }
    }

    [Fact]
    public void The_Anggota_fixes_the_data_and_it_goes_back_to_the_Ketua()
    {
        var office = new Office();
        var kegiatan = office.WalkTo(3);
        kegiatan = office.Accept(kegiatan, new Reject(Staff.Rina, 3, kegiatan.Version, "Tempat belum pasti."));

        var edited = Forms.Data().With(("tempat", "Hotel Mercure Pontianak"));
        kegiatan = office.Accept(kegiatan, new SubmitData(Staff.Budi, 2, kegiatan.Version, edited));

        Assert.Equal(3, kegiatan.CurrentStep);
        Assert.Equal(2, kegiatan.Current!.Attempt);
        Assert.Equal("Hotel Mercure Pontianak", kegiatan.Value("tempat"));
        Assert.Equal("Pengurus dan pengawas KSP Maju Bersama.", kegiatan.Value("calonPeserta"));
        Assert.Equal([1, 2, 3, 2, 3], kegiatan.Steps.Select(s => s.Step));
    }

    [Fact]
    public void Rework_is_counted_each_time_a_step_is_sent_back()
    {
        var office = new Office();
        var kegiatan = office.WalkTo(3);
        for (var round = 1; round <= 2; round++)
        {
            kegiatan = office.Accept(kegiatan, new Reject(Staff.Rina, 3, kegiatan.Version, $"Perbaikan ke-{round}."));
            kegiatan = office.Accept(kegiatan, new SubmitData(Staff.Budi, 2, kegiatan.Version, Forms.Data()));
        }

        kegiatan = office.Accept(kegiatan, new Approve(Staff.Rina, 3, kegiatan.Version, Forms.Verify()));
        kegiatan = office.Accept(kegiatan, new Reject(Staff.Hendra, 4, kegiatan.Version, "Rekomendasi kurang jelas."));

        Assert.Equal(2, kegiatan.ReworkOf(2));
        Assert.Equal(1, kegiatan.ReworkOf(3));
        Assert.Equal(0, kegiatan.ReworkOf(4));
        Assert.Equal(4, kegiatan.Current!.Attempt); // step 3 visited: first, after each of two fixes, after the Kabid's Tidak
    }

    [Fact]
    public void A_step_sent_back_to_the_Kabid_returns_to_the_same_Kabid()
    {
        var office = new Office();
        var kegiatan = office.WalkTo(4);
        kegiatan = office.Accept(kegiatan, new Reassign(Staff.Siti, 4, kegiatan.Version, Staff.Lina));
        kegiatan = office.Accept(kegiatan, new Approve(Staff.Lina, 4, kegiatan.Version, Forms.Verify()));

        kegiatan = office.Accept(kegiatan, new Reject(Staff.Siti, 5, kegiatan.Version, "Telaah ulang."));

        Assert.Equal(Staff.Lina, kegiatan.Current!.Assignee!.Id);
    }
}
