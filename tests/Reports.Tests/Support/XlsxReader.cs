using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PerijinanBot.Reports.Spreadsheets;

namespace PerijinanBot.Reports.Tests.Support;

/// <summary>
/// Reads a worksheet's values back as text: decoded strings for text cells (inline or shared, since Excel rewrites inline
/// strings into its shared table when someone saves the file), the stored value for numbers. Formulas are not evaluated;
/// their cached value is read. Only the tests read workbooks back, so this lives with them (Bot.Tests links this file).
/// </summary>
internal static partial class XlsxReader
{
    /// <summary>Every row of the sheet from row 1, missing rows as empty ones, so indexes match row numbers minus one.</summary>
    public static IReadOnlyList<XlsxRowValues> ReadSheet(byte[] xlsx, string sheetName)
    {
        ArgumentNullException.ThrowIfNull(xlsx);
        using var stream = new MemoryStream(xlsx, writable: false);
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var workbookPart = document.WorkbookPart ?? throw new InvalidDataException("The file has no workbook.");
        var sheet = workbookPart.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault(s => s.Name?.Value == sheetName)
            ?? throw new InvalidDataException($"The workbook has no sheet '{sheetName}'.");
        var part = (WorksheetPart)workbookPart.GetPartById(sheet.Id?.Value ?? throw new InvalidDataException($"Sheet '{sheetName}' has no part."));
        var shared = workbookPart.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(TextOf).ToList() ?? [];

        var rows = new List<XlsxRowValues>();
        foreach (var row in part.Worksheet.GetFirstChild<SheetData>()?.Elements<Row>() ?? [])
        {
            var number = row.RowIndex?.Value is { } index ? (int)index : rows.Count + 1;
            while (rows.Count < number - 1)
            {
                rows.Add(new XlsxRowValues([]));
            }

            var cells = new List<string?>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
                while (cells.Count <= column)
                {
                    cells.Add(null);
                }

                cells[column] = ValueOf(cell, shared);
            }

            rows.Add(new XlsxRowValues(cells));
        }

        return rows;
    }

    /// <summary>0-based column of a reference such as "AB12".</summary>
    public static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }

            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index - 1;
    }

    /// <summary>
    /// Undoes the SpreadsheetML escape (ECMA-376 ST_Xstring) the writer applies: every <c>_xHHHH_</c>, read left to right, is
    /// the character with that code. Written apart from the escaping code on purpose, so a round trip checks one against
    /// the other.
    /// </summary>
    public static string Unescape(string text) =>
        EscapeCode().Replace(text, m => ((char)int.Parse(m.Groups["code"].ValueSpan, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)).ToString());

    private static string? ValueOf(Cell cell, List<string> shared)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
        {
            return cell.InlineString is { } inline ? TextOf(inline) : null;
        }

        var raw = cell.CellValue?.Text;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Count ? shared[i] : null;
        }

        return type == CellValues.String ? Unescape(raw ?? "") : raw;
    }

    // Rich text keeps its runs' text; phonetic hints (rPh) are not part of the value.
    private static string TextOf(RstType item) =>
        Unescape(item.Text?.Text ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text)));

    [GeneratedRegex("_x(?<code>[0-9A-Fa-f]{4})_")]
    private static partial Regex EscapeCode();
}

/// <summary>One row read back; columns are 0-based.</summary>
internal sealed class XlsxRowValues(IReadOnlyList<string?> cells)
{
    /// <summary>Serial day 0 of Excel's 1900 date system (1900-01-01 is day 1 by Excel's count, which includes 1900-02-29).</summary>
    private static readonly DateTime _excelDayZero = new(1899, 12, 30, 0, 0, 0, DateTimeKind.Unspecified);

    public IReadOnlyList<string?> Cells => cells;

    /// <summary>The cell's text, or null when it is empty.</summary>
    public string? Optional(int column) => column < cells.Count && !string.IsNullOrEmpty(cells[column]) ? cells[column] : null;

    /// <summary>The cell's text, "" when empty.</summary>
    public string Text(int column) => Optional(column) ?? "";

    public double? OptionalNumber(int column) => Optional(column) switch
    {
        null => null,
        var text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
        var text => throw new InvalidDataException($"Column {XlsxWriter.ColumnName(column)} should hold a number but holds '{text}'."),
    };

    public double Number(int column) =>
        OptionalNumber(column) ?? throw new InvalidDataException($"Column {XlsxWriter.ColumnName(column)} should hold a number but is empty.");

    public int Integer(int column) => (int)Math.Round(Number(column), MidpointRounding.AwayFromZero);

    /// <summary>A date or time cell (a serial day of Excel's 1900 system), rounded to the millisecond to undo the double's last-digit noise.</summary>
    public DateTime DateTime(int column) =>
        _excelDayZero.AddMilliseconds(Math.Round(Number(column) * TimeSpan.TicksPerDay / TimeSpan.TicksPerMillisecond, MidpointRounding.AwayFromZero));

    /// <summary>Durations are stored as hours; read back to the tick (a double's precision covers it for any realistic duration).</summary>
    public TimeSpan? OptionalHours(int column) =>
        OptionalNumber(column) is { } hours ? TimeSpan.FromTicks((long)Math.Round(hours * TimeSpan.TicksPerHour, MidpointRounding.AwayFromZero)) : null;

    public TimeSpan Hours(int column) =>
        OptionalHours(column) ?? throw new InvalidDataException($"Column {XlsxWriter.ColumnName(column)} should hold hours but is empty.");

    public bool IsEmpty => cells.All(string.IsNullOrEmpty);
}
