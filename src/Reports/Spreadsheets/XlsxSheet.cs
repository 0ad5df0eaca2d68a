using System.Buffers;

namespace PerijinanBot.Reports.Spreadsheets;

/// <summary>The cell formats <see cref="XlsxWriter"/> puts in every workbook; the value is the index into its cellXfs.</summary>
internal enum XlsxStyle : uint
{
    Default = 0,
    Header = 1,
    Title = 2,

    /// <summary><c>dd/mm/yyyy</c>, the way Indonesian offices write dates.</summary>
    Date = 3,

    /// <summary><c>dd/mm/yyyy hh:mm</c>.</summary>
    DateTime = 4,

    /// <summary>Two decimals (working hours); the cell keeps full precision.</summary>
    Decimal2 = 5,

    /// <summary>Whole percent; the cell keeps the share (0.8 shows as 80%).</summary>
    Percent = 6,

    Integer = 7,

    /// <summary>Wrapped, top-aligned text for long user input.</summary>
    Wrap = 8,
}

internal enum XlsxCellKind
{
    Empty,
    Text,
    Number,
}

/// <summary>One cell to write. Text is always stored as text (never a formula), whatever it starts with.</summary>
internal readonly record struct XlsxCell(XlsxCellKind Kind, string? Text, double Number, XlsxStyle Style)
{
    /// <summary>Serial day 0 of Excel's 1900 date system (day 1 is 1900-01-01 by Excel's count, which includes 1900-02-29).</summary>
    private static readonly DateTime _epoch = new(1899, 12, 30, 0, 0, 0, DateTimeKind.Unspecified);

    public static XlsxCell Empty => default;

    /// <summary>Null or empty text leaves the cell empty.</summary>
    public static XlsxCell Of(string? text, XlsxStyle style = XlsxStyle.Default) =>
        string.IsNullOrEmpty(text) ? new(XlsxCellKind.Empty, null, 0, style) : new(XlsxCellKind.Text, text, 0, style);

    public static XlsxCell Of(double number, XlsxStyle style = XlsxStyle.Default) =>
        double.IsFinite(number) ? new(XlsxCellKind.Number, null, number, style) : throw new ArgumentOutOfRangeException(nameof(number), number, "A cell holds a finite number.");

    /// <summary>Null leaves the cell empty.</summary>
    public static XlsxCell Of(double? number, XlsxStyle style) => number is { } n ? Of(n, style) : new(XlsxCellKind.Empty, null, 0, style);

    public static XlsxCell Of(DateOnly date) => Of(ToSerial(date.ToDateTime(TimeOnly.MinValue)), XlsxStyle.Date);

    /// <summary>A wall-clock time (no zone: a spreadsheet has none), shown to the minute.</summary>
    public static XlsxCell Of(DateTime local) => Of(ToSerial(local), XlsxStyle.DateTime);

    /// <summary>Days since <see cref="_epoch"/>; exact for whole seconds up to the precision of a double (about a microsecond).</summary>
    public static double ToSerial(DateTime local) => (local - _epoch).Ticks / (double)TimeSpan.TicksPerDay;
}

/// <summary>A worksheet to write: rows top to bottom, optional column widths, hidden columns and frozen header rows.</summary>
internal sealed class XlsxSheet
{
    private static readonly SearchValues<char> _forbidden = SearchValues.Create("[]:*?/\\");

    private readonly List<IReadOnlyList<XlsxCell>> _rows = [];
    private readonly HashSet<int> _hidden = [];

    public XlsxSheet(string name)
    {
        if (name.Length is 0 or > 31 || name.AsSpan().ContainsAny(_forbidden) || name.StartsWith('\'') || name.EndsWith('\''))
        {
            throw new ArgumentException($"'{name}' is not a valid worksheet name.", nameof(name));
        }

        Name = name;
    }

    public string Name { get; }

    public IReadOnlyList<IReadOnlyList<XlsxCell>> Rows => _rows;

    /// <summary>Column widths in characters, from column A.</summary>
    public IReadOnlyList<double> Widths { get; private set; } = [];

    public IReadOnlySet<int> Hidden => _hidden;

    /// <summary>Rows kept in view when scrolling (the header); 0 for none.</summary>
    public int FrozenRows { get; private set; }

    /// <summary>1-based number of the next row <see cref="Row"/> will add.</summary>
    public int NextRow => _rows.Count + 1;

    public XlsxSheet Row(params XlsxCell[] cells)
    {
        _rows.Add(cells);
        return this;
    }

    public XlsxSheet Blank() => Row();

    public XlsxSheet Columns(params double[] widths)
    {
        Widths = widths;
        return this;
    }

    /// <summary>Hides a column (0-based): data a program needs to read the sheet back but a person does not.</summary>
    public XlsxSheet Hide(int column)
    {
        _hidden.Add(column);
        return this;
    }

    public XlsxSheet Freeze(int rows)
    {
        FrozenRows = rows;
        return this;
    }
}
