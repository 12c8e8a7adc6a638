using GptBook.Fonts;
using GptBook.Fonts.MathTable;
using GptBook.Formulas;
using GptBook.Layout.Formulas;
using GptBook.Tests.Fonts;

namespace GptBook.Tests.Layout.Formulas;

/// <summary>
/// Box tests of the math layout: heights, depths and shifts of each construct, checked against the MATH table
/// constants and glyph bounding boxes of the bundled DejaVu Math TeX Gyre (units per em 1000; values read with
/// fontTools). Lengths are in em of the formula's size.
/// </summary>
public class MathTypesetterTests
{
    private const double Tolerance = 1e-9;
    private static readonly MathFont Font = new(BundledFonts.Set);
    private static readonly MathTypesetter Typesetter = new(Font, 10);

    private static readonly int[] ParenVariants = [3473, 3495, 3517, 3539, 3561, 3583];

    private static MathNode Parse(string tex, bool display = false) =>
        MathParser.Parse(tex, display, MathMacroTable.Empty) is { HasErrors: false } formula ? formula.Root
            : throw new InvalidOperationException($"{tex} did not parse");

    private static MathBox Set(string tex, MathStyleState style) => Typesetter.Typeset(Parse(tex, style.IsDisplay), style);

    private static double C(MathConstant constant) => BundledFonts.Set.Font(FontRole.TeXMath).MathTable!.Constant(constant) / 1000.0;

    /// <summary>The children of a group, flattened through single-child wrappers and grown glyphs, with absolute shifts.</summary>
    private static List<(MathBox Box, double X, double Shift)> Leaves(MathBox box, double x = 0, double shift = 0)
    {
        if (box is StretchedBox stretched) return Leaves(stretched.Drawn, x, shift);
        if (box is not GroupBox group) return [(box, x, shift)];
        return group.Children.SelectMany(c => Leaves(c.Box, x + c.X, shift + c.Shift)).ToList();
    }

    /// <summary>The grown glyphs of a box (variants and assemblies), outermost first.</summary>
    private static List<StretchedBox> Grown(MathBox box) => box switch
    {
        StretchedBox s => [s],
        GroupBox g => g.Children.SelectMany(c => Grown(c.Box)).ToList(),
        _ => [],
    };

    [Fact]
    public void A_grown_glyph_stands_for_its_character_and_copies_as_it()
    {
        var box = Set(@"\left( \sum_{i=1}^n \frac{a_i}{b_i} \right) + \sqrt{\frac{\frac{1}{2}}{3}} + \Bigl\{ c \Bigr\}", MathStyleState.Display);
        var grown = Grown(box);
        Assert.Equal(["(", "∑", ")", "√", "{", "}"], grown.Select(g => g.StandsFor));
        Assert.All(grown, g => Assert.DoesNotContain(Leaves(g), l => l.Box is GlyphBox { Text.Length: > 0 })); // drawn from outlines
        Assert.All(grown, g => Assert.Equal(Leaves(g).Max(l => l.X + l.Box.Width) - Leaves(g).Min(l => l.X), g.Width, Tolerance));
        Assert.Equal("(∑𝑛𝑖=1𝑎𝑖𝑏𝑖)+√123+{𝑐}", FormulaText.Of(box)); // an operator, then its upper and lower limits
    }

    private static (MathBox Box, double X, double Shift) Glyph(MathBox box, string text) =>
        Leaves(box).Single(l => l.Box is GlyphBox g && g.Text == text);

    [Fact]
    public void A_display_fraction_takes_the_display_shifts_and_its_bar_sits_on_the_axis()
    {
        var box = Set(@"\frac{a}{x}", MathStyleState.Display);
        Assert.Equal(C(MathConstant.FractionNumeratorDisplayStyleShiftUp), Glyph(box, "𝑎").Shift, Tolerance); // 0.635: the gap does not bind
        Assert.Equal(-C(MathConstant.FractionDenominatorDisplayStyleShiftDown), Glyph(box, "𝑥").Shift, Tolerance);
        var bar = Leaves(box).Single(l => l.Box is RuleBox);
        Assert.Equal(C(MathConstant.AxisHeight), bar.Shift, Tolerance);
        Assert.Equal(C(MathConstant.FractionRuleThickness), bar.Box.Height + bar.Box.Depth, Tolerance);
        Assert.Equal(0.635 + 0.534, box.Height, Tolerance); // numerator shift + the height of 𝑎 (534 units), full size in display
    }

