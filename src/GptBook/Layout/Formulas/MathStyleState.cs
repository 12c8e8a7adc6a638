using GptBook.Formulas;

namespace GptBook.Layout.Formulas;

/// <summary>
/// One of TeX's eight styles (TeXbook ch. 17): display, text, script, scriptscript, each normal or cramped
/// (cramped: superscripts are raised less, as under a fraction bar or a radical). The transitions are Appendix G's.
/// </summary>
public readonly record struct MathStyleState(MathStyle Style, bool Cramped)
{
    public static MathStyleState Display { get; } = new(MathStyle.Display, false);

    public static MathStyleState Text { get; } = new(MathStyle.Text, false);

    public bool IsDisplay => Style == MathStyle.Display;

    /// <summary>Whether this is display or text style (where the parenthesised spaces of the spacing table apply).</summary>
    public bool IsTextSize => Style is MathStyle.Display or MathStyle.Text;

    /// <summary>The style of a superscript: one script level smaller, cramped if this one is.</summary>
    public MathStyleState Superscript => new(Smaller, Cramped);

    /// <summary>The style of a subscript: one script level smaller, always cramped.</summary>
    public MathStyleState Subscript => new(Smaller, true);

    /// <summary>A fraction's numerator: D→T, T→S, S and SS→SS.</summary>
    public MathStyleState Numerator => new(FractionPart, Cramped);

    /// <summary>A fraction's denominator: as the numerator, but always cramped.</summary>
    public MathStyleState Denominator => new(FractionPart, true);

    /// <summary>This style, cramped (radicands, accented bases, what lies under a bar).</summary>
    public MathStyleState Cramp => this with { Cramped = true };

    private MathStyle Smaller => Style is MathStyle.Display or MathStyle.Text ? MathStyle.Script : MathStyle.ScriptScript;

    private MathStyle FractionPart => Style switch
    {
        MathStyle.Display => MathStyle.Text,
        MathStyle.Text => MathStyle.Script,
        _ => MathStyle.ScriptScript,
    };
}
