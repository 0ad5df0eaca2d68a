using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using PerijinanBot.Reports.Compliance;
using PerijinanBot.Reports.Spreadsheets;
using PerijinanBot.Reports.Tests.Support;
using static PerijinanBot.Reports.Tests.Compliance.ComplianceFixture;

namespace PerijinanBot.Reports.Tests.Compliance;

public sealed class ComplianceXlsxTests
{
    private static readonly ComplianceFigures November = ComplianceReport.Compute(
        All, Definition, CompliancePeriod.Containing(PeriodKind.Bulan, new DateOnly(2026, 11, 1)), Now, Calendar);

    private static readonly byte[] Workbook = ComplianceXlsx.Build(November);

    [Fact]
    public void The_workbook_passes_the_OpenXml_validator()
    {
        Assert.Empty(XlsxAssert.ValidationErrors(Workbook));
    }

    [Fact]
    public void It_has_the_summary_the_rows_and_the_monitoring_form()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(Workbook), false);

        Assert.Equal(["Ringkasan", "Rincian", "Monitoring SOP"], document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
    }

    [Fact]
    public void Rows_read_back_equal_to_the_figures_including_odd_user_text()
    {
        var rows = ComplianceXlsxReader.ReadRows(Workbook);

        Assert.Equal(November.Rows, rows);
        Assert.Contains(rows, r => r.Koperasi == KoperasiE);
        Assert.Contains(rows, r => r.Koperasi == KoperasiD);
        Assert.Contains(rows, r => r.Koperasi == "KSP Pancur Kasih; KSP Keling Kumang");
        Assert.DoesNotContain(rows, r => r.Koperasi.Contains("6112010123456789", StringComparison.Ordinal));
    }

    [Fact]
    public void Rows_still_read_back_after_Excel_moves_the_text_into_its_shared_string_table()
    {
        var resaved = XlsxAssert.ToSharedStrings(Workbook);

        Assert.Empty(XlsxAssert.ValidationErrors(resaved));
        Assert.Equal(November.Rows, ComplianceXlsxReader.ReadRows(resaved));
        Assert.Equal(November.Steps, ComplianceXlsxReader.ReadSummary(resaved).Steps);
    }

    [Fact]
    public void The_summary_reads_back_equal_to_the_figures()
    {
        var summary = ComplianceXlsxReader.ReadSummary(Workbook);

        Assert.Equal(November.Steps, summary.Steps);
        Assert.Equal(November.Roles, summary.Roles);
        Assert.Equal((2, 1), (summary.OpenNow, summary.LateNow));
    }

    [Fact]
    public void The_monitoring_form_reads_back_equal_to_the_figures()
    {
        Assert.Equal(November.Monitoring, ComplianceXlsxReader.ReadMonitoring(Workbook));
    }

    [Fact]
    public void An_empty_period_still_makes_a_valid_workbook_that_reads_back()
    {
        var empty = ComplianceReport.Compute([], Definition, CompliancePeriod.Containing(PeriodKind.Tahun, new DateOnly(2030, 1, 1)), Now, Calendar);
        var xlsx = ComplianceXlsx.Build(empty);

        Assert.Empty(XlsxAssert.ValidationErrors(xlsx));
        Assert.Empty(ComplianceXlsxReader.ReadRows(xlsx));
        Assert.Equal(empty.Steps, ComplianceXlsxReader.ReadSummary(xlsx).Steps);
        Assert.All(ComplianceXlsxReader.ReadMonitoring(xlsx), m => Assert.Null(m.DilaksanakanDenganBaik));
    }

    [Fact]
    public void Times_are_real_Excel_dates_in_WIB_shown_to_the_minute()
    {
        // Row 2 is A's step 1, entered Friday 30 October 2026 16.20 WIB: serial day 46325 plus 16 h 20 min.
        var cell = XlsxAssert.Cell(Workbook, "Rincian", "J2");

        Assert.Null(cell.DataType);
        Assert.Equal(46325 + ((16 * 60) + 20) / 1440.0, double.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture), 9);
        Assert.Equal("dd/mm/yyyy hh:mm", XlsxAssert.NumberFormat(Workbook, cell));
    }

    [Fact]
    public void Durations_are_numbers_of_working_hours_shown_with_two_decimals_beside_a_readable_text()
    {
        // Ringkasan row 14 is step 7: median 15 working hours.
        var hours = XlsxAssert.Cell(Workbook, "Ringkasan", "H14");
        var text = XlsxAssert.Cell(Workbook, "Ringkasan", "I14");

        Assert.Equal("15", hours.CellValue!.Text);
        Assert.Equal("0.00", XlsxAssert.NumberFormat(Workbook, hours));
        Assert.Equal("15 jam", text.InlineString!.Text!.Text);
    }

    [Fact]
    public void Text_that_looks_like_a_formula_is_stored_as_text()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(Workbook), false);
        var cells = document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<Cell>()).ToList();

        Assert.DoesNotContain(cells, c => c.CellFormula is not null);
        var koperasi = Assert.Single(cells, c => c.InlineString?.Text?.Text == KoperasiB && c.CellReference == "B9");
        Assert.Equal(CellValues.InlineString, koperasi.DataType!.Value);
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("a\u0001b\u001Fc")]
    [InlineData("line\r\nbreak")]
    [InlineData("_x0041_ stays literal")]
    [InlineData("_x004")]
    [InlineData("🌾 emoji and \uD83D lone surrogate")]
    [InlineData("not a character: \uFFFE\uFFFF")]
    public void Escaped_text_unescapes_to_the_original(string text)
    {
        var escaped = XlsxText.Escape(text);

        Assert.DoesNotContain(escaped, c => c < ' ' && c is not '\t' and not '\n');
        Assert.Equal(text, XlsxReader.Unescape(escaped));
    }

    [Fact]
    public void Text_longer_than_an_Excel_cell_is_cut_without_splitting_an_emoji()
    {
        var text = new string('a', XlsxText.MaxCellLength - 2) + "🌾🌾";

        var fitted = XlsxText.Fit(text);

        Assert.Equal(XlsxText.MaxCellLength - 1, fitted.Length);
        Assert.EndsWith("a…", fitted, StringComparison.Ordinal);
    }
}

