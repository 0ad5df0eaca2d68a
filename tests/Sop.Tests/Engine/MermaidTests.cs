using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Sop.Tests.Engine;

public sealed class MermaidTests
{
    private static readonly string _mermaid = TransitionTable.For(SopCatalog.Embedded.Latest("fasilitasi-perijinan")!).ToMermaid();

    [Fact]
    public void The_real_SOP_is_a_top_down_flowchart_with_every_step_its_role_and_waktu()
    {
        var lines = _mermaid.Split('\n');
        Assert.Equal("flowchart TD", lines[0]);
        Assert.Contains("    s1[\"1. Rapat dan disposisi<br/>Ketua Tim Kerja<br/>5 menit\"]", lines);
        Assert.Contains("    s2[\"2. Penyiapan data dukung<br/>Anggota Tim Kerja<br/>1 jam\"]", lines);
        Assert.Contains("    s3{\"3. Verifikasi data dukung<br/>Ketua Tim Kerja<br/>15 menit\"}", lines);
        Assert.Contains("    s4{\"4. Koreksi data dukung<br/>Kepala Bidang<br/>15 menit\"}", lines);
        Assert.Contains("    s5{\"5. Telaah data dukung<br/>Kepala Dinas<br/>15 menit\"}", lines);
        Assert.Contains("    s6[\"6. Pelaksanaan fasilitasi<br/>Ketua Tim Kerja<br/>5 menit\"]", lines);
        Assert.Contains("    s7[\"7. Dokumentasi dan laporan<br/>Anggota Tim Kerja<br/>2 hari kerja\"]", lines);
    }

    [Fact]
    public void Decisions_have_Setuju_and_Tidak_edges_to_the_right_steps()
    {
        string[] edges =
        [
            "    mulai([\"Mulai\"]) --> s1",
            "    s1 --> s2",
            "    s2 --> s3",
            "    s3 -->|Setuju| s4",
            "    s3 -->|Tidak| s2",
            "    s4 -->|Setuju| s5",
            "    s4 -->|Tidak| s3",
            "    s5 -->|Setuju| s6",
            "    s5 -->|Tidak| s4",
            "    s6 --> s7",
            "    s7 --> selesai",
        ];
        var lines = _mermaid.Split('\n');
        Assert.Equal(edges, lines.Where(l => l.Contains("-->", StringComparison.Ordinal)));
    }

    [Fact]
    public void Quotes_in_a_title_cannot_break_the_diagram()
    {
        var sop = SopCatalog.Embedded.Latest("fasilitasi-perijinan")!;
        var odd = sop with { Steps = [sop.Steps[0] with { Title = "Rapat \"awal\" <penting>" }, .. sop.Steps.Skip(1)] };
        Assert.Contains("s1[\"1. Rapat #quot;awal#quot; #lt;penting#gt;<br/>", TransitionTable.For(odd).ToMermaid(), StringComparison.Ordinal);
    }
}
