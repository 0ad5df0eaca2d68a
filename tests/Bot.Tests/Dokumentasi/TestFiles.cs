using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PerijinanBot.Bot.Tests.Dokumentasi;

/// <summary>Files a person might send, made here rather than checked in.</summary>
internal static class TestFiles
{
    /// <summary>A real Word document, as the Open XML SDK writes it (a ZIP package with the WordprocessingML main part).</summary>
    public static byte[] Docx()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(new Body(new Paragraph(new Run(new Text("Berita acara")))));
        }

        return stream.ToArray();
    }
}
