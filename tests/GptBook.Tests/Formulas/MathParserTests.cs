using GptBook.Formulas;

namespace GptBook.Tests.Formulas;

/// <summary>The TeX math parser on every construct issue 10 lists, read back from the tree it builds.</summary>
public class MathParserTests
{
    private static MathFormula Parse(string source, bool display = false, MathMacroTable? macros = null) =>
        MathParser.Parse(source, display, macros ?? MathMacroTable.Empty);

    private static MathNode Root(string source, bool display = false, MathMacroTable? macros = null)
    {
        var formula = Parse(source, display, macros);
        Assert.True(formula.Errors.Count == 0, string.Join("; ", formula.Errors.Select(e => e.Message)));
        return formula.Root;
    }

    private static IReadOnlyList<MathNode> Items(string source, bool display = false, MathMacroTable? macros = null) =>
        Root(source, display, macros) is MathRow row ? row.Items : [Root(source, display, macros)];

    private static string Texts(MathNode node) =>
        string.Concat(node.DescendantsAndSelf().Select(n => n switch
        {
            MathSymbol s => s.Text,
            MathText t => t.Text,
            MathOperator o => o.Text,
            _ => "",
        }));

    [Fact]
    public void Letters_digits_and_operators_get_their_kinds_and_classes()
    {
        var items = Items("x+12.5=y-z,");
        var symbols = items.Cast<MathSymbol>().ToArray();
        Assert.Equal(["x", "+", "12.5", "=", "y", "−", "z", ","], symbols.Select(s => s.Text));
        Assert.Equal(
            [AtomClass.Ord, AtomClass.Bin, AtomClass.Ord, AtomClass.Rel, AtomClass.Ord, AtomClass.Bin, AtomClass.Ord, AtomClass.Punct],
            symbols.Select(s => s.Class));
        Assert.Equal(MathSymbolKind.Number, symbols[2].Kind);
        Assert.Equal(MathSymbolKind.Identifier, symbols[0].Kind);
    }

    [Theory]
    [InlineData(@"\alpha", "α", AtomClass.Ord)]
    [InlineData(@"\Omega", "Ω", AtomClass.Ord)]
    [InlineData(@"\leq", "≤", AtomClass.Rel)]
    [InlineData(@"\times", "×", AtomClass.Bin)]
    [InlineData(@"\cdot", "⋅", AtomClass.Bin)]
    [InlineData(@"\langle", "⟨", AtomClass.Open)]
    [InlineData(@"\rangle", "⟩", AtomClass.Close)]
    [InlineData(@"\colon", ":", AtomClass.Punct)]
    [InlineData(@"\ldots", "…", AtomClass.Inner)]
    [InlineData(@"\to", "→", AtomClass.Rel)]
    [InlineData(@"\infty", "∞", AtomClass.Ord)]
    [InlineData(@"(", "(", AtomClass.Open)]
    [InlineData(@"]", "]", AtomClass.Close)]
    public void Command_symbols_carry_their_character_and_class(string source, string text, AtomClass cls)
    {
        var symbol = Assert.IsType<MathSymbol>(Root(source));
        Assert.Equal(text, symbol.Text);
        Assert.Equal(cls, symbol.Class);
    }

    [Fact]
    public void Uppercase_greek_is_upright_and_lowercase_follows_the_default()
    {
        Assert.Equal(MathVariant.Upright, Assert.IsType<MathSymbol>(Root(@"\Gamma")).Variant);
        Assert.Equal(MathVariant.Default, Assert.IsType<MathSymbol>(Root(@"\gamma")).Variant);
    }

    [Theory]
    [InlineData(@"\frac{a}{b}", true, null)]
    [InlineData(@"\dfrac{a}{b}", true, MathStyle.Display)]
    [InlineData(@"\tfrac{a}{b}", true, MathStyle.Text)]
    [InlineData(@"\binom{a}{b}", false, null)]
    public void Fractions_and_binomials(string source, bool rule, MathStyle? style)
    {
        var fraction = Assert.IsType<MathFraction>(Root(source));
        Assert.Equal(rule, fraction.HasRule);
        Assert.Equal(style, fraction.Style);
        Assert.Equal("a", Texts(fraction.Numerator));
        Assert.Equal("b", Texts(fraction.Denominator));
        Assert.Equal(rule ? "" : "(", fraction.LeftDelimiter);
    }