    [Fact]
    public void In_text_style_the_numerator_is_pushed_up_until_it_clears_the_bar_by_the_minimum_gap()
    {
        var box = Set(@"\frac{a}{x}", MathStyleState.Text);
        var num = Glyph(box, "𝑎");
        Assert.Equal(0.8, ((GlyphBox)num.Box).Size, Tolerance); // numerator in script style
        // axis + half the rule + FractionNumeratorGapMin + the numerator's depth (14 units at 80 %) exceeds the 0.403 shift
        var expected = C(MathConstant.AxisHeight) + C(MathConstant.FractionRuleThickness) / 2 + C(MathConstant.FractionNumeratorGapMin) + 0.014 * 0.8;
        Assert.True(expected > C(MathConstant.FractionNumeratorShiftUp));
        Assert.Equal(expected, num.Shift, Tolerance);
    }

    [Fact]
    public void A_binomial_has_no_bar_and_its_parts_keep_the_stack_gap()
    {
        var box = Set(@"\binom{n}{k}", MathStyleState.Display);
        Assert.DoesNotContain(Leaves(box), l => l.Box is RuleBox);
        var n = Glyph(box, "𝑛");
        var k = Glyph(box, "𝑘");
        Assert.True((n.Shift - n.Box.Depth) - (k.Shift + k.Box.Height) >= C(MathConstant.StackDisplayStyleGapMin) - Tolerance);
        Assert.Contains(Leaves(box), l => l.Box is GlyphBox { GlyphId: not 0 } g && g.Height + g.Depth >= 2.39 * 0.9); // display-size parentheses
    }

    [Fact]
    public void A_superscript_is_raised_by_SuperscriptShiftUp_and_less_when_cramped()
    {
        var box = Set("x^2", MathStyleState.Text);
        var two = Glyph(box, "2");
        Assert.Equal(C(MathConstant.SuperscriptShiftUp), two.Shift, Tolerance);
        Assert.Equal(0.8 * 0.742, two.Box.Height, Tolerance);
        var cramped = Set("x^2", MathStyleState.Text.Cramp);
        Assert.Equal(C(MathConstant.SuperscriptShiftUpCramped), Glyph(cramped, "2").Shift, Tolerance);
    }

    [Fact]
    public void A_subscript_is_lowered_by_SubscriptShiftDown_and_with_a_superscript_pushed_to_the_gap()
    {
        Assert.Equal(-C(MathConstant.SubscriptShiftDown), Glyph(Set("x_i", MathStyleState.Text), "𝑖").Shift, Tolerance);
        var both = Set("x_i^2", MathStyleState.Text);
        var i = Glyph(both, "𝑖");
        var two = Glyph(both, "2");
        Assert.Equal(C(MathConstant.SuperscriptShiftUp), two.Shift, Tolerance);
        // 𝑖 is 736 units tall at 80 %: the gap between 2's bottom and 𝑖's top opens to SubSuperscriptGapMin
        Assert.Equal(C(MathConstant.SubSuperscriptGapMin), (two.Shift - two.Box.Depth) - (i.Shift + i.Box.Height), Tolerance);
        Assert.Equal(-(0.736 * 0.8 - (0.381 - 0.120)), i.Shift, Tolerance);
    }

    [Fact]
    public void A_superscript_follows_the_italic_correction_and_space_after_script_ends_the_box()
    {
        var box = Set("A^2", MathStyleState.Text);
        var a = Glyph(box, "𝐴");
        var two = Glyph(box, "2");
        var italic = ((GlyphBox)a.Box).Italic;
        Assert.Equal(a.Box.Width + italic, two.X, Tolerance);
        Assert.Equal(two.X + two.Box.Width + C(MathConstant.SpaceAfterScript), box.Width, Tolerance);
    }

