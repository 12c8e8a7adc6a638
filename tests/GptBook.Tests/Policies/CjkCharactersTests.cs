using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Normalization;
using GptBook.Policies;
using GptBook.Tests.Support;

namespace GptBook.Tests.Policies;

/// <summary>One set of Han ranges for every stage: rare characters from the extension blocks count everywhere.</summary>
public class CjkCharactersTests
{
    [Theory]
    [InlineData(0x4E2D, "中, unified ideographs")]
    [InlineData(0x3400, "㐀, extension A")]
    [InlineData(0x20BB7, "𠮷, extension B")]
    [InlineData(0x2A700, "extension C")]
    [InlineData(0x2B740, "extension D")]
    [InlineData(0x2B820, "extension E")]
    [InlineData(0x2CEB0, "extension F")]
    [InlineData(0x30000, "extension G")]
    [InlineData(0x31350, "extension H")]
    [InlineData(0x2EBF0, "extension I")]
    [InlineData(0xF900, "compatibility ideographs")]
    [InlineData(0x2F800, "compatibility supplement")]
    [InlineData(0x3007, "〇")]
    [InlineData(0x3005, "々")]
    public void Every_block_of_han_ideographs_is_han(int codePoint, string what)
    {
        Assert.True(CjkCharacters.IsHanIdeograph(codePoint), what);
        Assert.True(CjkCharacters.IsCjkLetter(codePoint), what);
        Assert.False(CjkCharacters.IsCjkPunctuation(codePoint), what);
    }

    [Theory]
    [InlineData('A')]
    [InlineData('あ')]
    [InlineData('한')]
    [InlineData('，')]
    [InlineData('。')]
    [InlineData('“')]
    [InlineData(0x2E80)] // a radical, not an ideograph
    public void Kana_hangul_latin_and_punctuation_are_not_han(int codePoint) =>
        Assert.False(CjkCharacters.IsHanIdeograph(codePoint));

    [Fact]
    public void Full_width_punctuation_is_cjk_punctuation_and_shared_marks_are_not()
    {
        Assert.All("，。、：；！？「」《》（）", c => Assert.True(CjkCharacters.IsCjkPunctuation(c), c.ToString()));
        Assert.All("“”‘’—…·", c => Assert.True(CjkCharacters.IsSharedPunctuation(c) && !CjkCharacters.IsCjkPunctuation(c), c.ToString()));
        Assert.False(CjkCharacters.IsCjkPunctuation('Ａ'));
    }

    /// <summary>The stages that used to keep their own ranges now agree on a character from extension B.</summary>
    [Fact]
    public void A_soft_break_between_extension_b_characters_vanishes_and_the_language_sniff_sees_them()
    {
        Assert.Equal("", SoftBreakRule.Replacement("𠮷", "𠮷"));
        Assert.Equal("", SoftBreakRule.Replacement("𪚥", "。"));
        Assert.Equal(" ", SoftBreakRule.Replacement("한", "국"));

        using var dir = new TempBookDirectory();
        var file = dir.Write("book/notes.md", "# 𠮷𪚥\n\n𠮷𠮷𠮷\n");
        var options = BookOptionsReader.Read(file, new DiagnosticBag());
        Assert.Equal("zh-CN", options!.Metadata.Language);
    }
}
