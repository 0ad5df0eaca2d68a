using PerijinanBot.Sop.Calendar;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Sop.Tests.Definitions;

/// <summary>The embedded SOP 000.8/1622/DISKOPUKM.B holds every field of the office's SOP, word for word.</summary>
public sealed class RealSopDefinitionTests
{
    private static readonly SopDefinition _sop = SopCatalog.Embedded.Find("fasilitasi-perijinan", 1)!;

    [Fact]
    public void The_real_SOP_is_embedded_with_an_id_and_a_version()
    {
        Assert.NotNull(_sop);
        Assert.Same(_sop, SopCatalog.Embedded.Latest("fasilitasi-perijinan"));
        Assert.Equal("FAS", _sop.NumberPrefix);
    }

    [Fact]
    public void The_invitation_sent_with_the_disposition_and_the_report_are_the_outgoing_letters_of_the_Buku_Agenda_Surat_Keluar()
    {
        var letters = _sop.Steps.Where(s => s.SuratKeluar is not null).Select(s => (s.Number, s.SuratKeluar!.Document)).ToList();
        // The Lembar Disposisi is internal: the letter step 5 sends out is the invitation to the koperasi and narasumber.
        Assert.Equal([(5, "undangan"), (7, "laporan")], letters);
        var kegiatan = new Kegiatan
        {
            Data = new Dictionary<int, StepData>
            {
                [1] = new(new Dictionary<string, string> { ["jenisFasilitasi"] = "IKC", ["koperasi"] = "  KSP Sejahtera  Bersama " }, [], new("x", "X"), DateTimeOffset.UnixEpoch),
            },
        };
        Assert.Equal("Laporan kegiatan fasilitasi IKC KSP Sejahtera Bersama", _sop.Step(7).SuratKeluar!.PerihalFor(kegiatan));
        Assert.Equal("Undangan fasilitasi IKC KSP Sejahtera Bersama", _sop.Step(5).SuratKeluar!.PerihalFor(kegiatan));
        Assert.Equal("Undangan fasilitasi - -", _sop.Step(5).SuratKeluar!.PerihalFor(new Kegiatan()));
    }

    [Fact]
    public void The_header_is_the_office_header()
    {
        var header = _sop.Header;
        Assert.Equal(["PEMERINTAH PROVINSI KALIMANTAN BARAT", "DINAS KOPERASI, USAHA KECIL DAN MENENGAH", "BIDANG PERIJINAN DAN KELEMBAGAAN"], header.Instansi);
        Assert.Equal("000.8 / 1622 / DISKOPUKM.B", header.NomorSop);
        Assert.Equal(new DateOnly(2023, 8, 31), header.TanggalPembuatan);
        Assert.Null(header.TanggalRevisi);
        Assert.Null(header.TanggalEfektif);
        Assert.Null(header.DisahkanOleh);
        Assert.Equal("Pelaksanaan Kegiatan Bidang Perijinan dan Kelembagaan (Fasilitasi Izin Usaha Simpan Pinjam, Izin Kantor Cabang, Kantor Cabang Pembantu, Kantor Kas)", header.Nama);
        Assert.Equal(4, header.DasarHukum.Count);
        Assert.StartsWith("UU Nomor 25 Tahun 1992", header.DasarHukum[0], StringComparison.Ordinal);
        Assert.Contains("Nomor 8 Tahun 2023 tentang USP", header.DasarHukum[1], StringComparison.Ordinal);
        Assert.Contains("Nomor 2 Tahun 2019 tentang NSPK OSS", header.DasarHukum[2], StringComparison.Ordinal);
        Assert.StartsWith("PerGub Nomor 78 Tahun 2019", header.DasarHukum[3], StringComparison.Ordinal);
        Assert.Equal(["Memahami aturan-aturan terkait bidang Perijinan dan Kelembagaan.", "Mampu berkomunikasi dengan baik."], header.KualifikasiPelaksana);
        Assert.Equal(["SOP Pembentukan SK Tim", "SOP Pelaksanaan rapat", "SOP Surat keluar", "SOP Penugasan Tim", "SOP Pelaporan"], header.Keterkaitan);
        Assert.Equal(["Alat Tulis Kantor", "Komputer", "Printer"], header.Peralatan);
        Assert.StartsWith("Apabila SOP tidak dilaksanakan akan menghambat pelayanan perijinan", header.Peringatan, StringComparison.Ordinal);
        Assert.Equal(["Buku agenda surat keluar"], header.Pencatatan);
    }

