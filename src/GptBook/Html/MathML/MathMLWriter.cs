using System.Globalization;
using System.Xml;
using GptBook.Formulas;

namespace GptBook.Html.MathML;

/// <summary>
/// A parsed formula as presentation MathML (the MathML Core subset Chromium renders natively, and MathML 3 that
/// EPUB reading systems and epubcheck accept): <c>&lt;math&gt;</c> with the TeX source as <c>alttext</c> and
/// <c>display="block"</c> for display math. TeX's atom classes decide the element (identifiers <c>mi</c>, numbers
/// <c>mn</c>, the rest <c>mo</c>); big operators with limits use <c>munderover</c> with <c>movablelimits</c>, so inline
/// they move to the side as in TeX. Lines of a numbered align carry their numbers in a last column. A formula that
/// could not be parsed is its source inside <c>merror</c>, which browsers draw as a marked box.
/// </summary>
public static class MathMLWriter
{
    public const string Namespace = "http://www.w3.org/1998/Math/MathML";

    /// <summary>Writes <paramref name="formula"/>; <paramref name="block"/> is display math set on its own.</summary>
    public static void Write(XmlWriter xml, MathFormula formula, bool block)
    {
        ArgumentNullException.ThrowIfNull(xml);
        ArgumentNullException.ThrowIfNull(formula);
        xml.WriteStartElement("math", Namespace);
        if (block) xml.WriteAttributeString("display", "block");
        xml.WriteAttributeString("alttext", XmlCharacters.Clean(formula.Source.Trim()));
        var numberedRows = formula.NumberedTable is { } table && ReferenceEquals(table, formula.Root) && formula.Numbers.Count > 0;
        if (numberedRows) Table(xml, (MathTable)formula.Root, formula.Numbers);
        else if (formula.Root is MathRow row) WriteItems(xml, row.Items);
        else Node(xml, formula.Root);
        xml.WriteFullEndElement();
    }

    private static void Node(XmlWriter xml, MathNode node)
    {
        // Symbols, most of a formula's nodes, apart: the cases below that write their content in a lambda make the
        // compiler allocate one closure for the whole method on every call, whichever case is taken.
        if (node is MathSymbol symbol) Symbol(xml, symbol);
        else Composite(xml, node);
    }

