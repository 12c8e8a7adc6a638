using System.Buffers.Binary;
using System.Text;

namespace GptBook.Images;

/// <summary>
/// Reads an ICC profile's description ("sRGB IEC61966-2.1", "Adobe RGB (1998)" …) from its bytes: the tag table
/// after the 128-byte header, then the <c>desc</c> tag as ICC v2 text (<c>desc</c> type) or v4 localized text
/// (<c>mluc</c> type, first record). ImageSharp 2.1 keeps its own parsed tag types internal.
/// </summary>
internal static class IccDescriptionReader
{
    public static string? Read(ReadOnlySpan<byte> icc)
    {
        if (icc.Length < 132) return null;
        var count = BinaryPrimitives.ReadUInt32BigEndian(icc[128..]);
        for (var i = 0L; i < count && 132 + 12 * (i + 1) <= icc.Length; i++)
        {
            var entry = icc[(int)(132 + 12 * i)..];
            if (!entry[..4].SequenceEqual("desc"u8)) continue;
            var offset = BinaryPrimitives.ReadUInt32BigEndian(entry[4..]);
            var size = BinaryPrimitives.ReadUInt32BigEndian(entry[8..]);
            if (offset + size > icc.Length || size < 12) return null;
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
                if (start + length > tag.Length) return null;
                return Encoding.BigEndianUnicode.GetString(tag.Slice((int)start, (int)length)).TrimEnd('\0');
            }
            return null;
        }
        return null;
    }
}
