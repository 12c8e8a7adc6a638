namespace GptBook.Formulas;

/// <summary>
/// The closed set of nodes of a parsed formula. The tree is immutable and already resolved: macros are expanded,
/// alphabets (\mathbf, \mathbb, …) are Unicode mathematical alphanumerics, TeX's spacing commands are lengths in mu.
/// Writers (MathML, the PDF's box layout) switch over these types exhaustively.
/// </summary>
public abstract record MathNode
{
    /// <summary>The nodes directly inside this one, in reading order.</summary>
    public virtual IEnumerable<MathNode> Children() => [];

    /// <summary>This node followed by every node nested in it, depth-first.</summary>
    public IEnumerable<MathNode> DescendantsAndSelf()
    {
        // With a stack of the open levels' enumerators rather than an iterator per node, each yielding through
        // every level above it: formulas are walked whole, once per formula and pass.
        yield return this;
        var open = new Stack<IEnumerator<MathNode>>();
        open.Push(Children().GetEnumerator());
        while (open.Count > 0)
        {
            var level = open.Peek();
            if (!level.MoveNext())
            {
                level.Dispose();
                open.Pop();
                continue;
            }
            var node = level.Current;
            yield return node;
            open.Push(node.Children().GetEnumerator());
        }
    }
}

/// <summary>One symbol: a letter, digits (<c>3.14</c> is one number), an operator, a relation, a fence, punctuation.</summary>
public sealed record MathSymbol(string Text, AtomClass Class, MathSymbolKind Kind, MathVariant Variant = MathVariant.Default) : MathNode;

/// <summary>A braced group or any list of nodes; as an atom it is an Ord (TeX's <c>{…}</c>).</summary>
public sealed record MathRow(IReadOnlyList<MathNode> Items) : MathNode
{
    public override IEnumerable<MathNode> Children() => Items;
}

/// <summary>
/// \frac (with a rule), \binom (without, between parentheses). <see cref="Style"/> is set by \dfrac/\tfrac (and
/// \dbinom/\tbinom); null lets the surrounding style decide.
/// </summary>
public sealed record MathFraction(MathNode Numerator, MathNode Denominator, bool HasRule, MathStyle? Style, string LeftDelimiter = "", string RightDelimiter = "") : MathNode
{
    public override IEnumerable<MathNode> Children() => [Numerator, Denominator];
}

/// <summary>A base with a subscript and/or a superscript (primes are superscripts <c>′</c>).</summary>
public sealed record MathScripts(MathNode Base, MathNode? Subscript, MathNode? Superscript) : MathNode
{
    public override IEnumerable<MathNode> Children() =>
        (Subscript, Superscript) switch
        {
            (null, null) => [Base],
            (null, { } sup) => [Base, sup],
            ({ } sub, null) => [Base, sub],
            ({ } sub, { } sup) => [Base, sub, sup],
        };
}

/// <summary>\sqrt{x} and \sqrt[n]{x}.</summary>
public sealed record MathRadical(MathNode Radicand, MathNode? Degree) : MathNode
{
    public override IEnumerable<MathNode> Children() => Degree is null ? [Radicand] : [Degree, Radicand];
}

/// <summary>
/// A big operator (Op atom): a large symbol (\sum <c>∑</c>, \int <c>∫</c>) or a name set upright (\lim, \max,
/// \operatorname{softmax}). Its scripts are a <see cref="MathScripts"/> around it; <see cref="Limits"/> says where they go.
/// </summary>
public sealed record MathOperator(string Text, bool IsLargeSymbol, MathLimits Limits) : MathNode;

/// <summary>
/// \left … \middle … \right: <see cref="Segments"/> has one more element than <see cref="Middles"/>. An empty
/// delimiter is TeX's <c>.</c> (nothing shown).
/// </summary>
public sealed record MathFenced(string Left, IReadOnlyList<MathNode> Segments, IReadOnlyList<string> Middles, string Right) : MathNode
{
    public override IEnumerable<MathNode> Children() => Segments;
}

/// <summary>\big( … \Bigg]: a delimiter at a fixed size 1–4 (big, Big, bigg, Bigg), with the class of its l/r/m suffix.</summary>
public sealed record MathSizedDelimiter(string Delimiter, int Size, AtomClass Class) : MathNode;