    [Fact]
    public void A_display_sum_is_its_first_variant_taller_than_DisplayOperatorMinHeight_centred_on_the_axis_with_limits()
    {
        var box = Set(@"\sum_{i=1}^{n} x_i", MathStyleState.Display);
        var sum = Leaves(box).First(l => l.Box is GlyphBox { Face: FontRole.TeXMath } g && g.Height + g.Depth >= C(MathConstant.DisplayOperatorMinHeight));
        Assert.Equal(4232, ((GlyphBox)sum.Box).GlyphId); // ∑'s second variant (1513 units); the first is 1051
        Assert.Equal(C(MathConstant.AxisHeight), sum.Shift + (sum.Box.Height - sum.Box.Depth) / 2, Tolerance);
        var n = Glyph(box, "𝑛");
        Assert.True(n.Shift - n.Box.Depth - (sum.Shift + sum.Box.Height) >= C(MathConstant.UpperLimitGapMin) - Tolerance);
        Assert.True(n.X > sum.X && n.X + n.Box.Width < sum.X + sum.Box.Width); // centred over it

        var inline = Set(@"\sum_{i=1}^{n} x_i", MathStyleState.Text);
        var small = Leaves(inline).First(l => l.Box is GlyphBox { Text: "∑" });
        Assert.Equal(4229, ((GlyphBox)small.Box).GlyphId);
        Assert.True(Glyph(inline, "𝑛").X >= small.X + small.Box.Width); // scripts beside it in text style
    }

    [Fact]
    public void A_mathop_takes_its_script_below_in_display_style_and_beside_in_text_style()
    {
        var display = Set(@"\mathop{\mathrm{softmax}}_{i} z", MathStyleState.Display);
        var s = Glyph(display, "s");
        var i = Glyph(display, "𝑖");
        Assert.True(i.Shift + i.Box.Height < s.Shift - s.Box.Depth); // below the name
        Assert.True(i.X > s.X && i.X < Glyph(display, "x").X); // under it, not after it

        var text = Set(@"\mathop{\mathrm{softmax}}_{i} z", MathStyleState.Text);
        Assert.True(Glyph(text, "𝑖").X > Glyph(text, "x").X); // beside it
    }

    [Fact]
    public void A_display_integral_is_enlarged_and_keeps_its_scripts_beside_it()
    {
        var box = Set(@"\int_0^\infty e^{-x^2}\,dx", MathStyleState.Display);
        var integral = (GlyphBox)Leaves(box).First(l => l.Box is GlyphBox { Face: FontRole.TeXMath } g && g.Height + g.Depth > 1).Box;
        Assert.Equal(4152, integral.GlyphId); // ∫'s first variant of at least DisplayOperatorMinHeight (1495 units)
        var zero = Glyph(box, "0");
        Assert.True(zero.X > 0.3);
    }

    [Fact]
    public void A_radical_sign_reaches_the_rule_whose_thickness_and_ascender_come_from_the_table()
    {
        var box = Set(@"\sqrt{x}", MathStyleState.Text);
        var rule = Leaves(box).Single(l => l.Box is RuleBox);
        var sign = Leaves(box).Single(l => l.Box is GlyphBox g && g.Text == "√");
        Assert.Equal(C(MathConstant.RadicalRuleThickness), rule.Box.Height, Tolerance);
        Assert.Equal(rule.Shift + rule.Box.Height, sign.Shift + sign.Box.Height, Tolerance); // the sign's top is the rule's top
        Assert.True(rule.Shift - 0.519 >= C(MathConstant.RadicalVerticalGap) - Tolerance); // the rule clears 𝑥 (519 units)
        Assert.Equal(rule.Shift + rule.Box.Height + C(MathConstant.RadicalExtraAscender), box.Height, Tolerance);

        var withDegree = Set(@"\sqrt[3]{x}", MathStyleState.Text);
        var three = Glyph(withDegree, "3");
        Assert.Equal(0.65, ((GlyphBox)three.Box).Size, Tolerance); // degree in scriptscript style
        Assert.Equal(C(MathConstant.RadicalKernBeforeDegree), three.X, Tolerance);
    }

