using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PerijinanBot.Reports.Agenda;
using PerijinanBot.Reports.Spreadsheets;
using PerijinanBot.Reports.Tests.Compliance;

namespace PerijinanBot.Reports.Tests.Agenda;

public sealed class AgendaXlsxTests
{
    private static readonly AgendaEntry[] Entries =
    [
        new(2026, 1, new DateOnly(2026, 11, 3), "000.8 / 0001 / DISKOPUKM.B", "500.2/1234/DISKOPUKM-B.2", "Disposisi fasilitasi IKC",
            "Kepala Bidang Perijinan dan Kelembagaan", "kadis-1", "Syarif Hidayat", "FAS-2026-0002", AgendaDocuments.Disposisi),
        new(2026, 2, new DateOnly(2026, 11, 19), "000.8 / 0002 / DISKOPUKM.B", null, "=HYPERLINK(\"http://x\") Laporan <Kegiatan> & \"hasil\" 🌾",
            "Kepala Dinas\r\nKoperasi UKM", "anggota-1", "Dedi Kurniawan", "FAS-2026-0002", AgendaDocuments.Laporan),
        new(2026, 3, new DateOnly(2026, 12, 31), "000.8 / 0003 / DISKOPUKM.B", null, "Surat \u0007 lain", "Tujuan_x0041_", "x", "Nama", "FAS-2026-0009", "undangan"),
    ];

    private static readonly byte[] Workbook = AgendaXlsx.Build("Buku Agenda Surat Keluar Tahun 2026", Entries);

    [Fact]
    public void The_register_reads_back_entry_for_entry()
    {
        Assert.Equal(Entries, AgendaXlsx.Read(Workbook));
    }

    [Fact]
    public void The_workbook_passes_the_OpenXml_validator()
    {
        Assert.Empty(XlsxAssert.ValidationErrors(Workbook));
        Assert.Empty(XlsxAssert.ValidationErrors(AgendaXlsx.Build("Kosong", [])));
        Assert.Empty(AgendaXlsx.Read(AgendaXlsx.Build("Kosong", [])));
    }

    [Fact]
    public void The_sheet_shows_the_title_and_the_register_columns_and_hides_the_ids()
    {
        var rows = XlsxReader.ReadSheet(Workbook, "Buku Agenda");

        Assert.Equal("Buku Agenda Surat Keluar Tahun 2026", rows[0].Text(0));
        Assert.Equal(
            ["No.", "Tanggal", "Nomor Surat", "Nomor SRIKANDI", "Perihal", "Tujuan", "Pengolah", "Nomor Kegiatan", "Dokumen", "Tahun agenda", "ID pengolah"],
            rows[2].Cells);
        Assert.Equal(["Disposisi Kepala Dinas", "Laporan Kegiatan", "undangan"], rows.Skip(3).Select(r => r.Text(8)));

        using var document = SpreadsheetDocument.Open(new MemoryStream(Workbook), false);
        var columns = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Column>().ToList();
        Assert.Equal([10u, 11u], columns.Where(c => c.Hidden?.Value == true).Select(c => c.Min!.Value));
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
