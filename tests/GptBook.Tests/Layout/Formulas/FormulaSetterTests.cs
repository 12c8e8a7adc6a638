using GptBook.Diagnostics;
using GptBook.Formulas;
using GptBook.Layout;
using GptBook.Layout.Formulas;
using GptBook.Model;
using GptBook.Tests.Fonts;
using GptBook.Units;

namespace GptBook.Tests.Layout.Formulas;

/// <summary>Formulas set for the page: inline pieces, display rows with their numbers, breaks between align rows only.</summary>
public class FormulaSetterTests
{
    private static readonly Length Size = Length.Pt(10);
    private static readonly Length Width = Length.Pt(300);

    private static MathFormula Parse(string tex, bool display) => MathParser.Parse(tex, display, MathMacroTable.Empty);

    [Fact]
    public void An_align_is_one_row_per_line_and_the_page_may_break_only_between_them()
    {
        var setter = new FormulaSetter(new SetFormulaCaches(BundledFonts.Set), new DiagnosticBag());
        var formula = Parse(@"\begin{align*} a &= b \\ c &= d \\ e &= f \end{align*}", true);
        var rows = setter.Display(formula, Size, Width, StructureNode.Root(), SourceSpan.None);
        var formulaRows = Enumerable.Range(0, rows.Count).Where(i => rows.Rows[i].Fragments.OfType<FormulaFragment>().Any()).ToList();
        Assert.Equal(3, formulaRows.Count);
        Assert.Equal([true, true, false], formulaRows.Select(i => rows.BreakAfter[i]));
        var node = rows.Rows[formulaRows[0]].Fragments.OfType<FormulaFragment>().Single().Structure!;
        Assert.Equal("Formula", node.Tag);
        Assert.Equal(formula.Source.Trim(), node.AltText);
        Assert.All(formulaRows, i => Assert.Same(node, rows.Rows[i].Fragments.OfType<FormulaFragment>().Single().Structure)); // one element
    }

