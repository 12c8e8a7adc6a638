using GptBook.Fonts;
using GptBook.Layout.Text;

namespace GptBook.Tests.Fonts;

public class TrueTypeFontTests
{
    private static TrueTypeFont Serif => BundledFonts.Set.Font(FontRole.SerifRegular);
    private static TrueTypeFont Mono => BundledFonts.Set.Font(FontRole.Mono);

    [Theory]
    [InlineData(FontRole.SerifRegular, 1000)]
    [InlineData(FontRole.SerifBold, 1000)]
    [InlineData(FontRole.SansBold, 1000)]
    [InlineData(FontRole.Mono, 1000)]
    public void UnitsPerEmComesFromTheHeadTable(FontRole role, int expected) =>
        Assert.Equal(expected, BundledFonts.Set.Font(role).UnitsPerEm);

    [Theory]
    [InlineData(FontRole.SerifRegular)]
    [InlineData(FontRole.SerifBold)]
    [InlineData(FontRole.SansBold)]
    public void HanCharactersAreOneEmWide(FontRole role)
    {
        foreach (var c in "从到的模型语言数据")
            Assert.Equal(1.0, BundledFonts.Set.Font(role).AdvanceEm(c), 6);
    }

    [Fact]
    public void FullWidthPunctuationIsOneEmInTheSerif()
    {
        foreach (var c in "，。、：；！？（）《》“”")
            Assert.Equal(1.0, Serif.AdvanceEm(c), 6);
    }

    [Fact]
    public void MonospaceAdvancesAreAllEqual()
    {
        var width = Mono.AdvanceEm('M');
        Assert.InRange(width, 0.5, 0.7);
        foreach (var c in "il.WMm0_ {}()=>;/\\")
            Assert.Equal(width, Mono.AdvanceEm(c), 9);
    }

    [Fact]
    public void ProportionalLatinInTheSerifHasDifferentAdvances()
    {
        Assert.True(Serif.AdvanceEm('i') < Serif.AdvanceEm('m'));
        Assert.True(Serif.AdvanceEm(' ') > 0);
    }

    [Fact]
    public void CmapCoversTheArticleInTheBodyFace()
    {
        Assert.True(Serif.MappedCodePointCount > 30000, $"only {Serif.MappedCodePointCount} code points mapped");
        Assert.Equal(Serif.MappedCodePointCount, Serif.CodePoints().Count());
        Assert.Equal(Enumerable.Range(0x20, 0x5F), Mono.CodePoints().Where(c => c is >= 0x20 and < 0x7F));
        Assert.True(Mono.HasGlyph('a'));
        Assert.False(Mono.HasGlyph('模'));
        var article = File.ReadAllText(Path.Combine(GptBook.Tests.Support.RepositoryPaths.Content, "gpt1-to-gpt4.md"));
        var missing = article.EnumerateRunes().Where(r => r.Value >= 0x20 && !Serif.HasGlyph(r.Value)).Select(r => r.ToString()).Distinct().ToArray();
        Assert.Empty(missing);
    }

    [Fact]
    public void MissingCharactersMapToNotdef()
    {
        Assert.Equal(0, Mono.GlyphId(0x6A21));
        Assert.Equal(0.0, Mono.AdvanceEm(0x6A21));
        Assert.Equal(0, Serif.GlyphId(0x10FFFF));
    }

    [Fact]
    public void VerticalMetricsAreTheIdeographicEmBox()
    {
        Assert.Equal(0.88, BundledFonts.Measurer.Ascent(FontRole.SerifRegular), 3);
        Assert.Equal(0.12, BundledFonts.Measurer.Descent(FontRole.SerifRegular), 3);
        Assert.True(BundledFonts.Measurer.Ascent(FontRole.Mono) > 0.7);
    }

    [Fact]
    public void AGarbageFileIsAFormatErrorNotACrash()
    {
        var ex = Assert.Throws<FontFormatException>(() => TrueTypeFont.Parse(new byte[64], "zeros.ttf"));
        Assert.Contains("zeros.ttf", ex.Message);
        var truncated = BundledFonts.Set.FileBytes(FontRole.Mono)[..200];
        Assert.Throws<FontFormatException>(() => TrueTypeFont.Parse(truncated, "cut.ttf"));
    }
}
