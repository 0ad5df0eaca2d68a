using PerijinanBot.Sop.Calendar;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.Tests.Support;
using static PerijinanBot.Sop.Tests.Support.Office;

namespace PerijinanBot.Sop.Tests.Definitions;

/// <summary>An SOP added as a data file alone (embedded in this test assembly) runs through the same catalog and engine.</summary>
public sealed class SecondSopTests
{
    private const string Id = "penerbitan-surat-tugas";

    internal static SopCatalog Catalog { get; } = SopCatalog.Load(
        [.. DefinitionSource.EmbeddedIn(typeof(SopCatalog).Assembly), .. DefinitionSource.EmbeddedIn(typeof(SecondSopTests).Assembly)]);

    private readonly Office _office = new(catalog: Catalog);

    [Fact]
    public void The_catalog_holds_both_SOPs()
    {
        Assert.Equal(["fasilitasi-perijinan", Id], Catalog.All.Select(d => d.Id).Order(StringComparer.Ordinal));
        var sop = Catalog.Latest(Id)!;
        Assert.Equal([Waktu.Minutes(30), Waktu.Hours(2), Waktu.WorkingDays(1)], sop.Steps.Select(s => s.Waktu));
        Assert.Empty(sop.Step(2).Fields);
        Assert.Empty(sop.JenisFasilitasi);
    }

    [Fact]
    public void The_test_SOP_runs_through_send_backs_to_closed()
    {
        var kegiatan = Start();
        Assert.Equal((2, Staff.Hendra), (kegiatan.CurrentStep, kegiatan.Current!.Assignee!.Id));
        Assert.Equal(MondayMorning.AddHours(2), kegiatan.Current.DueAt);

        // Tidak at step 2 returns to the start step; its form is submitted again, edited.
        kegiatan = _office.Accept(kegiatan, new Reject(Staff.Hendra, 2, kegiatan.Version, "Tujuan kurang jelas."));
        Assert.Equal((1, Staff.Budi, 1), (kegiatan.CurrentStep, kegiatan.Current!.Assignee!.Id, kegiatan.ReworkOf(1)));
        Assert.Equal([SopTrigger.SubmitData, SopTrigger.Cancel], _office.Engine.PermittedActions(kegiatan, Staff.Budi, _office.Staffing).Select(a => a.Trigger));
        kegiatan = _office.Accept(kegiatan, new SubmitData(Staff.Budi, 1, kegiatan.Version, Form("Kantor Dinas Koperasi Kabupaten Sambas")));
        Assert.Equal("Kantor Dinas Koperasi Kabupaten Sambas", kegiatan.Value("tujuan"));

        kegiatan = _office.Accept(kegiatan, new Approve(Staff.Hendra, 2, kegiatan.Version, FormInput.Empty));
        Assert.Equal((3, Staff.Siti), (kegiatan.CurrentStep, kegiatan.Current!.Assignee!.Id));
        Assert.Equal(MondayMorning.AddDays(1), kegiatan.Current.DueAt);

        kegiatan = _office.Accept(kegiatan, new Reject(Staff.Siti, 3, kegiatan.Version, "Paraf ulang."));
        kegiatan = _office.Accept(kegiatan, new Approve(Staff.Hendra, 2, kegiatan.Version, FormInput.Empty));
        kegiatan = _office.Accept(kegiatan, new Approve(Staff.Siti, 3, kegiatan.Version, FormInput.Empty));

        Assert.Equal(KegiatanStatus.Closed, kegiatan.Status);
        Assert.IsType<Closed>(_office.Events[^1]);
        Assert.Equal([1, 2, 1, 2, 3, 2, 3], kegiatan.Steps.Select(s => s.Step));
        Assert.Equal(1, kegiatan.ReworkOf(2));
    }

    [Fact]
    public void Its_own_role_table_decides_who_is_superior()
    {
        var kegiatan = Start();
        kegiatan = _office.Accept(kegiatan, new Reject(Staff.Hendra, 2, kegiatan.Version, "Perbaiki."));

        // Here the Anggota answers to the Kepala Bidang, not to a Ketua Tim Kerja.
        var refusal = _office.Refuse(kegiatan, new Reassign(Staff.Rina, 1, kegiatan.Version, Staff.Dewi), RefusalCode.NotYours);
        Assert.Equal("Pengalihan langkah ini hanya dapat dilakukan oleh Admin atau Kepala Bidang.", refusal.Message);
        _office.Accept(kegiatan, new Reassign(Staff.Hendra, 1, kegiatan.Version, Staff.Dewi));
    }

    [Fact]
    public void Its_start_step_is_for_an_Anggota_and_its_own_cancel_rule_applies()
    {
        Assert.Equal(
            new Refusal(RefusalCode.NotYours, "Hanya Anggota yang dapat memulai kegiatan ini."),
            _office.Engine.Start(new StartKegiatan(Staff.Rina, Id, "ST-2026-0001", Form("Sambas")), _office.Staffing).Refusal);

        var kegiatan = Start();
        var refusal = _office.Refuse(kegiatan, new Cancel(Staff.Hendra, kegiatan.Version, "Batal."), RefusalCode.NotYours);
        Assert.Equal("Pembatalan hanya dapat dilakukan oleh Anggota yang memulai kegiatan ini.", refusal.Message);
        _office.Accept(kegiatan, new Cancel(Staff.Budi, kegiatan.Version, "Tidak jadi berangkat."));
    }

    [Fact]
    public void Its_flow_exports_as_Mermaid()
    {
        var mermaid = TransitionTable.For(Catalog.Latest(Id)!).ToMermaid();
        Assert.Equal(
            """
            flowchart TD
                mulai(["Mulai"]) --> s1
                s1["1. Permohonan<br/>Anggota<br/>30 menit"]
                s2{"2. Paraf Kepala Bidang<br/>Kepala Bidang<br/>2 jam"}
                s3{"3. Tanda tangan<br/>Kepala Dinas<br/>1 hari kerja"}
                s1 --> s2
                s2 -->|Setuju| s3
                s2 -->|Tidak| s1
                s3 -->|Setuju| selesai
                s3 -->|Tidak| s2
                selesai(["Selesai"])

            """.ReplaceLineEndings("\n"),
            mermaid);
    }

    private Kegiatan Start() => _office.Start(Form("Kantor Dinas Koperasi Kabupaten Sambas"), Staff.Budi, "ST-2026-0001", Id);

    private static FormInput Form(string tujuan) => Forms.Form([], ("tujuan", tujuan), ("tanggalBerangkat", "2026-07-20"));
}