    [Fact]
    public void A_fraction_of_unbraced_digits_takes_one_digit_each_as_in_tex()
    {
        var fraction = Assert.IsType<MathFraction>(Root(@"\frac12"));
        Assert.Equal("1", Texts(fraction.Numerator));
        Assert.Equal("2", Texts(fraction.Denominator));
    }

    [Fact]
    public void Scripts_attach_to_the_atom_before_them()
    {
        var scripts = Assert.IsType<MathScripts>(Root(@"x_{i}^{2}"));
        Assert.Equal("x", Texts(scripts.Base));
        Assert.Equal("i", Texts(scripts.Subscript!));
        Assert.Equal("2", Texts(scripts.Superscript!));

        var bold = Assert.IsType<MathScripts>(Root(@"\mathbf{H}_t"));
        Assert.Equal("𝐇", Texts(bold.Base));
        Assert.Equal("t", Texts(bold.Subscript!));

        var single = Assert.IsType<MathScripts>(Items("x^23")[0]);
        Assert.Equal("2", Texts(single.Superscript!));
    }

    [Fact]
    public void Primes_are_superscripts_and_combine_with_one()
    {
        var scripts = Assert.IsType<MathScripts>(Root("f''"));
        Assert.Equal("″", Texts(scripts.Superscript!));
        var combined = Assert.IsType<MathScripts>(Root("f'^2"));
        Assert.Equal("′2", Texts(combined.Superscript!));
    }

    [Fact]
    public void Double_scripts_are_errors()
    {
        Assert.Contains(Parse("x^a^b").Errors, e => e.Message.Contains("double superscript", StringComparison.Ordinal));
        Assert.Contains(Parse("x_a_b").Errors, e => e.Message.Contains("double subscript", StringComparison.Ordinal));
    }

    [Fact]
    public void Radicals_with_and_without_degree()
    {
        var plain = Assert.IsType<MathRadical>(Root(@"\sqrt{x+1}"));
        Assert.Null(plain.Degree);
        Assert.Equal("x+1", Texts(plain.Radicand));
        var cube = Assert.IsType<MathRadical>(Root(@"\sqrt[3]{x}"));
        Assert.Equal("3", Texts(cube.Degree!));
    }

    [Fact]
    public void Big_operators_keep_their_limits_and_scripts()
    {
        var sum = Assert.IsType<MathScripts>(Root(@"\sum_{i=1}^{n}"));
        var op = Assert.IsType<MathOperator>(sum.Base);
        Assert.Equal(("∑", true, MathLimits.DisplayOnly), (op.Text, op.IsLargeSymbol, op.Limits));
        Assert.Equal("i=1", Texts(sum.Subscript!));

        Assert.Equal(MathLimits.Never, Assert.IsType<MathOperator>(Assert.IsType<MathScripts>(Root(@"\int_0^1")).Base).Limits);
        Assert.Equal(MathLimits.Always, Assert.IsType<MathOperator>(Assert.IsType<MathScripts>(Root(@"\int\limits_0^1")).Base).Limits);
        Assert.Equal(MathLimits.Never, Assert.IsType<MathOperator>(Assert.IsType<MathScripts>(Root(@"\sum\nolimits_i")).Base).Limits);

        var lim = Assert.IsType<MathOperator>(Assert.IsType<MathScripts>(Root(@"\lim_{x\to 0}")).Base);
        Assert.Equal(("lim", false, MathLimits.DisplayOnly), (lim.Text, lim.IsLargeSymbol, lim.Limits));
        Assert.Equal("max", Assert.IsType<MathOperator>(Assert.IsType<MathScripts>(Root(@"\max_x")).Base).Text);
        Assert.Equal(MathLimits.Never, Assert.IsType<MathOperator>(Root(@"\sin")).Limits);
    }

