using GptBook.Fonts;
using GptBook.Layout.Text;
using GptBook.Units;
using GptBook.Tests.Fonts;
using static GptBook.Tests.Text.ComposedText;

namespace GptBook.Tests.Text;

/// <summary>
/// The cases that spread Chinese lines loose (issue 12), set with the bundled fonts at the A5 measure (30 em) and
/// at a narrow one: a long Latin word, a URL, inline code, a number with its unit before closing marks, an English
/// passage. No space between Han characters may pass the cap; words are hyphenated rather than spread; nothing is
/// letter-spaced; the text copied is the source.
/// </summary>
public sealed class LooseLineTests
{
    private const double Size = 10.5;
    private static readonly ITextMeasurer Measurer = BundledFonts.Measurer;
    private static readonly ParagraphComposer Composer = new(Measurer);
    private static readonly TextStyle Body = new(FontRole.SerifRegular, Length.Pt(Size));
    private static readonly TextStyle Code = new(FontRole.Mono, Length.Pt(Size * 0.9));

    private static IReadOnlyList<ComposedLine> Compose(IReadOnlyList<StyledText> text, double ems) =>
        Composer.Compose(text, ParagraphSettings.Body(Length.Pt(ems * Size), Length.Pt(2 * Size)));

    private const string LongWords = "研究者们在讨论 antidisestablishmentarianism 这样的词时，往往会顺便提到 pneumonoultramicroscopicsilicovolcanoconiosis，它有 45 个字母，是英语词典里最长的单词之一，排版时不应当把整行撑开。";
    private const string Url = "网址在正文中出现时应当在斜杠之后或点号之前断行，例如 https://github.com/huggingface/transformers/blob/main/src/transformers/models/llama/modeling_llama.py 这样一个很长的地址，不加连字符。";