    [Fact]
    public void Left_and_right_delimiters_grow_through_variants_and_then_assemblies()
    {
        var small = Set(@"\left( x \right)", MathStyleState.Text);
        Assert.Equal(Font.Face.GlyphId('('), Leaves(small).First(l => l.Box is GlyphBox).Box is GlyphBox g ? g.GlyphId : -1);

        var fraction = Set(@"\left( \frac{a}{b} \right)", MathStyleState.Display);
        var paren = (GlyphBox)Leaves(fraction).First(l => l.Box is GlyphBox).Box;
        Assert.Contains(paren.GlyphId, ParenVariants); // one of ('s variants
        var content = fraction.Height + fraction.Depth;
        Assert.True(paren.Height + paren.Depth >= 0.901 * content - 0.2);

        var tall = Set(@"\left( \begin{matrix} a \\ b \\ c \\ d \\ e \\ f \end{matrix} \right)", MathStyleState.Display);
        var parts = Leaves(tall).Where(l => l.Box is GlyphBox { GlyphId: 3587 or 3588 or 3589 }).ToList();
        Assert.Contains(parts, p => ((GlyphBox)p.Box).GlyphId == 3588); // the extender
        Assert.True(parts.Count >= 6); // bottom, extender(s), top on each side
    }

    [Fact]
    public void Big_delimiters_have_TeX_fixed_sizes()
    {
        var big = Set(@"\big(", MathStyleState.Text);
        var bigg = Set(@"\Bigg(", MathStyleState.Text);
        Assert.True(big.Height + big.Depth >= 0.85 - Tolerance);
        Assert.True(bigg.Height + bigg.Depth >= 1.75 - Tolerance);
        Assert.True(bigg.Height + bigg.Depth > big.Height + big.Depth);
    }

    [Fact]
    public void The_spacing_table_puts_medium_space_around_binary_operators_and_thick_around_relations_but_none_in_scripts()
    {
        Assert.Equal([Mu(4), Mu(4)], Spaces(Set("a+b", MathStyleState.Text)));
        Assert.Equal([Mu(5), Mu(5)], Spaces(Set("a=b", MathStyleState.Text)));
        Assert.Empty(Spaces(Set("-b", MathStyleState.Text))); // a leading Bin is an Ord
        Assert.Empty(Spaces(Set("a+b", new MathStyleState(MathStyle.Script, false))));
        Assert.Equal([Mu(3)], Spaces(Set(@"\sin x", MathStyleState.Text))); // Op then Ord: thin
    }

    private static double Mu(int mu) => Math.Round(mu / 18.0, 9);

    private static double[] Spaces(MathBox box) => Leaves(box).Where(l => l.Box is SpaceBox).Select(l => Math.Round(l.Box.Width, 9)).ToArray();

    [Fact]
    public void An_inline_formula_breaks_only_after_top_level_relations_and_binary_operators()
    {
        Assert.Equal(3, Typesetter.Pieces(Parse("a+b=c"), MathStyleState.Text).Count);
        Assert.Equal(2, Typesetter.Pieces(Parse(@"\frac{a+b}{c}=d"), MathStyleState.Text).Count);
        Assert.Single(Typesetter.Pieces(Parse(@"\sqrt{a+b}"), MathStyleState.Text));
        Assert.Equal(2, Typesetter.Pieces(Parse(@"a \le b"), MathStyleState.Text).Count);
    }

