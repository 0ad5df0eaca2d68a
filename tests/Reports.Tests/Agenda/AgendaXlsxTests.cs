using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PerijinanBot.Reports.Agenda;
using PerijinanBot.Reports.Spreadsheets;
using PerijinanBot.Reports.Tests.Compliance;
using PerijinanBot.Reports.Tests.Support;

namespace PerijinanBot.Reports.Tests.Agenda;

public sealed class AgendaXlsxTests
{
    private static readonly AgendaEntry[] Entries =
    [
        new(2026, 1, new DateOnly(2026, 11, 3), "000.8 / 0001 / DISKOPUKM.B", "500.2/1234/DISKOPUKM-B.2", "Disposisi fasilitasi IKC",
            "Kepala Bidang Perijinan dan Kelembagaan", "kadis-1", "Syarif Hidayat", "FAS-2026-0002", AgendaDocuments.Disposisi),
        new(2026, 2, new DateOnly(2026, 11, 19), "000.8 / 0002 / DISKOPUKM.B", null, "=HYPERLINK(\"http://x\") Laporan <Kegiatan> & \"hasil\" 🌾",
            "Kepala Dinas\r\nKoperasi UKM", "anggota-1", "Dedi Kurniawan", "FAS-2026-0002", AgendaDocuments.Laporan),
        new(2026, 3, new DateOnly(2026, 12, 31), "000.8 / 0003 / DISKOPUKM.B", null, "Surat \u0007 lain", "Tujuan_x0041_", "x", "Nama", "FAS-2026-0009", "nota"),
    ];

    private static readonly Dictionary<(int Year, int Serial), Uri> Links = new()
    {
        [(2026, 1)] = new("https://diskopukm.sharepoint.com/sites/Perijinan/Dokumen%20Bersama/Arsip/2026/IKC/FAS-2026-0002/Lembar-Disposisi-FAS-2026-0002.pdf"),
        [(2026, 2)] = new("https://bot.example/unduh/tok%2Fen_x0041_&a=1/Laporan-Kegiatan-FAS-2026-0002.pdf"),
    };

    private const string Note = "Tautan unduhan dari bot berlaku sampai Kamis, 3 Desember 2026 10.00 WIB.";

    private static readonly byte[] Workbook = AgendaXlsx.Build("Buku Agenda Surat Keluar Tahun 2026", Entries, Links, Note);

    [Fact]
    public void The_register_reads_back_entry_for_entry_with_each_link()
    {
        Assert.Equal(Entries, AgendaXlsxReader.Read(Workbook));
        Assert.Equal(Links, AgendaXlsxReader.ReadLinks(Workbook));
        Assert.Equal(Entries, AgendaXlsxReader.Read(AgendaXlsx.Build("Tanpa tautan", Entries)));
        Assert.Empty(AgendaXlsxReader.ReadLinks(AgendaXlsx.Build("Tanpa tautan", Entries)));
    }

    [Fact]
    public void Links_survive_Excel_rewriting_the_texts_into_shared_strings()
    {
        var saved = XlsxAssert.ToSharedStrings(Workbook);

        Assert.Equal(Entries, AgendaXlsxReader.Read(saved));
        Assert.Equal(Links, AgendaXlsxReader.ReadLinks(saved));
    }

    [Fact]
    public void A_register_exported_before_the_Tautan_column_still_reads_back()
    {
        // The columns of the earlier export, without Tautan; Read finds its columns by their header.
        var rows = new[] { "No.", "Tanggal", "Nomor Surat", "Nomor SRIKANDI", "Perihal", "Tujuan", "Pengolah", "Nomor Kegiatan", "Dokumen", "Tahun agenda", "ID pengolah" };
        var sheet = new XlsxSheet("Buku Agenda").Row(XlsxCell.Of("Lama")).Blank().Row([.. rows.Select(h => XlsxCell.Of(h))]);
        var e = Entries[0];
        sheet.Row(XlsxCell.Of(e.Serial), XlsxCell.Of(e.Tanggal), XlsxCell.Of(e.NomorBot), XlsxCell.Of(e.NomorSrikandi), XlsxCell.Of(e.Perihal), XlsxCell.Of(e.Tujuan),
            XlsxCell.Of(e.PengolahName), XlsxCell.Of(e.KegiatanNumber), XlsxCell.Of("Disposisi Kepala Dinas"), XlsxCell.Of(e.Year), XlsxCell.Of(e.PengolahId));
        var old = XlsxWriter.Write([sheet]);

        Assert.Equal([e], AgendaXlsxReader.Read(old));
        Assert.Empty(AgendaXlsxReader.ReadLinks(old));
    }

    [Fact]
    public void Each_link_is_its_address_as_text_and_a_real_hyperlink_on_that_cell()
    {
        var cell = XlsxAssert.Cell(Workbook, "Buku Agenda", "J4");
        Assert.Equal(CellValues.InlineString, cell.DataType?.Value);

        using var document = SpreadsheetDocument.Open(new MemoryStream(Workbook), false);
        var part = document.WorkbookPart!.WorksheetParts.Single();
        var hyperlinks = part.Worksheet.Descendants<Hyperlink>().ToList();
        Assert.Equal(["J4", "J5"], hyperlinks.Select(h => h.Reference?.Value));
        Assert.Equal(
            [Links[(2026, 1)], Links[(2026, 2)]],
            hyperlinks.Select(h => part.HyperlinkRelationships.Single(r => r.Id == h.Id!.Value).Uri));
        Assert.Null(XlsxReader.ReadSheet(Workbook, "Buku Agenda")[5].Optional(9));
    }

    [Fact]
    public void The_workbook_passes_the_OpenXml_validator()
    {
        Assert.Empty(XlsxAssert.ValidationErrors(Workbook));
        Assert.Empty(XlsxAssert.ValidationErrors(AgendaXlsx.Build("Kosong", [])));
        Assert.Empty(AgendaXlsxReader.Read(AgendaXlsx.Build("Kosong", [])));
    }

    [Fact]
    public void The_sheet_shows_the_title_the_note_and_the_register_columns_and_hides_the_ids()
    {
        var rows = XlsxReader.ReadSheet(Workbook, "Buku Agenda");

        Assert.Equal("Buku Agenda Surat Keluar Tahun 2026", rows[0].Text(0));
        Assert.Equal(
            ["No.", "Tanggal", "Nomor Surat", "Nomor SRIKANDI", "Perihal", "Tujuan", "Pengolah", "Nomor Kegiatan", "Dokumen", "Tautan", "Tahun agenda", "ID pengolah"],
            rows[2].Cells);
        Assert.Equal(Note, rows[1].Text(0));
        Assert.Equal(["Disposisi Kepala Dinas", "Laporan Kegiatan", "nota"], rows.Skip(3).Select(r => r.Text(8)));

        using var document = SpreadsheetDocument.Open(new MemoryStream(Workbook), false);
        var columns = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Column>().ToList();
        Assert.Equal([11u, 12u], columns.Where(c => c.Hidden?.Value == true).Select(c => c.Min!.Value));
    }

    [Fact]
    public void Tanggal_is_a_real_Excel_date()
    {
        // 3 November 2026 is serial day 46329.
        var cell = XlsxAssert.Cell(Workbook, "Buku Agenda", "B4");

        Assert.Equal("46329", cell.CellValue!.Text);
        Assert.Equal("dd/mm/yyyy", XlsxAssert.NumberFormat(Workbook, cell));
    }
}
