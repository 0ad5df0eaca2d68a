using PerijinanBot.Reports.Agenda;
using PerijinanBot.Reports.Tests.Disposisi;
using PerijinanBot.Reports.Tests.Laporan;
using PerijinanBot.Reports.Undangan;
using PerijinanBot.Sop.People;
using Scenario = PerijinanBot.Reports.Tests.Laporan.LaporanScenario;

namespace PerijinanBot.Reports.Tests.Undangan;

/// <summary>The Surat Undangan drafted at the disposition: what the letter says, its PDF as a reader extracts it, its DOCX as Word opens it.</summary>
public sealed class SuratUndanganTests
{
    private const string Nomor = "005/12/DISKOPUKM.B/2026";

    private static readonly SuratUndangan _surat = SuratUndanganDocument.From(Request());
    private static readonly byte[] _pdf = SuratUndanganDocument.Pdf(_surat);
    private static readonly byte[] _docx = SuratUndanganDocument.Docx(_surat);

    [Fact]
    public void The_letter_has_the_nomor_block_the_addressees_the_jadwal_in_Indonesian_and_the_Kepala_Dinas_signing()
    {
        Assert.Equal(
            ["PEMERINTAH PROVINSI KALIMANTAN BARAT", "DINAS KOPERASI, USAHA KECIL DAN MENENGAH", "BIDANG PERIJINAN DAN KELEMBAGAAN"],
            _surat.Kop.Names);
        Assert.Equal("Pontianak, 14 Juli 2026", _surat.TempatTanggal);
        Assert.Equal([("Nomor", Nomor), ("Sifat", "Biasa"), ("Lampiran", "-"), ("Hal", "Undangan")], _surat.Kepala.Select(e => (e.Label, e.Value)));
        Assert.Equal(["Yth.", $"1. Pengurus {Scenario.Koperasi}", "2. Dr. Ahmad Fauzi", "di Tempat"], _surat.Kepada);
        Assert.Contains("Izin Kantor Cabang (IKC)", _surat.Pembuka, StringComparison.Ordinal);
        Assert.Equal("Rabu, 15 Juli 2026", Value("Hari/tanggal"));
        Assert.Equal("09.30 WIB s.d. selesai", Value("Pukul"));
        Assert.Equal("Aula Dinas Koperasi UKM <Lantai 2> & \"Ruang B\"", Value("Tempat"));
        Assert.Equal("Persyaratan pembukaan kantor cabang.", Value("Materi"));
        Assert.Equal("Pengurus & pengawas KSP", Value("Peserta"));
        Assert.Equal(["Kepala Dinas,"], _surat.Signature.Caption);
        Assert.Equal("Siti Rahmawati", _surat.Signature.Name);
        Assert.Contains($"NIP. {DisposisiScenario.SitiNip}", _surat.Signature.Details);
    }

    [Fact]
    public void Several_koperasi_and_narasumber_are_each_addressed_on_a_numbered_line()
    {
        var kepada = UndanganBuilder.Kepada(["KSP Maju", "KSP Sejahtera", "Kopdit Harapan"], ["Dr. Ahmad Fauzi", "Ir. Lestari"]);

        Assert.Equal(
            ["Yth.", "1. Pengurus KSP Maju", "2. Pengurus KSP Sejahtera", "3. Pengurus Kopdit Harapan", "4. Dr. Ahmad Fauzi", "5. Ir. Lestari", "di Tempat"],
            kepada);
        Assert.Equal(["Yth.", "Pengurus KSP Maju", "di Tempat"], UndanganBuilder.Kepada(["KSP Maju"], []));
    }

    [Fact]
    public void The_signer_follows_the_configured_role_and_position()
    {
        var kabid = SuratUndanganDocument.From(Request() with
        {
            Settings = new UndanganSettings(Role.KepalaBidang, "Kepala Bidang Perijinan dan Kelembagaan", "Segera", "1 (satu) berkas", "Pontianak"),
        });

        Assert.Equal(["Kepala Bidang Perijinan dan Kelembagaan,"], kabid.Signature.Caption);
        Assert.Equal("Hendra Wijaya", kabid.Signature.Name);
        Assert.Contains($"NIP. {Scenario.HendraNip}", kabid.Signature.Details);
        Assert.Equal("Segera", kabid.Kepala.Single(e => e.Label == "Sifat").Value);
        Assert.Equal("1 (satu) berkas", kabid.Kepala.Single(e => e.Label == "Lampiran").Value);
    }

