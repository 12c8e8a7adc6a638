using GptBook.Fonts;
using GptBook.Layout.Text;
using GptBook.Tests.Fonts;
using GptBook.Units;
using static GptBook.Tests.Text.ComposedText;

namespace GptBook.Tests.Text;

/// <summary>
/// Glyphs chosen by script (issue 12): quotes, apostrophes, dashes and ellipses in Latin text are set in the CJK
/// face's Latin partner and are proportional; in Han context they stay the CJK face's full-width marks. Set with
/// the bundled fonts, read back from the composed runs.
/// </summary>
public sealed class ScriptPunctuationTests
{
    private const double Size = 10.5;
    private static readonly ITextMeasurer Measurer = BundledFonts.Measurer;
    private static readonly ParagraphComposer Composer = new(Measurer);

    /// <summary>Each drawn character of <paramref name="text"/> with the face that draws it and its advance in em.</summary>
    private static List<(char Char, FontRole Face, double Em)> Set(string text, FontRole font = FontRole.SerifRegular)
    {
        var lines = Composer.Compose([new StyledText(text, new TextStyle(font, Length.Pt(Size)))],
            ParagraphSettings.Body(Length.Pt(300 * Size), Length.Pt(0)));
        return lines.SelectMany(l => l.Runs).SelectMany(r => r.Text.Select(c => (c, r.Style.Font, Measurer.Advance(r.Style.Font, c)))).ToList();
    }

    private static (FontRole Face, double Em) Mark(List<(char Char, FontRole Face, double Em)> set, char mark, int occurrence = 0)
    {
        var found = set.Where(g => g.Char == mark).ElementAt(occurrence);
        return (found.Face, found.Em);
    }

    [Fact]
    public void In_an_english_passage_quotes_apostrophes_dashes_and_ellipses_are_latin_and_proportional()
    {
        var set = Set("OpenAI’s report says the model “exhibits human-level performance” — a phrase quoted widely — and it doesn’t claim more…");
        foreach (var mark in "’“”—…")
        {
            var (face, em) = Mark(set, mark);
            Assert.Equal(FontRole.SerifRegularLatin, face);
            Assert.True(em < 0.95, $"{mark} is {em:F2} em wide");
        }
        Assert.True(Mark(set, '’').Em < 0.4);
        Assert.Equal(FontRole.SerifRegularLatin, Mark(set, '’', 1).Face);
        // The letters keep the requested face.
        Assert.All(set.Where(g => char.IsAsciiLetter(g.Char)), g => Assert.Equal(FontRole.SerifRegular, g.Face));
    }

    [Fact]
    public void In_han_context_quotes_stay_full_width_but_the_apostrophe_in_a_latin_word_does_not()
    {
        var set = Set("常见的问题有：引号用错（“OpenAI’s”里的撇号是英文撇号），他说：“Hello world.”然后离开。“GPT-4”是模型。");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal((FontRole.SerifRegular, 1.0), (Mark(set, '“', i).Face, Math.Round(Mark(set, '“', i).Em, 2)));
            Assert.Equal((FontRole.SerifRegular, 1.0), (Mark(set, '”', i).Face, Math.Round(Mark(set, '”', i).Em, 2)));
        }
        Assert.Equal(FontRole.SerifRegularLatin, Mark(set, '’').Face);
    }

    [Theory]
    [InlineData("这是破折号——它在中文里占两个字宽。", '—')]
    [InlineData("图 1　GPT 系列模型的发布时间线，2018—2023 年", '—')]
    [InlineData("他沉默了……然后说 GPT……", '…')]
    public void Chinese_dashes_ellipses_and_ranges_stay_full_width(string text, char mark)
    {
        var set = Set(text);
        Assert.All(set.Where(g => g.Char == mark), g => Assert.Equal(FontRole.SerifRegular, g.Face));
    }

    [Theory]
    [InlineData(FontRole.SerifBold, FontRole.SerifBoldLatin)]
    [InlineData(FontRole.SansBold, FontRole.SansBoldLatin)]
    public void Bold_and_heading_faces_have_latin_partners_of_their_own(FontRole font, FontRole partner)
    {
        var set = Set("OpenAI’s new language generator is shockingly good—and completely mindless", font);
        Assert.Equal(partner, Mark(set, '’').Face);
        Assert.Equal(partner, Mark(set, '—').Face);
    }

    [Fact]
    public void A_paragraph_that_is_one_english_quotation_sets_its_quotes_in_latin()
    {
        var set = Set("“To be, or not to be, that is the question.”");
        Assert.Equal(FontRole.SerifRegularLatin, Mark(set, '“').Face);
        Assert.Equal(FontRole.SerifRegularLatin, Mark(set, '”').Face);
    }

    [Fact]
    public void Code_keeps_its_own_quotes()
    {
        var set = Set("print(“it’s”)", FontRole.Mono);
        Assert.All(set, g => Assert.Equal(FontRole.Mono, g.Face));
    }
}
