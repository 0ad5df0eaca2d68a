using SkiaSharp;

namespace PerijinanBot.Reports.Tests.Support;

/// <summary>
/// Stand-in emblems drawn for the tests (a shield shape on white, taller than wide like a lambang daerah), encoded as a real
/// PNG or JPEG, and broken variants of them. Bot.Tests links this file for its start-up checks.
/// </summary>
internal static class TestEmblem
{
    public static byte[] Png(int width = 120, int height = 150) => Encode(SKEncodedImageFormat.Png, width, height);

    public static byte[] Jpeg(int width = 120, int height = 150) => Encode(SKEncodedImageFormat.Jpeg, width, height);

    /// <summary>A PNG cut off inside its header: it starts like a PNG, and nothing more can be read.</summary>
    public static byte[] TruncatedPng() => Png()[..20];

    /// <summary>A PNG whose header is whole and whose pixel data stops half-way.</summary>
    public static byte[] HalfPng()
    {
        var png = Png();
        return png[..(png.Length / 2)];
    }

    /// <summary>A GIF header: an image, but not one a kop takes.</summary>
    public static byte[] Gif() => "GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;"u8.ToArray();

    private static byte[] Encode(SKEncodedImageFormat format, int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { Color = new SKColor(0, 0, 0), IsAntialias = true })
        using (var path = new SKPath())
        {
            canvas.Clear(SKColors.White);
            path.MoveTo(width * 0.1f, height * 0.05f);
            path.LineTo(width * 0.9f, height * 0.05f);
            path.LineTo(width * 0.9f, height * 0.6f);
            path.LineTo(width * 0.5f, height * 0.95f);
            path.LineTo(width * 0.1f, height * 0.6f);
            path.Close();
            canvas.DrawPath(path, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }
}
