using System.Buffers.Binary;

namespace GptBook.Fonts;

/// <summary>
/// The cmap table turned into a lookup from Unicode code point to glyph id: a dense array for the Basic
/// Multilingual Plane (where all Han, Latin and punctuation of the book live) and a dictionary for the rest, so a
/// lookup is one array index. Reads format 12 (full Unicode) when the font has it, else format 4 (BMP).
/// </summary>
internal sealed class CharacterMap
{
    private readonly ushort[] _bmp;
    private readonly Dictionary<int, ushort> _supplementary;

    private CharacterMap(ushort[] bmp, Dictionary<int, ushort> supplementary)
    {
        _bmp = bmp;
        _supplementary = supplementary;
    }

    /// <summary>Number of code points that map to a glyph other than .notdef.</summary>
    public int MappedCount { get; private init; }

    public ushort GlyphId(int codePoint)
    {
        if ((uint)codePoint < 0x10000) return _bmp[codePoint];
        return _supplementary.TryGetValue(codePoint, out var g) ? g : (ushort)0;
    }

    /// <summary>All mapped code points in ascending order (for coverage checks and subsetting decisions).</summary>
    public IEnumerable<int> CodePoints()
    {
        for (var c = 0; c < _bmp.Length; c++)
            if (_bmp[c] != 0) yield return c;
        foreach (var c in _supplementary.Keys.Order())
            yield return c;
    }

    public static CharacterMap Read(ReadOnlySpan<byte> cmap, int glyphCount, string fontName)
    {
        if (cmap.Length < 4) throw new FontFormatException($"{fontName}: cmap table truncated");
        int count = BinaryPrimitives.ReadUInt16BigEndian(cmap[2..]);
        int best = -1, bestRank = int.MaxValue;
        for (var i = 0; i < count; i++)
        {
            var rec = 4 + 8 * i;
            if (rec + 8 > cmap.Length) break;
            int platform = BinaryPrimitives.ReadUInt16BigEndian(cmap[rec..]);
            int encoding = BinaryPrimitives.ReadUInt16BigEndian(cmap[(rec + 2)..]);
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(cmap[(rec + 4)..]);
            if (offset < 0 || offset + 2 > cmap.Length) continue;
            int format = BinaryPrimitives.ReadUInt16BigEndian(cmap[offset..]);
            var rank = (platform, encoding, format) switch
            {
                (3, 10, 12) => 0,
                (0, _, 12) => 1,
                (3, 1, 4) => 2,
                (0, _, 4) => 3,
                _ => int.MaxValue,
            };
            if (rank < bestRank) (best, bestRank) = (offset, rank);
        }
        if (best < 0) throw new FontFormatException($"{fontName}: no Unicode cmap subtable of format 4 or 12");

        var bmp = new ushort[0x10000];
        var supplementary = new Dictionary<int, ushort>();
        var sub = cmap[best..];
        int mapped = BinaryPrimitives.ReadUInt16BigEndian(sub) == 12
            ? ReadFormat12(sub, glyphCount, bmp, supplementary, fontName)
            : ReadFormat4(sub, glyphCount, bmp, fontName);
        return new CharacterMap(bmp, supplementary) { MappedCount = mapped };
    }

    private static int ReadFormat12(ReadOnlySpan<byte> sub, int glyphCount, ushort[] bmp, Dictionary<int, ushort> supplementary, string fontName)
    {
        if (sub.Length < 16) throw new FontFormatException($"{fontName}: cmap format 12 truncated");
        var groups = BinaryPrimitives.ReadUInt32BigEndian(sub[12..]);
        if (groups > (uint)(sub.Length - 16) / 12) throw new FontFormatException($"{fontName}: cmap format 12 groups truncated");
        var mapped = 0;
        for (var i = 0; i < (int)groups; i++)
        {
            var g = sub.Slice(16 + 12 * i, 12);
            var start = BinaryPrimitives.ReadUInt32BigEndian(g);
            var end = Math.Min(BinaryPrimitives.ReadUInt32BigEndian(g[4..]), 0x10FFFFu);
            var glyph = BinaryPrimitives.ReadUInt32BigEndian(g[8..]);
            for (var c = start; c <= end && c >= start; c++, glyph++)
            {
                if (glyph == 0 || glyph >= (uint)glyphCount) continue;
                if (c < 0x10000) bmp[c] = (ushort)glyph;
                else supplementary[(int)c] = (ushort)glyph;
                mapped++;
            }
        }
        return mapped;
    }

    private static int ReadFormat4(ReadOnlySpan<byte> sub, int glyphCount, ushort[] bmp, string fontName)
    {
        if (sub.Length < 14) throw new FontFormatException($"{fontName}: cmap format 4 truncated");
        var segCount = BinaryPrimitives.ReadUInt16BigEndian(sub[6..]) / 2;
        int endCodes = 14, startCodes = endCodes + 2 * segCount + 2, deltas = startCodes + 2 * segCount, rangeOffsets = deltas + 2 * segCount;
        if (rangeOffsets + 2 * segCount > sub.Length) throw new FontFormatException($"{fontName}: cmap format 4 segments truncated");
        var mapped = 0;
        for (var s = 0; s < segCount; s++)
        {
            int end = BinaryPrimitives.ReadUInt16BigEndian(sub[(endCodes + 2 * s)..]);
            int start = BinaryPrimitives.ReadUInt16BigEndian(sub[(startCodes + 2 * s)..]);
            int delta = BinaryPrimitives.ReadInt16BigEndian(sub[(deltas + 2 * s)..]);
            var rangeOffsetAt = rangeOffsets + 2 * s;
            int rangeOffset = BinaryPrimitives.ReadUInt16BigEndian(sub[rangeOffsetAt..]);
            for (var c = start; c <= end && c != 0xFFFF; c++)
            {
                int glyph;
                if (rangeOffset == 0) glyph = (c + delta) & 0xFFFF;
                else
                {
                    // idRangeOffset counts bytes from its own position into glyphIdArray.
                    var at = rangeOffsetAt + rangeOffset + 2 * (c - start);
                    if (at + 2 > sub.Length) continue;
                    glyph = BinaryPrimitives.ReadUInt16BigEndian(sub[at..]);
                    if (glyph != 0) glyph = (glyph + delta) & 0xFFFF;
                }
                if (glyph == 0 || glyph >= glyphCount) continue;
                bmp[c] = (ushort)glyph;
                mapped++;
            }
        }
        return mapped;
    }
}