    [Fact]
    public void An_accent_is_centred_on_the_top_accent_attachment_and_raised_above_tall_bases()
    {
        var table = Font.Table;
        var box = Set(@"\hat{x}", MathStyleState.Text);
        var x = Glyph(box, "𝑥");
        var hat = Leaves(box).Single(l => l.Box is GlyphBox g && g.Text == "\u0302");
        var xAttach = table.TopAccentAttachment(Font.Face.GlyphId(0x1D465))!.Value / 1000.0;
        var hatAttach = (table.TopAccentAttachment(Font.Face.GlyphId(0x302)) ?? Font.Face.AdvanceWidth(Font.Face.GlyphId(0x302)) / 2.0) / 1000.0;
        Assert.Equal(x.X + xAttach, hat.X + hatAttach, Tolerance);
        Assert.Equal(0, hat.Shift, Tolerance); // 𝑥 (519) is lower than AccentBaseHeight (539)
        var tall = Set(@"\hat{b}", MathStyleState.Text);
        Assert.Equal(0.760 - C(MathConstant.AccentBaseHeight), Leaves(tall).Single(l => l.Box is GlyphBox g && g.Text == "\u0302").Shift, Tolerance);
    }

    [Fact]
    public void An_underbrace_is_as_wide_as_its_base_and_its_label_is_in_script_style_below_it()
    {
        var box = Set(@"\underbrace{a+b+c}_{n}", MathStyleState.Display);
        var n = Glyph(box, "𝑛");
        Assert.Equal(0.8, ((GlyphBox)n.Box).Size, Tolerance);
        var brace = Leaves(box).Where(l => l.Box is GlyphBox { Text: "" } or GlyphBox { Text: "⏟" }).ToList();
        Assert.NotEmpty(brace);
        var left = brace.Min(b => b.X);
        var right = brace.Max(b => b.X + b.Box.Width);
        var a = Glyph(box, "𝑎");
        var c = Glyph(box, "𝑐");
        Assert.True(right - left >= (c.X + c.Box.Width - a.X) - 0.05);
        Assert.True(n.Shift + n.Box.Height < brace.Min(b => b.Shift - b.Box.Depth));
    }

    [Fact]
    public void Align_rows_share_columns_right_then_left_of_the_relation()
    {
        var formula = MathParser.Parse(@"\begin{aligned} a &= b + c \\ dd &= e \end{aligned}", true, MathMacroTable.Empty);
        var table = (MathTable)formula.Root.DescendantsAndSelf().First(n => n is MathTable);
        var rows = Typesetter.TableRows(table, MathStyleState.Display);
        Assert.Equal(2, rows.Count);
        var eq1 = Leaves(rows[0].Box).Single(l => l.Box is GlyphBox { Text: "=" });
        var eq2 = Leaves(rows[1].Box).Single(l => l.Box is GlyphBox { Text: "=" });
        Assert.Equal(eq1.X, eq2.X, Tolerance); // the relations line up
        var a = Glyph(rows[0].Box, "𝑎");
        var lastD = Leaves(rows[1].Box).Where(l => l.Box is GlyphBox { Text: "𝑑" }).MaxBy(l => l.X);
        Assert.Equal(a.X + a.Box.Width, lastD.X + lastD.Box.Width, Tolerance); // the left-hand sides end together
        Assert.Equal(5 / 18.0, eq1.X - (a.X + a.Box.Width), Tolerance); // "&=" keeps the relation's thick space
        Assert.True(rows.All(r => r.Height >= 0.84 - Tolerance && r.Depth >= 0.36 - Tolerance)); // the strut
    }

    private static MathTable TableOf(string tex) => Parse(tex, display: true).DescendantsAndSelf().OfType<MathTable>().First();

    /// <summary>How far the second row's baseline lies below the first's inside the set table.</summary>
    private static double RowDistance(string tex)
    {
        var rows = TableOf(tex).Rows.Count;
        // The stack of rows: the first group (breadth first, inside cases' delimiters) whose children are the rows, all at x 0.
        var queue = new Queue<MathBox>([Typesetter.Typeset(TableOf(tex), MathStyleState.Display)]);
        while (queue.TryDequeue(out var box))
        {
            if (box is not GroupBox group) continue;
            if (group.Children.Count == rows && group.Children.All(c => c.X == 0 && c.Box is GroupBox))
                return group.Children[0].Shift - group.Children[1].Shift; // a child's shift raises it
            foreach (var child in group.Children) queue.Enqueue(child.Box);
        }
        throw new InvalidOperationException("no stack of rows");
    }