    [Fact]
    public void The_four_kinds_of_facilitation_have_their_full_names_and_are_the_start_form_choices()
    {
        Assert.Equal(
            [("IUSP", "Izin Usaha Simpan Pinjam"), ("IKC", "Izin Kantor Cabang"), ("IKCP", "Izin Kantor Cabang Pembantu"), ("IKK", "Izin Kantor Kas")],
            _sop.JenisFasilitasi.Select(j => (j.Kode, j.Nama)));
        var field = _sop.FindField("jenisFasilitasi")!.Value.Field;
        Assert.Equal(_sop.JenisFasilitasi.Select(j => j.Kode), field.Choices.Select(c => c.Value));
    }

    [Fact]
    public void Roles_go_up_from_Anggota_to_Ketua_to_Kabid_to_Kadis()
    {
        Assert.Equal([Role.AnggotaTimKerja, Role.KetuaTimKerja, Role.KepalaBidang, Role.KepalaDinas], _sop.Roles.Select(r => r.Role));
        Assert.Equal([Role.KetuaTimKerja, Role.KepalaBidang, Role.KepalaDinas, (Role?)null], _sop.Roles.Select(r => r.Superior));
        Assert.Equal("Kepala Bidang Perijinan dan Kelembagaan", _sop.RoleOf(Role.KepalaBidang).Name);
        Assert.Equal("Kepala Bidang", _sop.RoleOf(Role.KepalaBidang).ShortName);
    }

