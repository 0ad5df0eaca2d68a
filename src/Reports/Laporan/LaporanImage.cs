using SkiaSharp;

namespace PerijinanBot.Reports.Laporan;

/// <summary>
/// A photo made ready for the Laporan Kegiatan: turned upright by its EXIF orientation, at most <see cref="MaxSide"/> pixels on
/// its longer side, on white (a transparent PNG prints on paper), as a baseline JPEG that Word and the PDF writer both take
/// as it is. Made only through <see cref="Prepare"/>, so a document never meets an image it cannot print.
/// </summary>
public sealed class LaporanImage
{
    /// <summary>Sharp enough for a photo printed across the text column (about 16 cm at 250 dpi), small enough for many photos.</summary>
    public const int MaxSide = 1600;

    /// <summary>A photo with a longer side than this is refused: decoding it would take too much memory.</summary>
    public const int MaxSourceSide = 12000;

    private readonly byte[] _jpeg;

    private LaporanImage(byte[] jpeg, int width, int height)
    {
        _jpeg = jpeg;
        PixelWidth = width;
        PixelHeight = height;
    }

    public int PixelWidth { get; }

    public int PixelHeight { get; }

    public double AspectRatio => (double)PixelWidth / PixelHeight;

    /// <summary>The photo, upright and scaled; null when the bytes are not a JPEG or PNG that decodes whole.</summary>
    public static LaporanImage? Prepare(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png))
        {
            return null;
        }

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width < 1 || height < 1 || width > MaxSourceSide || height > MaxSourceSide)
        {
            return null;
        }

        // JPEG decodes directly at 1/2, 1/4 or 1/8: a 12-megapixel photo never needs its full size in memory.
        var scale = Math.Min(1f, (float)MaxSide / Math.Max(width, height));
        var size = codec.GetScaledDimensions(scale);
        if (size.Width < MaxSide && size.Height < MaxSide && scale < 1f)
        {
            size = codec.GetScaledDimensions(Math.Min(1f, scale * 2));
        }

        using var decoded = new SKBitmap(new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        // Skia reports a truncated JPEG as IncompleteInput and fills the rest: a damaged photo is refused, not half printed.
        if (codec.GetPixels(decoded.Info, decoded.GetPixels()) != SKCodecResult.Success)
        {
            return null;
        }

        var fit = Math.Min(1.0, (double)MaxSide / Math.Max(size.Width, size.Height));
        var (w, h) = (Math.Max(1, (int)Math.Round(size.Width * fit)), Math.Max(1, (int)Math.Round(size.Height * fit)));
        var quarterTurn = codec.EncodedOrigin is SKEncodedOrigin.RightTop or SKEncodedOrigin.LeftBottom or SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightBottom;
        var (outW, outH) = quarterTurn ? (h, w) : (w, h);
        using var surface = SKSurface.Create(new SKImageInfo(outW, outH, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        Orient(canvas, codec.EncodedOrigin, outW, outH);
        using (var image = SKImage.FromBitmap(decoded))
        using (var paint = new SKPaint { IsAntialias = true })
        {
            canvas.DrawImage(image, new SKRect(0, 0, w, h), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear), paint);
        }

        using var snapshot = surface.Snapshot();
        using var jpeg = snapshot.Encode(SKEncodedImageFormat.Jpeg, 85);
        return jpeg is null ? null : new LaporanImage(jpeg.ToArray(), outW, outH);
    }

    /// <summary>The JPEG as a read-only stream, for the document writers.</summary>
    internal MemoryStream Open() => new(_jpeg, writable: false);

    /// <summary>EXIF orientation (the camera's "which way is up"): the canvas is turned so that the photo is drawn upright.</summary>
    private static void Orient(SKCanvas canvas, SKEncodedOrigin origin, int width, int height)
    {
        switch (origin)
        {
            case SKEncodedOrigin.BottomRight or SKEncodedOrigin.BottomLeft:
                canvas.Translate(width, height);
                canvas.RotateDegrees(180);
                break;
            case SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom:
                canvas.Translate(width, 0);
                canvas.RotateDegrees(90);
                break;
            case SKEncodedOrigin.LeftBottom or SKEncodedOrigin.LeftTop:
                canvas.Translate(0, height);
                canvas.RotateDegrees(270);
                break;
        }
    }
}
