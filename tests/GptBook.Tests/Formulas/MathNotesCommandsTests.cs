using GptBook.Formulas;

namespace GptBook.Tests.Formulas;

/// <summary>
/// The commands that lecture notes written for Typora, MathJax and KaTeX use beyond the core list of issue 10, read
/// back from the tree the parser builds: framed results, colours, labelled arrows, stacked limits, plain TeX's infix
/// fractions and the amssymb symbols.
/// </summary>
public class MathNotesCommandsTests
{
    private static MathFormula Parse(string source, bool display = false) => MathParser.Parse(source, display, MathMacroTable.Empty);

    private static MathNode Root(string source, bool display = false)
    {
        var formula = Parse(source, display);
        Assert.True(formula.Errors.Count == 0, string.Join("; ", formula.Errors.Select(e => e.Message)));
        return formula.Root;
    }

    private static string Texts(MathNode node) =>
        string.Concat(node.DescendantsAndSelf().Select(n => n switch { MathSymbol s => s.Text, MathText t => t.Text, _ => "" }));

    [Fact]
    public void Boxed_frames_its_argument_and_fbox_its_text()
    {
        var boxed = Assert.IsType<MathBoxed>(Root(@"\boxed{E=mc^2}"));
        Assert.Equal("E=mc2", Texts(boxed.Content));
        var fbox = Assert.IsType<MathBoxed>(Root(@"\fbox{结果}"));
        Assert.Equal("结果", Assert.IsType<MathText>(fbox.Content).Text);
    }

    [Fact]
    public void Color_colours_the_rest_of_its_group_and_textcolor_its_argument()
    {
        var row = Assert.IsType<MathRow>(Root(@"a + {\color{red} b = c} + d"));
        var group = Assert.IsType<MathRow>(row.Items[2]);
        var coloured = Assert.IsType<MathColoured>(Assert.Single(group.Items));
        Assert.Equal("#ff0000", coloured.Colour);
        Assert.Equal("b=c", Texts(coloured.Content));
        Assert.Equal("d", Texts(row.Items[4]));

        var text = Assert.IsType<MathColoured>(Assert.IsType<MathRow>(Root(@"\textcolor{blue}{x} y")).Items[0]);
        Assert.Equal("#0000ff", text.Colour);
        Assert.Equal("x", Texts(text.Content));
    }

    [Theory]
    [InlineData(@"\color{#F80}{x}", "#ff8800")]
    [InlineData(@"\color{#00aa11}{x}", "#00aa11")]
    [InlineData(@"\color[HTML]{1E90FF}{x}", "#1e90ff")]
    [InlineData(@"\color[rgb]{1,0.5,0}{x}", "#ff8000")]
    [InlineData(@"\color[RGB]{0,128,255}{x}", "#0080ff")]
    [InlineData(@"\color{RoyalBlue}{x}", "#4169e1")]
    public void Colours_are_names_hex_or_xcolor_models(string source, string expected) =>
        Assert.Equal(expected, Assert.IsType<MathColoured>(Root(source)).Colour);

    [Fact]
    public void An_unknown_colour_is_reported_and_the_formula_shown_as_its_source()
    {
        var formula = Parse(@"\color{nocolour}{x}");
        Assert.Contains(formula.Errors, e => e.Message.Contains("unknown colour 'nocolour'", StringComparison.Ordinal));
        Assert.IsType<MathError>(formula.Root);
    }

    [Fact]
    public void Extensible_arrows_carry_their_labels_above_and_below()
    {
        var arrow = Assert.IsType<MathUnderOver>(Root(@"\xrightarrow[n\to\infty]{\text{SGD}}"));
        Assert.True(arrow.Stretchy);
        Assert.Equal("→", Assert.IsType<MathSymbol>(arrow.Base).Text);
        Assert.Equal(AtomClass.Rel, ((MathSymbol)arrow.Base).Class);
        Assert.Equal("SGD", Texts(arrow.Over!));
        Assert.Equal("n→∞", Texts(arrow.Under!));

        var left = Assert.IsType<MathUnderOver>(Root(@"\xleftarrow{f}"));
        Assert.Equal("←", ((MathSymbol)left.Base).Text);
        Assert.Null(left.Under);
        Assert.Equal("⇒", ((MathSymbol)Assert.IsType<MathUnderOver>(Root(@"\xRightarrow{}")).Base).Text);
        Assert.Null(Assert.IsType<MathUnderOver>(Root(@"\xRightarrow{}")).Over);
    }

