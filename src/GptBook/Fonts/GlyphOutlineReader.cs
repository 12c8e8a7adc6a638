using System.Buffers.Binary;

namespace GptBook.Fonts;

/// <summary>
/// Reads glyph outlines from the loca and glyf tables: simple glyphs (flags with repeats, short and long
/// coordinate deltas) and composite glyphs (components with offsets or matched points, scale, x/y scale or 2×2
/// transforms), recursively up to a fixed depth so that a malformed self-referencing font cannot loop.
/// </summary>
internal sealed class GlyphOutlineReader
{
    private const int MaxCompositeDepth = 8;

    private readonly ReadOnlyMemory<byte> _loca;
    private readonly ReadOnlyMemory<byte> _glyf;
    private readonly bool _longOffsets;
    private readonly int _glyphCount;
    private readonly string _fontName;

    public GlyphOutlineReader(ReadOnlyMemory<byte> loca, ReadOnlyMemory<byte> glyf, bool longOffsets, int glyphCount, string fontName)
    {
        _loca = loca;
        _glyf = glyf;
        _longOffsets = longOffsets;
        _glyphCount = glyphCount;
        _fontName = fontName;
        var needed = (glyphCount + 1) * (longOffsets ? 4 : 2);
        if (loca.Length < needed) throw new FontFormatException($"{fontName}: loca table truncated");
    }

    /// <summary>The glyph's bounding box from its header, or zeros for a blank glyph.</summary>
    public (int XMin, int YMin, int XMax, int YMax) Bounds(int glyphId)
    {
        var data = GlyphData(glyphId);
        if (data.Length < 10) return (0, 0, 0, 0);
        return (BinaryPrimitives.ReadInt16BigEndian(data[2..]), BinaryPrimitives.ReadInt16BigEndian(data[4..]),
            BinaryPrimitives.ReadInt16BigEndian(data[6..]), BinaryPrimitives.ReadInt16BigEndian(data[8..]));
    }

    public List<GlyphContour> Contours(int glyphId)
    {
        var contours = new List<GlyphContour>();
        Append(glyphId, Transform.Identity, contours, 0);
        return contours;
    }

    private ReadOnlySpan<byte> GlyphData(int glyphId)
    {
        if ((uint)glyphId >= (uint)_glyphCount) throw new FontFormatException($"{_fontName}: glyph {glyphId} out of range");
        var loca = _loca.Span;
        long start, end;
        if (_longOffsets)
        {
            start = BinaryPrimitives.ReadUInt32BigEndian(loca[(4 * glyphId)..]);
            end = BinaryPrimitives.ReadUInt32BigEndian(loca[(4 * glyphId + 4)..]);
        }
        else
        {
            start = 2L * BinaryPrimitives.ReadUInt16BigEndian(loca[(2 * glyphId)..]);
            end = 2L * BinaryPrimitives.ReadUInt16BigEndian(loca[(2 * glyphId + 2)..]);
        }
        if (end <= start) return [];
        if (end > _glyf.Length) throw new FontFormatException($"{_fontName}: glyph {glyphId} lies outside glyf");
        return _glyf.Span[(int)start..(int)end];
    }

    private void Append(int glyphId, Transform transform, List<GlyphContour> into, int depth)
    {
        if (depth > MaxCompositeDepth)
            throw new FontFormatException($"{_fontName}: composite glyph nesting deeper than {MaxCompositeDepth}");
        var data = GlyphData(glyphId);
        if (data.Length < 10) return;
        int contourCount = BinaryPrimitives.ReadInt16BigEndian(data);
        if (contourCount >= 0) AppendSimple(data, contourCount, transform, into, glyphId);
        else AppendComposite(data, transform, into, depth, glyphId);
    }

    private void AppendSimple(ReadOnlySpan<byte> data, int contourCount, Transform transform, List<GlyphContour> into, int glyphId)
    {
        if (contourCount == 0) return;
        var p = 10;
        Require(data, p + 2 * contourCount + 2, glyphId);
        var ends = new int[contourCount];
        for (var i = 0; i < contourCount; i++, p += 2) ends[i] = BinaryPrimitives.ReadUInt16BigEndian(data[p..]);
        var pointCount = ends[^1] + 1;
        int instructionLength = BinaryPrimitives.ReadUInt16BigEndian(data[p..]);
        p += 2 + instructionLength;

        var flags = new byte[pointCount];
        for (var i = 0; i < pointCount;)
        {
            Require(data, p + 1, glyphId);
            var f = data[p++];
            flags[i++] = f;
            if ((f & 0x08) != 0)
            {
                Require(data, p + 1, glyphId);
                for (int repeat = data[p++]; repeat > 0 && i < pointCount; repeat--) flags[i++] = f;
            }
        }
        var xs = new int[pointCount];
        var ys = new int[pointCount];
        p = ReadCoordinates(data, p, flags, xs, shortBit: 0x02, sameOrPositiveBit: 0x10, glyphId);
        ReadCoordinates(data, p, flags, ys, shortBit: 0x04, sameOrPositiveBit: 0x20, glyphId);

        var first = 0;
        foreach (var end in ends)
        {
            if (end < first || end >= pointCount) throw new FontFormatException($"{_fontName}: glyph {glyphId} has unordered contour ends");
            var points = new GlyphPoint[end - first + 1];
            for (var k = first; k <= end; k++)
            {
                var (x, y) = transform.Apply(xs[k], ys[k]);
                points[k - first] = new GlyphPoint(x, y, (flags[k] & 0x01) != 0);
            }
            into.Add(new GlyphContour(points));
            first = end + 1;
        }
    }

