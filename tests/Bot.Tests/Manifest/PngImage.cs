using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace PerijinanBot.Bot.Tests.Manifest;

/// <summary>
/// A decoded 8-bit, non-interlaced RGB or RGBA PNG, as RGBA. Independent of the Node encoder on purpose:
/// the icons are checked by a second implementation of the format, not by the code that wrote them.
/// </summary>
internal sealed record PngImage(int Width, int Height, byte[] Rgba)
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public int PixelCount => Width * Height;

    public (byte R, byte G, byte B, byte A) Pixel(int index) =>
        (Rgba[index * 4], Rgba[(index * 4) + 1], Rgba[(index * 4) + 2], Rgba[(index * 4) + 3]);

    public static PngImage Decode(byte[] png)
    {
        if (png.Length < Signature.Length || !png.AsSpan(0, Signature.Length).SequenceEqual(Signature))
        {
            throw new InvalidDataException("not a PNG file");
        }

        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        for (var at = Signature.Length; at + 8 <= png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            at += 12 + length;
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                var (bitDepth, colorType, interlace) = (data[8], data[9], data[12]);
                channels = colorType switch { 2 => 3, 6 => 4, _ => 0 };
                if (bitDepth != 8 || channels == 0 || interlace != 0)
                {
                    throw new InvalidDataException($"unsupported PNG: bit depth {bitDepth}, colour type {colorType}, interlace {interlace}");
                }
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }
            else if (type == "IEND")
            {
                break;
            }
        }

        if (channels == 0)
        {
            throw new InvalidDataException("PNG has no IHDR chunk");
        }

        var stride = width * channels;
        var raw = Inflate(idat.ToArray(), (stride + 1) * height);
        var pixels = Unfilter(raw, stride, height, channels);
        var rgba = new byte[width * height * 4];
        for (var p = 0; p < width * height; p++)
        {
            for (var k = 0; k < 4; k++)
            {
                rgba[(p * 4) + k] = k < channels ? pixels[(p * channels) + k] : (byte)255;
            }
        }

        return new PngImage(width, height, rgba);
    }

    private static byte[] Inflate(byte[] zlib, int expectedLength)
    {
        using var inflater = new ZLibStream(new MemoryStream(zlib), CompressionMode.Decompress);
        var raw = new byte[expectedLength];
        inflater.ReadExactly(raw);
        return raw;
    }

    private static byte[] Unfilter(byte[] raw, int stride, int height, int bpp)
    {
        var pixels = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var line = raw.AsSpan((y * (stride + 1)) + 1, stride);
            var row = pixels.AsSpan(y * stride, stride);
            var prior = y > 0 ? pixels.AsSpan((y - 1) * stride, stride) : new byte[stride];
            for (var i = 0; i < stride; i++)
            {
                int a = i >= bpp ? row[i - bpp] : 0, b = prior[i], c = i >= bpp ? prior[i - bpp] : 0;
                var predictor = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"bad filter type {filter} on row {y}"),
                };
                row[i] = (byte)(line[i] + predictor);
            }
        }

        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
