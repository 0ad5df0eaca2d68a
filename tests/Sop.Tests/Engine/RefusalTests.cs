using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.Tests.Support;

namespace PerijinanBot.Sop.Tests.Engine;

/// <summary>Every illegal command is refused with a sentence the person can act on, and changes nothing.</summary>
public sealed class RefusalTests
{
    private readonly Office _office = new();

    [Fact]
    public void Someone_else_deciding_a_step_is_told_whose_decision_it_is()
    {
        var kegiatan = _office.WalkTo(4);
        var refusal = _office.Refuse(kegiatan, new Approve(Staff.Budi, 4, kegiatan.Version, Forms.Verify()), RefusalCode.NotYours);
        Assert.Equal("Langkah ini menunggu keputusan Kepala Bidang, bukan Anda.", refusal.Message);
    }

    [Fact]
    public void Another_holder_of_the_same_role_is_told_who_holds_the_step()
    {
        var kegiatan = _office.WalkTo(4);
        var refusal = _office.Refuse(kegiatan, new Reject(Staff.Lina, 4, kegiatan.Version, "Bukan saya."), RefusalCode.NotYours);
        Assert.Equal("Langkah ini menunggu keputusan Hendra Wijaya (Kepala Bidang), bukan Anda.", refusal.Message);
    }

    [Fact]
    public void Another_Anggota_cannot_submit_the_assigned_Anggota_s_data()
    {
        var kegiatan = _office.WalkTo(2);
        var refusal = _office.Refuse(kegiatan, new SubmitData(Staff.Dewi, 2, kegiatan.Version, Forms.Data()), RefusalCode.NotYours);
        Assert.Equal("Langkah ini ditugaskan kepada Budi Santoso (Anggota Tim Kerja), bukan Anda.", refusal.Message);
    }

    [Fact]
    public void A_card_for_a_step_already_decided_says_who_decided_and_when()
    {
        var kegiatan = _office.WalkTo(4);
        var refusal = _office.Refuse(kegiatan, new Approve(Staff.Rina, 3, 2, Forms.Verify()), RefusalCode.Stale);
        Assert.Equal("Kartu ini sudah tidak berlaku: langkah 3 telah disetujui oleh Rina Marlina pada Senin, 13 Juli 2026 08.20 WIB.", refusal.Message);
    }

    [Fact]
    public void A_card_with_an_old_version_of_the_current_step_says_what_changed()
    {
        var kegiatan = _office.WalkTo(4);
        var oldVersion = kegiatan.Version;
        _office.After(3);
        kegiatan = _office.Accept(kegiatan, new Reassign(Staff.Siti, 4, oldVersion, Staff.Lina));

        var refusal = _office.Refuse(kegiatan, new Approve(Staff.Lina, 4, oldVersion, Forms.Verify()), RefusalCode.Stale);
        Assert.Equal("Kartu ini sudah tidak berlaku: langkah 4 telah dialihkan kepada Lina Kartika oleh Siti Rahmawati pada Senin, 13 Juli 2026 08.23 WIB.", refusal.Message);
    }

    [Fact]
    public void A_card_for_an_earlier_round_of_a_step_sent_back_is_stale()
    {
        var kegiatan = _office.WalkTo(3);
        kegiatan = _office.Accept(kegiatan, new Reject(Staff.Rina, 3, kegiatan.Version, "Perbaiki jadwal."));

        var refusal = _office.Refuse(kegiatan, new SubmitData(Staff.Budi, 2, 1, Forms.Data()), RefusalCode.Stale);
        Assert.Equal("Kartu ini sudah tidak berlaku: langkah 2 telah diselesaikan oleh Budi Santoso pada Senin, 13 Juli 2026 08.10 WIB.", refusal.Message);
    }

