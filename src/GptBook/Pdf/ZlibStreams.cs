using System.Buffers.Binary;
using System.IO.Compression;

namespace GptBook.Pdf;

/// <summary>
/// Complete zlib streams (RFC 1950, Adler-32 trailer included) for the PDF's <c>/FlateDecode</c> streams. PDFsharp
/// 6.2.4's own encoder writes a zlib header followed by raw deflate data with no Adler-32 trailer, which
/// <c>qpdf --check</c> rejects; so the writer deflates streams itself, and completes the ones PDFsharp deflated.
/// </summary>
internal static class ZlibStreams
{
    /// <summary>
    /// A complete zlib stream of <paramref name="data"/>. Level Optimal (zlib 6): on the article's content and font
    /// streams SmallestSize (9) took several times as long for a file under 1 % smaller.
    /// </summary>
    public static byte[] Deflate(byte[] data)
    {
        using var ms = new MemoryStream(data.Length / 3 + 64);
        using (var z = new ZLibStream(ms, CompressionLevel.Optimal, leaveOpen: true))
            z.Write(data);
        return ms.ToArray();
    }

    /// <summary>Whether <paramref name="data"/> starts like a zlib stream with a 32 KiB window (what PDFsharp writes).</summary>
    public static bool HasZlibHeader(byte[] data) => data.Length > 6 && data[0] == 0x78;

    /// <summary>
    /// A zlib stream that is already deflated: PDFsharp's own (image data) lacks only the Adler-32 trailer, so the
    /// trailer is appended rather than the data deflated again; a stream that already ends in the right checksum
    /// stays as it is. Either way the data is inflated once, to compute the checksum.
    /// </summary>
    public static byte[] Complete(byte[] data)
    {
        var inflated = InflateRaw(data);
        var adler = Adler32.Compute(inflated);
        if (BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(data.Length - 4)) == adler)
            return data;
        var complete = new byte[data.Length + 4];
        data.CopyTo(complete, 0);
        BinaryPrimitives.WriteUInt32BigEndian(complete.AsSpan(data.Length), adler);
        return complete;
    }

    private static byte[] InflateRaw(byte[] data)
    {
        using var input = new MemoryStream(data, 2, data.Length - 2);
        using var inflate = new DeflateStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream(data.Length * 3);
        inflate.CopyTo(output);
        return output.ToArray();
    }
}