    /// <summary>A parsed display formula with its numbers given as the numbering transform gives them: 1, 2, … in order.</summary>
    private static MathFormula Numbered(string tex)
    {
        var parsed = Parse(tex, true);
        Assert.False(parsed.HasErrors, string.Join("; ", parsed.Errors.Select(e => e.Message)));
        return parsed with { Numbers = parsed.Numbers.Select((n, i) => n with { Number = n.Tag ?? (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToArray() };
    }

    private static List<int> FormulaRows(RowSequence rows) =>
        Enumerable.Range(0, rows.Count).Where(i => rows.Rows[i].Fragments.OfType<FormulaFragment>().Any()).ToList();

    [Fact]
    public void Multline_sets_its_first_line_flush_left_its_last_flush_right_before_its_one_number()
    {
        var setter = new FormulaSetter(new SetFormulaCaches(BundledFonts.Set), new DiagnosticBag());
        var rows = setter.Display(Numbered(@"\begin{multline} a + b + c \\ + d \\ + e + f \end{multline}"), Size, Width, StructureNode.Root(), SourceSpan.None);
        var lines = FormulaRows(rows).Select(i => rows.Rows[i].Fragments.OfType<FormulaFragment>().ToList()).ToList();
        Assert.Equal([1, 1, 2], lines.Select(l => l.Count)); // one number, on the last line
        var number = lines[2][1];
        Assert.Equal("(1)", FormulaText.Of(number.Box));
        Assert.Equal(Length.Zero, lines[0][0].X);
        Assert.Equal(Width, number.X + Size * number.Box.Width);
        var last = lines[2][0];
        Assert.True(last.X + Size * last.Box.Width < number.X - Size * 0.9); // flush right, a quad before the number
        Assert.True(last.X + Size * last.Box.Width > number.X - Size * 1.1);
        var middle = lines[1][0];
        Assert.Equal((Width - Size * middle.Box.Width) / 2, middle.X); // centred
    }

    [Fact]
    public void A_numbered_align_carries_a_number_on_each_line_and_may_break_between_them()
    {
        var setter = new FormulaSetter(new SetFormulaCaches(BundledFonts.Set), new DiagnosticBag());
        var rows = setter.Display(Numbered(@"\begin{align} a &= b \\ c &= \frac{d}{e} \\ f &= g \end{align}"), Size, Width, StructureNode.Root(), SourceSpan.None);
        var lines = FormulaRows(rows);
        Assert.Equal(3, lines.Count);
        Assert.Equal([true, true, false], lines.Select(i => rows.BreakAfter[i]));
        foreach (var (line, n) in lines.Select((line, n) => (line, n)))
        {
            var fragments = rows.Rows[line].Fragments.OfType<FormulaFragment>().ToList();
            Assert.Equal(2, fragments.Count); // the line and its own number, on the line's baseline
            Assert.Equal($"({n + 1})", FormulaText.Of(fragments[1].Box));
            Assert.Equal(fragments[0].Baseline, fragments[1].Baseline);
        }
    }

    [Fact]
    public void Space_after_a_line_of_an_align_lowers_the_lines_below_it_on_the_page()
    {
        var setter = new FormulaSetter(new SetFormulaCaches(BundledFonts.Set), new DiagnosticBag());
        RowSequence Set(string tex) => setter.Display(Numbered(tex), Size, Width, StructureNode.Root(), SourceSpan.None);
        var plain = Set(@"\begin{align} a &= b \\ c &= d \\ e &= f \end{align}");
        var spaced = Set(@"\begin{align} a &= b \\[6pt] c &= d \\ e &= f \end{align}");
        var (p, s) = (FormulaRows(plain), FormulaRows(spaced));
        Assert.Equal((plain.Rows[p[0]].Height + Length.Pt(6)).Points, spaced.Rows[s[0]].Height.Points, 9); // 6 pt at the 10 pt formula size
        Assert.Equal(plain.Rows[p[1]].Height, spaced.Rows[s[1]].Height);
        Assert.Equal([true, true, false], s.Select(i => spaced.BreakAfter[i])); // still free to break there
    }

    [Theory]
    [InlineData(@"\begin{aligned} a &= b \\ c &= \frac{d}{e} \\ f &= g \end{aligned}")]
    [InlineData(@"\begin{gathered} a = b \\ c = \frac{d}{e} \\ f = g \end{gathered}")]
    [InlineData(@"\begin{alignedat}{2} a &= b &\quad x &= y \\ c &= \frac{d}{e} & z &= w \\ f &= g & u &= v \end{alignedat}")]
    [InlineData(@"\begin{equation*}\begin{split} a &= b \\ &= \frac{d}{e} \\ &= g \end{split}\end{equation*}")]
    [InlineData(@"a &= b \\ c &= \frac{d}{e} \\ f &= g")]
    public void An_inner_environment_is_one_box_that_the_page_never_breaks(string tex)
    {
        var setter = new FormulaSetter(new SetFormulaCaches(BundledFonts.Set), new DiagnosticBag());
        var rows = setter.Display(Parse(tex, true), Size, Width, StructureNode.Root(), SourceSpan.None);
        Assert.DoesNotContain(true, rows.BreakAfter);
        var block = rows.Rows.SelectMany(r => r.Fragments).OfType<FormulaFragment>().Single();
        // All three lines are in the one box: at least three struts (0.84 em + 0.36 em) tall.
        Assert.True(block.Box.Height + block.Box.Depth >= 3 * 1.2, $"{block.Box.Height + block.Box.Depth} em tall");
        Assert.Equal((Width - block.Size * block.Box.Width) / 2, block.X);
    }

    [Theory]
    [InlineData(@"\begin{aligned} a &= b + c \\ d &= \frac{e}{f} \\ g &= h \end{aligned} \tag{4}", "(4)")]
    [InlineData(@"\begin{equation}\begin{split} a &= b + c \\ &= \frac{e}{f} \\ &= h \end{split}\end{equation}", "(1)")]
    [InlineData(@"\begin{equation}\begin{aligned} a &= b + c \\ d &= \frac{e}{f} \end{aligned}\end{equation}", "(1)")]
    public void The_number_of_an_inner_environment_is_centred_on_the_whole_block(string tex, string number)
    {
        var setter = new FormulaSetter(new SetFormulaCaches(BundledFonts.Set), new DiagnosticBag());
        var formula = Numbered(tex);
        var rows = setter.Display(formula, Size, Width, StructureNode.Root(), SourceSpan.None);
        Assert.DoesNotContain(true, rows.BreakAfter);
        var fragments = rows.Rows.SelectMany(r => r.Fragments).OfType<FormulaFragment>().ToList();
        Assert.Equal(2, fragments.Count);
        var (block, shown) = (fragments[0], fragments[1]);
        Assert.Equal(number, FormulaText.Of(shown.Box));
        Assert.Equal(Width, shown.X + shown.Size * shown.Box.Width); // at the right margin
        // The number is on the block's baseline, and the block is centred on the math axis there (TeX's \vcenter):
        // the number stands level with the block's middle, not with its first line.
        Assert.Equal(block.Baseline, shown.Baseline);
        var axis = new MathFont(BundledFonts.Set).Em(GptBook.Fonts.MathTable.MathConstant.AxisHeight, MathStyleState.Display);
        Assert.Equal(axis, (block.Box.Height - block.Box.Depth) / 2, 6);
        var table = formula.Root.DescendantsAndSelf().OfType<MathTable>().Single();
        var first = new MathTypesetter(new MathFont(BundledFonts.Set), 10).TableRows(table, MathStyleState.Display)[0];
        Assert.True(block.Box.Height > first.Height + first.Depth, "the number is level with the first line");
    }

    [Fact]
    public void A_single_formula_is_centred_and_never_broken()
    {
        var setter = new FormulaSetter(new SetFormulaCaches(BundledFonts.Set), new DiagnosticBag());
        var rows = setter.Display(Parse(@"\frac{a}{b} = \sum_{i=1}^n x_i", true), Size, Width, StructureNode.Root(), SourceSpan.None);
        Assert.DoesNotContain(true, rows.BreakAfter);
        var fragment = rows.Rows.SelectMany(r => r.Fragments).OfType<FormulaFragment>().Single();
        Assert.Equal((Width - fragment.Size * fragment.Box.Width) / 2, fragment.X);
        Assert.Equal(fragment.Size * fragment.Box.Height, fragment.Baseline); // the row holds the formula's height above its baseline
    }

    [Fact]
    public void A_display_wider_than_the_measure_is_broken_after_operators_multline_style()
    {
        var diagnostics = new DiagnosticBag();
        var setter = new FormulaSetter(new SetFormulaCaches(BundledFonts.Set), diagnostics);
        var tex = "s = " + string.Join(" + ", Enumerable.Range(1, 30).Select(i => $"a_{{{i}}}")) + @" \tag{7}";
        var parsed = Parse(tex, true);
        var numbered = parsed with { Numbers = [parsed.Numbers.Single() with { Number = "7" }] }; // as the numbering transform leaves it
        var rows = setter.Display(numbered, Size, Width, StructureNode.Root(), SourceSpan.None);
        Assert.Empty(diagnostics.Items);
        var lines = rows.Rows.Where(r => r.Fragments.OfType<FormulaFragment>().Any()).ToList();
        Assert.True(lines.Count >= 2, $"{lines.Count} lines");
        var formulas = lines.Select(l => l.Fragments.OfType<FormulaFragment>().First()).ToList();
        Assert.All(formulas, f => Assert.Equal(Size, f.Size)); // broken, not scaled
        Assert.All(formulas, f => Assert.True(f.X >= Length.Zero && f.X + f.Size * f.Box.Width <= Width + Length.Pt(0.01)));
        Assert.Equal(Length.Zero, formulas[0].X); // the first line flush left
        var number = lines[^1].Fragments.OfType<FormulaFragment>().Last(); // the number with the last line, at the margin
        Assert.NotSame(formulas[^1], number);
        Assert.Equal(Width, number.X + number.Size * number.Box.Width);
        Assert.True(formulas[^1].X + formulas[^1].Size * formulas[^1].Box.Width <= number.X); // the last line flush right, clear of it
        Assert.All(lines.SkipLast(1), l => Assert.Single(l.Fragments.OfType<FormulaFragment>()));
        Assert.Equal("𝑠=" + string.Join("+", Enumerable.Range(1, 30).Select(i => $"𝑎{i}")), string.Concat(formulas.Select(f => FormulaText.Of(f.Box))));
        Assert.DoesNotContain(true, rows.BreakAfter); // kept on one page
    }

    [Fact]
    public void A_display_wider_than_the_measure_with_no_break_point_is_scaled_to_fit_and_reported()
    {
        var diagnostics = new DiagnosticBag();
        var setter = new FormulaSetter(new SetFormulaCaches(BundledFonts.Set), diagnostics);
        var tex = @"\left(" + string.Join(" + ", Enumerable.Range(1, 22).Select(i => $"a_{{{i}}}")) + @"\right)";
        var rows = setter.Display(Parse(tex, true), Size, Width, StructureNode.Root(), SourceSpan.None);
        var fragment = rows.Rows.SelectMany(r => r.Fragments).OfType<FormulaFragment>().Single();
        Assert.True(fragment.Size * fragment.Box.Width <= Width + Length.Pt(0.01));
        Assert.True(fragment.Size < Size);
        Assert.Contains(diagnostics.Items, d => d.Code == "GB0620");
    }

    [Fact]
    public void An_inline_formula_is_pieces_that_share_one_Formula_element()
    {
        var setter = new FormulaSetter(new SetFormulaCaches(BundledFonts.Set), new DiagnosticBag());
        var pieces = setter.Inline(Parse("a + b = c", false), Size);
        Assert.Equal(3, pieces.Count);
        Assert.All(pieces, p => Assert.True(p.SpacedFromHan));
        var paragraph = StructureNode.Root().Child("P");
        var nodes = pieces.Select(p => p.Fragments(Length.Zero, Length.Zero, paragraph).OfType<FormulaFragment>().Single().Structure).ToList();
        Assert.All(nodes, n => Assert.Same(nodes[0], n));
        Assert.Equal("a + b = c", nodes[0]!.AltText);
        Assert.Same(paragraph, nodes[0]!.Parent);
        Assert.Equal("𝑎+𝑏=𝑐", string.Concat(pieces.Select(p => p.Text)));
    }

    [Fact]
    public void A_broken_display_formula_wider_than_the_measure_shows_its_whole_source_in_lines_that_fit()
    {
        var setter = new FormulaSetter(new SetFormulaCaches(BundledFonts.Set), new DiagnosticBag());
        var source = @"\unknowncommand{x} " + string.Join(" + ", Enumerable.Range(1, 40).Select(i => $"a_{{{i}}}")) + " " + new string('z', 120);
        var formula = Parse(source, true);
        Assert.True(formula.HasErrors);
        var rows = setter.Display(formula, Size, Width, StructureNode.Root(), SourceSpan.None);
        var lines = rows.Rows.SelectMany(r => r.Fragments).OfType<FormulaFragment>().ToList();
        Assert.True(lines.Count >= 3, $"{lines.Count} lines");
        Assert.All(lines, l => Assert.Equal(Size, l.Size)); // set in lines, not scaled down
        Assert.All(lines, l => Assert.True(l.X >= Length.Zero && l.X + l.Size * l.Box.Width <= Width + Length.Pt(0.01), $"{l.Size * l.Box.Width} wide"));
        // Every character of the source is shown, in order (the spaces between words become line ends).
        var shown = string.Concat(lines.Select(l => FormulaText.Of(l.Box)));
        Assert.Equal(source.Replace(" ", "", StringComparison.Ordinal), shown.Replace(" ", "", StringComparison.Ordinal));
    }
}