    private static void Composite(XmlWriter xml, MathNode node)
    {
        switch (node)
        {
            case MathRow r:
                Element(xml, "mrow", () => WriteItems(xml, r.Items));
                break;
            case MathFraction f:
                Fraction(xml, f);
                break;
            case MathScripts s:
                Scripts(xml, s);
                break;
            case MathRadical r when r.Degree is null:
                Element(xml, "msqrt", () => Node(xml, r.Radicand));
                break;
            case MathRadical r:
                Element(xml, "mroot", () => { Row(xml, r.Radicand); Row(xml, r.Degree!); });
                break;
            case MathOperator o:
                Operator(xml, o, movable: false);
                break;
            case MathFenced f:
                Element(xml, "mrow", () =>
                {
                    Fence(xml, f.Left, "prefix");
                    for (var i = 0; i < f.Segments.Count; i++)
                    {
                        if (i > 0) Fence(xml, f.Middles[i - 1], "infix");
                        if (f.Segments[i] is MathRow row) WriteItems(xml, row.Items);
                        else Node(xml, f.Segments[i]);
                    }
                    Fence(xml, f.Right, "postfix");
                });
                break;
            case MathSizedDelimiter d:
                if (d.Delimiter.Length == 0) break;
                Leaf(xml, "mo", d.Delimiter, ("minsize", SizeOf(d.Size)), ("maxsize", SizeOf(d.Size)), ("stretchy", "true"), ("symmetric", "true"));
                break;
            case MathAccent a:
                Accent(xml, a);
                break;
            case MathUnderOver { Stretchy: true, Base: MathSymbol arrow } u:
                ExtensibleArrow(xml, arrow, u.Under, u.Over);
                break;
            case MathBoxed b:
                // menclose is not MathML Core: a row with a class, which the stylesheets frame.
                Element(xml, "mrow", () => Node(xml, b.Content), ("class", "boxed"));
                break;
            case MathCancel c:
                // MathML 3's strikes, which WebKit and Gecko draw; the stylesheets draw them for MathML Core engines.
                var notation = c.Stroke switch { MathCancelStroke.Up => "updiagonalstrike", MathCancelStroke.Down => "downdiagonalstrike", _ => "updiagonalstrike downdiagonalstrike" };
                Element(xml, "menclose", () => Node(xml, c.Content), ("notation", notation));
                break;
            case MathColoured c:
                Element(xml, "mstyle", () => Node(xml, c.Content), ("mathcolor", c.Colour));
                break;
            case MathUnderOver u:
                var name = u.Under is null ? "mover" : u.Over is null ? "munder" : "munderover";
                Element(xml, name, () =>
                {
                    Row(xml, u.Base);
                    if (u.Under is not null) Row(xml, u.Under);
                    if (u.Over is not null) Row(xml, u.Over);
                });
                break;
            case MathText t:
                // Spaces at the ends of mtext collapse in HTML rendering; no-break spaces keep them.
                // MathML 3's variants, which readers with a full MathML engine draw and the stylesheets draw for Chromium.
                if (t.Face == MathTextFace.Roman) Leaf(xml, "mtext", KeepEdgeSpaces(t.Text));
                else Leaf(xml, "mtext", KeepEdgeSpaces(t.Text), ("mathvariant", t.Face == MathTextFace.Bold ? "bold" : "monospace"));
                break;
            case MathSpace s:
                xml.WriteStartElement("mspace", Namespace);
                xml.WriteAttributeString("width", Em(s.Mu / 18.0));
                xml.WriteFullEndElement();
                break;
            case MathStyled s:
                Element(xml, "mstyle", () => Node(xml, s.Content), StyleAttributes(s.Style));
                break;
            case MathClassed { Class: AtomClass.Bin or AtomClass.Rel, Content: MathOperator { IsLargeSymbol: false } named } c:
                // \bmod, \mathbin{\mathrm{…}}: a name used as an operator keeps TeX's medium (binary) or thick
                // (relation) space on both sides, which an mi would not have.
                var space = Em((c.Class == AtomClass.Bin ? 4 : 5) / 18.0);
                Leaf(xml, "mo", named.Text, ("form", "infix"), ("lspace", space), ("rspace", space));
                break;
            case MathClassed c:
                Row(xml, c.Content);
                break;
            case MathReference r:
                Leaf(xml, "mtext", ReferenceText(r));
                break;
            case MathTable t:
                Table(xml, t, []);
                break;
            case MathError e:
                Element(xml, "merror", () => Leaf(xml, "mtext", e.Source.Trim()), ("class", "math-error"));
                break;
        }
    }

    /// <summary>What a reference shows: "(3.2)" for \eqref, "3.2" for \ref, "(??)" when its label exists nowhere.</summary>
    public static string ReferenceText(MathReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference.Shown;
    }