    public static TheoryData<string, double> Cases => new()
    {
        { "研究者们在讨论 antidisestablishmentarianism 这样的词时，往往会顺便提到 pneumonoultramicroscopicsilicovolcanoconiosis，它有 45 个字母，是英语词典里最长的单词之一，排版时不应当把整行撑开。", 30 },
        { "研究者们在讨论 antidisestablishmentarianism 这样的词时，往往会顺便提到 pneumonoultramicroscopicsilicovolcanoconiosis，它有 45 个字母，是英语词典里最长的单词之一，排版时不应当把整行撑开。", 17 },
        { "网址在正文中出现时应当在斜杠之后或点号之前断行，例如 https://github.com/huggingface/transformers/blob/main/src/transformers/models/llama/modeling_llama.py 这样一个很长的地址，不加连字符。", 30 },
        { "网址在正文中出现时应当在斜杠之后或点号之前断行，例如 https://github.com/huggingface/transformers/blob/main/src/transformers/models/llama/modeling_llama.py 这样一个很长的地址，不加连字符。", 21 },
        { "在 2023 年的一次评测中，某模型在 MMLU 上得分 70.4%，在改写后的版本上只有 61.2%，差距达到 9.2 个百分点，位居后 10％），这提示它可能见过原题，训练数据里混入了测试集。", 28 },
        { "OpenAI’s report says the model “exhibits human-level performance” on various professional and academic benchmarks, and it doesn’t claim more than that; words like internationalization and incomprehensibility should be hyphenated rather than spread across the line.", 30 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Han_spacing_stays_within_the_cap_and_nothing_is_letter_spaced(string text, double ems)
    {
        var lines = Compose([new StyledText(text, Body)], ems);
        foreach (var line in lines.SkipLast(1))
        {
            Assert.True(End(line) <= ems * Size + 0.01, $"{Drawn(line)} runs past the measure");
            foreach (var run in line.Runs)
            {
                // A run of Han and CJK marks may be spread to the cap; a run of Latin letters never.
                if (run.Text.Length >= 2 && run.Text.All(c => c >= 0x3000))
                    Assert.True(run.LetterSpacing.Points / Size <= ParagraphItems.CharacterStretchCap + 1e-9, $"{run.Text}: {run.LetterSpacing.Points / Size:F3} em");
                if (run.Text.Count(char.IsAsciiLetter) >= 2 && !run.Text.Contains(' '))
                    Assert.Equal(0, run.LetterSpacing.Points, 6);
            }
        }
        Assert.Equal(text.Replace(" ", ""), Copied(lines).Replace(" ", ""));
    }

    [Fact]
    public void A_long_word_is_hyphenated_where_the_patterns_allow_and_the_hyphen_is_not_copied()
    {
        var text = LongWords;
        var lines = Compose([new StyledText(text, Body)], 17);
        var hyphenated = lines.Where(l => Drawn(l).EndsWith('-')).ToList();
        Assert.NotEmpty(hyphenated);
        Assert.All(hyphenated, l => Assert.False(Copied(l).EndsWith('-')));
        Assert.Contains(lines, l => Drawn(l).Contains("anti", StringComparison.Ordinal));
    }

    [Fact]
    public void A_url_breaks_after_a_slash_or_before_a_dot_with_no_hyphen()
    {
        var text = Url;
        var lines = Compose([new StyledText(text, Body)], 21);
        var inside = lines.Zip(lines.Skip(1)).Where(p => Drawn(p.First).Contains("github", StringComparison.Ordinal) || Drawn(p.First).Contains('/')).ToList();
        Assert.NotEmpty(inside);
        foreach (var (line, next) in lines.Zip(lines.Skip(1)))
        {
            var a = Drawn(line);
            var b = Drawn(next);
            if (!char.IsAsciiLetterOrDigit(a[^1]) && a[^1] is not '/' and not '.' and not '_') continue;
            if (b[0] >= 0x2E80) continue;
            Assert.True(a[^1] == '/' || b[0] is '.' or '_', $"{a} | {b}");
            Assert.False(a.EndsWith('-'), a);
        }
    }

    [Fact]
    public void Inline_code_breaks_at_dots_underscores_and_camel_case_instead_of_spreading_the_line()
    {
        var text = new List<StyledText>
        {
            new("在代码里，标识符通常使用驼峰命名或下划线命名，比如 ", Body),
            new("AutoModelForCausalLM.from_pretrained", Code),
            new(" 和 ", Body),
            new("torch.nn.functional.scaled_dot_product_attention", Code),
            new("，它们在正文中出现时不应该把整行撑得稀疏。", Body),
        };
        var lines = Compose(text, 21);
        foreach (var line in lines.SkipLast(1))
            foreach (var run in line.Runs.Where(r => r.Text.All(c => c >= 0x3000) && r.Text.Length >= 2))
                Assert.True(run.LetterSpacing.Points / Size <= ParagraphItems.CharacterStretchCap + 1e-9, $"{Drawn(line)}");
        Assert.All(lines.SelectMany(l => l.Runs).Where(r => r.Style.Font == FontRole.Mono), r => Assert.Equal(0, r.LetterSpacing.Points, 6));
        Assert.True(lines.Count(l => l.Runs.Any(r => r.Style.Font == FontRole.Mono)) >= 3, "the identifiers were not broken");
    }

    [Theory]
    [InlineData("位居后 10％），", "10％），")]
    [InlineData("需要 100 GB 的显存", "100 GB")]
    [InlineData("GPT-3 的参数量", "GPT-3")]
    public void Numbers_stay_with_their_units_and_model_names_are_not_split(string phrase, string whole)
    {
        // At every measure from 8 to 16 em, the phrase is never split inside what must stay whole.
        for (var ems = 8.0; ems <= 16; ems += 0.25)
        {
            var lines = Compose([new StyledText("这一句话的前面有一些文字，" + phrase + "后面还有一些文字。", Body)], ems);
            Assert.Contains(lines, l => Copied(l).Contains(whole, StringComparison.Ordinal));
        }
    }
}
