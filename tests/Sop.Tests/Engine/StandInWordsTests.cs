using System.Text.Json;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.People;
using PerijinanBot.Sop.Tests.Support;

namespace PerijinanBot.Sop.Tests.Engine;

/// <summary>
/// A stand-in acts as "Plh. (or Plt.) &lt;the official's position&gt;" on the basis of a Surat Perintah (nomor, tanggal), and is
/// appointed by the official's superior or an Admin, never by the official.
/// </summary>
public sealed class StandInWordsTests
{
    private static readonly SopDefinition Definition = SopCatalog.Embedded.Default;

    private static Person P(string id) => Staff.Directory.Find(id)!;

    [Fact]
    public void A_Plt_on_a_Surat_Perintah_acts_as_Plt_of_the_position_and_the_history_says_so()
    {
        var office = new Office();
        var kegiatan = office.WalkTo(4);
        office.Staffing = Staff.With(new Delegation(Staff.Hendra, Staff.Yusuf, new DateOnly(2026, 7, 13), new DateOnly(2026, 7, 17), "800.1.11.1/12/DISKOPUKM/2026",
            StandInKind.Vacancy, new DateOnly(2026, 7, 10)));

        kegiatan = office.Accept(kegiatan, new Approve(Staff.Yusuf, 4, kegiatan.Version, Forms.Verify()));

        var by = kegiatan.Steps[3].FinishedBy!;
        Assert.Equal((StandInKind.Vacancy, "Kepala Bidang Perijinan dan Kelembagaan", new DateOnly(2026, 7, 10)), (by.StandInKind, by.OfficialPosition, by.BasisDate));
        Assert.Equal("Yusuf Hidayat selaku Plt. Kepala Bidang Perijinan dan Kelembagaan (Surat Perintah Nomor 800.1.11.1/12/DISKOPUKM/2026 tanggal 10 Juli 2026)", by.Describe());
    }

    [Fact]
    public void The_position_is_the_officials_jabatan_when_the_directory_has_one()
    {
        var kabid = P(Staff.Hendra) with { Jabatan = "Kepala Bidang Kelembagaan dan Perijinan Koperasi" };

        Assert.Equal("Kepala Bidang Kelembagaan dan Perijinan Koperasi", StandInRules.PositionOf(kabid, Definition));
        Assert.Equal("Kepala Bidang Perijinan dan Kelembagaan", StandInRules.PositionOf(P(Staff.Hendra), Definition));
        Assert.Equal("Kepala Dinas", StandInRules.PositionOf(P(Staff.Siti)));
    }

    [Fact]
    public void An_actor_stored_before_the_kind_and_position_were_kept_reads_as_Plh_with_its_free_text_basis()
    {
        const string Stored = """{"id":"y","name":"Yusuf Hidayat","onBehalfOf":{"id":"h","name":"Hendra Wijaya"},"plhBasis":"ST 800/12/2026"}""";

        var actor = JsonSerializer.Deserialize(Stored, SopJsonContext.Default.Actor)!;

        Assert.Equal((null, null, null), (actor.StandInKind, actor.OfficialPosition, actor.BasisDate));
        Assert.Equal("Plh. Kepala Bidang Perijinan dan Kelembagaan", actor.StandInTitle("Kepala Bidang Perijinan dan Kelembagaan"));
        Assert.Equal("Yusuf Hidayat selaku Plh. Hendra Wijaya (ST 800/12/2026)", actor.Describe());
        var again = JsonSerializer.Serialize(actor with { StandInKind = StandInKind.Vacancy, BasisDate = new DateOnly(2026, 7, 10) }, SopJsonContext.Default.Actor);
        Assert.Contains("\"plhBasis\":\"ST 800/12/2026\"", again, StringComparison.Ordinal);
        Assert.Contains("\"plhKind\":\"vacancy\"", again, StringComparison.Ordinal);
        Assert.Contains("\"plhBasisDate\":\"2026-07-10\"", again, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Staff.Siti, Staff.Hendra, true)]   // the Kadis for the Kabid below her
    [InlineData(Staff.Hendra, Staff.Rina, true)]   // the Kabid for a Ketua
    [InlineData(Staff.Rina, Staff.Budi, true)]     // a Ketua for an Anggota
    [InlineData(Staff.Agus, Staff.Siti, true)]     // an Admin for anyone, the Kadis too
    [InlineData(Staff.Agus, Staff.Budi, true)]
    [InlineData(Staff.Hendra, Staff.Hendra, false)] // nobody for themself
    [InlineData(Staff.Siti, Staff.Siti, false)]
    [InlineData(Staff.Rina, Staff.Hendra, false)]   // not from below
    [InlineData(Staff.Siti, Staff.Rina, false)]     // only the next role up
    [InlineData(Staff.Lina, Staff.Hendra, false)]   // not a peer
    [InlineData(Staff.Budi, Staff.Dewi, false)]
    public void Only_the_officials_superior_or_an_Admin_appoints_and_never_the_official(string appointer, string official, bool may) =>
        Assert.Equal(may, StandInRules.MayAppoint(P(appointer), P(official), Definition));

    [Fact]
    public void An_Admin_who_is_also_an_official_does_not_appoint_his_own()
    {
        var kabidAdmin = P(Staff.Hendra) with { Roles = new HashSet<Role> { Role.KepalaBidang, Role.Admin } };

        Assert.False(StandInRules.MayAppoint(kabidAdmin, kabidAdmin, Definition));
        Assert.True(StandInRules.MayAppoint(kabidAdmin, P(Staff.Siti), Definition));
    }
}