    [Fact]
    public void Arg_max_and_operatorname()
    {
        var items = Items(@"\arg\max_{\theta} L");
        Assert.Equal("arg", Assert.IsType<MathOperator>(items[0]).Text);
        var max = Assert.IsType<MathScripts>(items[1]);
        Assert.Equal("max", Assert.IsType<MathOperator>(max.Base).Text);
        Assert.Equal("θ", Texts(max.Subscript!));

        var softmax = Assert.IsType<MathOperator>(Items(@"\operatorname{softmax}(x)")[0]);
        Assert.Equal(("softmax", MathLimits.Never), (softmax.Text, softmax.Limits));
        var starred = Assert.IsType<MathOperator>(Assert.IsType<MathScripts>(Root(@"\operatorname*{arg\,max}_x")).Base);
        Assert.Equal(MathLimits.DisplayOnly, starred.Limits);
        Assert.Equal("arg\u2009max", starred.Text);
    }

    [Fact]
    public void Left_middle_right_fence_their_segments()
    {
        var fenced = Assert.IsType<MathFenced>(Root(@"\left( x \middle| y \right."));
        Assert.Equal("(", fenced.Left);
        Assert.Equal(["|"], fenced.Middles);
        Assert.Equal("", fenced.Right);
        Assert.Equal(["x", "y"], fenced.Segments.Select(Texts));
        Assert.Equal("{", Assert.IsType<MathFenced>(Root(@"\left\{ a \right\}")).Left);
        Assert.Equal("⟨", Assert.IsType<MathFenced>(Root(@"\left\langle a \right\rangle")).Left);
    }

