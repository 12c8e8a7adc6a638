using GptBook.Fonts;
using GptBook.Layout.Text;
using GptBook.Tests.Fonts;
using GptBook.Units;
using static GptBook.Tests.Text.ComposedText;

namespace GptBook.Tests.Text;

/// <summary>
/// A full-width closing mark that ends a line hangs its blank half past the measure, never its ink: after a
/// compressed bracket (），) the comma's ink must still end inside the measure (issue 12: it protruded 5 pt).
/// Set with the bundled fonts at every measure from 16 to 34 em, so that each pair meets a line end somewhere.
/// </summary>
public sealed class LineEndPunctuationTests
{
    private const double Size = 10.5;
    private static readonly ITextMeasurer Measurer = BundledFonts.Measurer;
    private static readonly ParagraphComposer Composer = new(Measurer);
    private static readonly TextStyle Body = new(FontRole.SerifRegular, Length.Pt(Size));

    private const string Text =
        "模型的规模（参数量），数据的质量（清洗之后），以及训练的时长（以 GPU 小时计），三者共同决定了效果。" +
        "评测结果（见表 2）。在改写后的版本上（MMLU-Redux），差距达到 9.2 个百分点（位居后 10％），" +
        "这提示它可能见过原题（“数据污染”），训练数据里混入了测试集（《报告》第 3 节），需要重新清洗。";

    public static TheoryData<int> Measures => [.. Enumerable.Range(16, 19)];

    [Theory]
    [MemberData(nameof(Measures))]
    public void A_closing_mark_at_a_line_end_keeps_its_ink_inside_the_measure(int ems)
    {
        var measure = ems * Size;
        var lines = Composer.Compose([new StyledText(Text, Body)], ParagraphSettings.Body(Length.Pt(measure), Length.Pt(2 * Size)));
        foreach (var line in lines)
        {
            var glyphs = Glyphs(line, Measurer);
            var (c, start, end) = glyphs[^1];
            // The SC faces draw ，。、）》” with the ink in the left half of the em.
            var inkEnd = "，。、）》”；：".Contains(c, StringComparison.Ordinal) ? start + Size / 2 : end;
            Assert.True(inkEnd <= measure + 0.01, $"{ems} em: '{Drawn(line)}' puts ink {inkEnd - measure:F2} pt past the measure");
            // And no glyph before it starts past the measure either.
            Assert.All(glyphs, g => Assert.True(g.Start <= measure + 0.01, $"{ems} em: '{g.Char}' of '{Drawn(line)}' starts past the measure"));
        }
    }
}
