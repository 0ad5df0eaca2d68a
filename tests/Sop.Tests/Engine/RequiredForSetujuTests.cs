using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.Tests.Support;

namespace PerijinanBot.Sop.Tests.Engine;

/// <summary>The SOP's outputs a Setuju must carry: the Ketua recommends (step 3), the Kadis disposes (step 5). A Tidak needs only its reason.</summary>
public sealed class RequiredForSetujuTests
{
    [Theory]
    [InlineData(3, Staff.Rina, "rekomendasi", "Rekomendasi kepada Kepala Bidang wajib diisi.")]
    [InlineData(5, Staff.Siti, "disposisiKepalaDinas", "Disposisi kepada Kepala Bidang untuk ditindaklanjuti wajib diisi.")]
    public void Setuju_without_the_text_is_refused_in_Indonesian(int step, string decider, string field, string problem)
    {
        var office = new Office();
        var kegiatan = office.WalkTo(step);

        foreach (var empty in new[] { null, "", "   " })
        {
            var refusal = office.Refuse(kegiatan, new Approve(decider, step, kegiatan.Version, Forms.Verify((field, empty))), RefusalCode.InvalidInput);
            Assert.Contains(problem, refusal.Message, StringComparison.Ordinal);
        }

        Assert.Equal(step, kegiatan.CurrentStep);
    }

    [Theory]
    [InlineData(3, Staff.Rina, 2)]
    [InlineData(5, Staff.Siti, 4)]
    public void Tidak_without_the_text_is_accepted_with_its_reason(int step, string decider, int returnsTo)
    {
        var office = new Office();
        var kegiatan = office.WalkTo(step);

        kegiatan = office.Accept(kegiatan, new Reject(decider, step, kegiatan.Version, "Jadwal bentrok dengan rapat pimpinan."));

        Assert.Equal(returnsTo, kegiatan.CurrentStep);
    }

    [Theory]
    [InlineData(3, Staff.Rina, "rekomendasi")]
    [InlineData(5, Staff.Siti, "disposisiKepalaDinas")]
    public void Setuju_with_the_text_stores_it(int step, string decider, string field)
    {
        var office = new Office();
        var kegiatan = office.WalkTo(step);

        kegiatan = office.Accept(kegiatan, new Approve(decider, step, kegiatan.Version, Forms.Verify((field, "  Lanjutkan sesuai jadwal.  "))));

        Assert.Equal("Lanjutkan sesuai jadwal.", kegiatan.Data[step].Values[field]);
    }
}
