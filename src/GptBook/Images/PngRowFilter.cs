using System.Runtime.Intrinsics;

namespace GptBook.Images;

/// <summary>
/// Chooses each truecolour row's PNG filter: the row filtered five ways (none, sub, up, average, Paeth) and the one
/// with the smallest sum of absolute (signed) values kept, the heuristic libpng and ImageSharp use. Filtering was
/// 60 % of writing a truecolour PNG one byte at a time (the 60-figure benchmark book, 1 December), so the four
/// predictors and the sums are computed 16 bytes at a time: every predictor reads only the unfiltered row and the
/// one above, never its own output, so the bytes of a row are independent. The scalar loop does the first pixel
/// and the tail, and the whole row where vectors are not accelerated; both give the same bytes.
/// </summary>
internal sealed class PngRowFilter
{
    private const int Types = 5;
    private readonly byte[][] _filtered;

    /// <param name="stride">Bytes per unfiltered row.</param>
    public PngRowFilter(int stride)
    {
        _filtered = new byte[Types][];
        for (var type = 0; type < Types; type++)
        {
            _filtered[type] = new byte[stride + 1];
            _filtered[type][0] = (byte)type;
        }
    }

    /// <summary>The best filtering of <paramref name="row"/> with its filter type byte in front; valid until the
    /// next call. Ties go to the lower filter type.</summary>
    public byte[] Best(ReadOnlySpan<byte> row, ReadOnlySpan<byte> above, int bpp)
    {
        Span<byte> sub = _filtered[1].AsSpan(1), up = _filtered[2].AsSpan(1), average = _filtered[3].AsSpan(1),
            paeth = _filtered[4].AsSpan(1);
        row.CopyTo(_filtered[0].AsSpan(1));
        for (var i = 0; i < bpp && i < row.Length; i++)
        {
            sub[i] = row[i];
            up[i] = (byte)(row[i] - above[i]);
            average[i] = (byte)(row[i] - (above[i] >> 1));
            paeth[i] = (byte)(row[i] - above[i]);
        }
        var done = Vector128.IsHardwareAccelerated ? FilterVectors(row, above, bpp, sub, up, average, paeth) : bpp;
        for (var i = Math.Max(done, bpp); i < row.Length; i++)
        {
            int left = row[i - bpp], over = above[i], overLeft = above[i - bpp];
            sub[i] = (byte)(row[i] - left);
            up[i] = (byte)(row[i] - over);
            average[i] = (byte)(row[i] - ((left + over) >> 1));
            paeth[i] = (byte)(row[i] - Paeth(left, over, overLeft));
        }
        var best = 0;
        var bestSum = long.MaxValue;
        for (var type = 0; type < Types; type++)
        {
            var sum = SumOfMagnitudes(_filtered[type].AsSpan(1));
            if (sum < bestSum) (best, bestSum) = (type, sum);
        }
        return _filtered[best];
    }

    /// <summary>The four predictors for 16 bytes at a time from <paramref name="bpp"/> on; returns where the
    /// scalar loop takes over.</summary>
    private static int FilterVectors(ReadOnlySpan<byte> row, ReadOnlySpan<byte> above, int bpp,
        Span<byte> sub, Span<byte> up, Span<byte> average, Span<byte> paeth)
    {
        var i = bpp;
        for (; i + Vector128<byte>.Count <= row.Length; i += Vector128<byte>.Count)
        {
            var raw = Vector128.Create(row.Slice(i, Vector128<byte>.Count));
            var left = Vector128.Create(row.Slice(i - bpp, Vector128<byte>.Count));
            var over = Vector128.Create(above.Slice(i, Vector128<byte>.Count));
            var overLeft = Vector128.Create(above.Slice(i - bpp, Vector128<byte>.Count));
            (raw - left).CopyTo(sub[i..]);
            (raw - over).CopyTo(up[i..]);
            // floor((left + over) / 2) without leaving bytes: the common bits plus half the differing ones.
            (raw - ((left & over) + Vector128.ShiftRightLogical(left ^ over, 1))).CopyTo(average[i..]);
            (raw - PaethVector(left, over, overLeft)).CopyTo(paeth[i..]);
        }
        return i;
    }

    /// <summary>The Paeth predictor of 16 bytes, in 16-bit lanes (p − a and friends need nine bits and a sign).</summary>
    private static Vector128<byte> PaethVector(Vector128<byte> a, Vector128<byte> b, Vector128<byte> c)
    {
        var (aLow, aHigh) = Vector128.Widen(a);
        var (bLow, bHigh) = Vector128.Widen(b);
        var (cLow, cHigh) = Vector128.Widen(c);
        return Vector128.Narrow(PaethLanes(aLow.AsInt16(), bLow.AsInt16(), cLow.AsInt16()).AsUInt16(),
            PaethLanes(aHigh.AsInt16(), bHigh.AsInt16(), cHigh.AsInt16()).AsUInt16());
    }

    /// <summary>p = a + b − c; the one of a, b, c nearest p, preferring a, then b (as <see cref="Paeth"/>).</summary>
    private static Vector128<short> PaethLanes(Vector128<short> a, Vector128<short> b, Vector128<short> c)
    {
        var pa = Vector128.Abs(b - c);
        var pb = Vector128.Abs(a - c);
        var pc = Vector128.Abs(a + b - c - c);
        var takeA = Vector128.LessThanOrEqual(pa, pb) & Vector128.LessThanOrEqual(pa, pc);
        var takeB = Vector128.LessThanOrEqual(pb, pc);
        return Vector128.ConditionalSelect(takeA, a, Vector128.ConditionalSelect(takeB, b, c));
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    /// <summary>The sum of each byte's distance from zero read as a signed byte (0…128).</summary>
    private static long SumOfMagnitudes(ReadOnlySpan<byte> bytes)
    {
        long sum = 0;
        var i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            // A 16-bit lane gains at most 2 × 128 per vector; flushing every 255 vectors keeps it below 65,536.
            while (i + Vector128<byte>.Count <= bytes.Length)
            {
                var lanes = Vector128<ushort>.Zero;
                for (var n = 0; n < 255 && i + Vector128<byte>.Count <= bytes.Length; n++, i += Vector128<byte>.Count)
                {
                    var magnitude = Vector128.Abs(Vector128.Create(bytes.Slice(i, Vector128<byte>.Count)).AsSByte()).AsByte();
                    var (low, high) = Vector128.Widen(magnitude);
                    lanes += low + high;
                }
                sum += SumLanes(lanes);
            }
        }
        for (; i < bytes.Length; i++) sum += bytes[i] < 128 ? bytes[i] : 256 - bytes[i];
        return sum;
    }

    private static long SumLanes(Vector128<ushort> lanes)
    {
        var (low, high) = Vector128.Widen(lanes);
        return Vector128.Sum(low + high);
    }
}
