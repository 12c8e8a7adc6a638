using System.Text.RegularExpressions;
using GptBook.Layout;
using GptBook.Layout.Text;
using GptBook.Tests.Fonts;
using GptBook.Tests.Support;
using static GptBook.Tests.Text.ComposedText;
using GptBook.Units;
using GptBook.Fonts;

namespace GptBook.Tests.Text;

/// <summary>
/// Line breaking of the real article with the real fonts, checked against the rules of docs/typesetting.md with the
/// character lists written out here (not taken from the implementation).
/// </summary>
public partial class ArticleLineBreakingTests
{
    private const double Size = 10.5;
    private const double Tolerance = 0.01;
    private const string NoStart = "、，。．：；！？”’」』）］｝〕〗】》〉～·・／,.;:!?)]}%";
    private const string NoEnd = "“‘「『（［｛〔〖【《〈([{";

    private static readonly ITextMeasurer Measurer = BundledFonts.Measurer;
    private static readonly ParagraphComposer Composer = new(Measurer);
    private static readonly TextStyle Body = new(FontRole.SerifRegular, Length.Pt(Size));

    /// <summary>The article's prose paragraphs and list items, with Markdown emphasis and link syntax removed.</summary>
    public static IEnumerable<string> ArticleParagraphs()
    {
        var markdown = File.ReadAllLines(Path.Combine(RepositoryPaths.Content, "gpt1-to-gpt4.md"));
        foreach (var raw in markdown)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or '!' or '>' or '|') continue;
            line = ListMarker().Replace(line, "");
            line = Link().Replace(line, "$1").Replace("**", "");
            if (line.Length > 0) yield return line;
        }
    }

    /// <summary>Sentences in the article's style with the marks it lacks: dashes, ellipses, book titles, brackets, quotes.</summary>
    private static readonly string[] Extra =
    [
        "GPT-4 的能力让人惊讶——它不仅能写代码，还能看懂图片……但它仍然会犯错。《自然》杂志在评论中写道：“模型的规模（参数量）并不等于智能。”研究者们在论文（见附录）里给出了更多例子——包括数学、编程和法律考试……",
        "在 2020 年，OpenAI 发布了 GPT-3（1750 亿个参数）；在 2022 年，ChatGPT 上线——短短两个月，用户数就超过了一亿。“这是一个转折点！”有人说；也有人问：“然后呢？”",
    ];

    /// <summary>317.48 pt is the book's own measure (A5 less 20 mm inner and 16 mm outer margins).</summary>
    public static TheoryData<double> Measures => [250, 297.64, 311.8, 317.48, 340.2];

    private static IReadOnlyList<ComposedLine> Compose(string text, double measure) =>
        Composer.Compose([new StyledText(text, Body)], ParagraphSettings.Body(Length.Pt(measure), Length.Pt(2 * Size)));

    [Theory]
    [MemberData(nameof(Measures))]
    public void EveryArticleParagraphIsSetByTheRules(double measure)
    {
        var paragraphs = ArticleParagraphs().Concat(Extra).ToList();
        Assert.True(paragraphs.Count > 20);
        foreach (var paragraph in paragraphs)
            AssertSetByTheRules(paragraph, Compose(paragraph, measure), measure);
    }

    [Fact]
    public void ParagraphsWithDashesAndEllipsesKeepEachPairOnOneLine()
    {
        // Measures from 10 to 31 em in quarter-em steps put the pairs at every position of a line.
        for (var measure = 10 * Size; measure <= 31 * Size; measure += Size / 4)
            foreach (var paragraph in Extra)
                AssertSetByTheRules(paragraph, Compose(paragraph, measure), measure);
    }

    private static void AssertSetByTheRules(string paragraph, IReadOnlyList<ComposedLine> lines, double measure)
    {
        Assert.NotEmpty(lines);
        Assert.True(lines[^1].IsLast);
        var context = $"measure {measure}: {paragraph[..Math.Min(30, paragraph.Length)]}";
        for (var i = 0; i < lines.Count; i++)
        {
            var text = Drawn(lines[i]);
            Assert.False(string.IsNullOrEmpty(text), context);
            if (i > 0)
            {
                var pairStart = text.StartsWith("——", StringComparison.Ordinal) || text.StartsWith("……", StringComparison.Ordinal);
                Assert.False(NoStart.Contains(text[0]) || (text[0] is '—' or '…' && !pairStart), $"line starts with '{text[0]}': {text} ({context})");
            }
            if (i < lines.Count - 1)
            {
                var next = Drawn(lines[i + 1]);
                Assert.False(NoEnd.Contains(text[^1]), $"line ends with '{text[^1]}': {text} ({context})");
                Assert.False(text[^1] is '—' or '…' && next[0] == text[^1] && !text.EndsWith(new string(text[^1], 2), StringComparison.Ordinal),
                    $"pair split: {text} | {next} ({context})");
                Assert.False(char.IsAsciiLetterOrDigit(text[^1]) && char.IsAsciiLetterOrDigit(next[0]), $"word split: {text} | {next} ({context})");
                // Justified: the line reaches the measure exactly; only a line with no gap to widen (a piece of a URL,
                // one word) is left short rather than letter-spaced.
                var ragged = !text.Any(c => c == ' ' || c >= 0x2E80);
                Assert.True(Math.Abs(End(lines[i]) - measure) <= Tolerance || ragged && End(lines[i]) < measure, $"line not justified: {text} ({context})");
                Assert.True(Math.Abs(lines[i].Width.Points - measure) <= Tolerance || ragged, $"line not justified: {text} ({context})");
            }
            var glyphs = Glyphs(lines[i], Measurer);
            Assert.True(glyphs[0].Start >= -Tolerance, context);
            for (var g = 0; g < glyphs.Count; g++)
            {
                // Only a line-end closing mark may put its blank half past the measure.
                var allowed = g == glyphs.Count - 1 && NoStart.Contains(glyphs[g].Char[0]) && glyphs[g].End - glyphs[g].Start > Size * 0.9 ? Size / 2 : 0;
                Assert.True(glyphs[g].End <= measure + allowed + Tolerance, $"'{glyphs[g].Char}' ends at {glyphs[g].End} in {text} ({context})");
                if (g > 0) Assert.True(glyphs[g].Start >= glyphs[g - 1].End - Size / 2 - Tolerance, $"overlap at '{glyphs[g].Char}' in {text}");
            }
        }
        // The last line is not stretched: it ends where its text ends, short of the measure.
        Assert.True(End(lines[^1]) <= measure + Tolerance);
        // Nothing is lost or invented: the copied text is the paragraph, apart from spaces the rules removed.
        Assert.Equal(Regex.Replace(paragraph, @"\s", ""), Regex.Replace(Copied(lines), @"\s", ""));
    }

    [Theory]
    [MemberData(nameof(Measures))]
    public void NoParagraphEndsWithALoneCharacter(double measure)
    {
        foreach (var paragraph in ArticleParagraphs())
        {
            var lines = Compose(paragraph, measure);
            var last = Drawn(lines[^1]);
            Assert.True(last.Count(c => !NoStart.Contains(c)) > 1, $"'{last}' ends '{paragraph[..20]}' at measure {measure}");
        }
    }

    /// <summary>
    /// The widest extra space justification puts between two characters of a Han run, in em, over every line but
    /// the last of every article paragraph.
    /// </summary>
    private static double WorstHanSpacing(double measure) =>
        ArticleParagraphs().Select(p => Compose(p, measure)).SelectMany(lines => lines.Take(lines.Count - 1))
            // Runs of Han and CJK punctuation only: a two-character run such as "年3" carries the Han–Latin quarter em.
            .SelectMany(l => l.Runs).Where(r => r.Text.Length >= 2 && r.Text.All(c => c >= 0x3000))
            .Select(r => r.LetterSpacing.Points / Size).DefaultIfEmpty(0).Max();

    /// <summary>
    /// The widest spacing allowed per measure. First-fit gave 0.236, 0.311, 0.408, 0.446 and 0.134 em at these
    /// measures; total fit spreading every gap alike 0.110, 0.311, 0.258, 0.069 and 0.134; in clreq's order (the
    /// Han–Latin glue and word spaces first, Han spacing last and capped, hyphens and compound names such as
    /// Books-Corpus as further breaks) 0.110, 0.090, 0.076, 0.045 and 0.134.
    /// </summary>
    public static TheoryData<double, double> SpacingLimits => new()
    {
        { 250, 0.12 }, { 297.64, 0.10 }, { 311.8, 0.08 }, { 317.48, 0.05 }, { 340.2, 0.14 },
    };

    [Theory]
    [MemberData(nameof(SpacingLimits))]
    public void TotalFitKeepsHanSpacingEven(double measure, double limit)
    {
        // First-fit spread a line by up to 0.45 em between characters when a Latin word went down; total fit lets
        // the lines before give and take characters instead.
        var worst = WorstHanSpacing(measure);
        Assert.True(worst <= limit, $"worst extra Han spacing {worst:F3} em at measure {measure}");
    }

    [Fact]
    public void TheLastLineIsNotJustified()
    {
        static bool IsHanRun(PositionedRun r) => r.Text.Count(c => c >= 0x4E00 && c <= 0x9FFF) >= 2;
        var lines = ArticleParagraphs().Select(p => Compose(p, 297.64)).First(l => l.Count >= 2 && l[^1].Runs.Any(IsHanRun));
        var last = lines[^1];
        Assert.True(last.Width.Points < 297.64 - Size, $"last line width {last.Width}");
        var hanRuns = last.Runs.Where(IsHanRun).ToList();
        Assert.NotEmpty(hanRuns);
        Assert.All(hanRuns, r => Assert.Equal(0, r.LetterSpacing.Points));
        // The lines above it are stretched between Han characters, not only at spaces.
        Assert.Contains(lines[0].Runs, r => r.LetterSpacing.Points > 0 && r.Text.Any(c => c >= 0x4E00 && c <= 0x9FFF));
    }

    [Fact]
    public void HanLatinGapIsTheSameWithAndWithoutSourceSpaces()
    {
        double Gap(string text, char left, char right)
        {
            var line = Composer.Compose([new StyledText(text, Body)], new ParagraphSettings(Length.Pt(1000))).Single();
            var glyphs = Glyphs(line, Measurer).Where(g => g.Char != " ").ToList();
            var i = glyphs.FindIndex(g => g.Char == left.ToString());
            Assert.Equal(right.ToString(), glyphs[i + 1].Char);
            return glyphs[i + 1].Start - glyphs[i].End;
        }

        var quarter = Size / 4;
        Assert.Equal(quarter, Gap("GPT-4 是OpenAI设计的", 'I', '设'), 6);
        Assert.Equal(quarter, Gap("GPT-4 是OpenAI设计的", '4', '是'), 6);
        Assert.Equal(quarter, Gap("GPT-1 于 2018 年由 OpenAI 推出", '1', '于'), 6);
        Assert.Equal(quarter, Gap("GPT-1 于 2018 年由 OpenAI 推出", '于', '2'), 6);
        Assert.Equal(quarter, Gap("GPT-1 于 2018 年由 OpenAI 推出", '8', '年'), 6);
        Assert.Equal(quarter, Gap("GPT-1 于 2018 年由 OpenAI 推出", '由', 'O'), 6);
        // Next to full-width punctuation there is no extra space.
        Assert.Equal(0, Gap("模型（GPT-1）使用", '（', 'G'), 6);
    }

    [Fact]
    public void ALongUrlWrapsWithinTheMeasure()
    {
        var url = "https://www.example.com/research/papers/" + string.Concat(Enumerable.Range(0, 12).Select(i => $"section-{i}/chapter_{i}.html?lang=zh-CN&page={i}"));
        Assert.True(url.Length >= 200);
        var paragraph = "原文见 " + url + " 。";
        foreach (var measure in new[] { 200.0, 297.64 })
        {
            var lines = Compose(paragraph, measure);
            Assert.True(lines.Count >= 3);
            foreach (var line in lines)
                Assert.All(Glyphs(line, Measurer), g => Assert.True(g.End <= measure + Size / 2 + Tolerance, $"'{g.Char}' at {g.End}"));
            // A line cut from inside the URL has no gap to widen: it is left short rather than letter-spaced.
            foreach (var line in lines.SkipLast(1))
                Assert.True(Math.Abs(End(line) - measure) <= Tolerance || !Drawn(line).Any(c => c == ' ' || c >= 0x2E80) && End(line) <= measure,
                    $"{Drawn(line)} ends at {End(line)}");
            Assert.Equal(Regex.Replace(paragraph, @"\s", ""), Regex.Replace(Copied(lines), @"\s", ""));
        }
    }

    [Fact]
    public void CodeWrapsWithAMarkDrawnFromTheFallbackFace()
    {
        var code = "    response = openai.ChatCompletion.create(model=\"gpt-4\", messages=[{\"role\": \"user\", \"content\": \"你好，请介绍一下 GPT-4\"}])";
        var style = new TextStyle(FontRole.Mono, Length.Pt(9));
        var lines = Composer.Compose([new StyledText(code, style)], ParagraphSettings.Code(Length.Pt(250)));
        Assert.True(lines.Count >= 3);
        Assert.Equal(code, Copied(lines));
        foreach (var line in lines)
            Assert.All(Glyphs(line, Measurer), g => Assert.True(g.End <= 250 + Tolerance, $"'{g.Char}' at {g.End}"));
        foreach (var line in lines.SkipLast(1))
        {
            var mark = line.Runs[^1];
            Assert.Equal("\u23CE", mark.Text);
            Assert.Equal(FontRole.SerifRegular, mark.Style.Font);
            Assert.True(Measurer.HasGlyph(mark.Style.Font, 0x23CE));
        }
        // Han in code is drawn (and measured) with the serif; the rest with the monospace.
        var runs = lines.SelectMany(l => l.Runs).Where(r => r.SourceText.Length > 0).ToList();
        Assert.All(runs.Where(r => r.Text.Any(c => c >= 0x4E00 && c <= 0x9FFF)), r => Assert.Equal(FontRole.SerifRegular, r.Style.Font));
        Assert.All(runs.Where(r => r.Text.All(char.IsAscii)), r => Assert.Equal(FontRole.Mono, r.Style.Font));
        Assert.StartsWith("    response", Drawn(lines[0]));
    }

    [Fact]
    public void ComposingTwiceGivesTheSameLines()
    {
        string Dump(IReadOnlyList<ComposedLine> lines) => string.Join("\n", lines.Select(l =>
            string.Join("|", l.Runs.Select(r => $"{r.Text}@{r.X.Points:R}+{r.Width.Points:R}/{r.LetterSpacing.Points:R}"))));
        foreach (var paragraph in ArticleParagraphs().Take(8))
            Assert.Equal(Dump(Compose(paragraph, 297.64)), Dump(Compose(paragraph, 297.64)));
    }

    [GeneratedRegex(@"^\d+\.\s+|^[-*]\s+")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();
}