    [Fact]
    public void The_seven_steps_follow_the_SOP_table()
    {
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], _sop.Steps.Select(s => s.Number));
        Assert.Equal(
            [Role.KetuaTimKerja, Role.AnggotaTimKerja, Role.KetuaTimKerja, Role.KepalaBidang, Role.KepalaDinas, Role.KetuaTimKerja, Role.AnggotaTimKerja],
            _sop.Steps.Select(s => s.Role));
        Assert.Equal(
            [Waktu.Minutes(5), Waktu.Hours(1), Waktu.Minutes(15), Waktu.Minutes(15), Waktu.Minutes(15), Waktu.Minutes(5), Waktu.WorkingDays(2)],
            _sop.Steps.Select(s => s.Waktu));
        Assert.Equal(
            ["Disposisi", "Disposisi dan bahan /materi", "Disposisi dan bahan /materi", "Disposisi dan bahan /materi", "Disposisi dan bahan /materi", "Disposisi dan bahan", "Pelaksanaan Kegiatan"],
            _sop.Steps.Select(s => s.Kelengkapan));
        Assert.Equal(
            ["Disposisi", "Disposisi dan bahan /materi", "Disposisi dan bahan /materi", "Disposisi dan bahan /materi", "Disposisi dan bahan /materi", "Pelaksanaan Kegiatan", "Laporan Kegiatan"],
            _sop.Steps.Select(s => s.Output));
        Assert.Equal(["SOP Penugasan Kegiatan", null, null, null, null, null, "SOP Pelaporan"], _sop.Steps.Select(s => s.Keterangan));
    }

    [Fact]
    public void Activities_are_the_SOP_text_word_for_word()
    {
        Assert.Equal(
            "Melaksanakan rapat dan menginstruksikan Anggota Tim Kerja untuk menyiapkan data dukung materi substansi kegiatan, calon peserta, calon narasumber, jadwal dan tempat.",
            _sop.Step(1).Activity);
        Assert.StartsWith("Menerima dan melakukan verifikasi data dukung kegiatan, jika tidak setuju, dikembalikan kepada Anggota Tim Kerja", _sop.Step(3).Activity, StringComparison.Ordinal);
        Assert.StartsWith("Mengoreksi data dukung kegiatan", _sop.Step(4).Activity, StringComparison.Ordinal);
        Assert.StartsWith("Menelaah data dukung kegiatan", _sop.Step(5).Activity, StringComparison.Ordinal);
        Assert.Equal("Melaksanakan kegiatan Fasilitasi IUSP/IKC/IKCP/IKK.", _sop.Step(6).Activity);
        Assert.Equal("Mendokumentasikan kegiatan, menyusun laporan kegiatan hasil Fasilitasi IUSP/IKC/IKCP/IKK dan mengarsipkan.", _sop.Step(7).Activity);
    }

    [Fact]
    public void Steps_3_to_5_are_decisions_that_send_back_one_step()
    {
        Assert.Equal([3, 4, 5], _sop.Steps.Where(s => s.IsDecision).Select(s => s.Number));
        Assert.Equal([(4, 2), (5, 3), (6, 4)], _sop.Steps.Where(s => s.IsDecision).Select(s => (s.Next!.Value, s.SendBackTo!.Value)));
        Assert.Null(_sop.Step(7).Next);
    }

    [Fact]
    public void Steps_2_and_7_go_to_the_Anggota_assigned_at_start_and_steps_3_and_6_to_the_Ketua_who_started()
    {
        Assert.Equal(
            [AssignmentRule.Starter, AssignmentRule.AssignedAtStart, AssignmentRule.Starter, AssignmentRule.RoleHolder, AssignmentRule.RoleHolder, AssignmentRule.Starter, AssignmentRule.AssignedAtStart],
            _sop.Steps.Select(s => s.Assignment.Rule));
        Assert.Equal("anggota", _sop.Step(2).Assignment.Field);
        Assert.Equal("anggota", _sop.Step(7).Assignment.Field);
        Assert.Equal("jadwal", _sop.Step(6).ClockStartsAtField);
    }

    [Fact]
    public void Only_the_pelaksana_of_steps_6_and_7_is_the_office_s_choice_because_the_SOP_text_names_none_there()
    {
        Assert.Equal([6, 7], _sop.Steps.Where(s => s.RoleChosenByOffice).Select(s => s.Number));
    }

    [Fact]
    public void Each_step_collects_the_fields_the_issue_lists()
    {
        Assert.Equal(["jenisFasilitasi", "judul", "koperasi", "kabupatenKota", "anggota", "disposisi", "notulenRapat"], _sop.Step(1).Fields.Select(f => f.Id));
        Assert.Equal(["materiSubstansi", "calonPeserta", "calonNarasumber", "jadwal", "tempat", "tautanBahan", "catatanAnggota"], _sop.Step(2).Fields.Select(f => f.Id));
        Assert.Equal(["ringkasanHasil", "hasilKoperasi", "jumlahPeserta", "dokumentasi", "catatan"], _sop.Step(7).Fields.Select(f => f.Id));
        Assert.Equal(FieldKind.Datetime, _sop.FindField("jadwal")!.Value.Field.Kind);
        Assert.Equal(FieldKind.UrlList, _sop.FindField("dokumentasi")!.Value.Field.Kind);
        Assert.Equal(Role.AnggotaTimKerja, _sop.FindField("anggota")!.Value.Field.Role);
        Assert.All(_sop.Steps, s => Assert.True(s.ChecklistRequired && s.Checklist.Count > 0, $"step {s.Number} has a kelengkapan checklist"));
        Assert.All(_sop.Steps.SelectMany(s => s.Fields), f => Assert.False(string.IsNullOrWhiteSpace(f.Label)));
    }

    [Fact]
    public void The_Ketua_who_started_or_the_Kabid_may_cancel()
    {
        Assert.Equal([(Role.KetuaTimKerja, AssignmentRule.Starter), (Role.KepalaBidang, AssignmentRule.RoleHolder)], _sop.CancelBy.Select(c => (c.Role, c.Rule)));
    }
}
