using PerijinanBot.Reports.Laporan;
using static PerijinanBot.Reports.Tests.Laporan.LaporanScenario;

namespace PerijinanBot.Reports.Tests.Laporan;

/// <summary>What the report says, before any layout: the same model feeds the DOCX and the PDF.</summary>
public sealed class LaporanModelTests
{
    private static readonly LaporanKegiatan _laporan = LaporanKegiatanDocument.From(Request());

    [Fact]
    public void The_letterhead_is_the_instansi_of_the_SOP_and_the_header_names_the_agenda_number()
    {
        Assert.Equal(
            ["PEMERINTAH PROVINSI KALIMANTAN BARAT", "DINAS KOPERASI, USAHA KECIL DAN MENENGAH", "BIDANG PERIJINAN DAN KELEMBAGAAN"],
            _laporan.Kop.Names);
        Assert.Empty(_laporan.Kop.Contact);
        Assert.Null(_laporan.Kop.Emblem);
        Assert.Equal("LAPORAN KEGIATAN", _laporan.Title);
        Assert.Equal(AgendaLaporan, Value(_laporan.Identitas, "Nomor"));
        Assert.Equal("Laporan Kegiatan Fasilitasi Izin Kantor Cabang", Value(_laporan.Identitas, "Perihal"));
        Assert.Equal("16 Juli 2026", Value(_laporan.Identitas, "Tanggal"));
        Assert.Equal(Number, Value(_laporan.Identitas, "Nomor kegiatan"));
        Assert.Equal(["I. DASAR", "II. PELAKSANAAN", "III. HASIL", "IV. DOKUMENTASI", "V. PENUTUP"], _laporan.Sections.Select(s => s.Heading));
    }

    [Fact]
    public void Dasar_quotes_the_Kepala_Dinas_disposition_with_who_when_and_its_agenda_number()
    {
        var dasar = _laporan.Sections[0].Blocks.OfType<LaporanEntry>().ToList();

        Assert.Equal($"{AgendaDisposisi}, tanggal 14 Juli 2026", Value(dasar, "Nomor agenda"));
        Assert.Equal("Siti Rahmawati, Kepala Dinas", Value(dasar, "Diberikan oleh"));
        Assert.Equal("Selasa, 14 Juli 2026 pukul 08.10 WIB", Value(dasar, "Waktu disposisi"));
        Assert.Equal(LaporanScenario.Disposisi, Value(dasar, "Isi disposisi"));
    }

    [Fact]
    public void A_disposition_outside_the_register_gets_no_agenda_number_line()
    {
        // The Lembar Disposisi is an internal document, not a letter of the Buku Agenda Surat Keluar: no number to quote.
        var laporan = LaporanKegiatanDocument.From(Request(disposisiRegistered: false));

        var dasar = laporan.Sections[0].Blocks.OfType<LaporanEntry>().ToList();
        Assert.DoesNotContain(dasar, e => e.Label == "Nomor agenda");
        Assert.Equal(LaporanScenario.Disposisi, Value(dasar, "Isi disposisi"));
    }

    [Fact]
    public void Hasil_lists_each_koperasi_with_its_result_participants_and_berita_acara()
    {
        var hasil = _laporan.Sections[2].Blocks.OfType<LaporanEntry>().ToList();

        Assert.Equal(
            $"1. {Koperasi}\n" +
            "    Hasil: Siap mengajukan\n" +
            "    Jumlah peserta (daftar hadir): 1.200 orang\n" +
            "    Nomor berita acara: BA-518/FAS/VII/2026\n" +
            $"2. {Koperasi2}\n" +
            "    Hasil: Tidak melanjutkan\n" +
            "    Jumlah peserta (daftar hadir): 50 orang\n" +
            "    Nomor berita acara: BA-519/FAS/VII/2026",
            Value(hasil, "Hasil per koperasi"));
    }

