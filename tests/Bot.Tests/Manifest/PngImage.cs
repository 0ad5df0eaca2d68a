using SkiaSharp;

namespace PerijinanBot.Bot.Tests.Manifest;

/// <summary>
/// A decoded PNG as 8-bit RGBA with straight (not premultiplied) alpha. Decoded by SkiaSharp on purpose: the icons are
/// checked by a second implementation of the format (libpng inside Skia), not by the library that wrote them (pngjs).
/// </summary>
internal sealed record PngImage(int Width, int Height, byte[] Rgba)
{
    public int PixelCount => Width * Height;

    public (byte R, byte G, byte B, byte A) Pixel(int index) =>
        (Rgba[index * 4], Rgba[(index * 4) + 1], Rgba[(index * 4) + 2], Rgba[(index * 4) + 3]);

    public static PngImage Decode(byte[] png)
    {
        using var data = SKData.CreateCopy(png);
        using var codec = SKCodec.Create(data) ?? throw new InvalidDataException("not an image SkiaSharp can read");
        if (codec.EncodedFormat != SKEncodedImageFormat.Png)
        {
            throw new InvalidDataException($"not a PNG file but {codec.EncodedFormat}");
        }

        // Unpremultiplied RGBA, so a half-transparent white pixel still reads as white; no colour space conversion.
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            throw new InvalidDataException($"SkiaSharp could not decode the PNG: {result}");
        }

        return new PngImage(info.Width, info.Height, bitmap.GetPixelSpan().ToArray());
    }
}