    [Fact]
    public void The_math_face_has_an_x_height_for_ex()
    {
        Assert.Equal(519 / 1000.0, Font.XHeight, Tolerance); // DejaVu Math TeX Gyre's OS/2 sxHeight
    }

    [Theory]
    [InlineData("2ex", 2 * 0.519)]
    [InlineData("0.5em", 0.5)]
    [InlineData("4pt", 0.4)] // at 10 pt to the em
    [InlineData("1in", 7.227)]
    [InlineData("-2pt", -0.2)]
    public void Space_after_an_aligned_row_is_added_below_its_depth(string length, double em)
    {
        var plain = @"\begin{aligned} a &= \frac{b}{c} \\ d &= e \end{aligned}";
        var spaced = plain.Replace(@"\\", @"\\[" + length + "]", StringComparison.Ordinal);
        // amsmath's \\[length] is \noalign{\vskip length}: the rows move apart by exactly the length, deep row or not.
        Assert.Equal(RowDistance(plain) + em, RowDistance(spaced), 9);
        var rows = Typesetter.TableRows(TableOf(spaced), MathStyleState.Display);
        Assert.Equal(em, rows[0].SpaceBelow, 9);
        Assert.Equal(Typesetter.TableRows(TableOf(plain), MathStyleState.Display)[0].Depth, rows[0].Depth, 9);
        Assert.Equal(0, rows[1].SpaceBelow);
        var box = Typesetter.Typeset(TableOf(spaced), MathStyleState.Display);
        var before = Typesetter.Typeset(TableOf(plain), MathStyleState.Display);
        Assert.Equal(before.Height + before.Depth + em, box.Height + box.Depth, 9); // the block grows by it, still centred on the axis
        Assert.Equal(box.Height - box.Depth, before.Height - before.Depth, 9);
    }

    [Fact]
    public void Absolute_lengths_are_converted_at_the_formula_size()
    {
        var tex = @"\begin{aligned} a &= b \\[4pt] c &= d \end{aligned}";
        var at20 = new MathTypesetter(Font, 20).TableRows(TableOf(tex), MathStyleState.Display);
        Assert.Equal(0.2, at20[0].SpaceBelow, 9); // 4 pt of a 20 pt em
        var ex = @"\begin{aligned} a &= b \\[2ex] c &= d \end{aligned}";
        Assert.Equal(2 * 0.519, new MathTypesetter(Font, 20).TableRows(TableOf(ex), MathStyleState.Display)[0].SpaceBelow, 9); // em and ex follow the font
    }

    [Fact]
    public void Space_after_a_cases_row_deepens_it_to_the_strut_plus_the_length_as_latex_arrays_do()
    {
        var plain = @"\begin{cases} \dfrac{1}{2}, & x > 0 \\ \dfrac{3}{4}, & x \le 0 \end{cases}";
        var before = Typesetter.TableRows(TableOf(plain), MathStyleState.Display);
        // LaTeX's array: \\[len] puts an invisible rule as deep as the strut's depth plus len in the row.
        var wide = Typesetter.TableRows(TableOf(plain.Replace(@"\\", @"\\[2ex]", StringComparison.Ordinal)), MathStyleState.Display);
        Assert.True(0.36 + 2 * 0.519 > before[0].Depth, "the test needs a length that reaches below the fraction");
        Assert.Equal(0.36 + 2 * 0.519, wide[0].Depth, 9);
        Assert.Equal(0, wide[0].SpaceBelow);
        Assert.True(RowDistance(plain.Replace(@"\\", @"\\[2ex]", StringComparison.Ordinal)) > RowDistance(plain) + 0.1);
        // A length that the fraction's depth already covers changes nothing, as in LaTeX.
        var small = Typesetter.TableRows(TableOf(plain.Replace(@"\\", @"\\[1pt]", StringComparison.Ordinal)), MathStyleState.Display);
        Assert.True(0.36 + 0.1 < before[0].Depth, "the test needs a fraction deeper than strut + 1pt");
        Assert.Equal(before[0].Depth, small[0].Depth, 9);
        Assert.Equal(RowDistance(plain), RowDistance(plain.Replace(@"\\", @"\\[1pt]", StringComparison.Ordinal)), 9);
        // A negative one is space taken away below the row.
        Assert.Equal(RowDistance(plain) - 0.3, RowDistance(plain.Replace(@"\\", @"\\[-3pt]", StringComparison.Ordinal)), 9);
    }

