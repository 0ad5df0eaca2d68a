using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Dialogs.Tests.Sop;

public sealed class OutcomeCardTests
{
    [Theory]
    [InlineData("sop-outcome-setuju")]
    [InlineData("sop-outcome-tidak")]
    [InlineData("sop-outcome-batal")]
    [InlineData("sop-outcome-laporan")]
    public void The_card_that_replaces_a_decided_card_is_read_only(string scene)
    {
        var card = SopScenes.All[scene](Typing.Normal);

        Assert.Empty(CardJson.Inputs(card));
        Assert.Empty(CardJson.OfType(card, "Action.Execute"));
        Assert.Empty(CardJson.OfType(card, "Action.ShowCard"));
    }

    [Fact]
    public void Setuju_says_who_decided_when_and_where_the_kegiatan_went_next()
    {
        var text = CardJson.Text(SopScenes.All["sop-outcome-setuju"](Typing.Normal));

        Assert.Contains("Oleh: Rina Marlina", text, StringComparison.Ordinal);
        Assert.Contains("Pada: Senin, 13 Juli 2026 09.02 WIB", text, StringComparison.Ordinal);
        Assert.Contains("Ketepatan waktu: tepat waktu (12 menit dari 15 menit)", text, StringComparison.Ordinal);
        Assert.Contains("Diteruskan ke Kepala Bidang (Hendra Gunawan) untuk langkah 4 (Koreksi data dukung).", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Tidak_shows_the_reason_as_typed_and_the_step_it_went_back_to()
    {
        var card = SopScenes.All["sop-outcome-tidak"](Typing.Normal);

        Assert.Contains("Tidak, dikembalikan ke langkah 3", CardJson.Text(card), StringComparison.Ordinal);
        Assert.Contains("Dikembalikan ke langkah 3 (Verifikasi data dukung), kepada Ketua Tim Kerja (Rina Marlina).", CardJson.Text(card), StringComparison.Ordinal);
        Assert.Contains(CardJson.OfType(card, "TextRun"), r => (string?)r["text"] == "Daftar calon narasumber belum lengkap; tambahkan dari DPMPTSP.");
    }

    [Fact]
    public void A_Plh_decision_names_the_holder_and_the_legal_basis()
    {
        var office = new SopOffice { Staffing = Staff.With(Staff.YusufForHendra) };
        var kegiatan = office.WalkTo(4);
        kegiatan = office.Accept(kegiatan, new Reject(Staff.Yusuf, 4, kegiatan.Version, "Judul perlu diperbaiki."));

        var text = CardJson.Text(OutcomeCard.Build(office.Views.Outcome(kegiatan, SopOffice.Definition, 4)));

        Assert.Contains("Oleh: Yusuf Hidayat", text, StringComparison.Ordinal);
        Assert.Contains("Sebagai: Plh. Kepala Bidang Perijinan dan Kelembagaan (menggantikan Hendra Gunawan), dasar Surat Perintah Nomor 800.1.11.1/12/DISKOPUKM/2026 tanggal 10 Juli 2026", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_older_copy_updated_later_still_describes_its_own_decision()
    {
        var office = new SopOffice();
        var kegiatan = office.WalkTo(3);
        kegiatan = office.Accept(kegiatan, new Reject(Staff.Rina, 3, kegiatan.Version, "Tempat belum pasti."));
        kegiatan = office.Accept(kegiatan, new SubmitData(Staff.Budi, 2, kegiatan.Version, office.Typing.Data()));
        kegiatan = office.Accept(kegiatan, new Approve(Staff.Rina, 3, kegiatan.Version, office.Typing.Verify("rekomendasi", "Sudah lengkap.")));

        var first = CardJson.Text(OutcomeCard.Build(office.Views.Outcome(kegiatan, SopOffice.Definition, 3, attempt: 1)));
        var latest = CardJson.Text(OutcomeCard.Build(office.Views.Outcome(kegiatan, SopOffice.Definition, 3)));

        Assert.Contains("Dikembalikan ke langkah 2 (Penyiapan data dukung), kepada Anggota Tim Kerja (Budi Santoso).", first, StringComparison.Ordinal);
        Assert.Contains("Diteruskan ke Kepala Bidang (Hendra Gunawan)", latest, StringComparison.Ordinal);
        Assert.Contains("(perbaikan ke-1)", latest, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cancelled_outcome_gives_the_reason_and_no_next_step()
    {
        var card = SopScenes.All["sop-outcome-batal"](Typing.Normal);

        Assert.Contains("Kegiatan dibatalkan. Tidak ada langkah lanjutan; semua yang terlibat diberi tahu.", CardJson.Text(card), StringComparison.Ordinal);
        Assert.Contains(CardJson.OfType(card, "TextRun"), r => (string?)r["text"] == "Koperasi menunda permohonan IUSP.");
    }
}
