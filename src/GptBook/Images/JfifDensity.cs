using System.Buffers.Binary;

namespace GptBook.Images;

/// <summary>
/// Records a JPEG's DPI in its JFIF header: the density of an existing JFIF APP0 segment is set, or a minimal
/// JFIF 1.01 segment is added after SOI (libvips writes none when told to keep no metadata). The compressed image
/// data is copied byte for byte.
/// </summary>
internal static class JfifDensity
{
    public static byte[] Set(ReadOnlySpan<byte> jpeg, double dpi)
    {
        var density = (ushort)Math.Clamp(Math.Round(dpi), 1, ushort.MaxValue);
        if (jpeg.Length > 18 && jpeg[2] == 0xFF && jpeg[3] == 0xE0 && jpeg.Slice(6, 5).SequenceEqual("JFIF\0"u8))
        {
            var output = jpeg.ToArray();
            WriteDensity(output.AsSpan(13), density);
            return output;
        }
        // SOI, then a minimal JFIF 1.01 APP0 segment, then the rest of the file unchanged.
        byte[] app0 = [0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 0, 0, 0, 0, 0];
        WriteDensity(app0.AsSpan(11), density);
        return [.. jpeg[..2], .. app0, .. jpeg[2..]];
    }

    /// <summary>Units byte (1 = dots per inch), then X and Y density, big-endian.</summary>
    private static void WriteDensity(Span<byte> at, ushort density)
    {
        at[0] = 1;
        BinaryPrimitives.WriteUInt16BigEndian(at[1..], density);
        BinaryPrimitives.WriteUInt16BigEndian(at[3..], density);
    }
}
