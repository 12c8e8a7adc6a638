using GptBook.Fonts;
using GptBook.Fonts.MathTable;

namespace GptBook.Tests.Fonts;

/// <summary>
/// The MATH table reader against the bundled DejaVu Math TeX Gyre. The expected values were read from the same
/// file with fontTools (ttx), an independent reader.
/// </summary>
public class MathTableTests
{
    private static TrueTypeFont Font => BundledFonts.Set.Font(FontRole.TeXMath);

    private static readonly int[] Heights = [0, 200, 400];

    private static OpenTypeMathTable Table => Font.MathTable ?? throw new InvalidOperationException("no MATH table");

    [Fact]
    public void The_math_face_has_a_MATH_table_and_the_other_bundled_faces_have_none()
    {
        Assert.NotNull(Font.MathTable);
        Assert.Null(BundledFonts.Set.Font(FontRole.Math).MathTable); // Noto Sans Math: no MATH table, only glyphs
        Assert.Null(BundledFonts.Set.Font(FontRole.Mono).MathTable);
    }

    [Theory]
    [InlineData(MathConstant.ScriptPercentScaleDown, 80)]
    [InlineData(MathConstant.ScriptScriptPercentScaleDown, 65)]
    [InlineData(MathConstant.DelimitedSubFormulaMinHeight, 1333)]
    [InlineData(MathConstant.DisplayOperatorMinHeight, 1333)]
    [InlineData(MathConstant.AxisHeight, 275)]
    [InlineData(MathConstant.AccentBaseHeight, 539)]
    [InlineData(MathConstant.SubscriptShiftDown, 277)]
    [InlineData(MathConstant.SuperscriptShiftUp, 381)]
    [InlineData(MathConstant.SuperscriptShiftUpCramped, 312)]
    [InlineData(MathConstant.SpaceAfterScript, 40)]
    [InlineData(MathConstant.UpperLimitGapMin, 96)]
    [InlineData(MathConstant.FractionRuleThickness, 64)]
    [InlineData(MathConstant.FractionNumeratorDisplayStyleShiftUp, 635)]
    [InlineData(MathConstant.FractionDenominatorDisplayStyleShiftDown, 637)]
    [InlineData(MathConstant.RadicalDisplayStyleVerticalGap, 96)]
    [InlineData(MathConstant.RadicalKernAfterDegree, -526)]
    [InlineData(MathConstant.RadicalDegreeBottomRaisePercent, 55)]
    public void Constants_are_the_fonts(MathConstant constant, int expected) => Assert.Equal(expected, Table.Constant(constant));

    [Fact]
    public void Glyph_info_gives_italics_corrections_accent_attachments_and_extended_shapes()
    {
        Assert.Equal(38, Table.ItalicsCorrection(Font.GlyphId('A')));
        Assert.Equal(153, Table.ItalicsCorrection(Font.GlyphId('∫')));
        Assert.Equal(0, Table.ItalicsCorrection(Font.GlyphId(0x1D453))); // 𝑓: none given
        Assert.Equal(359, Table.TopAccentAttachment(Font.GlyphId('A')));
        Assert.Equal(542, Table.TopAccentAttachment(Font.GlyphId(0x1D453)));
        Assert.Null(Table.TopAccentAttachment(Font.GlyphId('∫')));
        Assert.True(Table.IsExtendedShape(Font.GlyphId(0x20D0)));
        Assert.False(Table.IsExtendedShape(Font.GlyphId('A')));
        Assert.Null(Table.Kern(Font.GlyphId('A'), MathKernCorner.TopRight)); // this font has no MathKernInfo
    }

    [Fact]
    public void Vertical_variants_and_assemblies_are_the_fonts()
    {
        var paren = Table.Vertical(Font.GlyphId('(')) ?? throw new InvalidOperationException();
        Assert.Equal(Font.GlyphId('('), paren.Variants[0].GlyphId);
        Assert.Equal([903, 1073, 1279, 1523, 1815, 2169, 2591], paren.Variants.Select(v => v.Advance));
        Assert.Equal(3583, paren.Variants[^1].GlyphId);
        var assembly = paren.Assembly ?? throw new InvalidOperationException();
        Assert.Equal(
            [new GlyphPart(3587, 0, 209, 1295, false), new GlyphPart(3588, 418, 418, 418, true), new GlyphPart(3589, 209, 0, 1295, false)],
            assembly.Parts);
        Assert.Equal(40, Table.MinConnectorOverlap);

        var brace = Table.Vertical(Font.GlyphId('{'))?.Assembly ?? throw new InvalidOperationException();
        Assert.Equal([false, true, false, true, false], brace.Parts.Select(p => p.IsExtender));
        Assert.Equal([4229, 4232], Table.Vertical(Font.GlyphId('∑'))?.Variants.Select(v => v.GlyphId) ?? []);
        Assert.Null(Table.Vertical(Font.GlyphId('A')));
    }

