using System.Buffers.Binary;

namespace GptBook.Pdf;

/// <summary>
/// The parts of a PNG file a PDF can use without decoding it: the header and the IDAT data. For 8-bit grey or RGB
/// without interlacing, the concatenated IDAT chunks are a complete zlib stream of PNG-filtered rows, which PDF's
/// FlateDecode reads directly with /DecodeParms /Predictor 15 (PDF 32000-1, 7.4.4.4). Other PNGs (palette, alpha,
/// 16-bit, interlaced) are not for this path: <see cref="TryRead"/> returns null and the caller decodes them.
/// </summary>
internal sealed record PngImageData(int Width, int Height, int Colors, byte[] Deflated)
{
    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static PngImageData? TryRead(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 33 || !bytes.AsSpan(0, 8).SequenceEqual(Signature)) return null;
        int width = 0, height = 0, colors = 0;
        using var idat = new MemoryStream(bytes.Length);
        var at = 8;
        while (at + 12 <= bytes.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at));
            if (length < 0 || at + 12L + length > bytes.Length) return null;
            var type = bytes.AsSpan(at + 4, 4);
            var data = bytes.AsSpan(at + 8, length);
            if (type.SequenceEqual("IHDR"u8))
            {
                if (length < 13) return null;
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                var (bitDepth, colourType, compression, filter, interlace) = (data[8], data[9], data[10], data[11], data[12]);
                colors = colourType switch { 0 => 1, 2 => 3, _ => 0 };
                if (bitDepth != 8 || colors == 0 || compression != 0 || filter != 0 || interlace != 0) return null;
            }
            else if (type.SequenceEqual("IDAT"u8))
                idat.Write(data);
            else if (type.SequenceEqual("tRNS"u8) || type.SequenceEqual("PLTE"u8))
                return null; // transparency or a palette would be lost
            else if (type.SequenceEqual("IEND"u8))
                break;
            at += 12 + length;
        }
        return width > 0 && height > 0 && idat.Length > 6 ? new PngImageData(width, height, colors, idat.ToArray()) : null;
    }
}
