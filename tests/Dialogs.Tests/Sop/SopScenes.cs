using System.Text.Json.Nodes;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Dialogs.Tests.Sop;

/// <summary>
/// Every SOP card in a realistic situation, walked through the real engine. The same scenes feed the golden files (typed
/// normally), the size budget (every field at its maximum) and the injection check (typed text full of markdown).
/// </summary>
internal static class SopScenes
{
    public static IReadOnlyDictionary<string, Func<Typing, JsonObject>> All { get; } = new Dictionary<string, Func<Typing, JsonObject>>
    {
        ["sop-step-1"] = t => new SopOffice(t).StartCardFor(Staff.Rina),
        ["sop-step-2"] = t => StepFor(t, 2, Staff.Budi),
        ["sop-step-3"] = t => StepFor(t, 3, Staff.Rina),
        ["sop-step-4"] = t => StepFor(t, 4, Staff.Hendra),
        ["sop-step-5"] = t => StepFor(t, 5, Staff.Siti),
        ["sop-step-6"] = t => StepFor(t, 6, Staff.Rina),
        ["sop-step-7"] = t => StepFor(t, 7, Staff.Budi),
        ["sop-step-7-dokumentasi"] = DokumentasiScenes.Step7WithFiles,
        ["sop-dokumentasi"] = DokumentasiScenes.Received,
        ["sop-step-2-sent-back"] = Step2SentBack,
        ["sop-step-2-refused"] = Step2Refused,
        ["sop-step-1-refused"] = Step1Refused,
        ["sop-step-4-plh"] = Step4StandIn,
        ["sop-step-2-seen-by-ketua"] = t => StepFor(t, 2, Staff.Rina),
        ["sop-outcome-setuju"] = OutcomeSetuju,
        ["sop-outcome-tidak"] = OutcomeTidak,
        ["sop-outcome-batal"] = OutcomeBatal,
        ["sop-outcome-laporan"] = t => Outcome(t, 7, Staff.Budi, (o, k) => new SubmitReport(Staff.Budi, 7, k.Version, o.Typing.Report())),
        ["sop-refusal-not-yours"] = RefusalNotYours,
        ["sop-stale"] = Stale,
        ["sop-tasks"] = Tasks,
        ["sop-tasks-empty"] = t => TasksCard.Build(new SopOffice(t).Views.Tasks([], Staff.Dewi)),
        ["sop-status"] = t =>
        {
            var office = new SopOffice(t);
            var kegiatan = office.WalkTo(4);
            office.Clock.Advance(TimeSpan.FromMinutes(5));
            return StatusCard.Build(office.Views.Status(kegiatan, SopOffice.Definition));
        },
        ["sop-riwayat"] = t =>
        {
            var office = new SopOffice(t);
            var kegiatan = EventfulKegiatan(office);
            return HistoryCard.Build(office.Views.History(kegiatan, SopOffice.Definition));
        },
        ["sop-sop"] = _ => SopCard.Build(SopOffice.Definition),
        ["sop-cancel"] = t =>
        {
            var office = new SopOffice(t);
            var kegiatan = office.WalkTo(3);
            return CancelCard.Build(office.Views.Cancel(kegiatan, SopOffice.Definition));
        },
        ["sop-reassign"] = t =>
        {
            // alihkan: the Ketua (superior of the Anggota) moves step 2 from Budi; Dewi is the only other Anggota.
            var office = new SopOffice(t);
            var kegiatan = office.WalkTo(2);
            office.Clock.Advance(TimeSpan.FromMinutes(10));
            return ReassignCard.Build(office.Views.Reassign(kegiatan, SopOffice.Definition));
        },
        ["sop-reassign-done"] = t =>
        {
            var office = new SopOffice(t);
            var kegiatan = office.WalkTo(2);
            office.Clock.Advance(TimeSpan.FromMinutes(10));
            kegiatan = office.Accept(kegiatan, new Reassign(Staff.Rina, 2, kegiatan.Version, Staff.Dewi, t.Reason("Budi sedang dinas luar ke Kabupaten Sambas.")));
            return ReassignCard.Build(office.Views.Reassigned(kegiatan, SopOffice.Definition));
        },
        ["sop-notice-approved"] = t => Notice(t, NoticeKind.Approved, 3, (o, k) => new Approve(Staff.Rina, 3, k.Version, o.Typing.Verify("rekomendasi", "Data lengkap; mohon disetujui."))),
        ["sop-notice-sent-back"] = t => Notice(t, NoticeKind.SentBack, 3, (o, k) => new Reject(Staff.Rina, 3, k.Version, o.Typing.Reason("Tempat belum pasti; mohon konfirmasi aula."))),
        ["sop-notice-disposition"] = t => Notice(t, NoticeKind.Disposition, 5, (o, k) => new Approve(Staff.Siti, 5, k.Version, o.Typing.Verify("disposisiKepalaDinas", "Laksanakan sesuai jadwal; laporkan hasilnya."))),
        ["sop-notice-closed"] = t => Notice(t, NoticeKind.Closed, 7, (o, k) => new SubmitReport(Staff.Budi, 7, k.Version, o.Typing.Report())),
        ["sop-notice-cancelled"] = t => Notice(t, NoticeKind.Cancelled, 3, (o, k) => new Cancel(Staff.Rina, k.Version, o.Typing.Reason("Koperasi menunda permohonan IUSP."))),
        ["sop-notice-reassigned"] = t => Notice(t, NoticeKind.Reassigned, 3, (o, k) => new Reassign(Staff.Hendra, 3, k.Version, Staff.Yusuf, o.Typing.Reason("Rina sedang dinas luar."))),
        ["sop-notice-vacant"] = t =>
        {
            var office = new SopOffice(t) { Staffing = PerijinanBot.Sop.Engine.Staffing.Of(Staff.WithoutKepalaDinas) };
            var kegiatan = office.WalkTo(5);
            var notice = office.Views.Notices(office.Events, kegiatan, SopOffice.Definition).Single(n => n.Kind == NoticeKind.Vacant);
            return NoticeCard.Build(notice.View);
        },
    };

