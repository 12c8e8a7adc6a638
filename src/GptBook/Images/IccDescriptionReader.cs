using System.Buffers.Binary;
using System.Text;

namespace GptBook.Images;

/// <summary>
/// Reads what the stage needs from an ICC profile's bytes, which come from the image file and so are untrusted:
/// the data colour space from the 128-byte header, and the description ("sRGB IEC61966-2.1", "Adobe RGB (1998)"
/// …) from the tag table after it, the <c>desc</c> tag as ICC v2 text (<c>desc</c> type) or v4 localized text
/// (<c>mluc</c> type, first record). ImageSharp 2.1 keeps its own parsed tag types internal. Total: any bytes give
/// an answer or null, never an exception (offsets and sizes are 32-bit and are added in 64 bits, so a sum cannot
/// wrap past the length check).
/// </summary>
internal static class IccDescriptionReader
{
    private const int HeaderLength = 128;
    private const int TagEntryLength = 12;

    /// <summary>The header's data colour space signature ("RGB ", "GRAY", "CMYK" …), or null for a short profile.</summary>
    public static string? ColourSpace(ReadOnlySpan<byte> icc) =>
        icc.Length < HeaderLength ? null : Encoding.ASCII.GetString(icc.Slice(16, 4));

    public static string? Read(ReadOnlySpan<byte> icc)
    {
        if (icc.Length < HeaderLength + 4) return null;
        var count = BinaryPrimitives.ReadUInt32BigEndian(icc[HeaderLength..]);
        for (var i = 0L; i < count && HeaderLength + 4 + TagEntryLength * (i + 1) <= icc.Length; i++)
        {
            var entry = icc[(int)(HeaderLength + 4 + TagEntryLength * i)..];
            if (!entry[..4].SequenceEqual("desc"u8)) continue;
            var offset = BinaryPrimitives.ReadUInt32BigEndian(entry[4..]);
            var size = BinaryPrimitives.ReadUInt32BigEndian(entry[8..]);
            if ((long)offset + size > icc.Length || size < 12) return null;
            var tag = icc.Slice((int)offset, (int)size);
            if (tag[..4].SequenceEqual("desc"u8))
            {
                var length = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(tag[8..]), (uint)(tag.Length - 12));
                return Encoding.ASCII.GetString(tag.Slice(12, length)).TrimEnd('\0');
            }
            if (tag[..4].SequenceEqual("mluc"u8) && tag.Length >= 28)
            {
                var length = BinaryPrimitives.ReadUInt32BigEndian(tag[20..]);
                var start = BinaryPrimitives.ReadUInt32BigEndian(tag[24..]);
                if ((long)start + length > tag.Length) return null;
                return Encoding.BigEndianUnicode.GetString(tag.Slice((int)start, (int)length)).TrimEnd('\0');
            }
            return null;
        }
        return null;
    }
}