/// <summary>
/// An accent or a line/brace over or under a base: \hat, \tilde, \bar, \vec, \dot, \ddot, \widehat, \overline,
/// \underline, \overrightarrow, \overbrace, \underbrace. <see cref="Mark"/> is the spacing Unicode character
/// (MathML's choice); <see cref="Command"/> the TeX name, for a writer that picks glyphs itself. A brace's label
/// (\underbrace{x}_{label}) is <see cref="Label"/>.
/// </summary>
public sealed record MathAccent(string Command, MathNode Base, string Mark, bool Stretchy, bool Under, MathNode? Label = null) : MathNode
{
    public override IEnumerable<MathNode> Children() => Label is null ? [Base] : [Base, Label];
}

/// <summary>
/// \overset{over}{base}, \underset{under}{base}, \stackrel{over}{rel}: a base with things set above/below it.
/// <see cref="Stretchy"/>: the base is an arrow drawn as wide as the things above and below it (\xrightarrow[under]{over}).
/// </summary>
public sealed record MathUnderOver(MathNode Base, MathNode? Under, MathNode? Over, bool Stretchy = false) : MathNode
{
    public override IEnumerable<MathNode> Children() =>
        new[] { Base, Under, Over }.Where(n => n is not null).Select(n => n!);
}

/// <summary>\boxed{…}, \fbox{…}: the content inside a ruled frame (a result set off in a derivation).</summary>
public sealed record MathBoxed(MathNode Content) : MathNode
{
    public override IEnumerable<MathNode> Children() => [Content];
}

/// <summary>\cancel (a stroke up to the right), \bcancel (down to the right), \xcancel (both): a term struck out in a derivation.</summary>
public sealed record MathCancel(MathNode Content, MathCancelStroke Stroke) : MathNode
{
    public override IEnumerable<MathNode> Children() => [Content];
}

/// <summary>Which diagonals strike out a cancelled term.</summary>
public enum MathCancelStroke { Up, Down, Both }

/// <summary>
/// \color{red}, \textcolor{red}{…}: the content in a colour, as <c>#rrggbb</c>. The EPUB and the site show it; the PDF
/// prints it in black like all its text (PrintInks: one ink, so that any press prints it).
/// </summary>
public sealed record MathColoured(string Colour, MathNode Content) : MathNode
{
    public override IEnumerable<MathNode> Children() => [Content];
}

/// <summary>\text{…}, \mbox{…}: ordinary text (Chinese included) inside a formula, set in the text font, or in its
/// bold or the code face for \textbf{…} and \texttt{…}.</summary>
public sealed record MathText(string Text) : MathNode
{
    public MathTextFace Face { get; init; }
}

/// <summary>The face of a formula's text: \text's (and \textit's, \textsf's: no italic or sans text face is bundled), \textbf's, \texttt's.</summary>
public enum MathTextFace { Roman, Bold, Mono }

/// <summary>Horizontal space in mu (18 mu = 1 em): \, 3, \: 4, \; 5, \quad 18, \qquad 36, \! −3.</summary>
public sealed record MathSpace(int Mu) : MathNode;

/// <summary>\displaystyle, \textstyle, …: the rest of the group set in that style.</summary>
public sealed record MathStyled(MathStyle Style, MathNode Content) : MathNode
{
    public override IEnumerable<MathNode> Children() => [Content];
}

/// <summary>\mathop, \mathbin, \mathrel, …: content treated as one atom of the given class.</summary>
public sealed record MathClassed(AtomClass Class, MathNode Content) : MathNode
{
    public override IEnumerable<MathNode> Children() => [Content];
}

/// <summary>
/// \eqref{label} (<see cref="Parenthesized"/>) or \ref{label}. <see cref="Number"/> and <see cref="TargetId"/>
/// are null until the equation numbering transform resolves the label (an unresolved label stays null and is reported).
/// </summary>
public sealed record MathReference(string Label, bool Parenthesized, string? Number = null, string? TargetId = null) : MathNode
{
    /// <summary>What the reference shows: "(3.2)" for \eqref, "3.2" for \ref, "(??)" when its label exists nowhere.</summary>
    public string Shown => Parenthesized ? $"({Number ?? "??"})" : Number ?? "??";
}