    /// <summary>The card of the person whose turn it is at <paramref name="step"/>, five minutes after it arrived.</summary>
    public static JsonObject StepFor(Typing typing, int step, string viewer)
    {
        var office = new SopOffice(typing);
        var kegiatan = office.WalkTo(step);
        office.Clock.Advance(TimeSpan.FromMinutes(5));
        return office.StepCardFor(kegiatan, viewer);
    }

    /// <summary>
    /// A kegiatan that has seen everything: a Tidak at step 4 and its correction, a Plh. decision, a reassignment of step 6,
    /// and the cancellation.
    /// </summary>
    public static Kegiatan EventfulKegiatan(SopOffice office)
    {
        var t = office.Typing;
        var kegiatan = office.WalkTo(4);
        office.Clock.Advance(TimeSpan.FromMinutes(20));
        kegiatan = office.Accept(kegiatan, new Reject(Staff.Hendra, 4, kegiatan.Version, t.Reason("Daftar calon narasumber belum lengkap.")));
        office.Clock.Advance(TimeSpan.FromMinutes(10));
        kegiatan = office.Accept(kegiatan, new Approve(Staff.Rina, 3, kegiatan.Version, t.Verify("rekomendasi", "Narasumber sudah dilengkapi.")));
        office.Staffing = Staff.With(t.YusufForHendra);
        office.Clock.Advance(TimeSpan.FromMinutes(5));
        kegiatan = office.Accept(kegiatan, new Approve(Staff.Yusuf, 4, kegiatan.Version, t.Verify("catatanKoreksi", "Sudah sesuai.")));
        office.Clock.Advance(TimeSpan.FromMinutes(10));
        kegiatan = office.Accept(kegiatan, new Approve(Staff.Siti, 5, kegiatan.Version, t.Verify("disposisiKepalaDinas", "Laksanakan.")));
        office.Clock.Advance(TimeSpan.FromMinutes(30));
        kegiatan = office.Accept(kegiatan, new Reassign(Staff.Hendra, 6, kegiatan.Version, Staff.Yusuf, t.Reason("Rina cuti pada tanggal pelaksanaan.")));
        office.Clock.Advance(TimeSpan.FromMinutes(30));
        return office.Accept(kegiatan, new Cancel(Staff.Hendra, kegiatan.Version, t.Reason("Koperasi menunda permohonan IUSP.")));
    }

    private static JsonObject Step2SentBack(Typing typing)
    {
        var office = new SopOffice(typing);
        var kegiatan = office.WalkTo(3);
        office.Clock.Advance(TimeSpan.FromMinutes(7));
        kegiatan = office.Accept(kegiatan, new Reject(Staff.Rina, 3, kegiatan.Version, typing.Reason("Tempat belum pasti; mohon konfirmasi aula dan lampirkan daftar hadir.")));
        office.Clock.Advance(TimeSpan.FromMinutes(3));
        return office.StepCardFor(kegiatan, Staff.Budi);
    }

    /// <summary>Budi forgot to tick the kelengkapan: the card comes back with everything he typed and the engine's reason on top.</summary>
    private static JsonObject Step2Refused(Typing typing)
    {
        var office = new SopOffice(typing);
        var kegiatan = office.WalkTo(2);
        office.Clock.Advance(TimeSpan.FromMinutes(20));
        var form = typing.Data(tempat: "Hotel Kapuas Palace") with { Checklist = ["disposisi"] };
        var refusal = office.Refuse(kegiatan, new SubmitData(Staff.Budi, 2, kegiatan.Version, form));
        return office.StepCardFor(kegiatan, Staff.Budi, Typing.Draft(form), refusal.Message);
    }