    [Fact]
    public void Em_in_a_script_is_the_scripts_em()
    {
        var tex = @"x^{\begin{matrix} a \\[-1em] b \end{matrix}}";
        var table = Parse(tex).DescendantsAndSelf().OfType<MathTable>().Single();
        var script = MathStyleState.Text.Superscript;
        Assert.Equal(-Font.Scale(script), Typesetter.TableRows(table, script)[0].SpaceBelow, 9);
    }

    [Theory]
    [InlineData(@"\begin{align} x &= y & z &= w \end{align}", 2.0)]
    [InlineData(@"\begin{alignat}{2} x &= y & z &= w \end{alignat}", 0.0)]
    [InlineData(@"\begin{aligned} x &= y & z &= w \end{aligned}", 2.0)]
    [InlineData(@"\begin{alignedat}{2} x &= y & z &= w \end{alignedat}", 0.0)]
    public void Align_puts_two_ems_between_its_pairs_and_alignat_none(string tex, double gap)
    {
        var formula = MathParser.Parse(tex, true, MathMacroTable.Empty);
        Assert.Empty(formula.Errors);
        var table = (MathTable)formula.Root.DescendantsAndSelf().First(n => n is MathTable);
        var row = Assert.Single(Typesetter.TableRows(table, MathStyleState.Display));
        var y = Glyph(row.Box, "𝑦");
        var z = Glyph(row.Box, "𝑧");
        Assert.Equal(gap, z.X - (y.X + y.Box.Width), Tolerance);
    }

    [Fact]
    public void Text_inside_a_formula_uses_the_text_faces_and_Chinese_comes_from_Noto_Serif_SC()
    {
        var box = Set(@"x \text{是向量}", MathStyleState.Text);
        var han = Leaves(box).Where(l => l.Box is GlyphBox g && g.Text is "是" or "向" or "量").Select(l => (GlyphBox)l.Box).ToList();
        Assert.Equal(3, han.Count);
        Assert.All(han, g => Assert.Equal(FontRole.SerifRegular, g.Face));
        Assert.All(han, g => Assert.Equal(1.0, g.Width, 6));
    }

    [Fact]
    public void Textbf_and_texttt_set_their_text_in_the_bold_and_the_code_face()
    {
        var box = Set(@"\textbf{注意 a} + \texttt{lr} + \text{b}", MathStyleState.Text);
        Assert.Equal(FontRole.SerifBold, ((GlyphBox)Glyph(box, "注").Box).Face);
        Assert.Equal(FontRole.SerifBold, ((GlyphBox)Glyph(box, "a").Box).Face);
        Assert.Equal(FontRole.Mono, ((GlyphBox)Glyph(box, "l").Box).Face);
        Assert.Equal(FontRole.SerifRegular, ((GlyphBox)Glyph(box, "b").Box).Face);
    }

    [Fact]
    public void A_formula_that_does_not_parse_is_its_source_in_a_frame()
    {
        var formula = MathParser.Parse(@"\frac{a}{b", false, MathMacroTable.Empty);
        Assert.True(formula.HasErrors);
        var box = Typesetter.Typeset(formula.Root, MathStyleState.Text);
        Assert.Contains(Leaves(box), l => l.Box is FrameBox);
        Assert.Equal(@"\frac{a}{b", string.Concat(Leaves(box).Select(l => l.Box).OfType<GlyphBox>().Select(g => g.Text)).Replace(" ", ""));
        Assert.All(Leaves(box).Select(l => l.Box).OfType<GlyphBox>(), g => Assert.Equal(FontRole.Mono, g.Face));
    }

