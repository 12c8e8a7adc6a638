using System.Text;
using GptBook.Fonts;
using GptBook.Fonts.MathTable;
using GptBook.Formulas;

namespace GptBook.Layout.Formulas;

/// <summary>
/// Turns a parsed formula into boxes, following the TeXbook's Appendix G with the OpenType MATH table's constants
/// in place of TeX's font parameters (as XeTeX, LuaTeX and MathML Core do). A list becomes atoms of TeX's classes,
/// Bin atoms that cannot be binary become Ord, and the spacing table puts thin, medium and thick spaces between
/// them; each construct (fractions, scripts, radicals, operators, delimiters, accents, tables) has its own file.
/// Lengths are in em of the formula's size.
/// </summary>
public sealed partial class MathTypesetter
{
    private readonly MathFont _font;
    private readonly MathStretcher _stretch;
    private readonly double _pointsPerEm;

    /// <summary>
    /// A typesetter for formulas set at <paramref name="pointsPerEm"/> points: lengths the author gives in absolute
    /// units (<c>\\[4pt]</c>) are converted at that size; everything else is in em and does not depend on it.
    /// </summary>
    public MathTypesetter(MathFont font, double pointsPerEm)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pointsPerEm);
        _font = font;
        _stretch = new MathStretcher(font);
        _pointsPerEm = pointsPerEm;
    }

    public MathFont Font => _font;

    /// <summary>
    /// A length from the source in em of the formula's size, at <paramref name="style"/>: em and ex are the math face's
    /// quad and x-height at the style's size (a script's em is smaller), absolute units are points at the formula's size.
    /// </summary>
    public double Em(MathLength length, MathStyleState style)
    {
        ArgumentNullException.ThrowIfNull(length);
        return length.Unit switch
        {
            MathLengthUnit.Em => length.Value * _font.Scale(style),
            MathLengthUnit.XHeight => length.Value * _font.XHeight * _font.Scale(style),
            _ => length.Points!.Value / _pointsPerEm,
        };
    }

    /// <summary>One atom of a list: its class (for spacing and line breaking) and its box.</summary>
    public readonly record struct Atom(AtomClass Class, MathBox Box, MathStyleState Style);

    /// <summary>A formula's node as one box in <paramref name="style"/>.</summary>
    public MathBox Typeset(MathNode node, MathStyleState style) => Join(Atoms(node, style), style);

    /// <summary>
    /// The top-level list of a formula cut where TeX may break an inline formula: after a Bin or Rel atom of the
    /// outermost list (never inside a group, a fraction or a script). Each piece keeps the space that follows it.
    /// </summary>
    public IReadOnlyList<MathBox> Pieces(MathNode node, MathStyleState style)
    {
        var atoms = Atoms(node, style);
        var classes = Classes(atoms);
        var pieces = new List<MathBox>();
        var current = new List<MathBox>();
        for (var i = 0; i < atoms.Count; i++)
        {
            current.Add(atoms[i].Box);
            if (Spacing(atoms, classes, i, style) is > 0 and var space) current.Add(new SpaceBox(space));
            if (atoms[i].Box is not SpaceBox && classes[i] is AtomClass.Bin or AtomClass.Rel && i + 1 < atoms.Count
                && !(i + 1 < atoms.Count && classes[i + 1] is AtomClass.Rel or AtomClass.Punct))
            {
                pieces.Add(GroupBox.Row(current));
                current = [];
            }
        }
        if (current.Count > 0 || pieces.Count == 0) pieces.Add(GroupBox.Row(current));
        return pieces;
    }

    /// <summary>The atoms of a node: a row's items one by one (styles switched inside it applying to what follows), anything else one atom.</summary>
    public List<Atom> Atoms(MathNode node, MathStyleState style)
    {
        var atoms = new List<Atom>();
        if (node is MathRow row)
            foreach (var item in row.Items) AddAtoms(item, style, atoms);
        else
            AddAtoms(node, style, atoms);
        return atoms;
    }

    /// <summary>An item of a list: a braced group inside it is one Ord atom; a style switch applies to the rest of the list.</summary>
    private void AddAtoms(MathNode node, MathStyleState style, List<Atom> atoms)
    {
        switch (node)
        {
            case MathStyled styled:
                var inner = new MathStyleState(styled.Style, style.Cramped);
                if (styled.Content is MathRow rest)
                    foreach (var item in rest.Items) AddAtoms(item, inner, atoms);
                else
                    AddAtoms(styled.Content, inner, atoms);
                break;
            case MathColoured coloured:
                // The PDF prints in one ink (see MathColoured): the coloured atoms are spaced as if uncoloured.
                if (coloured.Content is MathRow items)
                    foreach (var item in items.Items) AddAtoms(item, style, atoms);
                else
                    AddAtoms(coloured.Content, style, atoms);
                break;
            default:
                atoms.Add(new Atom(ClassOf(node), Box(node, style), style));
                break;
        }
    }

    /// <summary>The class a node takes part in spacing as (TeXbook ch. 17: fractions and \left…\right are Inner).</summary>
    private static AtomClass ClassOf(MathNode node) => node switch
    {
        MathSymbol s => s.Class,
        MathOperator => AtomClass.Op,
        MathScripts s => ClassOf(s.Base),
        MathUnderOver u => ClassOf(u.Base),
        MathClassed c => c.Class,
        MathFraction => AtomClass.Inner,
        MathFenced => AtomClass.Inner,
        MathSizedDelimiter d => d.Class,
        MathTable t when t.Left.Length > 0 || t.Right.Length > 0 => AtomClass.Inner,
        _ => AtomClass.Ord,
    };

    private MathBox Box(MathNode node, MathStyleState style) => node switch
    {
        MathSymbol s => Symbol(s, style),
        MathRow r => Typeset(r, style),
        MathFraction f => Fraction(f, style),
        MathScripts s => Scripts(s, style),
        MathRadical r => Radical(r, style),
        MathOperator o => Operator(o, style),
        MathFenced f => Fenced(f, style),
        MathSizedDelimiter d => SizedDelimiter(d, style),
        MathAccent a => Accent(a, style),
        MathUnderOver u => UnderOver(u, style),
        MathText t => Text(t.Text, style, t.Face switch { MathTextFace.Bold => FontRole.SerifBold, MathTextFace.Mono => FontRole.Mono, _ => FontRole.SerifRegular }),
        MathSpace s => new SpaceBox(s.Mu / 18.0 * _font.Scale(style)),
        MathStyled s => Typeset(s.Content, new MathStyleState(s.Style, style.Cramped)),
        MathBoxed b => Boxed(b, style),
        MathCancel c => Cancelled(c, style),
        MathColoured c => Typeset(c.Content, style),
        MathClassed c => Typeset(c.Content, style),
        MathReference r => Text(r.Number is { } n ? (r.Parenthesized ? $"({n})" : n) : $"({r.Label}?)", style, FontRole.SerifRegular),
        MathTable t => Table(t, style),
        MathError e => Error(e.Source, style),
        _ => Error(node.ToString() ?? "", style),
    };

    /// <summary>The atoms side by side with the spacing table's spaces between them; explicit spaces are kept and take no part in it.</summary>
    public MathBox Join(IReadOnlyList<Atom> atoms, MathStyleState style)
    {
        var classes = Classes(atoms);
        var boxes = new List<MathBox>(atoms.Count * 2);
        for (var i = 0; i < atoms.Count; i++)
        {
            boxes.Add(atoms[i].Box);
            if (Spacing(atoms, classes, i, style) is > 0 and var space) boxes.Add(new SpaceBox(space));
        }
        return boxes.Count == 1 ? boxes[0] : GroupBox.Row(boxes);
    }

    /// <summary>The classes after Appendix G's rules 5 and 6; explicit spaces are skipped over.</summary>
    private static AtomClass[] Classes(IReadOnlyList<Atom> atoms)
    {
        var real = new List<int>();
        for (var i = 0; i < atoms.Count; i++) if (atoms[i].Box is not SpaceBox) real.Add(i);
        var resolved = MathSpacing.ResolveBinaries(real.Select(i => atoms[i].Class).ToArray());
        var classes = atoms.Select(a => a.Class).ToArray();
        for (var k = 0; k < real.Count; k++) classes[real[k]] = resolved[k];
        return classes;
    }

    /// <summary>The space after atom <paramref name="i"/>, in em: from the table, between it and the next atom that is not a space.</summary>
    private double Spacing(IReadOnlyList<Atom> atoms, AtomClass[] classes, int i, MathStyleState style)
    {
        if (atoms[i].Box is SpaceBox) return 0;
        var next = i + 1;
        while (next < atoms.Count && atoms[next].Box is SpaceBox) next++;
        if (next >= atoms.Count) return 0;
        return MathSpacing.Mu(classes[i], classes[next], style) / 18.0 * _font.Scale(style);
    }

    /// <summary>
    /// A symbol: letters in math italic unless upright was asked for, each character of the math face (or, lacking
    /// it, of the text faces), with the last glyph's italic correction kept for scripts. A prime in a script takes
    /// the font's script form (see <see cref="MathFont.ScriptForm"/>).
    /// </summary>
    private MathBox Symbol(MathSymbol symbol, MathStyleState style)
    {
        var scale = _font.Scale(style);
        var text = symbol.Variant == MathVariant.Default ? MathItalic.Italic(symbol.Text) : symbol.Text;
        var glyphs = new List<MathBox>();
        foreach (var rune in text.EnumerateRunes())
            glyphs.Add(IsPrime(rune.Value) && style.Style is MathStyle.Script or MathStyle.ScriptScript
                ? _font.ScriptForm(rune.Value, style.Style == MathStyle.Script ? 1 : 2, scale)
                : _font.Character(rune.Value, scale));
        if (symbol.Class == AtomClass.Op && glyphs is [GlyphBox op]) return LargeOperator(op, style);
        return glyphs.Count == 1 ? glyphs[0] : GroupBox.Row(glyphs);
    }

    /// <summary>′ ″ ‴ ⁗ and the reversed primes, which f' and x'' write as superscripts.</summary>
    private static bool IsPrime(int codePoint) => codePoint is (>= 0x2032 and <= 0x2037) or 0x2057;

    /// <summary>\text{…}: the text faces, upright, at the style's size; Han through the fallback chain like running text.</summary>
    private MathBox Text(string text, MathStyleState style, FontRole face)
    {
        var scale = _font.Scale(style);
        var glyphs = new List<MathBox>();
        foreach (var rune in text.EnumerateRunes())
            glyphs.Add(rune.Value == ' ' ? new SpaceBox(0.25 * scale) : _font.TextCharacter(rune.Value, scale, face));
        return GroupBox.Row(glyphs);
    }

    /// <summary>Source that could not be parsed: set verbatim in the code face inside a frame, so that it shows as broken.</summary>
    private MathBox Error(string source, MathStyleState style)
    {
        var text = Text(new StringBuilder(source).Replace('\n', ' ').ToString(), style, FontRole.Mono);
        var pad = 0.15 * _font.Scale(style);
        var height = Math.Max(text.Height, 0.75 * _font.Scale(style)) + pad;
        var depth = Math.Max(text.Depth, 0.2 * _font.Scale(style)) + pad;
        var width = text.Width + 2 * pad;
        return GroupBox.Of([new PlacedBox(new FrameBox(width, height, depth, 0.04), 0, 0), new PlacedBox(text, pad, 0)], width);
    }

    /// <summary>The axis (where fraction bars and the middle of delimiters sit) at a style's size, in em.</summary>
    private double Axis(MathStyleState style) => _font.Em(MathConstant.AxisHeight, style);

    /// <summary>A box moved up by <paramref name="shift"/> em.</summary>
    private static GroupBox Raise(MathBox box, double shift) => GroupBox.Of([new PlacedBox(box, 0, shift)], box.Width);

    /// <summary>A box centred vertically on the axis.</summary>
    private MathBox CentreOnAxis(MathBox box, MathStyleState style) => Raise(box, Axis(style) - (box.Height - box.Depth) / 2);
}