    private int ReadCoordinates(ReadOnlySpan<byte> data, int p, byte[] flags, int[] values, int shortBit, int sameOrPositiveBit, int glyphId)
    {
        var value = 0;
        for (var i = 0; i < flags.Length; i++)
        {
            var f = flags[i];
            if ((f & shortBit) != 0)
            {
                Require(data, p + 1, glyphId);
                int delta = data[p++];
                value += (f & sameOrPositiveBit) != 0 ? delta : -delta;
            }
            else if ((f & sameOrPositiveBit) == 0)
            {
                Require(data, p + 2, glyphId);
                value += BinaryPrimitives.ReadInt16BigEndian(data[p..]);
                p += 2;
            }
            values[i] = value;
        }
        return p;
    }

    private void AppendComposite(ReadOnlySpan<byte> data, Transform parent, List<GlyphContour> into, int depth, int glyphId)
    {
        const int Arg1And2AreWords = 0x0001, ArgsAreXyValues = 0x0002, WeHaveAScale = 0x0008, MoreComponents = 0x0020,
            WeHaveAnXAndYScale = 0x0040, WeHaveATwoByTwo = 0x0080, ScaledComponentOffset = 0x0800;
        // Points of this composite so far, untransformed by the parent, for components placed by point matching.
        var ownContours = new List<GlyphContour>();
        var p = 10;
        int flags;
        do
        {
            Require(data, p + 4, glyphId);
            flags = BinaryPrimitives.ReadUInt16BigEndian(data[p..]);
            int component = BinaryPrimitives.ReadUInt16BigEndian(data[(p + 2)..]);
            p += 4;
            int arg1, arg2;
            if ((flags & Arg1And2AreWords) != 0)
            {
                Require(data, p + 4, glyphId);
                arg1 = (flags & ArgsAreXyValues) != 0 ? BinaryPrimitives.ReadInt16BigEndian(data[p..]) : BinaryPrimitives.ReadUInt16BigEndian(data[p..]);
                arg2 = (flags & ArgsAreXyValues) != 0 ? BinaryPrimitives.ReadInt16BigEndian(data[(p + 2)..]) : BinaryPrimitives.ReadUInt16BigEndian(data[(p + 2)..]);
                p += 4;
            }
            else
            {
                Require(data, p + 2, glyphId);
                arg1 = (flags & ArgsAreXyValues) != 0 ? (sbyte)data[p] : data[p];
                arg2 = (flags & ArgsAreXyValues) != 0 ? (sbyte)data[p + 1] : data[p + 1];
                p += 2;
            }
            double a = 1, b = 0, c = 0, d = 1;
            if ((flags & WeHaveAScale) != 0)
            {
                Require(data, p + 2, glyphId);
                a = d = F2Dot14(data[p..]);
                p += 2;
            }
            else if ((flags & WeHaveAnXAndYScale) != 0)
            {
                Require(data, p + 4, glyphId);
                a = F2Dot14(data[p..]);
                d = F2Dot14(data[(p + 2)..]);
                p += 4;
            }
            else if ((flags & WeHaveATwoByTwo) != 0)
            {
                Require(data, p + 8, glyphId);
                a = F2Dot14(data[p..]);
                b = F2Dot14(data[(p + 2)..]);
                c = F2Dot14(data[(p + 4)..]);
                d = F2Dot14(data[(p + 6)..]);
                p += 8;
            }

            var componentContours = new List<GlyphContour>();
            Append(component, new Transform(a, b, c, d, 0, 0), componentContours, depth + 1);
            double dx, dy;
            if ((flags & ArgsAreXyValues) != 0)
            {
                // Offsets are unscaled unless the font asks otherwise (the Microsoft default).
                (dx, dy) = (flags & ScaledComponentOffset) != 0 ? (a * arg1 + c * arg2, b * arg1 + d * arg2) : (arg1, arg2);
            }
            else
            {
                var parentPoint = PointAt(ownContours, arg1, glyphId);
                var childPoint = PointAt(componentContours, arg2, glyphId);
                (dx, dy) = (parentPoint.X - childPoint.X, parentPoint.Y - childPoint.Y);
            }
            foreach (var contour in componentContours)
                ownContours.Add(new GlyphContour(contour.Points.Select(q => q with { X = q.X + dx, Y = q.Y + dy }).ToArray()));
        } while ((flags & MoreComponents) != 0);

        foreach (var contour in ownContours)
            into.Add(new GlyphContour(contour.Points.Select(q =>
            {
                var (x, y) = parent.Apply(q.X, q.Y);
                return q with { X = x, Y = y };
            }).ToArray()));
    }

    private GlyphPoint PointAt(List<GlyphContour> contours, int index, int glyphId)
    {
        foreach (var contour in contours)
        {
            if (index < contour.Points.Count) return contour.Points[index];
            index -= contour.Points.Count;
        }
        throw new FontFormatException($"{_fontName}: composite glyph {glyphId} matches a point that does not exist");
    }

    private static double F2Dot14(ReadOnlySpan<byte> at) => BinaryPrimitives.ReadInt16BigEndian(at) / 16384.0;

    private void Require(ReadOnlySpan<byte> data, int length, int glyphId)
    {
        if (length > data.Length) throw new FontFormatException($"{_fontName}: glyph {glyphId} is truncated");
    }

    /// <summary>x' = a·x + c·y + e, y' = b·x + d·y + f (the TrueType component matrix layout).</summary>
    private readonly record struct Transform(double A, double B, double C, double D, double E, double F)
    {
        public static readonly Transform Identity = new(1, 0, 0, 1, 0, 0);

        public (double X, double Y) Apply(double x, double y) => (A * x + C * y + E, B * x + D * y + F);
    }
}
