using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PerijinanBot.Reports.Spreadsheets;

/// <summary>
/// Writes <see cref="XlsxSheet"/>s as an .xlsx with the OpenXML SDK. Text goes in inline strings (no shared string table to
/// keep in step); one fixed stylesheet provides every <see cref="XlsxStyle"/>.
/// </summary>
internal static class XlsxWriter
{
    private const uint DateFormatId = 164;
    private const uint DateTimeFormatId = 165;

    public static byte[] Write(IReadOnlyList<XlsxSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        if (sheets.Count == 0 || sheets.Select(s => s.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() != sheets.Count)
        {
            throw new ArgumentException("A workbook needs at least one sheet, each with its own name.", nameof(sheets));
        }

        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Stylesheet();

            var list = new Sheets();
            uint sheetId = 1;
            foreach (var sheet in sheets)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                part.Worksheet = Worksheet(sheet, selected: sheetId == 1);
                list.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = sheetId++, Name = sheet.Name });
            }

            workbookPart.Workbook.Append(list);
        }

        return stream.ToArray();
    }

    /// <summary>"A", "B", …, "Z", "AA", … for a 0-based column.</summary>
    public static string ColumnName(int column)
    {
        var name = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private static Worksheet Worksheet(XlsxSheet sheet, bool selected)
    {
        var worksheet = new Worksheet();
        var view = new SheetView { WorkbookViewId = 0, TabSelected = selected };
        if (sheet.FrozenRows > 0)
        {
            var topLeft = $"A{sheet.FrozenRows + 1}";
            view.Append(
                new Pane { VerticalSplit = sheet.FrozenRows, TopLeftCell = topLeft, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue>([topLeft]) });
        }

        worksheet.Append(new SheetViews(view));

        var columns = Columns(sheet);
        if (columns.HasChildren)
        {
            worksheet.Append(columns);
        }

        var data = new SheetData();
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            var rowNumber = (uint)(r + 1);
            var row = new Row { RowIndex = rowNumber };
            var cells = sheet.Rows[r];
            for (var c = 0; c < cells.Count; c++)
            {
                if (Cell(cells[c], $"{ColumnName(c)}{rowNumber}") is { } cell)
                {
                    row.Append(cell);
                }
            }

            data.Append(row);
        }

        worksheet.Append(data);
        worksheet.Append(new PageMargins { Left = 0.7, Right = 0.7, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 });
        return worksheet;
    }

    private static Columns Columns(XlsxSheet sheet)
    {
        var columns = new Columns();
        var count = Math.Max(sheet.Widths.Count, sheet.Hidden.Count == 0 ? 0 : sheet.Hidden.Max() + 1);
        for (var c = 0; c < count; c++)
        {
            var column = new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = c < sheet.Widths.Count ? sheet.Widths[c] : 10, CustomWidth = true };
            if (sheet.Hidden.Contains(c))
            {
                column.Hidden = true;
            }

            columns.Append(column);
        }

        return columns;
    }

    private static Cell? Cell(XlsxCell value, string reference)
    {
        var styleIndex = value.Style == XlsxStyle.Default ? null : (UInt32Value)(uint)value.Style;
        return value.Kind switch
        {
            XlsxCellKind.Text => new Cell(new InlineString(new Text(XlsxText.Escape(XlsxText.Fit(value.Text!))) { Space = SpaceProcessingModeValues.Preserve }))
            {
                CellReference = reference,
                DataType = CellValues.InlineString,
                StyleIndex = styleIndex,
            },
            XlsxCellKind.Number => new Cell(new CellValue(value.Number.ToString("R", CultureInfo.InvariantCulture)))
            {
                CellReference = reference,
                StyleIndex = styleIndex,
            },
            _ => styleIndex is null ? null : new Cell { CellReference = reference, StyleIndex = styleIndex },
        };
    }

    private static Stylesheet Stylesheet()
    {
        var numberFormats = new NumberingFormats(
            new NumberingFormat { NumberFormatId = DateFormatId, FormatCode = "dd/mm/yyyy" },
            new NumberingFormat { NumberFormatId = DateTimeFormatId, FormatCode = "dd/mm/yyyy hh:mm" })
        { Count = 2 };

        var fonts = new DocumentFormat.OpenXml.Spreadsheet.Fonts(Font(bold: false, size: 11), Font(bold: true, size: 11), Font(bold: true, size: 14)) { Count = 3 };

        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }))
        { Count = 3 };

        var borders = new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 };

        // The order here is XlsxStyle's numbering.
        var formats = new CellFormats(
            Format(0),
            Format(0, fontId: 1, fillId: 2, wrap: true),
            Format(0, fontId: 2),
            Format(DateFormatId),
            Format(DateTimeFormatId),
            Format(2),
            Format(9),
            Format(1),
            Format(0, wrap: true))
        { Count = 9 };

        return new Stylesheet(
            numberFormats,
            fonts,
            fills,
            borders,
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            formats,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }

    private static Font Font(bool bold, double size)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }

        font.Append(new FontSize { Val = size }, new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 });
        return font;
    }

    private static CellFormat Format(uint numberFormatId, uint fontId = 0, uint fillId = 0, bool wrap = false)
    {
        var format = new CellFormat { NumberFormatId = numberFormatId, FontId = fontId, FillId = fillId, BorderId = 0, FormatId = 0 };
        if (numberFormatId != 0)
        {
            format.ApplyNumberFormat = true;
        }

        if (fontId != 0)
        {
            format.ApplyFont = true;
        }

        if (fillId != 0)
        {
            format.ApplyFill = true;
        }

        if (wrap)
        {
            format.ApplyAlignment = true;
            format.Append(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top });
        }

        return format;
    }
}
