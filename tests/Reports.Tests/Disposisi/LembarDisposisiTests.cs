using PerijinanBot.Reports.Disposisi;
using PerijinanBot.Reports.Tests.Laporan;
using Scenario = PerijinanBot.Reports.Tests.Laporan.LaporanScenario;
using UglyToad.PdfPig;
using static PerijinanBot.Reports.Tests.Disposisi.DisposisiScenario;

namespace PerijinanBot.Reports.Tests.Disposisi;

/// <summary>The Lembar Disposisi of step 5: what the form says, and the one-page A4 PDF a person prints or opens.</summary>
public sealed class LembarDisposisiTests
{
    private static readonly LembarDisposisi _lembar = LembarDisposisiDocument.From(Request());
    private static readonly byte[] _pdf = LembarDisposisiDocument.Pdf(_lembar);

    [Fact]
    public void The_form_names_the_letter_the_kegiatan_and_who_gave_the_disposition_to_whom()
    {
        Assert.Equal(
            ["PEMERINTAH PROVINSI KALIMANTAN BARAT", "DINAS KOPERASI, USAHA KECIL DAN MENENGAH", "BIDANG PERIJINAN DAN KELEMBAGAAN"],
            _lembar.Kop.Names);
        Assert.Equal("LEMBAR DISPOSISI", _lembar.Title);
        Assert.Equal(
            [
                ("Nomor agenda", Scenario.AgendaDisposisi),
                ("Tanggal", "14 Juli 2026"),
                ("Dari", "Siti Rahmawati, Kepala Dinas"),
                ("Kepada", "Kepala Bidang Perijinan dan Kelembagaan"),
                ("Perihal", Perihal),
                ("Nomor kegiatan", Scenario.Number),
                ("Jenis fasilitasi", "Izin Kantor Cabang (IKC)"),
                ("Nama koperasi", Scenario.Koperasi),
                ("Kabupaten/Kota", "Kabupaten Kubu Raya"),
                ("Jadwal", "Rabu, 15 Juli 2026 pukul 09.30 WIB"),
                ("Tempat", "Aula Dinas Koperasi UKM <Lantai 2> & \"Ruang B\""),
            ],
            _lembar.Rows.Select(r => (r.Label, r.Value)));
        Assert.Equal(Scenario.Disposisi, _lembar.Isi);
        Assert.Equal(["Kepala Dinas,"], _lembar.Signature.Caption);
        Assert.Equal("Siti Rahmawati", _lembar.Signature.Name);
        Assert.Equal(["Kepala Dinas Koperasi, Usaha Kecil dan Menengah", $"NIP. {SitiNip}"], _lembar.Signature.Details);
    }

    [Fact]
    public void The_PDF_holds_the_kegiatan_the_agenda_number_the_perihal_the_koperasi_the_disposition_and_the_Kadis_with_NIP()
    {
        var text = Body(_pdf);

        Assert.Contains(Compact(Scenario.Number), text, StringComparison.Ordinal);
        Assert.Contains(Compact(Scenario.AgendaDisposisi), text, StringComparison.Ordinal);
        Assert.Contains(Compact(Perihal), text, StringComparison.Ordinal);
        // The emoji has no glyph in the embedded font, so a text extractor cannot give it back.
        Assert.Contains(Compact("KSP Sejahtera & Makmur <Kubu Raya> \"Bersama\""), text, StringComparison.Ordinal);
        Assert.Contains(Compact(Scenario.Disposisi), text, StringComparison.Ordinal);
        Assert.Contains(Compact("Siti Rahmawati"), text, StringComparison.Ordinal);
        Assert.Contains(Compact($"NIP. {SitiNip}"), text, StringComparison.Ordinal);
        Assert.Contains(Compact("LEMBAR DISPOSISI"), text, StringComparison.Ordinal);
    }

    [Fact]
    public void It_is_one_A4_portrait_page_numbered_one_of_one()
    {
        using var document = PdfDocument.Open(_pdf);
        var page = Assert.Single(document.GetPages());

        Assert.Equal((595, 842), ((int)Math.Round(page.Width), (int)Math.Round(page.Height)));
        Assert.Contains(Compact($"Lembar Disposisi {Scenario.Number} — Halaman 1 dari 1"), Compact(page.Text), StringComparison.Ordinal);
    }