    /// <summary>A wrong value the engine quotes back in its refusal (here: a Kabupaten/Kota not in the list).</summary>
    private static JsonObject Step1Refused(Typing typing)
    {
        var office = new SopOffice(typing);
        var form = typing.Start();
        var values = form.Values.ToDictionary(v => v.Key, v => v.Value);
        values["kabupatenKota"] = typing.Text(100, "Kota Entah");
        form = form with { Values = values };
        var result = office.Engine.Start(new StartKegiatan(Staff.Rina, SopOffice.SopId, "FAS-2026-0001", form), office.Staffing);
        Assert.False(result.IsAccepted);
        return office.StartCardFor(Staff.Rina, Typing.Draft(form), result.Refusal.Message);
    }

    private static JsonObject Step4StandIn(Typing typing)
    {
        var office = new SopOffice(typing) { Staffing = Staff.With(typing.YusufForHendra) };
        var kegiatan = office.WalkTo(4);
        office.Clock.Advance(TimeSpan.FromMinutes(5));
        return office.StepCardFor(kegiatan, Staff.Yusuf);
    }

    private static JsonObject OutcomeSetuju(Typing typing) =>
        Outcome(typing, 3, Staff.Rina, (o, k) => new Approve(Staff.Rina, 3, k.Version, o.Typing.Verify("rekomendasi", "Data lengkap; mohon disetujui.")));

    private static JsonObject OutcomeTidak(Typing typing) =>
        Outcome(typing, 4, Staff.Hendra, (o, k) => new Reject(Staff.Hendra, 4, k.Version, o.Typing.Reason("Daftar calon narasumber belum lengkap; tambahkan dari DPMPTSP.")));

    private static JsonObject OutcomeBatal(Typing typing) =>
        Outcome(typing, 3, Staff.Rina, (o, k) => new Cancel(Staff.Rina, k.Version, o.Typing.Reason("Koperasi menunda permohonan IUSP.")));

    private static JsonObject Outcome(Typing typing, int step, string actor, Func<SopOffice, Kegiatan, KegiatanCommand> command)
    {
        var office = new SopOffice(typing);
        var kegiatan = office.WalkTo(step);
        office.Clock.Advance(TimeSpan.FromMinutes(12));
        kegiatan = office.Accept(kegiatan, command(office, kegiatan));
        Assert.NotEqual(actor, kegiatan.Current?.Assignee?.Id);
        return OutcomeCard.Build(office.Views.Outcome(kegiatan, SopOffice.Definition, step));
    }

    private static JsonObject RefusalNotYours(Typing typing)
    {
        var office = new SopOffice(typing);
        var kegiatan = office.WalkTo(3);
        var refusal = office.Refuse(kegiatan, new Approve(Staff.Dewi, 3, kegiatan.Version, typing.Verify("rekomendasi", "Setuju.")));
        Assert.Equal(RefusalCode.NotYours, refusal.Code);
        return RefusalCard.Build(office.Views.Refusal(refusal, kegiatan, SopOffice.Definition));
    }

    private static JsonObject Stale(Typing typing)
    {
        var office = new SopOffice(typing);
        var old = office.WalkTo(3);
        office.Clock.Advance(TimeSpan.FromMinutes(4));
        var kegiatan = office.Accept(old, new Approve(Staff.Rina, 3, old.Version, typing.Verify("rekomendasi", "Data lengkap.")));
        office.Clock.Advance(TimeSpan.FromMinutes(1));
        var refusal = office.Refuse(kegiatan, new Approve(Staff.Rina, 3, old.Version, typing.Verify("rekomendasi", "Data lengkap.")));
        Assert.Equal(RefusalCode.Stale, refusal.Code);
        return RefusalCard.Build(office.Views.Refusal(refusal, kegiatan, SopOffice.Definition));
    }

    /// <summary>Rina's tasks at 11.15: one verification late, one just arrived, one execution scheduled for Wednesday.</summary>
    private static JsonObject Tasks(Typing typing)
    {
        var office = new SopOffice(typing);
        var late = office.WalkTo(3, "FAS-2026-0001");
        var scheduled = office.WalkTo(6, "FAS-2026-0002");
        var fresh = office.WalkTo(3, "FAS-2026-0003");
        office.At(13, 11, 15);
        var open = new[] { fresh, scheduled, late }.Select(k => (k, SopOffice.Definition));
        return TasksCard.Build(office.Views.Tasks(open, Staff.Rina));
    }

    private static JsonObject Notice(Typing typing, NoticeKind kind, int step, Func<SopOffice, Kegiatan, KegiatanCommand> command)
    {
        var office = new SopOffice(typing);
        var kegiatan = office.WalkTo(step);
        office.Clock.Advance(TimeSpan.FromMinutes(9));
        kegiatan = office.Accept(kegiatan, command(office, kegiatan));
        var notice = office.Views.Notices(office.Events, kegiatan, SopOffice.Definition).Single(n => n.Kind == kind);
        return NoticeCard.Build(notice.View);
    }
}