    [Fact]
    public void Substack_is_a_column_of_centred_lines()
    {
        var scripts = Assert.IsType<MathScripts>(Root(@"\sum_{\substack{0<i<m \\ 0<j<n \\}} P(i,j)", display: true) is MathRow r ? r.Items[0] : null);
        var table = Assert.IsType<MathTable>(Assert.Single(Assert.IsType<MathRow>(scripts.Subscript).Items));
        Assert.Equal("subarray", table.Environment);
        Assert.Equal(2, table.Rows.Count);
        Assert.All(table.Rows, row => Assert.Single(row.Cells));
        Assert.Equal(MathColumnAlignment.Center, table.AlignmentOf(0));

        var environment = Assert.IsType<MathTable>(Root(@"\begin{subarray}{l} i \\ j \end{subarray}"));
        Assert.Equal(MathColumnAlignment.Left, environment.AlignmentOf(0));
    }

    [Fact]
    public void Displaylines_and_newline_make_lines()
    {
        var lines = Assert.IsType<MathTable>(Root(@"\displaylines{a=b \\ c=d}", display: true));
        Assert.Equal("gathered", lines.Environment);
        Assert.Equal(2, lines.Rows.Count);
        var top = Assert.IsType<MathTable>(Root(@"a=b \newline c=d", display: true));
        Assert.Equal(2, top.Rows.Count);
    }

    [Theory]
    [InlineData(@"{a \over b}", true, "", "")]
    [InlineData(@"{n \choose k}", false, "(", ")")]
    [InlineData(@"{n \atop k}", false, "", "")]
    [InlineData(@"{n \brack k}", false, "[", "]")]
    public void Infix_fractions_split_their_group(string source, bool rule, string left, string right)
    {
        var fraction = Assert.IsType<MathFraction>(Assert.Single(Assert.IsType<MathRow>(Root(source)).Items));
        Assert.Equal(rule, fraction.HasRule);
        Assert.Equal((left, right), (fraction.LeftDelimiter, fraction.RightDelimiter));
        Assert.NotEqual("", Texts(fraction.Numerator));
        Assert.NotEqual("", Texts(fraction.Denominator));
    }

    [Theory]
    [InlineData(@"\varpropto", "∝", AtomClass.Rel)]
    [InlineData(@"\nsubseteq", "⊈", AtomClass.Rel)]
    [InlineData(@"\dashrightarrow", "⇢", AtomClass.Rel)]
    [InlineData(@"\lneq", "⪇", AtomClass.Rel)]
    [InlineData(@"\intercal", "⊺", AtomClass.Bin)]
    [InlineData(@"\complement", "∁", AtomClass.Ord)]
    [InlineData(@"\yen", "¥", AtomClass.Ord)]
    [InlineData(@"\varGamma", "𝛤", AtomClass.Ord)]
    [InlineData(@"\beth", "ℶ", AtomClass.Ord)]
    [InlineData(@"\lang", "⟨", AtomClass.Open)]
    [InlineData(@"\rrbracket", "⟧", AtomClass.Close)]
    public void Amssymb_symbols_carry_their_character_and_class(string source, string text, AtomClass cls)
    {
        var symbol = Assert.IsType<MathSymbol>(Root(source));
        Assert.Equal((text, cls), (symbol.Text, symbol.Class));
    }

    [Fact]
    public void Smash_and_mathstrut_leave_the_content()
    {
        Assert.Equal("x", Texts(Root(@"\smash{x}")));
        Assert.Equal("x", Texts(Root(@"x\mathstrut")));
    }

    [Fact]
    public void The_new_nodes_compare_and_copy_by_content()
    {
        var a = Root(@"\boxed{\color{red}x \xrightarrow{ab} y}");
        var b = Root(@"\boxed{\color{red}x \xrightarrow{ab} y}");
        var c = Root(@"\boxed{\color{blue}x \xrightarrow{ab} y}");
        Assert.True(MathTreeComparer.Instance.Equals(a, b));
        Assert.Equal(MathTreeComparer.Instance.GetHashCode(a), MathTreeComparer.Instance.GetHashCode(b));
        Assert.False(MathTreeComparer.Instance.Equals(a, c));
        Assert.Contains("→(ab)", MathLinearText.Of(a).Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(@"\cancel{x}", MathCancelStroke.Up)]
    [InlineData(@"\bcancel{x}", MathCancelStroke.Down)]
    [InlineData(@"\xcancel{x}", MathCancelStroke.Both)]
    public void Cancel_strikes_out_its_term(string source, MathCancelStroke stroke)
    {
        var cancel = Assert.IsType<MathCancel>(Root(source));
        Assert.Equal(stroke, cancel.Stroke);
        Assert.Equal("x", Texts(cancel.Content));
    }
}
