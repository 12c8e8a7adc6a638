using GptBook.Policies;

namespace GptBook.Images.Vector;

/// <summary>Reads a <c>transform</c> attribute: matrix, translate, scale, rotate (about a point), skewX, skewY, in order.
/// An unreadable list is the identity (SVG renders the element untransformed).</summary>
public static class SvgTransformList
{
    public static Affine Parse(string? value)
    {
        var result = Affine.Identity;
        if (string.IsNullOrWhiteSpace(value)) return result;
        var i = 0;
        while (true)
        {
            SvgNumbers.SkipSeparators(value, ref i);
            if (i >= value.Length) return result;
            var nameStart = i;
            while (i < value.Length && char.IsAsciiLetter(value[i])) i++;
            var name = value[nameStart..i];
            while (i < value.Length && char.IsWhiteSpace(value[i])) i++;
            if (i >= value.Length || value[i] != '(') return Affine.Identity;
            var close = value.IndexOf(')', i);
            if (close < 0) return Affine.Identity;
            var args = SvgNumbers.List(value[(i + 1)..close]);
            i = close + 1;
            Affine? t = (name, args.Count) switch
            {
                ("matrix", 6) => new Affine(args[0], args[1], args[2], args[3], args[4], args[5]),
                ("translate", 1) => Affine.Translate(args[0], 0),
                ("translate", 2) => Affine.Translate(args[0], args[1]),
                ("scale", 1) => Affine.Scale(args[0], args[0]),
                ("scale", 2) => Affine.Scale(args[0], args[1]),
                ("rotate", 1) => Affine.Rotate(args[0]),
                ("rotate", 3) => Affine.Translate(args[1], args[2]) * Affine.Rotate(args[0]) * Affine.Translate(-args[1], -args[2]),
                ("skewX", 1) => Affine.SkewX(args[0]),
                ("skewY", 1) => Affine.SkewY(args[0]),
                _ => null,
            };
            if (t == null) return Affine.Identity;
            result = result * t.Value;
        }
    }
}
