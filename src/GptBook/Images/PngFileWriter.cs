using System.Buffers.Binary;
using System.IO.Compression;
using SixLabors.ImageSharp.PixelFormats;

namespace GptBook.Images;

/// <summary>
/// Writes an 8-bit PNG (RGB, RGBA or indexed) with the runtime's native zlib rather than ImageSharp 2.1's managed
/// deflater, which took most of the image stage's time on a cold cache. The file holds IHDR, pHYs (the DPI), PLTE
/// and tRNS for an indexed image, one IDAT and IEND: no text, time, gamma or colour-profile chunk. Each row of a
/// truecolour image gets the filter <see cref="PngRowFilter"/> chooses; indexed rows are not filtered, as the PNG
/// specification recommends. Deterministic: the same pixels and settings give the same bytes (with one runtime:
/// its zlib is part of it).
/// </summary>
internal static class PngFileWriter
{
    /// <summary>zlib's default level: level 9 saved under 1 % on the article's figures at twice the time.</summary>
    private const int CompressionLevel = 6;

    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>A truecolour PNG of <paramref name="rows"/> (RGBA, or RGB when <paramref name="alpha"/> is false).</summary>
    public static void WriteTruecolour(Stream output, int width, int height, bool alpha, PixelRows rows, double dpi)
    {
        var channels = alpha ? 4 : 3;
        var stride = width * channels;
        Write(output, width, height, alpha ? (byte)6 : (byte)2, dpi, null, null, compress =>
        {
            var previous = new byte[stride];
            var current = new byte[stride];
            var filter = new PngRowFilter(stride);
            for (var y = 0; y < height; y++)
            {
                var row = rows(y);
                for (int x = 0, i = 0; x < width; x++)
                {
                    var p = row[x];
                    current[i++] = p.R;
                    current[i++] = p.G;
                    current[i++] = p.B;
                    if (alpha) current[i++] = p.A;
                }
                compress.Write(filter.Best(current, previous, channels));
                (previous, current) = (current, previous);
            }
        });
    }

    /// <summary>An indexed PNG: <paramref name="palette"/> (at most 256 colours, alpha kept in tRNS) and one index per pixel.</summary>
    public static void WriteIndexed(Stream output, int width, int height, ReadOnlySpan<Rgba32> palette, IndexRows indices, double dpi)
    {
        if (palette.Length is 0 or > 256) throw new ArgumentOutOfRangeException(nameof(palette), "an indexed PNG holds 1 to 256 colours");
        var plte = new byte[palette.Length * 3];
        for (var i = 0; i < palette.Length; i++)
            (plte[3 * i], plte[3 * i + 1], plte[3 * i + 2]) = (palette[i].R, palette[i].G, palette[i].B);
        // tRNS lists alpha up to the last colour that is not opaque.
        var lastTranslucent = -1;
        for (var i = 0; i < palette.Length; i++)
            if (palette[i].A < 255) lastTranslucent = i;
        var trns = lastTranslucent < 0 ? null : new byte[lastTranslucent + 1];
        for (var i = 0; i <= lastTranslucent; i++) trns![i] = palette[i].A;

        Write(output, width, height, 3, dpi, plte, trns, compress =>
        {
            var line = new byte[width + 1]; // filter type 0 (none), then the indices
            for (var y = 0; y < height; y++)
            {
                indices(y)[..width].CopyTo(line.AsSpan(1));
                compress.Write(line);
            }
        });
    }

    private static void Write(Stream output, int width, int height, byte colourType, double dpi, byte[]? plte, byte[]? trns, Action<Stream> writeScanlines)
    {
        output.Write(Signature);
        Span<byte> ihdr = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr[4..], height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = colourType;
        ihdr[10] = ihdr[11] = ihdr[12] = 0; // deflate, adaptive filtering, no interlace
        WriteChunk(output, "IHDR"u8, ihdr);

        Span<byte> phys = stackalloc byte[9];
        var pixelsPerMetre = (uint)Math.Clamp(Math.Round(dpi / 0.0254), 1, int.MaxValue);
        BinaryPrimitives.WriteUInt32BigEndian(phys, pixelsPerMetre);
        BinaryPrimitives.WriteUInt32BigEndian(phys[4..], pixelsPerMetre);
        phys[8] = 1; // unit: metre
        WriteChunk(output, "pHYs"u8, phys);
        if (plte != null) WriteChunk(output, "PLTE"u8, plte);
        if (trns != null) WriteChunk(output, "tRNS"u8, trns);

        using var data = new MemoryStream();
        using (var zlib = new ZLibStream(data, new ZLibCompressionOptions { CompressionLevel = CompressionLevel }, leaveOpen: true))
            writeScanlines(zlib);
        WriteChunk(output, "IDAT"u8, data.GetBuffer().AsSpan(0, (int)data.Length));
        WriteChunk(output, "IEND"u8, []);
    }

    private static void WriteChunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteInt32BigEndian(header, data.Length);
        type.CopyTo(header[4..]);
        output.Write(header);
        output.Write(data);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32.Compute(type, data));
        output.Write(crc);
    }

    /// <summary>The CRC-32 of a chunk's type and data (ISO 3309, as PNG specifies), table-driven.</summary>
    private static class Crc32
    {
        private static readonly uint[] Table = BuildTable();

        public static uint Compute(ReadOnlySpan<byte> type, ReadOnlySpan<byte> data) => ~Update(Update(0xFFFFFFFFu, type), data);

        private static uint Update(uint crc, ReadOnlySpan<byte> bytes)
        {
            foreach (var b in bytes) crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
            return crc;
        }

        private static uint[] BuildTable()
        {
            var table = new uint[256];
            for (var n = 0u; n < 256; n++)
            {
                var c = n;
                for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
                table[n] = c;
            }
            return table;
        }
    }
}

/// <summary>Row <c>y</c> of an image's pixels.</summary>
internal delegate ReadOnlySpan<Rgba32> PixelRows(int y);

/// <summary>Row <c>y</c> of an indexed image's palette indices.</summary>
internal delegate ReadOnlySpan<byte> IndexRows(int y);