    [Theory]
    [InlineData("f'", "′")]
    [InlineData("f''", "″")]
    [InlineData("f'_i", "′")]
    public void A_prime_takes_the_script_form_that_starts_below_the_top_of_the_letter_it_marks(string tex, string prime)
    {
        var box = Set(tex, MathStyleState.Text);
        var mark = Assert.Single(Grown(box));
        Assert.Equal(prime, mark.StandsFor);
        var placed = Leaves(box).Single(l => ReferenceEquals(l.Box, mark.Drawn));
        var letter = Glyph(box, "𝑓");
        // The prime's ink begins below the f's top, as in print (f′), instead of floating a script shift above it.
        Assert.True(placed.Shift - mark.Depth < letter.Box.Height, $"prime bottom {placed.Shift - mark.Depth} em, f top {letter.Box.Height} em");
        Assert.StartsWith("𝑓" + prime, FormulaText.Of(box), StringComparison.Ordinal);
    }

    [Fact]
    public void A_boxed_formula_is_framed_by_four_rules_of_the_fraction_rule_thickness_a_quarter_em_clear()
    {
        var inner = Set("x+y", MathStyleState.Text);
        var box = Set(@"\boxed{x+y}", MathStyleState.Text);
        var rule = C(MathConstant.FractionRuleThickness);
        Assert.Equal(inner.Width + 2 * (0.25 + rule), box.Width, Tolerance);
        Assert.Equal(inner.Height + 0.25 + rule, box.Height, Tolerance);
        Assert.Equal(inner.Depth + 0.25 + rule, box.Depth, Tolerance);
        var rules = Leaves(box).Where(l => l.Box is RuleBox).ToList();
        Assert.Equal(4, rules.Count);
        Assert.All(rules, r => Assert.Equal(rule, Math.Min(r.Box.Width, r.Box.Height + r.Box.Depth), Tolerance));
        // The content keeps its baseline: its glyphs sit where they sit unframed, moved right by the frame and its gap.
        var x = Leaves(box).First(l => l.Box is GlyphBox);
        Assert.Equal((0.25 + rule, 0.0), (x.X, x.Shift));
    }

    [Fact]
    public void An_extensible_arrow_grows_to_its_label_which_sits_above_it()
    {
        var plain = Set(@"\rightarrow", MathStyleState.Text);
        var box = Set(@"\xrightarrow{\text{gradient descent}}", MathStyleState.Text);
        var label = Set(@"\text{gradient descent}", MathStyleState.Text.Superscript);
        var arrow = Assert.Single(Grown(box));
        Assert.Equal("→", arrow.StandsFor);
        Assert.True(arrow.Width >= label.Width, $"arrow {arrow.Width} em, label {label.Width} em");
        Assert.True(arrow.Width > 2 * plain.Width);
        var text = Leaves(box).Where(l => l.Box is GlyphBox { Face: FontRole.SerifRegular }).ToList();
        Assert.All(text, t => Assert.True(t.Shift > arrow.Height, "the label is above the arrow"));
    }

    [Theory]
    [InlineData(@"\cancel{ab}", 1)]
    [InlineData(@"\xcancel{ab}", 2)]
    public void A_cancelled_term_keeps_its_box_and_gets_corner_to_corner_strokes(string tex, int strokes)
    {
        var term = Set("ab", MathStyleState.Text);
        var box = Set(tex, MathStyleState.Text);
        Assert.Equal((term.Width, term.Height, term.Depth), (box.Width, box.Height, box.Depth));
        var lines = Leaves(box).Select(l => l.Box).OfType<StrokeBox>().ToList();
        Assert.Equal(strokes, lines.Count);
        var up = lines[0];
        // From below the term's left edge to above its right edge, a little beyond each corner.
        Assert.True(up.X1 < 0 && up.X2 > term.Width && up.Y1 < -term.Depth && up.Y2 > term.Height);
        Assert.Equal(C(MathConstant.FractionRuleThickness), up.Thickness, Tolerance);
    }
}
