using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace PerijinanBot.Reports.Laporan;

/// <summary>
/// A cursor over the pages of a PDF being written: where the next line goes, when a new page is needed, and how text wraps
/// to a width. Coordinates are points from the top-left of the page, as <see cref="XGraphics"/> uses them.
/// </summary>
internal sealed class PdfSheet : IDisposable
{
    private readonly PdfDocument _document;
    private PdfPage? _page;
    private XGraphics? _graphics;

    public PdfSheet(PdfDocument document) => _document = document;

    public double Left { get; private set; }

    public double Right { get; private set; }

    public double Bottom { get; private set; }

    /// <summary>The top of the first line of a page.</summary>
    public double Top { get; private set; }

    /// <summary>The top of the next line.</summary>
    public double Y { get; set; }

    public bool Landscape { get; private set; }

    public double Width => Right - Left;

    public XGraphics Graphics => _graphics ?? throw new InvalidOperationException("No page has been started.");

    private PdfPage Page => _page ?? throw new InvalidOperationException("No page has been started.");

    public void NewPage(bool landscape)
    {
        _graphics?.Dispose();
        _page = _document.AddPage();
        _page.Width = XUnit.FromMillimeter(landscape ? 297 : 210);
        _page.Height = XUnit.FromMillimeter(landscape ? 210 : 297);
        _graphics = XGraphics.FromPdfPage(_page);
        Landscape = landscape;

        // Letters leave a wider left margin for binding; the landscape appendix needs every millimetre for its columns.
        Left = XUnit.FromMillimeter(landscape ? 15 : 30).Point;
        Right = _page.Width.Point - XUnit.FromMillimeter(landscape ? 15 : 20).Point;
        Bottom = _page.Height.Point - XUnit.FromMillimeter(22).Point;
        Top = XUnit.FromMillimeter(18).Point;
        Y = Top;
    }

    /// <summary>Starts a new page (same orientation) unless <paramref name="height"/> more points fit on this one.</summary>
    public bool Ensure(double height)
    {
        if (Y + height <= Bottom)
        {
            return false;
        }

        NewPage(Landscape);
        return true;
    }

    public double Measure(string text, XFont font) => text.Length == 0 ? 0 : Graphics.MeasureString(text, font).Width;

    public void Draw(string text, XFont font, double x, XBrush? brush = null)
    {
        if (text.Length > 0)
        {
            Graphics.DrawString(text, font, brush ?? XBrushes.Black, x, Y, XStringFormats.TopLeft);
        }
    }

    /// <summary>A web link over a line already drawn at the cursor. Annotations use PDF coordinates, measured from the bottom.</summary>
    public void Link(Uri target, double x, double width, double height)
    {
        var rect = new XRect(x, Page.Height.Point - Y - height, width, height);
        Page.AddWebLink(new PdfRectangle(rect), target.AbsoluteUri);
    }

    /// <summary>
    /// Splits text into lines no wider than <paramref name="width"/>: at line breaks, then between words, and inside a word that
    /// alone is too wide (user text may hold a 300-character word or URL). An empty input line stays an empty output line.
    /// </summary>
    public List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : $"{line} {word}";
                if (Measure(candidate, font) <= width)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = Measure(word, font) <= width ? word : BreakWord(word, font, width, lines);
            }

            lines.Add(line);
        }

        return lines;
    }

    public void Dispose() => _graphics?.Dispose();

    /// <summary>Cuts a word into full-width pieces (whole text elements, so emoji and accents stay intact); returns the last piece.</summary>
    private string BreakWord(string word, XFont font, double width, List<string> lines)
    {
        var piece = "";
        var elements = StringInfo.GetTextElementEnumerator(word);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (piece.Length > 0 && Measure(piece + element, font) > width)
            {
                lines.Add(piece);
                piece = "";
            }

            piece += element;
        }

        return piece;
    }
}
