using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Dialogs.Tests.Sop;

public sealed class NoticeTests
{
    [Fact]
    public void Setuju_tells_the_person_whose_work_was_approved()
    {
        var (office, kegiatan) = After(3, k => new Approve(Staff.Rina, 3, k.Version, Typing.Normal.Verify("rekomendasi", "Lengkap.")));

        var notice = office.Views.Notices(office.Events, kegiatan, SopOffice.Definition).Single();

        Assert.Equal((NoticeKind.Approved, Staff.Budi), (notice.Kind, notice.To.Single().Id));
        Assert.Contains("Pekerjaan Anda disetujui oleh Rina Marlina di langkah 3 (Verifikasi data dukung)", string.Join(" ", notice.View.Lines), StringComparison.Ordinal);
    }

    [Fact]
    public void Tidak_tells_the_person_it_went_back_to_with_the_reason()
    {
        var (office, kegiatan) = After(4, k => new Reject(Staff.Hendra, 4, k.Version, "Narasumber kurang."));

        var notice = office.Views.Notices(office.Events, kegiatan, SopOffice.Definition).Single();

        Assert.Equal((NoticeKind.SentBack, Staff.Rina), (notice.Kind, notice.To.Single().Id));
        Assert.Equal(LabelledValue.Typed("Alasan", "Narasumber kurang.", 1000), notice.View.Notes.Single());
    }

    [Fact]
    public void Setuju_of_the_Kepala_Dinas_tells_the_Kepala_Bidang_of_the_disposition()
    {
        var (office, kegiatan) = After(5, k => new Approve(Staff.Siti, 5, k.Version, Typing.Normal.Verify("disposisiKepalaDinas", "Segera laksanakan.")));

        var notice = office.Views.Notices(office.Events, kegiatan, SopOffice.Definition).Single();

        Assert.Equal((NoticeKind.Disposition, Staff.Hendra), (notice.Kind, notice.To.Single().Id));
        Assert.Contains("mendisposisikannya kepada Kepala Bidang untuk ditindaklanjuti", notice.View.Lines[0], StringComparison.Ordinal);
        Assert.Equal("Segera laksanakan.", notice.View.Notes.Single().Value.Text);
    }

    [Fact]
    public void The_disposition_also_reaches_the_Kepala_Bidang_whose_Plh_forwarded_it()
    {
        var office = new SopOffice { Staffing = Staff.With(Staff.YusufForHendra) };
        var kegiatan = office.WalkTo(4);
        kegiatan = office.Accept(kegiatan, new Approve(Staff.Yusuf, 4, kegiatan.Version, office.Typing.Verify("catatanKoreksi", "Sesuai.")));
        kegiatan = office.Accept(kegiatan, new Approve(Staff.Siti, 5, kegiatan.Version, office.Typing.Verify("disposisiKepalaDinas", "Laksanakan.")));

        var notice = office.Views.Notices(office.Events, kegiatan, SopOffice.Definition).Single();

        Assert.Equal([Staff.Yusuf, Staff.Hendra], notice.To.Select(p => p.Id));
    }

    [Fact]
    public void Closing_tells_everyone_involved_who_handed_in_the_report()
    {
        var (office, kegiatan) = After(7, k => new SubmitReport(Staff.Budi, 7, k.Version, Typing.Normal.Report()));

        var notice = office.Views.Notices(office.Events, kegiatan, SopOffice.Definition).Single();

        Assert.Equal(NoticeKind.Closed, notice.Kind);
        Assert.Equal(new[] { Staff.Rina, Staff.Budi, Staff.Hendra, Staff.Siti }.Order(), notice.To.Select(p => p.Id).Order());
        Assert.StartsWith("Kegiatan FAS-2026-0001 selesai; Laporan Kegiatan diserahkan oleh Budi Santoso pada ", notice.View.Lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Cancellation_tells_everyone_involved_except_the_person_who_cancelled()
    {
        var (office, kegiatan) = After(4, k => new Cancel(Staff.Hendra, k.Version, "Ditunda koperasi."));

        var notice = office.Views.Notices(office.Events, kegiatan, SopOffice.Definition).Single();

        Assert.Equal(NoticeKind.Cancelled, notice.Kind);
        Assert.Equal(new[] { Staff.Rina, Staff.Budi }.Order(), notice.To.Select(p => p.Id).Order());
    }

    [Fact]
    public void Reassignment_tells_the_person_the_step_was_taken_from()
    {
        var (office, kegiatan) = After(3, k => new Reassign(Staff.Hendra, 3, k.Version, Staff.Yusuf, "Dinas luar."));

        var notice = office.Views.Notices(office.Events, kegiatan, SopOffice.Definition).Single();

        Assert.Equal((NoticeKind.Reassigned, Staff.Rina), (notice.Kind, notice.To.Single().Id));
    }

    [Fact]
    public void A_step_nobody_can_take_produces_a_notice_for_the_Admins()
    {
        var office = new SopOffice { Staffing = Staffing.Of(Staff.WithoutKepalaDinas) };
        var kegiatan = office.WalkTo(5);

        var notices = office.Views.Notices(office.Events, kegiatan, SopOffice.Definition);

        Assert.Equal([NoticeKind.Approved, NoticeKind.Vacant], notices.Select(n => n.Kind));
        Assert.Empty(notices[1].To);
        Assert.Contains("menunggu Kepala Dinas, tetapi tidak ada pegawai yang memegang peran itu", notices[1].View.Lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Submitting_data_needs_no_notice_because_the_next_person_gets_the_step_card()
    {
        var (office, kegiatan) = After(2, k => new SubmitData(Staff.Budi, 2, k.Version, Typing.Normal.Data()));

        Assert.Empty(office.Views.Notices(office.Events, kegiatan, SopOffice.Definition));
        Assert.Contains(office.Events, e => e is StepAssigned { Step: 3 });
    }

    private static (SopOffice Office, Kegiatan Kegiatan) After(int step, Func<Kegiatan, KegiatanCommand> command)
    {
        var office = new SopOffice();
        var kegiatan = office.WalkTo(step);
        return (office, office.Accept(kegiatan, command(kegiatan)));
    }
}
