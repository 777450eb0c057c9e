using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ParticipaBot.TestSupport;

/// <summary>
/// A minimal PNG reader for icon checks: the IHDR fields, and the pixels of non-interlaced 8-bit RGBA
/// or RGB images (what scripts/render-icons.sh writes), with all five scanline filters.
/// </summary>
public sealed class PngImage
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    private PngImage(int width, int height, byte bitDepth, byte colorType, byte[] rgba)
    {
        Width = width;
        Height = height;
        BitDepth = bitDepth;
        ColorType = colorType;
        Rgba = rgba;
    }

    public int Width { get; }

    public int Height { get; }

    public byte BitDepth { get; }

    /// <summary>6 = RGBA, 2 = RGB.</summary>
    public byte ColorType { get; }

    /// <summary>Width x Height pixels, 4 bytes each (R, G, B, A); RGB images get A = 255.</summary>
    public byte[] Rgba { get; }

    public (byte R, byte G, byte B, byte A) this[int x, int y]
    {
        get
        {
            var i = ((y * Width) + x) * 4;
            return (Rgba[i], Rgba[i + 1], Rgba[i + 2], Rgba[i + 3]);
        }
    }

    /// <summary>Width and height from the IHDR chunk, without decoding the pixels.</summary>
    public static (int Width, int Height) ReadSize(byte[] png)
    {
        CheckSignature(png);
        if (Encoding.ASCII.GetString(png, 12, 4) != "IHDR")
        {
            throw new InvalidDataException("The first PNG chunk is not IHDR.");
        }

        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    public static PngImage Decode(byte[] png)
    {
        ArgumentNullException.ThrowIfNull(png);
        CheckSignature(png);
        int width = 0, height = 0;
        byte bitDepth = 0, colorType = 0;
        using var idat = new MemoryStream();
        var offset = 8;
        while (offset + 8 <= png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var type = Encoding.ASCII.GetString(png, offset + 4, 4);
            var data = png.AsSpan(offset + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                bitDepth = data[8];
                colorType = data[9];
                if (data[12] != 0)
                {
                    throw new NotSupportedException("Interlaced PNGs are not supported.");
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

            offset += 12 + length;
        }

        var channels = colorType switch
        {
            6 => 4,
            2 => 3,
            _ => throw new NotSupportedException($"PNG colour type {colorType} is not supported (only RGBA and RGB)."),
        };
        if (bitDepth != 8)
        {
            throw new NotSupportedException($"PNG bit depth {bitDepth} is not supported (only 8).");
        }

        idat.Position = 0;
        using var inflater = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflater.CopyTo(raw);
        var bytes = raw.ToArray();

        var stride = width * channels;
        if (bytes.Length < height * (stride + 1))
        {
            throw new InvalidDataException("PNG image data is shorter than its IHDR says.");
        }

        var rgba = new byte[width * height * 4];
        var previous = new byte[stride];
        var line = new byte[stride];
        for (var y = 0; y < height; y++)
        {
            var start = y * (stride + 1);
            var filter = bytes[start];
            Array.Copy(bytes, start + 1, line, 0, stride);
            Unfilter(filter, line, previous, channels);
            for (var x = 0; x < width; x++)
            {
                for (var k = 0; k < 4; k++)
                {
                    rgba[((y * width) + x) * 4 + k] = k < channels ? line[(x * channels) + k] : (byte)255;
                }
            }

            (previous, line) = (line, previous);
        }

        return new PngImage(width, height, bitDepth, colorType, rgba);
    }

    private static void Unfilter(byte filter, byte[] line, byte[] previous, int bpp)
    {
        for (var i = 0; i < line.Length; i++)
        {
            int a = i >= bpp ? line[i - bpp] : 0;
            int b = previous[i];
            int c = i >= bpp ? previous[i - bpp] : 0;
            var add = filter switch
            {
                0 => 0,
                1 => a,
                2 => b,
                3 => (a + b) >> 1,
                4 => Paeth(a, b, c),
                _ => throw new InvalidDataException($"Unknown PNG filter type {filter}."),
            };
            line[i] = unchecked((byte)(line[i] + add));
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static void CheckSignature(byte[] png)
    {
        if (png.Length < 33 || !png.AsSpan(0, 8).SequenceEqual(Signature))
        {
            throw new InvalidDataException("Not a PNG file.");
        }
    }
}
