using PdfSharp.Drawing;
using PdfSharp.Pdf;
using SkiaSharp;

namespace PerijinanBot.Reports.Laporan;

/// <summary>The two image formats a kop emblem may have: both open in Word and embed in a PDF as they are.</summary>
public enum KopImageFormat
{
    Png,
    Jpeg,
}

/// <summary>
/// The provincial emblem printed at the left of the kop: a PNG or JPEG, told by its first bytes (not by a file name), that
/// decodes whole and that the PDF writer embeds. Made only through <see cref="Read"/>, so a document never meets an image it
/// cannot print; the bot checks the configured file at start-up and refuses to start on a bad one.
/// </summary>
public sealed class KopEmblem
{
    /// <summary>An emblem file larger than this is refused: it is copied into every document.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>A side longer than this many pixels is refused (a print-quality emblem of 3 cm needs a few hundred).</summary>
    public const int MaxSide = 4096;

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly byte[] _bytes;

    private KopEmblem(byte[] bytes, KopImageFormat format, int pixelWidth, int pixelHeight)
    {
        _bytes = bytes;
        Format = format;
        PixelWidth = pixelWidth;
        PixelHeight = pixelHeight;
    }

    public KopImageFormat Format { get; }

    public int PixelWidth { get; }

    public int PixelHeight { get; }

    /// <summary>"image/png" or "image/jpeg".</summary>
    public string ContentType => Format == KopImageFormat.Png ? "image/png" : "image/jpeg";

    /// <summary>Width over height, to size the printed emblem without distorting it.</summary>
    public double AspectRatio => (double)PixelWidth / PixelHeight;

    /// <summary>
    /// Checks <paramref name="bytes"/> and keeps a copy. The exception's message says what is wrong, phrased to follow the
    /// file's name ("… is not a PNG or JPEG image"), e.g. in the bot's start-up error.
    /// </summary>
    /// <exception cref="InvalidDataException">Not a PNG or JPEG by its first bytes, too large, damaged, or not embeddable in a PDF.</exception>
    public static KopEmblem Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxBytes)
        {
            throw new InvalidDataException($"is {bytes.Length} bytes; an emblem may have at most {MaxBytes} (5 MB)");
        }

        var format = Sniff(bytes)
            ?? throw new InvalidDataException("is not a PNG or JPEG image (its first bytes are neither the PNG signature nor a JPEG start-of-image marker)");
        var copy = bytes.ToArray();
        var (width, height) = Decode(copy, format);
        Embed(copy, format);
        return new KopEmblem(copy, format, width, height);
    }

    /// <summary>The image as a read-only stream, for the document writers.</summary>
    internal MemoryStream Open() => new(_bytes, writable: false);

    private static string Name(KopImageFormat format) => format == KopImageFormat.Png ? "PNG" : "JPEG";

    private static KopImageFormat? Sniff(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith(PngSignature) ? KopImageFormat.Png
        : bytes is [0xFF, 0xD8, 0xFF, ..] ? KopImageFormat.Jpeg
        : null;

    /// <summary>Decodes every pixel once, so a truncated or damaged file is found now rather than in the first document.</summary>
    private static (int Width, int Height) Decode(byte[] bytes, KopImageFormat format)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data)
            ?? throw new InvalidDataException($"starts like a {Name(format)} image but cannot be read (damaged or truncated)");
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width < 1 || height < 1 || width > MaxSide || height > MaxSide)
        {
            throw new InvalidDataException($"is {width} x {height} pixels; an emblem may be at most {MaxSide} pixels on a side");
        }

        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var result = codec.GetPixels(bitmap.Info, bitmap.GetPixels());
        if (result is not SKCodecResult.Success)
        {
            throw new InvalidDataException($"is a {Name(format)} image that does not decode whole ({result}: damaged or truncated)");
        }

        return (width, height);
    }

    /// <summary>
    /// PDFsharp reads PNG and JPEG with its own decoders, which do not take every variant a browser does (some 16-bit or
    /// unusual PNGs): draws the emblem into a throw-away PDF, so an image it cannot take is refused here.
    /// </summary>
    private static void Embed(byte[] bytes, KopImageFormat format)
    {
        try
        {
            using var document = new PdfDocument();
            var page = document.AddPage();
            using (var graphics = XGraphics.FromPdfPage(page))
            using (var stream = new MemoryStream(bytes, writable: false))
            using (var image = XImage.FromStream(stream))
            {
                graphics.DrawImage(image, 0, 0, 72, 72);
            }

            document.Save(Stream.Null, false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidDataException($"is a {Name(format)} image the PDF writer cannot embed ({e.Message}); save it again as an 8-bit PNG or a baseline JPEG", e);
        }
    }
}
