using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.Tests.Support;

namespace PerijinanBot.Sop.Tests.Engine;

/// <summary>What each person's card offers, asked from the same rules that judge the commands.</summary>
public sealed class PermittedActionsTests
{
    private readonly Office _office = new();

    [Theory]
    [InlineData(Staff.Rina, new[] { SopTrigger.Approve, SopTrigger.Reject, SopTrigger.Cancel })]
    [InlineData(Staff.Hendra, new[] { SopTrigger.Reassign, SopTrigger.Cancel })]
    [InlineData(Staff.Agus, new[] { SopTrigger.Reassign })]
    [InlineData(Staff.Budi, new SopTrigger[0])]
    [InlineData(Staff.Siti, new SopTrigger[0])]
    [InlineData(Staff.Stranger, new SopTrigger[0])]
    public void At_verification_each_person_sees_only_their_buttons(string person, SopTrigger[] expected)
    {
        var kegiatan = _office.WalkTo(3);
        Assert.Equal(expected, _office.Engine.PermittedActions(kegiatan, person, _office.Staffing).Select(a => a.Trigger));
    }

    [Fact]
    public void The_assigned_Anggota_sees_submit_and_edit_koperasi_and_the_Ketua_sees_reassign_and_cancel()
    {
        var kegiatan = _office.WalkTo(2);
        Assert.Equal([SopTrigger.SubmitData, SopTrigger.EditKoperasi], _office.Engine.PermittedActions(kegiatan, Staff.Budi, _office.Staffing).Select(a => a.Trigger));
        Assert.Equal([SopTrigger.Reassign, SopTrigger.Cancel], _office.Engine.PermittedActions(kegiatan, Staff.Rina, _office.Staffing).Select(a => a.Trigger));
    }

    [Fact]
    public void A_Plh_sees_the_holder_s_buttons_marked_as_Plh()
    {
        var kegiatan = _office.WalkTo(4);
        _office.Staffing = Staff.With(new Delegation(Staff.Hendra, Staff.Yusuf, new DateOnly(2026, 7, 13), new DateOnly(2026, 7, 13), "ST 800/12/2026"));

        var actions = _office.Engine.PermittedActions(kegiatan, Staff.Yusuf, _office.Staffing);

        Assert.Equal([SopTrigger.Approve, SopTrigger.Reject, SopTrigger.Cancel], actions.Select(a => a.Trigger));
        Assert.All(actions, a => Assert.Equal((4, Staff.Hendra), (a.Step, a.As.OnBehalfOf?.Id)));
    }

    [Fact]
    public void Every_permitted_action_is_accepted_when_taken()
    {
        var kegiatan = _office.WalkTo(3);
        var actions = _office.Engine.PermittedActions(kegiatan, Staff.Rina, _office.Staffing);
        Assert.Equal(3, actions.Count);
        foreach (var action in actions)
        {
            KegiatanCommand command = action.Trigger switch
            {
                SopTrigger.Approve => new Approve(Staff.Rina, action.Step, kegiatan.Version, Forms.Verify()),
                SopTrigger.Reject => new Reject(Staff.Rina, action.Step, kegiatan.Version, "Perbaiki."),
                SopTrigger.Cancel => new Cancel(Staff.Rina, kegiatan.Version, "Batal."),
                _ => throw new InvalidOperationException($"Unexpected {action.Trigger}"),
            };
            _office.Accept(kegiatan, command);
        }
    }

    [Fact]
    public void A_closed_or_cancelled_kegiatan_offers_nothing()
    {
        var closed = _office.WalkTo(8);
        foreach (var person in new[] { Staff.Rina, Staff.Budi, Staff.Hendra, Staff.Agus })
        {
            Assert.Empty(_office.Engine.PermittedActions(closed, person, _office.Staffing));
        }

        var office = new Office();
        var cancelled = office.WalkTo(3);
        cancelled = office.Accept(cancelled, new Cancel(Staff.Rina, cancelled.Version, "Batal."));
        Assert.Empty(office.Engine.PermittedActions(cancelled, Staff.Hendra, office.Staffing));
    }
}
