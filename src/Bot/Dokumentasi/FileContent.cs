using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;

namespace PerijinanBot.Bot.Dokumentasi;

/// <summary>The file formats step 7 accepts as dokumentasi.</summary>
internal enum FileFormat
{
    Jpeg,
    Png,
    Pdf,
    Docx,
}

/// <summary>
/// Tells a received file's format by its bytes, never by its name or the type the sender's side declared: a renamed program
/// stays a program. JPEG starts with the SOI marker FF D8 FF, PNG with its 8-byte signature, PDF with "%PDF-"; a DOCX is a ZIP
/// package whose <c>[Content_Types].xml</c> declares the WordprocessingML main document part (a macro-enabled .docm declares
/// another type and is refused) and that holds that part.
/// </summary>
internal static class FileContent
{
    private const string DocxMainContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

    /// <summary>[Content_Types].xml and _rels/.rels are short lists; more than this is not a Word file worth reading further.</summary>
    private const int MaxContentTypesBytes = 256 * 1024;

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> PdfSignature => "%PDF-"u8;

    private static ReadOnlySpan<byte> ZipSignature => [0x50, 0x4B, 0x03, 0x04];

    public static FileFormat? Identify(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var span = bytes.AsSpan();
        return span is [0xFF, 0xD8, 0xFF, ..] ? FileFormat.Jpeg
            : span.StartsWith(PngSignature) ? FileFormat.Png
            : span.StartsWith(PdfSignature) ? FileFormat.Pdf
            : span.StartsWith(ZipSignature) && IsDocx(bytes) ? FileFormat.Docx
            : null;
    }

    public static bool IsImage(FileFormat format) => format is FileFormat.Jpeg or FileFormat.Png;

    public static string ContentType(FileFormat format) => format switch
    {
        FileFormat.Jpeg => "image/jpeg",
        FileFormat.Png => "image/png",
        FileFormat.Pdf => "application/pdf",
        _ => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    };

    public static string Extension(FileFormat format) => format switch
    {
        FileFormat.Jpeg => ".jpg",
        FileFormat.Png => ".png",
        FileFormat.Pdf => ".pdf",
        _ => ".docx",
    };

    /// <summary>
    /// The name the file keeps, its extension made to match its content (a PDF sent as "foto.jpg" is kept as "foto.pdf", so
    /// that it opens in the right program); a file sent without a name gets <paramref name="fallback"/>.
    /// </summary>
    public static string NameFor(string? sent, FileFormat format, string fallback)
    {
        var stem = Path.GetFileNameWithoutExtension(Path.GetFileName((sent ?? "").Replace('\\', '/')));
        if (string.IsNullOrWhiteSpace(stem))
        {
            stem = fallback;
        }

        var extension = Extension(format);
        var current = Path.GetExtension(sent ?? "");
        // .jpeg and .jpg are the same format: keep what the person wrote.
        return format == FileFormat.Jpeg && current.Equals(".jpeg", StringComparison.OrdinalIgnoreCase) ? stem + ".jpeg" : stem + extension;
    }

    /// <summary>
    /// The package's officeDocument relationship (<c>_rels/.rels</c>) names the main part; its content type, from an Override
    /// for that part or the Default for its extension in <c>[Content_Types].xml</c>, must be WordprocessingML's main document
    /// (ECMA-376 Part 2, Open Packaging Conventions), and the part must be in the package.
    /// </summary>
    private static bool IsDocx(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (Xml(zip, "[Content_Types].xml") is not { } types || Xml(zip, "_rels/.rels") is not { } rels)
            {
                return false;
            }

            var target = rels.Descendants().FirstOrDefault(e => e.Name.LocalName == "Relationship"
                && ((string?)e.Attribute("Type"))?.EndsWith("/officeDocument", StringComparison.Ordinal) == true)?.Attribute("Target")?.Value.TrimStart('/');
            if (string.IsNullOrEmpty(target) || zip.GetEntry(target) is null)
            {
                return false;
            }

            var type = types.Descendants().FirstOrDefault(e => e.Name.LocalName == "Override"
                    && string.Equals(((string?)e.Attribute("PartName"))?.TrimStart('/'), target, StringComparison.OrdinalIgnoreCase))?.Attribute("ContentType")?.Value
                ?? types.Descendants().FirstOrDefault(e => e.Name.LocalName == "Default"
                    && string.Equals((string?)e.Attribute("Extension"), Path.GetExtension(target).TrimStart('.'), StringComparison.OrdinalIgnoreCase))?.Attribute("ContentType")?.Value;
            return type == DocxMainContentType;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException or NotSupportedException or XmlException)
        {
            return false;
        }
    }

    /// <summary>A small XML entry of the package, or null when it is missing or too large to be what it claims (no DTDs).</summary>
    private static XDocument? Xml(ZipArchive zip, string name)
    {
        if (zip.GetEntry(name) is not { } entry || entry.Length > MaxContentTypesBytes)
        {
            return null;
        }

        using var stream = entry.Open();
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        return XDocument.Load(reader);
    }
}