    [Fact]
    public void Horizontal_variants_and_assemblies_are_the_fonts()
    {
        var underbrace = Table.Horizontal(Font.GlyphId(0x23DF)) ?? throw new InvalidOperationException();
        Assert.Equal([553, 1055, 1557, 2059], underbrace.Variants.Take(4).Select(v => v.Advance));
        Assert.Equal([3635, 3636, 3637, 3636, 3638], underbrace.Assembly?.Parts.Select(p => p.GlyphId) ?? []);
        var hat = Table.Horizontal(Font.GlyphId(0x302)) ?? throw new InvalidOperationException();
        Assert.Equal([377, 677, 813, 975], hat.Variants.Take(4).Select(v => v.Advance));
        Assert.Null(hat.Assembly);
    }

    [Fact]
    public void A_cut_in_kern_is_read_as_a_staircase()
    {
        // A minimal MATH table (DejaVu has no MathKernInfo): one glyph (7) with a top-right kern of two steps.
        byte[] table =
        [
            0, 1, 0, 0, 0, 0, 0, 10, 0, 0, // header: version 1.0, no constants, glyph info at 10, no variants
            0, 0, 0, 0, 0, 0, 0, 8, // MathGlyphInfo: only MathKernInfo, at +8
            0, 12, 0, 1, 0, 18, 0, 0, 0, 0, 0, 0, // MathKernInfo: coverage at +12, 1 record: top right at +18
            0, 1, 0, 1, 0, 7, // coverage format 1: glyph 7
            0, 2, 0, 100, 0, 0, 1, 44, 0, 0, // MathKern: 2 heights (100, 300)
            0, 50, 0, 0, 0, 30, 0, 0, 255, 246, 0, 0, // kerns 50, 30, −10
        ];
        var math = Read(table);
        var kern = math.Kern(7, MathKernCorner.TopRight) ?? throw new InvalidOperationException();
        Assert.Equal([50, 30, -10], Heights.Select(h => kern.At(h)));
        Assert.Null(math.Kern(7, MathKernCorner.BottomLeft));
        Assert.Null(math.Kern(8, MathKernCorner.TopRight));
    }

    [Fact]
    public void A_truncated_table_is_a_font_format_error()
    {
        Assert.Throws<FontFormatException>(() => Read([0, 1, 0, 0, 0, 200]));
    }

    private static OpenTypeMathTable Read(byte[] table) =>
        OpenTypeMathTable.Read(table, "test") ?? throw new InvalidOperationException();

    [Theory]
    [InlineData(0x2032, 4048, 4055, 4062)] // minute → minute.st, minute.sts
    [InlineData('A', 36, 611, 612)]
    public void The_script_forms_come_from_the_ssty_alternates_one_per_script_level(int codePoint, int glyph, int script, int scriptScript)
    {
        Assert.Equal(glyph, Font.GlyphId(codePoint));
        Assert.Equal(script, Font.ScriptForms.Variant(glyph, 1));
        Assert.Equal(scriptScript, Font.ScriptForms.Variant(glyph, 2));
        Assert.Equal(glyph, Font.ScriptForms.Variant(glyph, 0));
    }

    [Fact]
    public void A_glyph_without_script_forms_stands_for_itself_and_a_face_without_GSUB_has_none()
    {
        Assert.Equal(4229, Font.ScriptForms.Variant(4229, 1)); // ∑ grows by MATH variants, not by ssty
        var mono = BundledFonts.Set.Font(FontRole.Mono);
        Assert.Equal(mono.GlyphId('A'), mono.ScriptForms.Variant(mono.GlyphId('A'), 1));
    }

    [Fact]
    public void The_prime_drawn_for_a_script_sits_lower_than_the_prime_drawn_for_the_baseline()
    {
        var (_, baseBottom, _, _) = Font.GlyphBounds(4048);
        var (_, scriptBottom, _, _) = Font.GlyphBounds(Font.ScriptForms.Variant(4048, 1));
        Assert.Equal(519, baseBottom);
        Assert.Equal(173, scriptBottom);
    }
}
