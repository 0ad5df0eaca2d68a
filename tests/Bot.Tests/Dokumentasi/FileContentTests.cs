using PerijinanBot.Bot.Dokumentasi;

namespace PerijinanBot.Bot.Tests.Dokumentasi;

/// <summary>A received file's format is told by its bytes: what it is called, or claims to be, changes nothing.</summary>
public sealed class FileContentTests
{
    [Fact]
    public void A_Word_document_is_recognised_by_its_package_and_its_name_gets_the_right_extension()
    {
        Assert.Equal(FileFormat.Docx, FileContent.Identify(TestFiles.Docx()));
        Assert.Equal("berita-acara.docx", FileContent.NameFor("berita-acara.pdf", FileFormat.Docx, "dokumen-1"));
    }

    [Fact]
    public void PDF_bytes_under_a_photo_name_are_a_PDF_and_are_kept_as_one()
    {
        Assert.Equal(FileFormat.Pdf, FileContent.Identify("%PDF-1.7\n%%EOF"u8.ToArray()));
        Assert.Equal("foto.pdf", FileContent.NameFor("foto.jpg", FileFormat.Pdf, "dokumen-1"));
    }

    [Fact]
    public void A_renamed_program_a_plain_zip_and_an_empty_file_are_none_of_the_accepted_formats()
    {
        Assert.Null(FileContent.Identify([(byte)'M', (byte)'Z', 0x90, 0x00, 3, 0, 0, 0]));
        Assert.Null(FileContent.Identify([0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0]));
        Assert.Null(FileContent.Identify([]));
    }

    [Fact]
    public void A_file_sent_without_a_name_gets_the_fallback_and_the_extension_of_its_content()
    {
        Assert.Equal("foto-3.png", FileContent.NameFor("", FileFormat.Png, "foto-3"));
        Assert.Equal("IMG_0001.jpeg", FileContent.NameFor("IMG_0001.jpeg", FileFormat.Jpeg, "foto-1"));
    }
}