    private static void WriteItems(XmlWriter xml, IReadOnlyList<MathNode> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            Node(xml, items[i]);
            // A named function (sin, log) is followed by the invisible function application, as MathML asks.
            if (items[i] is MathOperator { IsLargeSymbol: false, Limits: MathLimits.Never } && i + 1 < items.Count && items[i + 1] is not MathSpace)
                Leaf(xml, "mo", "\u2061");
        }
    }

    private static void Symbol(XmlWriter xml, MathSymbol s)
    {
        switch (s.Kind)
        {
            case MathSymbolKind.Number:
                Leaf(xml, "mn", s.Text);
                return;
            case MathSymbolKind.Identifier:
                if (s.Variant == MathVariant.Upright && s.Text.Length == 1 && char.IsLetter(s.Text[0]))
                    Leaf(xml, "mi", s.Text, ("mathvariant", "normal"));
                else Leaf(xml, "mi", s.Text);
                return;
        }
        switch (s.Class)
        {
            case AtomClass.Ord when !IsBarOrSlash(s.Text):
                Leaf(xml, "mi", s.Text);
                return;
            // Plain parentheses, bars and slashes keep their size; only \left…\right stretches. (MathML's operator
            // dictionary makes bars stretchy, and Chromium grows a plain |x| or p\|q to a fraction's height in the row.)
            case AtomClass.Open or AtomClass.Close:
            case AtomClass.Ord or AtomClass.Rel when IsBarOrSlash(s.Text):
                Leaf(xml, "mo", s.Text, ("stretchy", "false"));
                return;
            default:
                Leaf(xml, "mo", s.Text);
                return;
        }
    }

    private static bool IsBarOrSlash(string text) => text is "|" or "‖" or "/" or "∖" or "∣" or "∥";

    private static void Fraction(XmlWriter xml, MathFraction f)
    {
        void Body()
        {
            if (f.LeftDelimiter.Length > 0) Leaf(xml, "mo", f.LeftDelimiter, ("fence", "true"), ("stretchy", "true"));
            Element(xml, "mfrac", () => { Row(xml, f.Numerator); Row(xml, f.Denominator); }, f.HasRule ? [] : [("linethickness", "0")]);
            if (f.RightDelimiter.Length > 0) Leaf(xml, "mo", f.RightDelimiter, ("fence", "true"), ("stretchy", "true"));
        }
        if (f.Style is { } style) Element(xml, "mstyle", () => Element(xml, "mrow", Body), StyleAttributes(style));
        else if (f.LeftDelimiter.Length > 0) Element(xml, "mrow", Body);
        else Body();
    }

    private static void Scripts(XmlWriter xml, MathScripts s)
    {
        var limits = s.Base switch
        {
            MathOperator o => o.Limits,
            MathClassed { Class: AtomClass.Op } => MathLimits.DisplayOnly,
            _ => MathLimits.Never,
        };
        var under = limits != MathLimits.Never;
        var name = (under, s.Subscript, s.Superscript) switch
        {
            (true, not null, not null) => "munderover",
            (true, not null, null) => "munder",
            (true, null, _) => "mover",
            (false, not null, not null) => "msubsup",
            (false, not null, null) => "msub",
            _ => "msup",
        };
        Element(xml, name, () =>
        {
            if (s.Base is MathOperator op) Operator(xml, op, movable: limits == MathLimits.DisplayOnly);
            else Row(xml, s.Base);
            if (s.Subscript is not null) Row(xml, s.Subscript);
            if (s.Superscript is not null) Row(xml, s.Superscript);
        });
    }

    /// <summary>A big operator: a large symbol as <c>mo</c>; a name (lim, max, sin) as upright <c>mo</c> when it takes limits, <c>mi</c> otherwise.</summary>
    private static void Operator(XmlWriter xml, MathOperator o, bool movable)
    {
        if (o.IsLargeSymbol)
        {
            if (movable) Leaf(xml, "mo", o.Text, ("movablelimits", "true"));
            else if (o.Limits == MathLimits.Always) Leaf(xml, "mo", o.Text, ("movablelimits", "false"));
            else Leaf(xml, "mo", o.Text);
        }
        else if (o.Limits != MathLimits.Never) Leaf(xml, "mo", o.Text, ("movablelimits", movable ? "true" : "false"), ("form", "prefix"));
        else Leaf(xml, "mi", o.Text);
    }

    private static void Accent(XmlWriter xml, MathAccent a)
    {
        var inner = a.Under ? "munder" : "mover";
        void Marked() => Element(xml, inner, () =>
        {
            Row(xml, a.Base);
            Leaf(xml, "mo", a.Mark, ("stretchy", a.Stretchy ? "true" : "false"));
        }, (a.Under ? "accentunder" : "accent", "true"));
        if (a.Label is null) Marked();
        else Element(xml, inner, () => { Marked(); Row(xml, a.Label); });
    }

    /// <summary>
    /// \xrightarrow[under]{over}: the arrow as a stretchy operator under and over its labels, which MathML Core
    /// engines stretch to the wider label; each label has a little space at its ends, as amsmath pads it.
    /// </summary>
    private static void ExtensibleArrow(XmlWriter xml, MathSymbol arrow, MathNode? under, MathNode? over)
    {
        var name = under is null ? "mover" : over is null ? "munder" : "munderover";
        void Label(MathNode label) => Element(xml, "mrow", () =>
        {
            Leaf(xml, "mspace", "", ("width", "0.3em"));
            Node(xml, label);
            Leaf(xml, "mspace", "", ("width", "0.3em"));
        });
        Element(xml, name, () =>
        {
            Leaf(xml, "mo", arrow.Text, ("stretchy", "true"));
            if (under is not null) Label(under);
            if (over is not null) Label(over);
        });
    }

    private static void Fence(XmlWriter xml, string delimiter, string form)
    {
        if (delimiter.Length == 0) return;
        Leaf(xml, "mo", delimiter, ("fence", "true"), ("stretchy", "true"), ("symmetric", "true"), ("form", form));
    }

    /// <summary>
    /// Rows and cells, each cell with its column's alignment (MathML 3 <c>columnalign</c>; the stylesheets turn it into
    /// text-align for MathML Core). Numbered lines get their number in an extra last column, and an id to link to. A
    /// row's <c>\\[length]</c> is a strut in its first cell (<see cref="MathMLRowSpacing"/>).
    /// </summary>
    private static void Table(XmlWriter xml, MathTable t, IReadOnlyList<MathEquationNumber> numbers)
    {
        // A numbered table set on its own (align, gather) spans the measure with its numbers at the right margin, as
        // in print: an empty first column, given the same half of what the formula leaves as the numbers' column
        // (FormulaStyles), keeps the formula centred, and every number stays on its row's baseline.
        var bare = t.Left.Length == 0 && t.Right.Length == 0;
        var atMargin = numbers.Count > 0 && bare;
        void Body()
        {
            var columns = t.ColumnCount;
            Element(xml, "mtable", () =>
            {
                for (var r = 0; r < t.Rows.Count; r++)
                {
                    var number = numbers.FirstOrDefault(n => n.Row == r);
                    xml.WriteStartElement("mtr", Namespace);
                    if (number?.Id is { } id) xml.WriteAttributeString("id", id);
                    if (atMargin) Element(xml, "mtd", () => { }, ("class", "equation-balance"));
                    for (var c = 0; c < columns; c++)
                    {
                        var align = t.AlignmentOf(c) switch { MathColumnAlignment.Left => "left", MathColumnAlignment.Right => "right", _ => "center" };
                        // multline's first line flush left, its last flush right (as the PDF sets them).
                        if (t.IsMultline && t.Rows.Count > 1 && (r == 0 || r == t.Rows.Count - 1))
                            align = r == 0 ? "left" : "right";
                        var strut = c == 0 ? MathMLRowSpacing.StrutDepthFor(t.Rows[r].SpaceBelow) : null;
                        var rules = RuleClasses(t, r, c, columns);
                        Element(xml, "mtd", () =>
                        {
                            if (c < t.Rows[r].Cells.Count) Row(xml, t.Rows[r].Cells[c]);
                            if (strut is not null) Leaf(xml, "mspace", "", ("depth", strut));
                        }, rules.Length == 0 ? [("columnalign", align)] : [("columnalign", align), ("class", rules)]);
                    }
                    if (numbers.Count > 0)
                        Element(xml, "mtd", () => { if (number?.Display is { } shown) Leaf(xml, "mtext", shown); }, ("columnalign", "right"), ("class", "equation-number"));
                    xml.WriteFullEndElement();
                }
            }, [.. TableAttributes(t), .. RuleAttributes(t, columns), .. (atMargin ? [("class", "numbered")] : Array.Empty<(string, string)>())]);
        }
        if (bare) Body();
        else Element(xml, "mrow", () =>
        {
            Fence(xml, t.Left, "prefix");
            Body();
            Fence(xml, t.Right, "postfix");
        });
    }

    /// <summary>
    /// The rules for MathML 3 engines: <c>columnlines</c> and <c>rowlines</c> between the columns and rows, <c>frame</c>
    /// when all four edges have one (MathML 3 frames all or none). MathML Core ignores them; <see cref="RuleClasses"/>
    /// draws them there.
    /// </summary>
    private static (string, string)[] RuleAttributes(MathTable t, int columns)
    {
        if (!t.HasRules) return [];
        var attributes = new List<(string, string)>();
        if (columns > 1 && t.ColumnRules.Any(r => r > 0 && r < columns))
            attributes.Add(("columnlines", string.Join(' ', Enumerable.Range(1, columns - 1).Select(b => t.HasColumnRule(b) ? "solid" : "none"))));
        if (t.Rows.Count > 1 && t.RowRules.Any(r => r > 0 && r < t.Rows.Count))
            attributes.Add(("rowlines", string.Join(' ', Enumerable.Range(1, t.Rows.Count - 1).Select(b => t.RowRules.Contains(b) ? "solid" : "none"))));
        if (t.HasColumnRule(0) && t.HasColumnRule(columns) && t.RowRules.Contains(0) && t.RowRules.Contains(t.Rows.Count)) attributes.Add(("frame", "solid"));
        return [.. attributes];
    }

    /// <summary>
    /// A cell's borders for MathML Core (the stylesheets' <c>mtd.rule-left</c> and the like, as no inline style may
    /// reach a page): each rule is the right or bottom border of the cell before it, and the table's left and top
    /// edges are the first column's and first row's.
    /// </summary>
    private static string RuleClasses(MathTable t, int row, int column, int columns)
    {
        if (!t.HasRules) return "";
        var classes = new List<string>();
        if (column == 0 && t.HasColumnRule(0)) classes.Add("rule-left");
        if (t.HasColumnRule(column + 1)) classes.Add("rule-right");
        if (row == 0 && t.RowRules.Contains(0)) classes.Add("rule-top");
        if (t.RowRules.Contains(row + 1)) classes.Add("rule-bottom");
        return string.Join(' ', classes);
    }

    private static (string, string)[] TableAttributes(MathTable t) =>
        t.IsAlignment || t.Environment is "gather" or "gather*" or "gathered" or "multline" or "multline*"
            ? [("displaystyle", "true"), ("columnspacing", "0em")]
            : t.Environment is "cases" or "dcases" or "rcases" or "array" ? [("columnspacing", "1em")] : [];

    private static (string, string)[] StyleAttributes(MathStyle style) => style switch
    {
        MathStyle.Display => [("displaystyle", "true"), ("scriptlevel", "0")],
        MathStyle.Text => [("displaystyle", "false"), ("scriptlevel", "0")],
        MathStyle.Script => [("displaystyle", "false"), ("scriptlevel", "1")],
        _ => [("displaystyle", "false"), ("scriptlevel", "2")],
    };

    /// <summary>A script, fraction part or radicand: one element, wrapped in <c>mrow</c> when it is a list.</summary>
    private static void Row(XmlWriter xml, MathNode node)
    {
        if (node is MathRow { Items.Count: 1 } single) Node(xml, single.Items[0]);
        else Node(xml, node);
    }

    private static void Element(XmlWriter xml, string name, Action content, params (string Name, string Value)[] attributes)
    {
        xml.WriteStartElement(name, Namespace);
        foreach (var (n, v) in attributes) xml.WriteAttributeString(n, v);
        content();
        xml.WriteFullEndElement();
    }

    private static void Leaf(XmlWriter xml, string name, string text, params (string Name, string Value)[] attributes)
    {
        xml.WriteStartElement(name, Namespace);
        foreach (var (n, v) in attributes) xml.WriteAttributeString(n, v);
        xml.WriteString(XmlCharacters.Clean(text));
        xml.WriteFullEndElement();
    }

    private static string KeepEdgeSpaces(string text)
    {
        var start = text.Length - text.TrimStart(' ').Length;
        var end = text.Length - text.TrimEnd(' ').Length;
        if (start == text.Length) return new string('\u00A0', text.Length);
        return new string('\u00A0', start) + text[start..^end] + new string('\u00A0', end);
    }

    private static string SizeOf(int size) => size switch { 1 => "1.2em", 2 => "1.623em", 3 => "2.047em", _ => "2.470em" };

    private static string Em(double em) => em.ToString("0.###", CultureInfo.InvariantCulture) + "em";
}