/// <summary>Looks inside a workbook the way Excel would.</summary>
internal static class XlsxAssert
{
    public static IReadOnlyList<string> ValidationErrors(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        return [.. new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")];
    }

    /// <summary>What Excel does on save: every inline string goes into the workbook's shared string table.</summary>
    public static byte[] ToSharedStrings(byte[] xlsx)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var workbook = document.WorkbookPart!;
            var table = new SharedStringTable();
            foreach (var cell in workbook.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<Cell>()).Where(c => c.InlineString is not null))
            {
                table.Append(new SharedStringItem((Text)cell.InlineString!.Text!.CloneNode(true)));
                cell.InlineString.Remove();
                cell.DataType = CellValues.SharedString;
                cell.CellValue = new CellValue((table.ChildElements.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            workbook.AddNewPart<SharedStringTablePart>().SharedStringTable = table;
        }

        return stream.ToArray();
    }

    public static Cell Cell(byte[] xlsx, string sheetName, string reference)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        return (Cell)part.Worksheet.Descendants<Cell>().Single(c => c.CellReference == reference).CloneNode(true);
    }

    /// <summary>The number format code a cell is shown with (built-in ones by their id's well-known code).</summary>
    public static string NumberFormat(byte[] xlsx, Cell cell)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var stylesheet = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var format = stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));
        var id = format.NumberFormatId?.Value ?? 0;
        return id switch
        {
            1 => "0",
            2 => "0.00",
            9 => "0%",
            _ => stylesheet.NumberingFormats?.Elements<NumberingFormat>().SingleOrDefault(f => f.NumberFormatId?.Value == id)?.FormatCode?.Value ?? "General",
        };
    }
}
