using System.Buffers.Binary;
using System.IO.Compression;

namespace PerijinanBot.Reports.Charts;

/// <summary>
/// Writes an opaque picture as an 8-bit palette PNG. A chart is a dozen flat colours plus the anti-aliased edges of its text,
/// so one byte a pixel instead of three makes the file about a third of Skia's RGB PNG with no visible difference. With
/// more than 256 colours the most frequent keep their exact value and each rare edge pixel takes its nearest palette colour.
/// </summary>
internal static class PalettePng
{
    private const int MaxColours = 256;

    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <param name="rgba">Rows of <paramref name="width"/> pixels, 4 bytes each (R, G, B, ignored alpha), top row first.</param>
    public static byte[] Encode(ReadOnlySpan<byte> rgba, int width, int height)
    {
        if (rgba.Length < width * height * 4)
        {
            throw new ArgumentException("The pixel buffer is smaller than the picture.", nameof(rgba));
        }

        var colours = new int[width * height];
        var counts = new Dictionary<int, int>();
        for (var i = 0; i < colours.Length; i++)
        {
            var colour = (rgba[i * 4] << 16) | (rgba[(i * 4) + 1] << 8) | rgba[(i * 4) + 2];
            colours[i] = colour;
            counts[colour] = counts.GetValueOrDefault(colour) + 1;
        }

        // Ties broken by the colour itself, so the same picture always gives the same bytes.
        var palette = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key).Take(MaxColours).Select(c => c.Key).ToArray();
        var index = new Dictionary<int, byte>(counts.Count);
        for (var i = 0; i < palette.Length; i++)
        {
            index[palette[i]] = (byte)i;
        }

        foreach (var colour in counts.Keys.Where(c => !index.ContainsKey(c)).ToList())
        {
            index[colour] = Nearest(palette, colour);
        }

        // Each row: filter type 0 (none), then one palette index per pixel.
        var raw = new byte[height * (width + 1)];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                raw[(y * (width + 1)) + 1 + x] = index[colours[(y * width) + x]];
            }
        }

        using var file = new MemoryStream();
        file.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bits per index
        header[9] = 3; // colour type: palette
        Chunk(file, "IHDR", header);
        var plte = new byte[palette.Length * 3];
        for (var i = 0; i < palette.Length; i++)
        {
            plte[i * 3] = (byte)(palette[i] >> 16);
            plte[(i * 3) + 1] = (byte)(palette[i] >> 8);
            plte[(i * 3) + 2] = (byte)palette[i];
        }

        Chunk(file, "PLTE", plte);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                zlib.Write(raw);
            }

            Chunk(file, "IDAT", compressed.ToArray());
        }

        Chunk(file, "IEND", []);
        return file.ToArray();
    }

    private static byte Nearest(int[] palette, int colour)
    {
        var best = 0;
        var bestDistance = int.MaxValue;
        for (var i = 0; i < palette.Length; i++)
        {
            var dr = ((palette[i] >> 16) & 0xFF) - ((colour >> 16) & 0xFF);
            var dg = ((palette[i] >> 8) & 0xFF) - ((colour >> 8) & 0xFF);
            var db = (palette[i] & 0xFF) - (colour & 0xFF);
            var distance = (dr * dr) + (dg * dg) + (db * db);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (i, distance);
            }
        }

        return (byte)best;
    }

    private static void Chunk(Stream file, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        file.Write(word);
        var typed = new byte[4 + data.Length];
        for (var i = 0; i < 4; i++)
        {
            typed[i] = (byte)type[i];
        }

        data.CopyTo(typed, 4);
        file.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc(typed));
        file.Write(word);
    }

    /// <summary>The CRC-32 every PNG chunk ends with (ISO 3309, reflected polynomial 0xEDB88320).</summary>
    private static uint Crc(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