    [Fact]
    public void A_Plh_signs_under_their_own_name_and_NIP_as_Plh_Kepala_Dinas()
    {
        var lembar = LembarDisposisiDocument.From(Request(plh: true));
        var text = Body(LembarDisposisiDocument.Pdf(lembar));

        const string Kadis = "Kepala Dinas Koperasi, Usaha Kecil dan Menengah";
        var basis = $"Surat Perintah Nomor {KadisDelegationBasis} tanggal 13 Juli 2026";
        Assert.Equal($"Hendra Wijaya selaku Plh. {Kadis} ({basis})", lembar.Rows.Single(r => r.Label == "Dari").Value);
        Assert.Equal([$"Plh. {Kadis},"], lembar.Signature.Caption);
        Assert.Equal("Hendra Wijaya", lembar.Signature.Name);
        Assert.Equal(["Kepala Bidang Perijinan dan Kelembagaan", $"NIP. {Scenario.HendraNip}"], lembar.Signature.Details);
        Assert.Contains(Compact($"selaku Plh. {Kadis} ({basis})"), text, StringComparison.Ordinal);
        Assert.Contains(Compact($"Plh. {Kadis},"), text, StringComparison.Ordinal);
        Assert.DoesNotContain("Siti Rahmawati", text, StringComparison.Ordinal);
        Assert.Contains(Compact($"NIP. {Scenario.HendraNip}"), text, StringComparison.Ordinal);
        Assert.DoesNotContain(SitiNip, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \n\t ")]
    public void Without_a_written_disposition_the_form_says_the_plain_Setuju(string? typed)
    {
        var lembar = LembarDisposisiDocument.From(Request(disposisi: typed));

        Assert.Equal("Setuju untuk ditindaklanjuti.", lembar.Isi);
        Assert.Contains(Compact("Setuju untuk ditindaklanjuti."), Body(LembarDisposisiDocument.Pdf(lembar)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_SRIKANDI_number_is_the_agenda_number_once_it_was_recorded()
    {
        var lembar = LembarDisposisiDocument.From(Request(entry: Entry(srikandi: "B-512/DISKOPUKM-B/VII/2026")));

        Assert.Equal("B-512/DISKOPUKM-B/VII/2026", lembar.Rows[0].Value);
        Assert.Contains("B-512/DISKOPUKM-B/VII/2026", Body(LembarDisposisiDocument.Pdf(lembar)), StringComparison.Ordinal);
    }

    [Fact]
    public void Typed_text_of_any_kind_wraps_inside_the_page_and_keeps_every_character()
    {
        // XML specials, emoji, a control character, and a 300-character word in the 1,000 characters the field allows.
        var typed = $"Segera <tindak lanjuti> & \"koordinasikan\" 🙏\u0007 {Scenario.LongWord} " + string.Concat(Enumerable.Repeat("koordinasi lintas bidang; ", 25)) + "AKHIR";
        Assert.InRange(typed.Length, 900, 1000);
        var pdf = LembarDisposisiDocument.Pdf(LembarDisposisiDocument.From(Request(disposisi: typed)));
        var text = Body(pdf);

        Assert.Contains(Scenario.LongWord, text, StringComparison.Ordinal);
        Assert.Contains(Compact("Segera <tindak lanjuti> & \"koordinasikan\""), text, StringComparison.Ordinal);
        Assert.Contains("bidang;AKHIR", text, StringComparison.Ordinal);
        using var document = PdfDocument.Open(pdf);
        foreach (var page in document.GetPages())
        {
            Assert.All(page.Letters, letter =>
            {
                var box = letter.BoundingBox;
                Assert.True(box.Left >= 0 && box.Right <= page.Width && box.Bottom >= 0 && box.Top <= page.Height, $"'{letter.Value}' at {box} is off page {page.Number}.");
            });
        }
    }

    [Fact]
    public void A_disposition_of_many_lines_continues_on_the_next_pages_above_the_footer()
    {
        var typed = string.Join('\n', Enumerable.Range(1, 90).Select(i => $"BARIS-{i:00}"));
        var pdf = LembarDisposisiDocument.Pdf(LembarDisposisiDocument.From(Request(disposisi: typed)));

        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().ToList();
        Assert.True(pages.Count > 1, $"Expected 90 lines to need more than one page, got {pages.Count}.");
        var text = Body(pdf);
        Assert.All(Enumerable.Range(1, 90), i => Assert.Contains($"BARIS-{i:00}", text, StringComparison.Ordinal));
        Assert.Contains("SitiRahmawati", Compact(pages[^1].Text), StringComparison.Ordinal);
        foreach (var page in pages)
        {
            var words = page.GetWords().ToList();
            var footer = Assert.Single(words, w => w.Text == "Halaman").BoundingBox;
            Assert.All(words.Where(w => Math.Abs(w.BoundingBox.Bottom - footer.Bottom) > 1), w =>
                Assert.True(w.BoundingBox.Bottom > footer.Top, $"'{w.Text}' runs into the footer on page {page.Number}."));
        }
    }

    [Fact]
    public void Missing_jabatan_and_NIP_print_nothing_not_null()
    {
        var lembar = LembarDisposisiDocument.From(Request(people: Scenario.Bare));
        var text = string.Concat(DocumentText.PdfPages(LembarDisposisiDocument.Pdf(lembar)));

        Assert.Empty(lembar.Signature.Details);
        Assert.DoesNotContain("null", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("NIP", text, StringComparison.Ordinal);
        Assert.Contains("SitiRahmawati", Compact(text), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_Setuju_of_step_5_or_with_another_kegiatans_letter_there_is_no_form()
    {
        Assert.Throws<ArgumentException>(() => LembarDisposisiDocument.From(new DisposisiRequest(Run(steps: 4), Scenario.Definition, Scenario.Directory, Entry())));
        Assert.Throws<ArgumentException>(() => LembarDisposisiDocument.From(Request(entry: Entry() with { KegiatanNumber = "FAS-2026-0002" })));
        Assert.Throws<ArgumentException>(() => LembarDisposisiDocument.From(Request(entry: Scenario.LaporanEntry())));
    }

    [Fact]
    public void The_file_is_named_after_the_kegiatan()
    {
        Assert.Equal("Lembar-Disposisi-FAS-2026-0001.pdf", LembarDisposisiDocument.FileName(_lembar));
        Assert.Equal("Lembar-Disposisi-FAS-2026-0001-x.pdf", LembarDisposisiDocument.FileName(_lembar with { KegiatanNumber = "FAS/2026/0001\\..\\x" }));
    }

    /// <summary>All pages' text without whitespace or the footers (drawn last on each page, so they would split a line in two).</summary>
    private static string Body(byte[] pdf)
    {
        var pages = DocumentText.PdfPages(pdf);
        return string.Concat(pages.Select((text, i) =>
            Compact(text).Replace(Compact($"Lembar Disposisi {Scenario.Number} — Halaman {i + 1} dari {pages.Count}"), "", StringComparison.Ordinal)));
    }

    private static string Compact(string text) => DocumentText.Compact(text);
}