    [Fact]
    public void Pelaksanaan_uses_the_execution_record_and_the_choice_labels_of_the_definition()
    {
        var pelaksanaan = _laporan.Sections[1].Blocks.OfType<LaporanEntry>().ToList();

        Assert.Equal("Izin Kantor Cabang (IKC)", Value(pelaksanaan, "Jenis fasilitasi"));
        Assert.Equal(Judul, Value(pelaksanaan, "Judul kegiatan"));
        Assert.Equal(
            $"1. {Koperasi}\n" +
            "    NIK: 6112010123456789\n" +
            "    Badan hukum: 518/12/BH/XIV.3/2015, tanggal 2 Maret 2015\n" +
            "    NIB: 9120001234567\n" +
            "    Jenis: Koperasi Simpan Pinjam\n" +
            "    Alamat kantor yang akan dibuka: Jl. Adisucipto Km 9, Sungai Raya\n" +
            "    Wilayah keanggotaan: Kabupaten Kubu Raya, Kota Pontianak\n" +
            "    Contact person: Yohanes, +6281256789012\n" +
            $"2. {Koperasi2}\n" +
            "    Jenis: Koperasi Simpan Pinjam",
            Value(pelaksanaan, "Koperasi"));
        Assert.Equal("Kabupaten Kubu Raya", Value(pelaksanaan, "Kabupaten/Kota"));
        Assert.Equal("Rabu, 15 Juli 2026", Value(pelaksanaan, "Hari/tanggal"));
        Assert.Equal("09.30 WIB", Value(pelaksanaan, "Pukul"));
        Assert.Equal("Aula Kantor Dinas Koperasi UKM Kabupaten Kubu Raya", Value(pelaksanaan, "Tempat"));
        Assert.Equal("Aula Dinas dipakai rapat pimpinan; kegiatan dipindah ke Kubu Raya.", Value(pelaksanaan, "Perubahan dari rencana"));
        Assert.Equal("1.250 orang", Value(pelaksanaan, "Jumlah peserta"));
        Assert.Equal("Dr. Ahmad Fauzi (Kemenkop UKM)\nIr. Sri Wahyuni, M.M.", Value(pelaksanaan, "Narasumber"));
        Assert.Equal("Rina Marlina", Value(pelaksanaan, "Ketua Tim Kerja"));
        Assert.Equal("Budi Santoso", Value(pelaksanaan, "Anggota Tim Kerja"));
    }

    [Fact]
    public void Dokumentasi_lists_every_link_as_a_web_address()
    {
        var links = _laporan.Sections[3].Blocks.Cast<LaporanLink>().ToList();

        Assert.Equal([Foto, Galeri], links.Select(l => l.Text));
        Assert.All(links, l => Assert.NotNull(l.Target));
        Assert.Equal(new Uri(Galeri), links[1].Target);
    }

    [Fact]
    public void The_reporter_signs_with_jabatan_and_NIP_and_the_Kepala_Bidang_acknowledges()
    {
        var (mengetahui, pelapor) = (_laporan.Signatures[0], _laporan.Signatures[1]);

        Assert.Equal(["Yang melaporkan,", "Anggota Tim Kerja"], pelapor.Caption);
        Assert.Equal("Budi Santoso", pelapor.Name);
        Assert.Equal(["Analis Kelembagaan Koperasi", $"NIP. {BudiNip}"], pelapor.Details);

        // The Plh. approved step 4, but the report is acknowledged by the Kepala Bidang he stood in for; the jabatan is not repeated.
        Assert.Equal(["Mengetahui,", "Kepala Bidang Perijinan dan Kelembagaan"], mengetahui.Caption);
        Assert.Equal("Hendra Wijaya", mengetahui.Name);
        Assert.Equal([$"NIP. {HendraNip}"], mengetahui.Details);
    }