    [Fact]
    public void A_Plh_who_gave_the_disposition_signs_as_Plh_of_the_position()
    {
        var surat = SuratUndanganDocument.From(Request(plh: true));

        Assert.Equal("Hendra Wijaya", surat.Signature.Name);
        Assert.StartsWith("Plh. Kepala Dinas", surat.Signature.Caption[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Nobody_to_sign_leaves_a_dotted_line()
    {
        var surat = SuratUndanganDocument.From(Request() with { Settings = new UndanganSettings(Role.KepalaBidang), People = PeopleDirectory.Empty, Kegiatan = DisposisiScenario.Run(steps: 3) });

        Assert.True(surat.Signature.Vacant);
    }

    [Fact]
    public void The_PDF_holds_the_koperasi_the_narasumber_the_jadwal_in_Indonesian_and_the_agenda_number()
    {
        var text = DocumentText.Compact(string.Concat(DocumentText.PdfPages(_pdf)));

        Assert.Contains(DocumentText.Compact("KSP Sejahtera & Makmur <Kubu Raya> \"Bersama\""), text, StringComparison.Ordinal);
        Assert.Contains(DocumentText.Compact("Dr. Ahmad Fauzi"), text, StringComparison.Ordinal);
        Assert.Contains(DocumentText.Compact("Rabu, 15 Juli 2026"), text, StringComparison.Ordinal);
        Assert.Contains(DocumentText.Compact("09.30 WIB"), text, StringComparison.Ordinal);
        Assert.Contains(DocumentText.Compact(Nomor), text, StringComparison.Ordinal);
        Assert.Contains(DocumentText.Compact("Siti Rahmawati"), text, StringComparison.Ordinal);
        Assert.Contains(DocumentText.Compact("Surat Undangan FAS-2026-0001 — Halaman 1 dari 1"), text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_DOCX_passes_the_Open_XML_validator_and_says_the_same()
    {
        var errors = DocumentText.DocxErrors(_docx);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path?.XPath}: {e.Description}")));

        var text = DocumentText.Docx(_docx);
        Assert.Contains(Nomor, text, StringComparison.Ordinal);
        Assert.Contains("Pengurus KSP Sejahtera & Makmur <Kubu Raya> \"Bersama\"", text, StringComparison.Ordinal);
        Assert.Contains("Dr. Ahmad Fauzi", text, StringComparison.Ordinal);
        Assert.Contains("Rabu, 15 Juli 2026", text, StringComparison.Ordinal);
        Assert.Contains("09.30 WIB s.d. selesai", text, StringComparison.Ordinal);
        Assert.Contains("Siti Rahmawati", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_of_another_letter_is_refused()
    {
        Assert.Throws<ArgumentException>(() => SuratUndanganDocument.From(Request() with { Undangan = Entry() with { Document = AgendaDocuments.Disposisi } }));
        Assert.Throws<ArgumentException>(() => SuratUndanganDocument.From(Request() with { Undangan = Entry() with { KegiatanNumber = "FAS-2026-0002" } }));
    }

    private static UndanganRequest Request(bool plh = false) =>
        new(DisposisiScenario.Run(plh: plh), Scenario.Definition, Scenario.Directory, Entry());

    private static AgendaEntry Entry() => new(
        2026, 12, new DateOnly(2026, 7, 14), Nomor, null, "Undangan fasilitasi IKC", "Pengurus koperasi dan narasumber",
        Scenario.Siti, "Siti Rahmawati", Scenario.Number, AgendaDocuments.Undangan);

    private static string Value(string label) => _surat.Acara.Single(e => e.Label == label).Value;
}