/// <summary>
/// Rows and columns: align/aligned/split/gather (the formula's lines), cases, the matrices and array.
/// <see cref="Columns"/> gives each column's alignment (the last one repeats for wider rows);
/// <see cref="Left"/>/<see cref="Right"/> are the surrounding delimiters (<c>(</c> for pmatrix, <c>{</c> for cases).
/// </summary>
public sealed record MathTable(string Environment, IReadOnlyList<MathTableRow> Rows, IReadOnlyList<MathColumnAlignment> Columns, string Left, string Right) : MathNode
{
    public override IEnumerable<MathNode> Children() => Rows.SelectMany(r => r.Cells);

    /// <summary>
    /// The column boundaries that carry a vertical rule (array's <c>|</c>), ascending: 0 is before the first column,
    /// <see cref="Columns"/>.Count after the last. A doubled <c>||</c> is one rule.
    /// </summary>
    public IReadOnlyList<int> ColumnRules { get; init; } = [];

    /// <summary>
    /// The row boundaries that carry a horizontal rule (<c>\hline</c>), ascending: 0 is above the first row,
    /// <see cref="Rows"/>.Count below the last. A doubled <c>\hline\hline</c> is one rule.
    /// </summary>
    public IReadOnlyList<int> RowRules { get; init; } = [];

    /// <summary>True when the table draws any rule.</summary>
    public bool HasRules => ColumnRules.Count > 0 || RowRules.Count > 0;

    /// <summary>Whether column boundary <paramref name="boundary"/> carries a rule; a rule written past the last column used is drawn after it.</summary>
    public bool HasColumnRule(int boundary) => ColumnRules.Count > 0 && ColumnRules.Any(r => Math.Min(r, ColumnCount) == boundary);

    public MathColumnAlignment AlignmentOf(int column) =>
        Columns.Count == 0 ? MathColumnAlignment.Center : Columns[Math.Min(column, Columns.Count - 1)];

    public int ColumnCount => Rows.Count == 0 ? 0 : Rows.Max(r => r.Cells.Count);

    /// <summary>True for the alignment environments whose columns pair up right/left around a relation (align, flalign, aligned, split).</summary>
    public bool IsAlignment => Environment is "align" or "align*" or "flalign" or "flalign*" or "aligned" or "split" or "alignat" or "alignat*" or "alignedat";

    /// <summary>
    /// True for the top-level display environments (align, gather, multline, flalign, eqnarray), whose rows are the
    /// display's own lines: each may carry its number, and a page may break between them. The inner environments
    /// (aligned, gathered, split, alignedat) are one box, as in TeX.
    /// </summary>
    public bool IsDisplayLines => Environment.TrimEnd('*') is "align" or "gather" or "multline" or "flalign" or "eqnarray" or "alignat";

    /// <summary>True for multline: one equation in lines, the first flush left, the last flush right.</summary>
    public bool IsMultline => IsMultlineEnvironment(Environment);

    /// <summary>Whether <paramref name="environment"/> is multline (for the parser, which numbers it before the table exists).</summary>
    internal static bool IsMultlineEnvironment(string environment) => environment is "multline" or "multline*";

    /// <summary>True for the alignments with 2 em between their pairs; alignat and alignedat leave that to the author.</summary>
    public bool SpacesPairs => IsAlignment && Environment is not ("alignat" or "alignat*" or "alignedat");
}

/// <summary>
/// One row of a table: its cells, and <see cref="SpaceBelow"/>, the extra space its author asked for after it
/// (<c>\\[2ex]</c>; negative to pull the next row up), null when the row ends with a plain <c>\\</c> or is the last.
/// </summary>
public sealed record MathTableRow(IReadOnlyList<MathNode> Cells, MathLength? SpaceBelow = null);

/// <summary>
/// Source that could not be parsed (an unknown command, unbalanced braces, an unclosed environment): outputs show
/// <see cref="Source"/> verbatim in a visibly marked box. <see cref="Message"/> is the first problem found.
/// </summary>
public sealed record MathError(string Source, string Message) : MathNode;