    [Fact]
    public void A_command_for_a_step_that_is_not_current_is_refused_even_with_the_current_version()
    {
        var kegiatan = _office.WalkTo(4);
        var refusal = _office.Refuse(kegiatan, new Approve(Staff.Siti, 5, kegiatan.Version, Forms.Verify()), RefusalCode.Stale);
        Assert.StartsWith("Kartu ini sudah tidak berlaku: kegiatan FAS-2026-0001 sekarang berada pada langkah 4", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_without_every_kelengkapan_ticked_is_refused()
    {
        var kegiatan = _office.WalkTo(2);
        var form = Forms.Data() with { Checklist = ["disposisi"] };
        var refusal = _office.Refuse(kegiatan, new SubmitData(Staff.Budi, 2, kegiatan.Version, form), RefusalCode.IncompleteKelengkapan);
        Assert.Equal("Kelengkapan belum lengkap: Bahan/materi. Centang semua kelengkapan sebelum melanjutkan.", refusal.Message);
    }

    [Fact]
    public void Setuju_needs_the_kelengkapan_but_Tidak_does_not()
    {
        var kegiatan = _office.WalkTo(3);
        var refusal = _office.Refuse(kegiatan, new Approve(Staff.Rina, 3, kegiatan.Version, FormInput.Empty), RefusalCode.IncompleteKelengkapan);
        Assert.Contains("Disposisi, Bahan/materi", refusal.Message, StringComparison.Ordinal);

        _office.Accept(kegiatan, new Reject(Staff.Rina, 3, kegiatan.Version, "Bahan belum ada."));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n  ")]
    public void Tidak_without_reason_is_refused(string? reason)
    {
        var kegiatan = _office.WalkTo(3);
        var refusal = _office.Refuse(kegiatan, new Reject(Staff.Rina, 3, kegiatan.Version, reason), RefusalCode.InvalidReason);
        Assert.Equal("Alasan wajib diisi saat memilih Tidak, agar penerima tahu apa yang harus diperbaiki.", refusal.Message);
    }

    [Fact]
    public void Tidak_with_a_reason_over_1000_characters_is_refused()
    {
        var kegiatan = _office.WalkTo(3);
        var refusal = _office.Refuse(kegiatan, new Reject(Staff.Rina, 3, kegiatan.Version, new string('x', 1001)), RefusalCode.InvalidReason);
        Assert.Equal("Alasan paling banyak 1.000 karakter (saat ini 1.001).", refusal.Message);
    }

    [Fact]
    public void Tidak_with_exactly_1000_characters_after_trimming_is_accepted()
    {
        var kegiatan = _office.WalkTo(3);
        kegiatan = _office.Accept(kegiatan, new Reject(Staff.Rina, 3, kegiatan.Version, "  " + new string('x', 1000) + "\n"));
        Assert.Equal(1000, kegiatan.Steps[^2].Reason!.Length);
    }

    [Fact]
    public void A_cancelled_kegiatan_refuses_everything_and_says_who_cancelled_it()
    {
        var kegiatan = _office.WalkTo(4);
        kegiatan = _office.Accept(kegiatan, new Cancel(Staff.Rina, kegiatan.Version, "Koperasi menarik permohonan."));

        KegiatanCommand[] commands =
        [
            new Approve(Staff.Hendra, 4, kegiatan.Version, Forms.Verify()),
            new Reject(Staff.Hendra, 4, kegiatan.Version, "x"),
            new Reassign(Staff.Agus, 4, kegiatan.Version, Staff.Lina),
            new Cancel(Staff.Hendra, kegiatan.Version, "lagi"),
        ];
        foreach (var command in commands)
        {
            var refusal = _office.Refuse(kegiatan, command, RefusalCode.Finished);
            Assert.Equal("Kegiatan FAS-2026-0001 sudah dibatalkan oleh Rina Marlina pada Senin, 13 Juli 2026 08.20 WIB. Alasan: Koperasi menarik permohonan.", refusal.Message);
        }
    }

    [Fact]
    public void A_closed_kegiatan_refuses_everything()
    {
        var kegiatan = _office.WalkTo(8);
        var refusal = _office.Refuse(kegiatan, new SubmitReport(Staff.Budi, 7, kegiatan.Version, Forms.Report()), RefusalCode.Finished);
        Assert.StartsWith("Kegiatan FAS-2026-0001 sudah selesai pada Rabu, 15 Juli 2026", refusal.Message, StringComparison.Ordinal);
        _office.Refuse(kegiatan, new Cancel(Staff.Hendra, kegiatan.Version, "Terlambat."), RefusalCode.Finished);
    }

    [Fact]
    public void Someone_not_in_the_directory_is_refused()
    {
        var kegiatan = _office.WalkTo(3);
        var refusal = _office.Refuse(kegiatan, new Approve(Staff.Stranger, 3, kegiatan.Version, Forms.Verify()), RefusalCode.NotRegistered);
        Assert.Contains("belum terdaftar", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_action_the_step_does_not_offer_is_refused_with_what_it_offers()
    {
        var kegiatan = _office.WalkTo(3);
        var refusal = _office.Refuse(kegiatan, new RecordExecution(Staff.Rina, 3, kegiatan.Version, Forms.Execution()), RefusalCode.NotAvailable);
        Assert.Equal("Tindakan “Kegiatan dimulai” tidak tersedia pada langkah 3 (Verifikasi data dukung). Yang tersedia: “Setuju”, “Tidak”.", refusal.Message);
    }

    [Fact]
    public void Every_wrong_field_is_named_at_once()
    {
        var kegiatan = _office.WalkTo(2);
        var form = Forms.Data().With(("materiSubstansi", " "), ("jadwal", "besok pagi"), ("tautanBahan", "https://example.org/a.pdf\nfile:///c:/bahan.docx"), ("tempat", new string('t', 301)));

        var refusal = _office.Refuse(kegiatan, new SubmitData(Staff.Budi, 2, kegiatan.Version, form), RefusalCode.InvalidInput);

        Assert.StartsWith("Isian belum benar: ", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("Materi substansi kegiatan wajib diisi.", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("Jadwal pelaksanaan “besok pagi” tidak dikenali sebagai tanggal dan jam. Tulis seperti 14 Juli 2026 09.00.", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("“file:///c:/bahan.docx” bukan tautan http/https yang sah.", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("Tempat paling banyak 300 karakter (saat ini 301).", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dua puluh", "Jumlah peserta harus berupa bilangan bulat.")]
    [InlineData("-1", "Jumlah peserta paling kecil 0.")]
    [InlineData("10001", "Jumlah peserta paling besar 10.000.")]
    public void A_report_with_a_wrong_number_of_participants_is_refused(string jumlah, string problem)
    {
        var kegiatan = _office.WalkTo(7);
        var refusal = _office.Refuse(kegiatan, new SubmitReport(Staff.Budi, 7, kegiatan.Version, Forms.Report().With(("jumlahPeserta", jumlah))), RefusalCode.InvalidInput);
        Assert.Contains(problem, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_a_Ketua_Tim_Kerja_may_start_a_kegiatan()
    {
        var result = _office.Engine.Start(new StartKegiatan(Staff.Budi, Office.Sop, "FAS-2026-0002", Forms.Start()), _office.Staffing);
        Assert.Equal(new Refusal(RefusalCode.NotYours, "Hanya Ketua Tim Kerja yang dapat memulai kegiatan ini."), result.Refusal);
        Assert.Null(_office.Engine.CanStart(Office.Sop, Staff.Budi, _office.Staffing));
        Assert.Equal(Staff.Rina, _office.Engine.CanStart(Office.Sop, Staff.Rina, _office.Staffing)?.Id);
    }

    [Fact]
    public void The_person_given_the_disposition_must_be_an_Anggota()
    {
        var result = _office.Engine.Start(new StartKegiatan(Staff.Rina, Office.Sop, "FAS-2026-0002", Forms.Start(anggota: Staff.Hendra)), _office.Staffing);
        Assert.Equal(RefusalCode.InvalidInput, result.Refusal?.Code);
        Assert.Contains("Anggota Tim Kerja yang ditugaskan: Hendra Wijaya bukan Anggota Tim Kerja.", result.Refusal!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Starting_needs_the_disposition_ticked_a_known_SOP_and_a_registered_person()
    {
        var noDisposition = Forms.Start() with { Checklist = [] };
        Assert.Equal(RefusalCode.IncompleteKelengkapan, _office.Engine.Start(new StartKegiatan(Staff.Rina, Office.Sop, "FAS-2026-0002", noDisposition), _office.Staffing).Refusal?.Code);
        Assert.Equal(RefusalCode.UnknownDefinition, _office.Engine.Start(new StartKegiatan(Staff.Rina, "sop-lain", "FAS-2026-0002", Forms.Start()), _office.Staffing).Refusal?.Code);
        Assert.Equal(RefusalCode.NotRegistered, _office.Engine.Start(new StartKegiatan(Staff.Stranger, Office.Sop, "FAS-2026-0002", Forms.Start()), _office.Staffing).Refusal?.Code);
    }
}
