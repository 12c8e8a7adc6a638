using GptBook.Layout.Text;

namespace GptBook.Tests.Text;

/// <summary>Liang's algorithm with TeX's US English patterns, checked against TeX's own hyphenations.</summary>
public sealed class HyphenatorTests
{
    private static string Hyphenate(string word)
    {
        var points = Hyphenator.UsEnglish.Points(word);
        var parts = new List<string>();
        var from = 0;
        foreach (var k in points) { parts.Add(word[from..k]); from = k; }
        parts.Add(word[from..]);
        return string.Join("-", parts);
    }

    [Fact]
    public void The_bundled_files_load_all_their_patterns_and_exceptions()
    {
        Assert.Equal(4447, Hyphenator.UsEnglish.PatternCount);
        Assert.True(Hyphenator.UsEnglish.ExceptionCount > 400, $"{Hyphenator.UsEnglish.ExceptionCount} exceptions");
    }

    [Theory]
    // TeX's results with \lefthyphenmin=2, \righthyphenmin=3 (so no "com-put-er": "er" is too short).
    [InlineData("computer", "com-puter")]
    [InlineData("algorithm", "al-go-rithm")]
    [InlineData("typesetting", "type-set-ting")]
    [InlineData("transformer", "trans-former")]
    [InlineData("representation", "rep-re-sen-ta-tion")]
    [InlineData("Unsupervised", "Un-su-per-vised")]
    // Exceptions: Knuth's list in hyphen.tex and TUGboat's in ushyphex.tex.
    [InlineData("associate", "as-so-ciate")]
    [InlineData("project", "project")]
    [InlineData("table", "ta-ble")]
    [InlineData("hyphenation", "hy-phen-a-tion")]
    [InlineData("academy", "acad-emy")]
    public void Words_hyphenate_as_tex_does(string word, string expected) => Assert.Equal(expected, Hyphenate(word));

    [Theory]
    [InlineData("GPT-3")]
    [InlineData("x86")]
    [InlineData("naïve")]
    [InlineData("cat")]
    [InlineData("")]
    public void Words_that_are_not_all_ascii_letters_or_too_short_are_left_whole(string word) => Assert.Empty(Hyphenator.UsEnglish.Points(word));

    [Fact]
    public void At_least_two_letters_stay_before_a_hyphen_and_three_after()
    {
        foreach (var word in new[] { "understanding", "pretraining", "reinforcement", "evaluation", "unsupervised", "parameters" })
            Assert.All(Hyphenator.UsEnglish.Points(word), k => Assert.InRange(k, 2, word.Length - 3));
    }
}