    [Fact]
    public void A_vacant_Kepala_Bidang_leaves_a_dotted_line_and_missing_jabatan_or_NIP_leaves_no_line()
    {
        var laporan = LaporanKegiatanDocument.From(Request(anggota: Dewi, reportPeople: WithoutKabid));

        Assert.True(laporan.Signatures[0].Vacant);
        Assert.StartsWith("(....", laporan.Signatures[0].Name, StringComparison.Ordinal);
        Assert.Empty(laporan.Signatures[0].Details);
        Assert.False(laporan.Signatures[1].Vacant);
        Assert.Equal("Dewi Lestari", laporan.Signatures[1].Name);
        Assert.Empty(laporan.Signatures[1].Details);
    }

    [Fact]
    public void The_appendix_has_one_row_per_visit_with_decision_reason_Plh_and_timing()
    {
        var rows = _laporan.Lampiran.Rows;
        var kegiatan = Run();

        Assert.Equal(kegiatan.Steps.Count, rows.Count);
        Assert.Equal(Decisions, rows.Select(r => r[5]));
        Assert.Equal(["1", "2", "3", "4", "3", "4", "5", "6", "7"], rows.Select(r => r[0].Split('.')[0]));
        Assert.Equal("4. Koreksi data dukung", rows[3][0]);

        var tidak = rows[3];
        Assert.Equal(("1", "Hendra Wijaya", RejectReason), (tidak[1], tidak[2], tidak[6]));
        Assert.Equal("13 Juli 2026 08.50 WIB", tidak[3]);
        Assert.Equal("13 Juli 2026 09.00 WIB", tidak[4]);
        Assert.Equal(("15 menit", "10 menit", "Tepat waktu"), (tidak[7], tidak[8], tidak[9]));

        Assert.Equal("2", rows[4][1]);
        Assert.Equal($"Yusuf Hidayat selaku Plh. Kepala Bidang Perijinan dan Kelembagaan ({DelegationBasis})", rows[5][2]);
        Assert.StartsWith("Terlambat ", rows[6][9], StringComparison.Ordinal);
        Assert.Equal(("2 hari kerja", "Tepat waktu"), (rows[8][7], rows[8][9]));
        Assert.Equal(LaporanText.Dash, rows[0][6]);
    }

    [Fact]
    public void A_kegiatan_whose_report_was_not_submitted_has_no_Laporan()
    {
        var open = Run(commands: 7);
        var request = Request() with { Kegiatan = open };

        var error = Assert.Throws<ArgumentException>(() => LaporanKegiatanDocument.From(request));
        Assert.Contains("no submitted report", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_agenda_entry_of_another_kegiatan_is_refused()
    {
        var request = Request() with { Laporan = LaporanEntry() with { KegiatanNumber = "FAS-2026-0002" } };

        Assert.Throws<ArgumentException>(() => LaporanKegiatanDocument.From(request));
    }

    [Theory]
    [InlineData("FAS-2026-0001", "pdf", "Laporan-Kegiatan-FAS-2026-0001.pdf")]
    [InlineData("FAS-2026-0001", ".DOCX", "Laporan-Kegiatan-FAS-2026-0001.docx")]
    [InlineData("../FAS 2026/0001<script>", "pdf", "Laporan-Kegiatan-FAS-2026-0001-script.pdf")]
    [InlineData("", "pdf", "Laporan-Kegiatan.pdf")]
    public void File_names_hold_only_safe_characters(string number, string extension, string expected)
    {
        var laporan = _laporan with { KegiatanNumber = number };

        Assert.Equal(expected, LaporanKegiatanDocument.FileName(laporan, extension));
    }

    [Fact]
    public void Characters_no_document_can_hold_are_dropped_and_the_rest_kept()
    {
        var request = Request() with { Laporan = LaporanEntry() with { Perihal = "Laporan\u0001 <IKC> & \ud800 \"akhir\" 😀" } };

        var laporan = LaporanKegiatanDocument.From(request);

        Assert.Equal("Laporan <IKC> &  \"akhir\" 😀", Value(laporan.Identitas, "Perihal"));
    }

    private static string Value(IEnumerable<LaporanEntry> entries, string label) =>
        Assert.Single(entries, e => e.Label == label).Value;
}
