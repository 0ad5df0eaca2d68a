using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.Tests.Support;

namespace PerijinanBot.Sop.Tests.Engine;

public sealed class CancelTests
{
    private readonly Office _office = new();

    [Fact]
    public void The_Ketua_who_started_it_cancels_with_a_reason_and_everyone_involved_is_listed()
    {
        var kegiatan = _office.WalkTo(4);
        kegiatan = _office.Accept(kegiatan, new Cancel(Staff.Rina, kegiatan.Version, "  Koperasi menarik permohonan. "));

        Assert.Equal(KegiatanStatus.Cancelled, kegiatan.Status);
        Assert.Null(kegiatan.Current);
        Assert.Equal(new Cancellation(4, new Actor(Staff.Rina, "Rina Marlina"), kegiatan.UpdatedAt, "Koperasi menarik permohonan."), kegiatan.Cancellation);
        Assert.Equal((StepOutcome.Cancelled, "Koperasi menarik permohonan."), (kegiatan.Steps[^1].Outcome, kegiatan.Steps[^1].Reason));

        var cancelled = Assert.IsType<Cancelled>(Assert.Single(_office.Events));
        Assert.Equal((4, Staff.Hendra), (cancelled.Step, cancelled.Assignee!.Id));
        Assert.Equal(["Rina Marlina", "Budi Santoso", "Hendra Wijaya"], cancelled.Participants.Select(p => p.Name));
    }

    [Fact]
    public void The_Kepala_Bidang_may_cancel()
    {
        var kegiatan = _office.WalkTo(2);
        kegiatan = _office.Accept(kegiatan, new Cancel(Staff.Hendra, kegiatan.Version, "Anggaran belum tersedia."));
        Assert.Equal(KegiatanStatus.Cancelled, kegiatan.Status);
    }

    [Theory]
    [InlineData(Staff.Yusuf)] // a Ketua who did not start it
    [InlineData(Staff.Budi)]
    [InlineData(Staff.Siti)]
    [InlineData(Staff.Agus)]
    public void Others_may_not_cancel(string actor)
    {
        var kegiatan = _office.WalkTo(3);
        var refusal = _office.Refuse(kegiatan, new Cancel(actor, kegiatan.Version, "Batal."), RefusalCode.NotYours);
        Assert.Equal("Pembatalan hanya dapat dilakukan oleh Ketua Tim Kerja yang memulai kegiatan ini atau Kepala Bidang.", refusal.Message);
    }

    [Fact]
    public void Cancelling_needs_a_reason()
    {
        var kegiatan = _office.WalkTo(3);
        var refusal = _office.Refuse(kegiatan, new Cancel(Staff.Rina, kegiatan.Version, " "), RefusalCode.InvalidReason);
        Assert.Equal("Alasan pembatalan wajib diisi.", refusal.Message);
        _office.Refuse(kegiatan, new Cancel(Staff.Rina, kegiatan.Version, new string('x', 1001)), RefusalCode.InvalidReason);
    }

    [Fact]
    public void A_cancel_from_an_outdated_view_is_refused()
    {
        var kegiatan = _office.WalkTo(3);
        var refusal = _office.Refuse(kegiatan, new Cancel(Staff.Rina, kegiatan.Version - 1, "Batal."), RefusalCode.Stale);
        Assert.StartsWith("Kegiatan FAS-2026-0001 telah berubah sejak kartu ini dibuat", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Plh_of_the_Kabid_may_cancel_and_is_recorded_as_Plh()
    {
        var kegiatan = _office.WalkTo(3);
        _office.Staffing = Staff.With(new Delegation(Staff.Hendra, Staff.Dewi, new DateOnly(2026, 7, 13), new DateOnly(2026, 7, 13), "ST 800/14/2026"));
        kegiatan = _office.Accept(kegiatan, new Cancel(Staff.Dewi, kegiatan.Version, "Dibatalkan atas arahan Kepala Bidang."));
        Assert.Equal(Staff.Hendra, kegiatan.Cancellation!.By.OnBehalfOf!.Id);
    }
}
