namespace GptBook.Fonts.MathTable;

/// <summary>The four corners of a glyph at which the MATH table may give a cut-in kern for scripts.</summary>
public enum MathKernCorner
{
    TopRight,
    TopLeft,
    BottomRight,
    BottomLeft,
}

/// <summary>
/// A staircase kern at one corner of a glyph: <see cref="Kerns"/> has one more entry than <see cref="Heights"/>;
/// the kern below the first height is the first, between heights i−1 and i it is kern i, above the last the last
/// (OpenType MathKern). All in font units.
/// </summary>
public sealed record MathKern(IReadOnlyList<int> Heights, IReadOnlyList<int> Kerns)
{
    /// <summary>The kern at <paramref name="height"/> (font units, from the baseline).</summary>
    public int At(double height)
    {
        var i = 0;
        while (i < Heights.Count && height >= Heights[i]) i++;
        return Kerns[i];
    }
}
