using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig;

namespace PerijinanBot.Reports.Tests.Laporan;

/// <summary>Reads generated documents back the way a person's software would: Word's object model and a PDF text extractor.</summary>
internal static class DocumentText
{
    /// <summary>Every paragraph of the body (table cells included), one per line; line breaks inside a run become newlines.</summary>
    public static string Docx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        var body = document.MainDocumentPart!.Document!.Body!;
        var text = new StringBuilder();
        foreach (var paragraph in body.Descendants<Paragraph>())
        {
            foreach (var element in paragraph.Descendants())
            {
                if (element is Text t)
                {
                    text.Append(t.Text);
                }
                else if (element is Break)
                {
                    text.Append('\n');
                }
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    public static IReadOnlyList<ValidationErrorInfo> DocxErrors(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        return [.. new OpenXmlValidator().Validate(document)];
    }

    /// <summary>The text of each page, in drawing order.</summary>
    public static IReadOnlyList<string> PdfPages(byte[] bytes)
    {
        using var document = PdfDocument.Open(bytes);
        return [.. document.GetPages().Select(p => p.Text)];
    }

    /// <summary>
    /// The text of all pages as one, compacted, without the page footers: the footer is drawn last on each page, so it would
    /// otherwise sit between the two halves of a line split by a page break.
    /// </summary>
    public static string PdfBody(byte[] bytes, string kegiatanNumber)
    {
        var pages = PdfPages(bytes);
        return string.Concat(pages.Select((text, i) =>
            Compact(text).Replace(Compact($"Laporan Kegiatan {kegiatanNumber} — Halaman {i + 1} dari {pages.Count}"), "", StringComparison.Ordinal)));
    }

    /// <summary>Whitespace removed: a PDF line break may fall between any two words (or inside a long one), so compare without it.</summary>
    public static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
