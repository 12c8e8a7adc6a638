using GptBook.Formulas;

namespace GptBook.Layout.Formulas;

/// <summary>
/// TeX's spacing between adjacent atoms (TeXbook ch. 18, the table on p. 170), in mu (18 mu = 1 em): thin 3,
/// medium 4, thick 5. Medium and thick spaces, and the thin spaces marked in parentheses in the TeXbook, appear
/// only in display and text style; in scripts they vanish so that scripts stay compact.
/// </summary>
public static class MathSpacing
{
    // 0 none, 1 thin, 2 medium, 3 thick; negative: only in display and text style. Rows: left atom; columns: right.
    private static readonly int[,] Table =
    {
        //         Ord Op  Bin Rel Open Close Punct Inner
        /* Ord  */ { 0,  1, -2, -3,  0,  0,  0, -1 },
        /* Op   */ { 1,  1,  0, -3,  0,  0,  0, -1 },
        /* Bin  */ { -2, -2, 0,  0, -2,  0,  0, -2 },
        /* Rel  */ { -3, -3, 0,  0, -3,  0,  0, -3 },
        /* Open */ { 0,  0,  0,  0,  0,  0,  0,  0 },
        /* Close*/ { 0,  1, -2, -3,  0,  0,  0, -1 },
        /* Punct*/ { -1, -1, 0, -1, -1, -1, -1, -1 },
        /* Inner*/ { -1, 1, -2, -3, -1,  0, -1, -1 },
    };

    /// <summary>The space between a <paramref name="left"/> and a <paramref name="right"/> atom in <paramref name="style"/>, in mu.</summary>
    public static int Mu(AtomClass left, AtomClass right, MathStyleState style)
    {
        var entry = Table[(int)left, (int)right];
        if (entry < 0 && !style.IsTextSize) return 0;
        return Math.Abs(entry) switch { 1 => 3, 2 => 4, 3 => 5, _ => 0 };
    }

    /// <summary>
    /// Appendix G rules 5 and 6: a Bin that cannot be binary (first in its list, or after Bin, Op, Rel, Open or
    /// Punct; or before Rel, Close or Punct) is an Ord.
    /// </summary>
    public static AtomClass[] ResolveBinaries(IReadOnlyList<AtomClass> classes)
    {
        var result = classes.ToArray();
        for (var i = 0; i < result.Length; i++)
        {
            if (result[i] != AtomClass.Bin) continue;
            if (i == 0 || result[i - 1] is AtomClass.Bin or AtomClass.Op or AtomClass.Rel or AtomClass.Open or AtomClass.Punct)
                result[i] = AtomClass.Ord;
            else if (i + 1 < result.Length && result[i + 1] is AtomClass.Rel or AtomClass.Close or AtomClass.Punct)
                result[i] = AtomClass.Ord;
            else if (i + 1 == result.Length)
                result[i] = AtomClass.Ord;
        }
        return result;
    }
}
