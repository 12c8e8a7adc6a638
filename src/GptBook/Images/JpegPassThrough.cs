using System.Buffers.Binary;
using GptBook.IO;

namespace GptBook.Images;

/// <summary>
/// Copies a JPEG that needs no change (right size, plain image data: see <see cref="JpegSegments.IsPlainImageData"/>)
/// without decoding it, so print gets the photographer's own compression rather than a second generation. Only the
/// JFIF header's density is set (or a JFIF header added) so the file records its DPI like every other output; the
/// compressed image data is copied byte for byte.
/// </summary>
internal static class JpegPassThrough
{
    public static void Write(byte[] source, double dpi, string path)
    {
        var density = (ushort)Math.Clamp(Math.Round(dpi), 1, ushort.MaxValue);
        byte[] output;
        if (source.Length > 18 && source[2] == 0xFF && source[3] == 0xE0 && source.AsSpan(6, 5).SequenceEqual("JFIF\0"u8))
        {
            output = (byte[])source.Clone();
            WriteDensity(output.AsSpan(13), density);
        }
        else
        {
            // SOI, then a minimal JFIF 1.01 APP0 segment, then the rest of the file unchanged.
            byte[] app0 = [0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 0, 0, 0, 0, 0];
            WriteDensity(app0.AsSpan(11), density);
            output = [.. source.AsSpan(0, 2), .. app0, .. source.AsSpan(2)];
        }
        AtomicFile.WriteAllBytes(path, output, durable: false);
    }

    /// <summary>Units byte (1 = dots per inch), then X and Y density, big-endian.</summary>
    private static void WriteDensity(Span<byte> at, ushort density)
    {
        at[0] = 1;
        BinaryPrimitives.WriteUInt16BigEndian(at[1..], density);
        BinaryPrimitives.WriteUInt16BigEndian(at[3..], density);
    }
}
