namespace GptBook.Formulas;

/// <summary>TeX's atom classes (TeXbook ch. 17): they decide the spacing between neighbours and where a line may break.</summary>
public enum AtomClass
{
    Ord,
    Op,
    Bin,
    Rel,
    Open,
    Close,
    Punct,
    Inner,
}

/// <summary>What a symbol is to a reader: a variable or name, a number, or an operator/fence/punctuation mark.</summary>
public enum MathSymbolKind
{
    Identifier,
    Number,
    Operator,
}

/// <summary>
/// How a symbol's letters are shaped. <see cref="Default"/> follows TeX (Latin and lowercase Greek letters italic,
/// the rest upright); <see cref="Upright"/> means the text is shown exactly as stored (\mathrm, or a letter already
/// resolved to a Unicode mathematical alphanumeric by \mathbf, \mathbb, …).
/// </summary>
public enum MathVariant
{
    Default,
    Upright,
}

/// <summary>TeX's four styles; \dfrac and \displaystyle force <see cref="Display"/>, \tfrac and \textstyle <see cref="Text"/>.</summary>
public enum MathStyle
{
    Display,
    Text,
    Script,
    ScriptScript,
}

/// <summary>Where a big operator's scripts go: above and below in display style only (\sum), always (\limits), never (\int, \nolimits).</summary>
public enum MathLimits
{
    DisplayOnly,
    Always,
    Never,
}

/// <summary>A column's alignment in an environment (array's <c>l c r</c>, align's alternating right/left pairs).</summary>
public enum MathColumnAlignment
{
    Left,
    Center,
    Right,
}
