using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PerijinanBot.Reports.Laporan;
using static PerijinanBot.Reports.Tests.Laporan.LaporanScenario;

namespace PerijinanBot.Reports.Tests.Laporan;

public sealed class LaporanDocxTests
{
    private static readonly byte[] _docx = LaporanKegiatanDocument.Docx(LaporanKegiatanDocument.From(Request()));

    [Fact]
    public void The_document_passes_the_Open_XML_validator()
    {
        var errors = DocumentText.DocxErrors(_docx);

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path?.XPath}: {e.Description}")));
    }

    [Fact]
    public void The_document_says_what_happened_including_the_send_back_and_the_Plh()
    {
        var text = DocumentText.Docx(_docx);

        Assert.Contains(Number, text, StringComparison.Ordinal);
        Assert.Contains(Koperasi, text, StringComparison.Ordinal);
        Assert.Contains(Koperasi2, text, StringComparison.Ordinal);
        Assert.Contains("NIK: 6112010123456789", text, StringComparison.Ordinal);
        Assert.Contains("Hasil: Tidak melanjutkan", text, StringComparison.Ordinal);
        Assert.Contains("Nomor berita acara: BA-519/FAS/VII/2026", text, StringComparison.Ordinal);
        Assert.Contains(AgendaLaporan, text, StringComparison.Ordinal);
        Assert.Contains(AgendaDisposisi, text, StringComparison.Ordinal);
        Assert.Contains(LaporanScenario.Disposisi, text, StringComparison.Ordinal);
        Assert.Contains(RejectReason, text, StringComparison.Ordinal);
        Assert.Contains($"NIP. {BudiNip}", text, StringComparison.Ordinal);
        Assert.Contains($"selaku Plh. Kepala Bidang Perijinan dan Kelembagaan ({DelegationBasis})", text, StringComparison.Ordinal);
        Assert.Contains(LongWord, text, StringComparison.Ordinal);
        Assert.Contains("]]> <w:t>bukan markup</w:t> 🎉", text, StringComparison.Ordinal);
        Assert.All(Decisions.Distinct(), decision => Assert.Contains(decision, text, StringComparison.Ordinal));
    }

    [Fact]
    public void Documentation_links_are_hyperlink_relationships()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(_docx), isEditable: false);
        var main = document.MainDocumentPart!;
        var links = main.Document!.Body!.Descendants<Hyperlink>().ToList();

        Assert.Equal([Foto, Galeri], links.Select(l => l.InnerText));
        var targets = links.Select(l => main.HyperlinkRelationships.Single(r => r.Id == l.Id).Uri).ToList();
        Assert.Equal([new Uri(Foto), new Uri(Galeri)], targets);
        Assert.All(main.HyperlinkRelationships, r => Assert.True(r.IsExternal));
    }

    [Fact]
    public void The_appendix_is_a_bordered_table_with_a_repeated_header_row_and_one_row_per_visit()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(_docx), isEditable: false);
        var table = document.MainDocumentPart!.Document!.Body!.Elements<Table>().Last();
        var rows = table.Elements<TableRow>().ToList();

        Assert.NotNull(table.GetFirstChild<TableProperties>()!.TableBorders);
        Assert.NotNull(rows[0].TableRowProperties!.GetFirstChild<TableHeader>());
        Assert.StartsWith("Langkah", rows[0].InnerText, StringComparison.Ordinal);
        Assert.Equal(Run().Steps.Count, rows.Count - 1);
        Assert.Equal(Decisions, rows.Skip(1).Select(r => r.Elements<TableCell>().ElementAt(5).InnerText));
    }

    [Fact]
    public void The_letter_is_A4_portrait_and_the_appendix_A4_landscape()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(_docx), isEditable: false);
        var sizes = document.MainDocumentPart!.Document!.Body!.Descendants<PageSize>().ToList();

        Assert.Equal(2, sizes.Count);
        Assert.Equal((11906U, 16838U), (sizes[0].Width!.Value, sizes[0].Height!.Value));
        Assert.Equal((16838U, 11906U), (sizes[1].Width!.Value, sizes[1].Height!.Value));
    }

    [Fact]
    public void Missing_jabatan_and_NIP_print_nothing_not_null()
    {
        var docx = LaporanKegiatanDocument.Docx(LaporanKegiatanDocument.From(Request(anggota: Dewi, reportPeople: Bare)));
        var text = DocumentText.Docx(docx);

        Assert.Empty(DocumentText.DocxErrors(docx));
        Assert.DoesNotContain("null", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("NIP", text, StringComparison.Ordinal);
        Assert.Contains("Dewi Lestari", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_vacant_Kepala_Bidang_and_hostile_characters_still_give_a_valid_document()
    {
        var request = Request(reportPeople: WithoutKabid) with
        {
            Laporan = LaporanEntry() with { Perihal = "Perihal\u0001\u000B <x> & \ud800 \uFFFF 😀" },
        };

        var docx = LaporanKegiatanDocument.Docx(LaporanKegiatanDocument.From(request));

        Assert.Empty(DocumentText.DocxErrors(docx));
        Assert.Contains("Perihal <x> &", DocumentText.Docx(docx), StringComparison.Ordinal);
    }
}