    [Fact]
    public void Unmatched_left_and_right_are_errors()
    {
        Assert.Contains(Parse(@"\left( x").Errors, e => e.Message.Contains(@"\left without \right", StringComparison.Ordinal));
        Assert.Contains(Parse(@"x \right)").Errors, e => e.Message.Contains(@"\right without \left", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(@"\big(", 1, AtomClass.Ord, "(")]
    [InlineData(@"\Bigl[", 2, AtomClass.Open, "[")]
    [InlineData(@"\biggr\}", 3, AtomClass.Close, "}")]
    [InlineData(@"\Biggm|", 4, AtomClass.Rel, "|")]
    public void Sized_delimiters(string source, int size, AtomClass cls, string delimiter)
    {
        var d = Assert.IsType<MathSizedDelimiter>(Root(source));
        Assert.Equal((delimiter, size, cls), (d.Delimiter, d.Size, d.Class));
    }

    [Theory]
    [InlineData(@"\hat{x}", "^", false, false)]
    [InlineData(@"\tilde{x}", "~", false, false)]
    [InlineData(@"\bar{x}", "¯", false, false)]
    [InlineData(@"\vec{x}", "→", false, false)]
    [InlineData(@"\dot{x}", "˙", false, false)]
    [InlineData(@"\overline{x}", "‾", true, false)]
    [InlineData(@"\widehat{xy}", "^", true, false)]
    [InlineData(@"\underline{x}", "_", true, true)]
    public void Accents(string source, string mark, bool stretchy, bool under)
    {
        var accent = Assert.IsType<MathAccent>(Root(source));
        Assert.Equal((mark, stretchy, under), (accent.Mark, accent.Stretchy, accent.Under));
        Assert.StartsWith("x", Texts(accent.Base), StringComparison.Ordinal);
    }

    [Fact]
    public void Underbrace_takes_its_label_from_the_subscript()
    {
        var brace = Assert.IsType<MathAccent>(Root(@"\underbrace{a+b}_{\text{两项}}"));
        Assert.Equal(("underbrace", "⏟", true), (brace.Command, brace.Mark, brace.Under));
        Assert.Equal("两项", Texts(brace.Label!));
        var over = Assert.IsType<MathAccent>(Root(@"\overbrace{a+b}^{n}"));
        Assert.Equal("n", Texts(over.Label!));
    }

    [Theory]
    [InlineData(@"\mathbb{R}", "ℝ")]
    [InlineData(@"\mathbb{E}", "𝔼")]
    [InlineData(@"\mathbb{1}", "𝟙")]
    [InlineData(@"\mathbf{W}", "𝐖")]
    [InlineData(@"\mathbf{x}", "𝐱")]
    [InlineData(@"\mathcal{L}", "ℒ")]
    [InlineData(@"\mathcal{D}", "𝒟")]
    [InlineData(@"\mathit{h}", "ℎ")]
    [InlineData(@"\boldsymbol{\theta}", "𝜽")]
    [InlineData(@"\boldsymbol{x}", "𝒙")]
    [InlineData(@"\mathsf{T}", "𝖳")]
    [InlineData(@"\mathtt{x}", "𝚡")]
    [InlineData(@"\mathfrak{g}", "𝔤")]
    public void Alphabets_resolve_to_unicode_math_alphanumerics(string source, string expected)
    {
        var symbol = Assert.IsType<MathSymbol>(Root(source));
        Assert.Equal(expected, symbol.Text);
        Assert.Equal(MathVariant.Upright, symbol.Variant);
    }

    [Fact]
    public void Mathrm_sets_letters_upright_and_alphabets_reach_into_groups()
    {
        var d = Assert.IsType<MathSymbol>(Items(@"\mathrm{d}x")[0]);
        Assert.Equal(("d", MathVariant.Upright), (d.Text, d.Variant));
        Assert.Equal(MathVariant.Default, Assert.IsType<MathSymbol>(Items(@"\mathrm{d}x")[1]).Variant);
        Assert.Equal("𝐱", Texts(Assert.IsType<MathAccent>(Root(@"\mathbf{\hat{x}}")).Base));
        Assert.Equal("𝐖𝐱+𝐛", Texts(Root(@"\mathbf{Wx+b}")));
    }

    [Fact]
    public void Text_keeps_chinese_and_spaces()
    {
        var text = Assert.IsType<MathText>(Items(@"\text{当 } x > 0")[0]);
        Assert.Equal("当 ", text.Text);
        Assert.Equal("if 50% of", Assert.IsType<MathText>(Root(@"\text{if 50\% of}")).Text);
        Assert.Equal("损失", Assert.IsType<MathText>(Items("损失=1")[0]).Text);
    }

    [Theory]
    [InlineData(@"\,", 3)]
    [InlineData(@"\;", 5)]
    [InlineData(@"\quad", 18)]
    [InlineData(@"\qquad", 36)]
    [InlineData(@"\!", -3)]
    [InlineData(@"\hspace{1em}", 18)]
    [InlineData(@"\mkern3mu", 3)]
    public void Spacing_is_measured_in_mu(string source, int mu) =>
        Assert.Equal(mu, Assert.IsType<MathSpace>(Root(source)).Mu);

    [Fact]
    public void Styles_wrap_the_rest_of_the_group()
    {
        var items = Items(@"a {\displaystyle b c} d");
        var group = Assert.IsType<MathRow>(items[1]);
        var styled = Assert.IsType<MathStyled>(Assert.Single(group.Items));
        Assert.Equal(MathStyle.Display, styled.Style);
        Assert.Equal("bc", Texts(styled.Content));
    }

    [Fact]
    public void Equation_environment_is_numbered_and_starred_is_not()
    {
        var numbered = Parse(@"\begin{equation} E = mc^2 \label{eq:e} \end{equation}", display: true);
        Assert.Empty(numbered.Errors);
        var number = Assert.Single(numbered.Numbers);
        Assert.Equal((0, true, "eq:e"), (number.Row, number.Automatic, number.Label));
        Assert.Null(numbered.NumberedTable);

        Assert.Empty(Parse(@"\begin{equation*} E = mc^2 \end{equation*}", display: true).Numbers);
        Assert.Empty(Parse(@"E = mc^2", display: true).Numbers);
    }

    [Fact]
    public void Tag_overrides_and_labels_number_a_plain_display()
    {
        var tagged = Assert.Single(Parse(@"a = b \tag{A}", display: true).Numbers);
        Assert.Equal(("A", false, false), (tagged.Tag, tagged.TagIsVerbatim, tagged.Automatic));
        var starred = Assert.Single(Parse(@"a = b \tag*{[1]}", display: true).Numbers);
        Assert.True(starred.TagIsVerbatim);
        Assert.Equal("eq:ab", Assert.Single(Parse(@"a = b \label{eq:ab}", display: true).Numbers).Label);
    }

    [Fact]
    public void Tags_and_labels_in_inline_math_are_errors()
    {
        Assert.NotEmpty(Parse(@"a \tag{1}").Errors);
        Assert.NotEmpty(Parse(@"a \label{x}").Errors);
    }

    [Fact]
    public void Align_numbers_each_row_unless_notag()
    {
        var formula = Parse(@"\begin{align} a &= b \label{eq:first} \\ c &= d \notag \\ e &= f \tag{*} \\ \end{align}", display: true);
        Assert.Empty(formula.Errors);
        var table = Assert.IsType<MathTable>(formula.Root);
        Assert.Same(table, formula.NumberedTable);
        Assert.Equal(3, table.Rows.Count);
        Assert.Equal(2, table.ColumnCount);
        Assert.Equal([MathColumnAlignment.Right, MathColumnAlignment.Left], table.Columns);
        Assert.Equal(["a", "=b"], table.Rows[0].Cells.Select(Texts));
        Assert.Equal([0, 2], formula.Numbers.Select(n => n.Row));
        Assert.Equal("eq:first", formula.Numbers[0].Label);
        Assert.Equal("*", formula.Numbers[1].Tag);
    }

    [Fact]
    public void Alignat_takes_its_pair_count_and_numbers_its_rows_as_align_does()
    {
        var formula = Parse(@"\begin{alignat}{2} x &= y &\quad z &= w \\ a &= b & c &= d \notag \end{alignat}", display: true);
        Assert.Empty(formula.Errors);
        var table = Assert.IsType<MathTable>(formula.Root);
        Assert.Same(table, formula.NumberedTable);
        Assert.Equal(4, table.ColumnCount);
        Assert.Equal(["x", "=y", "z", "=w"], table.Rows[0].Cells.Select(Texts));
        Assert.Equal([0], formula.Numbers.Select(n => n.Row));
        Assert.Empty(Parse(@"\begin{alignat*}{1} x &= y \end{alignat*}", display: true).Numbers);
    }

    [Fact]
    public void Multline_has_one_number_on_its_last_line_wherever_its_label_or_notag_is()
    {
        var formula = Parse(@"\begin{multline} a + b \label{eq:m} \\ + c \\ + d \end{multline}", display: true);
        Assert.Empty(formula.Errors);
        var number = Assert.Single(formula.Numbers);
        Assert.Equal((2, "eq:m", true), (number.Row, number.Label, number.Automatic));
        Assert.Empty(Parse(@"\begin{multline} a \notag \\ + c \end{multline}", display: true).Numbers);
        Assert.Equal("A", Assert.Single(Parse(@"\begin{multline*} a \tag{A} \\ + c \end{multline*}", display: true).Numbers).Tag);
        Assert.Empty(Parse(@"\begin{multline*} a \\ + c \end{multline*}", display: true).Numbers);
    }

    [Fact]
    public void Align_star_and_aligned_inside_equation_number_once()
    {
        Assert.Empty(Parse(@"\begin{align*} a &= b \\ c &= d \end{align*}", display: true).Numbers);
        var formula = Parse(@"\begin{equation}\begin{aligned} a &= b \\ c &= d \end{aligned}\label{eq:sys}\end{equation}", display: true);
        Assert.Empty(formula.Errors);
        Assert.Equal("eq:sys", Assert.Single(formula.Numbers).Label);
        var split = Parse(@"\begin{equation}\begin{split} a &= b \\ &= c \end{split}\end{equation}", display: true);
        Assert.Single(split.Numbers);
        Assert.Equal("split", Assert.IsType<MathTable>(Assert.IsType<MathRow>(split.Root).Items[0]).Environment);
    }

    [Fact]
    public void Gather_rows_are_centred_and_numbered()
    {
        var formula = Parse(@"\begin{gather} a \\ b \end{gather}", display: true);
        var table = Assert.IsType<MathTable>(formula.Root);
        Assert.Equal(MathColumnAlignment.Center, table.AlignmentOf(0));
        Assert.Equal(2, formula.Numbers.Count);
    }

    [Theory]
    [InlineData("pmatrix", "(", ")")]
    [InlineData("bmatrix", "[", "]")]
    [InlineData("vmatrix", "|", "|")]
    [InlineData("matrix", "", "")]
    public void Matrices_have_their_delimiters(string environment, string left, string right)
    {
        var table = Assert.IsType<MathTable>(Root($@"\begin{{{environment}}} 1 & 0 \\ 0 & 1 \end{{{environment}}}"));
        Assert.Equal((left, right), (table.Left, table.Right));
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal(["1", "0"], table.Rows[0].Cells.Select(Texts));
    }

    [Fact]
    public void Cases_are_left_aligned_with_a_brace()
    {
        var table = Assert.IsType<MathTable>(Items(@"f(x) = \begin{cases} 1 & x > 0 \\ 0 & \text{否则} \end{cases}")[^1]);
        Assert.Equal("{", table.Left);
        Assert.Equal([MathColumnAlignment.Left, MathColumnAlignment.Left], table.Columns);
        Assert.Equal("否则", Texts(table.Rows[1].Cells[1]));
    }

    [Fact]
    public void Array_reads_its_column_specification()
    {
        var table = Assert.IsType<MathTable>(Root(@"\begin{array}{l|cr} a & b & c \\ \hline d & e & f \end{array}"));
        Assert.Equal([MathColumnAlignment.Left, MathColumnAlignment.Center, MathColumnAlignment.Right], table.Columns);
        Assert.Equal(2, table.Rows.Count);
    }

    [Fact]
    public void Rows_without_an_environment_in_display_math_are_an_implicit_aligned()
    {
        var table = Assert.IsType<MathTable>(Root(@"a &= b \\ c &= d", display: true));
        Assert.Equal("aligned", table.Environment);
        Assert.Equal(2, table.Rows.Count);
    }

    [Fact]
    public void Eqref_and_ref_are_reference_nodes()
    {
        var items = Items(@"\text{由} \eqref{eq:loss} \ref{eq:x}");
        Assert.Equal(new MathReference("eq:loss", true), items[1]);
        Assert.Equal(new MathReference("eq:x", false), items[2]);
    }

    [Fact]
    public void Newcommand_without_and_with_parameters()
    {
        var formula = Parse(@"\newcommand{\R}{\mathbb{R}} \newcommand{\norm}[1]{\left\| #1 \right\|} x \in \R^n, \norm{x}");
        Assert.Empty(formula.Errors);
        Assert.Equal("x∈ℝn,x", Texts(formula.Root));
        var fenced = Assert.IsType<MathFenced>(((MathRow)formula.Root).Items[^1]);
        Assert.Equal(("‖", "‖"), (fenced.Left, fenced.Right));
        Assert.True(formula.Macros.TryGet("norm", out var norm));
        Assert.Equal(1, norm.Parameters);
    }

    [Fact]
    public void Def_with_parameters_and_optional_arguments()
    {
        Assert.Equal("ab+ba", Texts(Root(@"\def\swap#1#2{#2#1} \swap{b}{a} + \swap ab")));
        Assert.Equal("x0x1", Texts(Root(@"\newcommand{\v}[2][0]{#2_#1} \v{x} \v[1]{x}")));
    }

    [Fact]
    public void Book_macros_are_passed_in_and_later_formulas_see_earlier_definitions()
    {
        var book = MathMacroTable.Empty.With(MathMacroTable.FromDefinition(@"\R", @"\mathbb{R}", out var problem)!);
        Assert.Null(problem);
        Assert.Equal("ℝ", Texts(Root(@"\R", macros: book)));
        var first = Parse(@"\newcommand{\E}{\mathbb{E}}", macros: book);
        Assert.Equal("𝔼ℝ", Texts(Root(@"\E\R", macros: first.Macros)));
        Assert.Null(MathMacroTable.FromDefinition("R1", "x", out var bad));
        Assert.NotNull(bad);
    }

    [Fact]
    public void Declare_math_operator_defines_an_upright_name()
    {
        var op = Assert.IsType<MathOperator>(Items(@"\DeclareMathOperator*{\argmin}{arg\,min} \argmin_x f")[0] is MathScripts s ? s.Base : null);
        Assert.Equal(MathLimits.DisplayOnly, op.Limits);
    }

    [Fact]
    public void MathJax_require_loads_nothing_and_the_commands_after_it_parse()
    {
        var items = Items(@"\require{cancel} \cancel{x} + y");
        Assert.IsType<MathCancel>(items[0]);
        Assert.Equal("x+y", Texts(Root(@"\require{cancel} \cancel{x} + y")));
        Assert.Contains(Parse(@"\require{mhchem} \ce{H2O}").Errors, e => e.Message.Contains(@"\ce", StringComparison.Ordinal));
    }

    [Fact]
    public void A_macro_that_expands_forever_is_an_error_not_a_hang()
    {
        var formula = Parse(@"\def\loop{\loop x} \loop");
        Assert.Contains(formula.Errors, e => e.Message.Contains("expands without end", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_commands_are_errors_at_their_offset_and_the_root_keeps_the_source()
    {
        const string source = @"a + \foo{b}";
        var formula = Parse(source);
        var error = Assert.Single(formula.Errors);
        Assert.Equal((4, 4), (error.Offset, error.Length));
        Assert.Contains(@"\foo", error.Message, StringComparison.Ordinal);
        var box = Assert.IsType<MathError>(formula.Root);
        Assert.Equal(source, box.Source);
        Assert.Empty(formula.Numbers);
    }

    [Fact]
    public void An_error_inside_a_macro_points_at_the_macro_use()
    {
        var formula = Parse(@"\newcommand{\bad}{\nope} x + \bad");
        var error = Assert.Single(formula.Errors);
        Assert.Equal(@"\newcommand{\bad}{\nope} x + ".Length, error.Offset);
    }

    [Theory]
    [InlineData(@"\frac{a}{b", "never closed")]
    [InlineData(@"a}", "closes no {")]
    [InlineData(@"\begin{align} a &= b", @"never closed by \end{align}")]
    [InlineData(@"\begin{pmatrix} a \end{bmatrix}", @"\end{bmatrix} closes \begin{pmatrix}")]
    [InlineData(@"\begin{foo} a \end{foo}", "unknown environment")]
    [InlineData(@"a \end{align}", "without")]
    [InlineData(@"a & b", "only allowed")]
    [InlineData(@"\frac", "needs a numerator")]
    [InlineData(@"\sqrt[3", "never closed")]
    [InlineData(@"\left x \right)", "needs a delimiter")]
    public void Broken_formulas_are_reported(string source, string message)
    {
        var formula = Parse(source);
        Assert.Contains(formula.Errors, e => e.Message.Contains(message, StringComparison.Ordinal));
        Assert.IsType<MathError>(formula.Root);
        Assert.All(formula.Errors, e => Assert.InRange(e.Offset, 0, source.Length));
    }

    [Fact]
    public void Deep_nesting_is_reported_without_overflowing_the_stack()
    {
        var formula = Parse(new string('{', 5000) + "x" + new string('}', 5000));
        Assert.Contains(formula.Errors, e => e.Message.Contains("nested", StringComparison.Ordinal));
    }

    [Fact]
    public void Not_negates_relations()
    {
        Assert.Equal("≠", Assert.IsType<MathSymbol>(Root(@"\not=")).Text);
        Assert.Equal("∉", Assert.IsType<MathSymbol>(Root(@"\not\in")).Text);
    }

    [Fact]
    public void Overset_underset_and_stackrel()
    {
        var over = Assert.IsType<MathUnderOver>(Root(@"\overset{def}{=}"));
        Assert.Equal("def", Texts(over.Over!));
        Assert.Equal("=", Texts(over.Base));
        Assert.Equal(AtomClass.Rel, Assert.IsType<MathClassed>(Root(@"\stackrel{?}{=}")).Class);
    }

    [Fact]
    public void Comments_run_to_the_end_of_the_line()
    {
        Assert.Equal("ab", Texts(Root("a % note\nb", display: true)));
    }

    [Fact]
    public void A_real_transformer_formula_parses()
    {
        const string attention = @"\operatorname{Attention}(\mathbf{Q}, \mathbf{K}, \mathbf{V}) = \operatorname{softmax}\left(\frac{\mathbf{Q}\mathbf{K}^\top}{\sqrt{d_k}}\right)\mathbf{V}";
        var formula = Parse(attention, display: true);
        Assert.Empty(formula.Errors);
        Assert.Contains(formula.Root.DescendantsAndSelf(), n => n is MathRadical);
        Assert.Contains(formula.Root.DescendantsAndSelf(), n => n is MathFenced { Left: "(" });
    }

    [Theory]
    [InlineData("2ex", 2, MathLengthUnit.XHeight)]
    [InlineData("4pt", 4, MathLengthUnit.Pt)]
    [InlineData("0.5em", 0.5, MathLengthUnit.Em)]
    [InlineData(" 1 mm ", 1, MathLengthUnit.Mm)]
    [InlineData("-3pt", -3, MathLengthUnit.Pt)]
    [InlineData(".5cm", 0.5, MathLengthUnit.Cm)]
    [InlineData("1,5EX", 1.5, MathLengthUnit.XHeight)]
    [InlineData("2bp", 2, MathLengthUnit.Bp)]
    public void The_space_after_a_row_is_kept_with_its_unit_and_source(string written, double value, MathLengthUnit unit)
    {
        var table = Assert.IsType<MathTable>(Root(@"\begin{aligned} a &= b \\[" + written + @"] c &= d \end{aligned}", display: true));
        Assert.Equal(2, table.Rows.Count);
        var space = Assert.IsType<MathLength>(table.Rows[0].SpaceBelow);
        Assert.Equal(value, space.Value, 9);
        Assert.Equal(unit, space.Unit);
        Assert.Equal(written.Trim(), space.Source);
        Assert.Null(table.Rows[1].SpaceBelow);
        Assert.Equal("c", Texts(table.Rows[1].Cells[0])); // nothing of the bracket leaks into the next row
    }

    [Theory]
    [InlineData(@"\begin{cases} 1 & x>0 \\[4pt] 0 & x \le 0 \end{cases}", "cases")]
    [InlineData(@"\begin{pmatrix} 1 & 2 \\[1mm] 3 & 4 \end{pmatrix}", "pmatrix")]
    [InlineData(@"\begin{align*} a &= b \\[-2pt] c &= d \end{align*}", "align*")]
    [InlineData(@"\begin{gathered} a \\*[1em] b \end{gathered}", "gathered")]
    [InlineData(@"a &= b \\[3pt] c &= d", "aligned")]
    public void Every_environment_keeps_the_space_after_its_rows(string tex, string environment)
    {
        var table = Root(tex, display: true).DescendantsAndSelf().OfType<MathTable>().Single();
        Assert.Equal(environment, table.Environment);
        Assert.NotNull(table.Rows[0].SpaceBelow);
        Assert.Equal(2, table.Rows.Count);
        Assert.DoesNotContain("*", Texts(table));
    }

    [Fact]
    public void A_bracket_after_a_space_that_holds_no_length_starts_the_next_row()
    {
        var formula = Parse(@"\begin{aligned} x &= 1 \\ [a, b] &= c \end{aligned}", display: true);
        Assert.Empty(formula.Errors);
        Assert.Empty(formula.Warnings);
        var table = Assert.IsType<MathTable>(formula.Root);
        Assert.Null(table.Rows[0].SpaceBelow);
        Assert.Equal("[a,b]", Texts(table.Rows[1].Cells[0]));
    }

    [Theory]
    [InlineData(@"\begin{cases} 1 & x \\[abc] 0 & y \end{cases}", "[abc]")]
    [InlineData(@"\begin{aligned} a &= b \\[2] c &= d \end{aligned}", "[2]")]
    [InlineData(@"\begin{aligned} a &= b \\[] c &= d \end{aligned}", "[]")]
    [InlineData(@"\begin{aligned} a &= b \\[1.2.3pt] c &= d \end{aligned}", "[1.2.3pt]")]
    public void A_row_spacing_that_is_not_a_length_is_a_warning_and_is_ignored(string tex, string bracket)
    {
        var formula = Parse(tex, display: true);
        Assert.Empty(formula.Errors);
        var warning = Assert.Single(formula.Warnings);
        Assert.Equal(tex.IndexOf(bracket, StringComparison.Ordinal), warning.Offset);
        Assert.Equal(bracket.Length, warning.Length);
        var table = Assert.IsType<MathTable>(formula.Root);
        Assert.Equal(2, table.Rows.Count);
        Assert.All(table.Rows, r => Assert.Null(r.SpaceBelow));
    }

    [Fact]
    public void Absolute_lengths_convert_to_tex_points()
    {
        Assert.Equal(72.27, MathLength.Parse("1in")!.Points!.Value, 9);
        Assert.Equal(72.27 / 2.54, MathLength.Parse("1cm")!.Points!.Value, 9);
        Assert.Equal(72.27 / 72, MathLength.Parse("1bp")!.Points!.Value, 9);
        Assert.Null(MathLength.Parse("2ex")!.Points);
        Assert.Null(MathLength.Parse("2 furlongs"));
        Assert.Null(MathLength.Parse(@"\jot"));
        Assert.Equal(0.0, MathLength.Parse("-0pt")!.Value); // not −0
        Assert.False(double.IsNegative(MathLength.Parse("-0pt")!.Value));
    }
}
