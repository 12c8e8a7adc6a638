using GptBook.Layout;
using GptBook.Layout.Text;
using static GptBook.Tests.Text.ComposedText;
using GptBook.Units;
using GptBook.Fonts;

namespace GptBook.Tests.Text;

/// <summary>Exact positions with a fake measurer: Han 10 pt, ASCII 5 pt, space 3 pt at a 10 pt size.</summary>
public class ParagraphComposerTests
{
    private static readonly FixedAdvanceMeasurer Measurer = new();
    private static readonly ParagraphComposer Composer = new(Measurer);
    private static readonly TextStyle Body = new(FontRole.SerifRegular, Length.Pt(10));

    private static IReadOnlyList<ComposedLine> Compose(string text, double measure, Func<ParagraphSettings, ParagraphSettings>? adjust = null)
    {
        var settings = new ParagraphSettings(Length.Pt(measure));
        return Composer.Compose([new StyledText(text, Body)], adjust?.Invoke(settings) ?? settings);
    }

    [Fact]
    public void HanTextFillsLinesOfWholeCharacters()
    {
        var lines = Compose(new string('字', 25), 100);
        Assert.Equal(["字字字字字字字字字字", "字字字字字字字字字字", "字字字字字"], lines.Select(Drawn));
        Assert.All(lines.Take(2), l => Assert.Equal(100, l.Width.Points, 9));
        Assert.Equal(50, lines[2].Width.Points, 9);
        Assert.Equal([false, false, true], lines.Select(l => l.IsLast));
        Assert.Equal(8, lines[0].Ascent.Points, 9);
        Assert.Equal(2, lines[0].Descent.Points, 9);
        var glyphs = Glyphs(lines[1], Measurer);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => i * 10.0), glyphs.Select(g => g.Start));
    }

    [Fact]
    public void ALatinWordPushedDownSharesItsSlackWithTheLineBefore()
    {
        // 17 Han characters, then a word that cannot join them on the second line. First-fit sets 10 + 7 and
        // spreads the 30 pt left on the second line over its 6 gaps (0.5 em each); total fit sets 9 + 8, and no gap
        // takes more than 20 pt / 7.
        var lines = Compose(new string('字', 17) + "abcdefgh字字", 100);
        Assert.Equal([new string('字', 9), new string('字', 8), "abcdefgh字字"], lines.Select(Drawn));
        Assert.All(lines.Take(2), l => Assert.Equal(100, End(l), 6));
        Assert.Equal(10 / 8.0, lines[0].Runs[0].LetterSpacing.Points, 9);
        Assert.Equal(20 / 7.0, lines[1].Runs[0].LetterSpacing.Points, 9);
    }

    [Fact]
    public void FirstLineIndentShortensTheFirstLineOnly()
    {
        var lines = Compose(new string('字', 20), 100, s => s with { FirstLineIndent = Length.Pt(20) });
        Assert.Equal([8, 10, 2], lines.Select(l => Drawn(l).Length));
        Assert.Equal(20, lines[0].Runs[0].X.Points, 9);
        Assert.Equal(0, lines[1].Runs[0].X.Points, 9);
    }

    [Fact]
    public void ALineEndCommaIsTrimmedToHalfWidthSoItFitsInsteadOfStartingTheNextLine()
    {
        // Nine Han (90 pt) and a comma: with its blank half trimmed the comma needs 5 pt, so it stays on line 1.
        var lines = Compose("一二三四五六七八九，十一二", 100);
        Assert.Equal("一二三四五六七八九，", Drawn(lines[0]));
        Assert.Equal(100, End(lines[0]), 9);
        // The 5 pt left over are spread over the nine gaps.
        var glyphs = Glyphs(lines[0], Measurer);
        Assert.Equal(90 + 9 * 5.0 / 9, glyphs[^1].Start, 9);
    }

    [Fact]
    public void ACharacterThatMayNotStartALinePullsThePreviousCharacterAlongWhenNothingCanBeSqueezed()
    {
        var lines = Compose("一二三四五六七八九十。一二", 100);
        Assert.Equal("一二三四五六七八九", Drawn(lines[0]));
        Assert.StartsWith("十。", Drawn(lines[1]));
        Assert.Equal(100, End(lines[0]), 9);
        Assert.Equal(10 / 8.0, lines[0].Runs[0].LetterSpacing.Points, 9);
    }

    [Fact]
    public void PunctuationInsideTheLineIsCompressedBeforeACharacterIsPushedOut()
    {
        // 3 Han, a comma, 6 Han fill 100 pt; the full stop may not start line 2: squeeze the comma by 5 pt instead.
        var lines = Compose("一二三，四五六七八九。十一", 100);
        Assert.Equal("一二三，四五六七八九。", Drawn(lines[0]));
        Assert.Equal(100, End(lines[0]), 9);
        var glyphs = Glyphs(lines[0], Measurer);
        Assert.Equal(35, glyphs[4].Start, 9); // 四 right after the comma's inked half
        Assert.Equal("十一", Drawn(lines[1]));
    }

    [Fact]
    public void TheLastLineDoesNotHoldALoneCharacter()
    {
        var lines = Compose("一二三四五六七八九十一二三四五六七八九十一。", 100);
        Assert.Equal(["一二三四五六七八九十", "一二三四五六七八九", "十一。"], lines.Select(Drawn));
        Assert.Equal(100, End(lines[1]), 9);
        // Two characters on the last line are fine as they are.
        var two = Compose("一二三四五六七八九十一二。", 100);
        Assert.Equal(["一二三四五六七八九十", "一二。"], two.Select(Drawn));
    }

    [Fact]
    public void AnOpeningBracketNeverEndsALine()
    {
        var lines = Compose("一二三四五六七八九（十）一", 100);
        Assert.Equal("一二三四五六七八九", Drawn(lines[0]));
        Assert.Equal("（十）一", Drawn(lines[1]));
    }

    [Fact]
    public void TwoEmDashAndEllipsisAreNeverSplit()
    {
        var dash = Compose("一二三四五六七八九——十", 100);
        Assert.Equal("一二三四五六七八九", Drawn(dash[0]));
        Assert.Equal("——十", Drawn(dash[1]));
        var ellipsis = Compose("一二三四五六七八九……", 100);
        Assert.Equal("一二三四五六七八九", Drawn(ellipsis[0]));
        Assert.Equal("……", Drawn(ellipsis[1]));
    }

    [Fact]
    public void ClosingAndOpeningMarksMeetWithOneBlankHalf()
    {
        var line = Compose("说，“好”", 200, s => s with { Alignment = TextAlignment.Start }).Single();
        var glyphs = Glyphs(line, Measurer);
        Assert.Equal(10, glyphs[1].Start, 9);
        Assert.Equal(15, glyphs[2].Start, 9); // the comma's blank half is gone
    }

    [Fact]
    public void ConsecutiveClosingMarksLoseTheFirstBlankHalf()
    {
        var line = Compose("好。”他（《书》）。", 200, s => s with { Alignment = TextAlignment.Start }).Single();
        var glyphs = Glyphs(line, Measurer);
        // 好 0, 。 10, ” 15 (。 compressed), 他 25, （ 35, 《 40 (its blank left half gone), 书 50, 》 60, ） 65, 。 70.
        Assert.Equal([0.0, 10, 15, 25, 35, 40, 50, 60, 65, 70], glyphs.Select(g => g.Start));
        // The line-end full stop counts half its width.
        Assert.Equal(75, line.Width.Points, 9);
    }

    [Fact]
    public void HyphenatedCompoundsMayBreakAfterTheHyphenButNotModelNames()
    {
        var lines = Compose("一二三四五六七 zero-shot GPT-4", 100);
        Assert.Equal(["一二三四五六七 zero-", "shot GPT-4"], lines.Select(Drawn));
        var names = Compose("一二三四五六七八 GPT-4", 90);
        Assert.Equal(["一二三四五六七八", "GPT-4"], names.Select(Drawn));
    }

    [Fact]
    public void HanLatinSpacingIsAQuarterEmWithOrWithoutASourceSpace()
    {
        var tight = Compose("中AB文", 200).Single();
        var spaced = Compose("中 AB 文", 200).Single();
        var expected = new[] { 0.0, 12.5, 17.5, 25.0 };
        Assert.Equal(expected, Glyphs(tight, Measurer).Select(g => g.Start));
        Assert.Equal(expected, Glyphs(spaced, Measurer).Where(g => g.Char != " ").Select(g => g.Start));
        // The source space is kept for copy-and-paste.
        Assert.Equal("中 AB 文", Copied(spaced));
        Assert.Equal(35, spaced.Width.Points, 9);
    }

    [Fact]
    public void NoExtraSpaceNextToFullWidthPunctuation()
    {
        var line = Compose("（GPT）模型 。", 200).Single();
        Assert.Equal("（GPT）模型。", Drawn(line));
        var glyphs = Glyphs(line, Measurer);
        Assert.Equal(10, glyphs[1].Start, 9);
        Assert.Equal(25, glyphs[4].Start, 9);
    }

    [Fact]
    public void LatinWordsAndNumbersAreNeverSplit()
    {
        var lines = Compose("一二三四五六七八abcdef九2018年", 100);
        Assert.Equal("一二三四五六七八", Drawn(lines[0]));
        Assert.Equal("abcdef九2018年", Drawn(lines[1]));
        Assert.Equal(100, End(lines[0]), 9);
    }

    [Fact]
    public void WordSpacesStretchAndLinesBreakAfterThem()
    {
        var lines = Compose("aaaa bbbb cccc dddd eeee", 70);
        Assert.Equal(["aaaa bbbb cccc", "dddd eeee"], lines.Select(Drawn));
        Assert.Equal(70, End(lines[0]), 9);
        var glyphs = Glyphs(lines[0], Measurer);
        // Three words of 20 pt and two 3 pt spaces make 66 pt; the 4 pt slack goes to the two spaces.
        Assert.Equal(20 + 3 + 2, glyphs.First(g => g.Char == "b").Start, 9);
        Assert.Equal(20 + 3 + 2 + 20 + 3 + 2, glyphs.First(g => g.Char == "c").Start, 9);
    }

    [Fact]
    public void LongUrlBreaksAfterSlashesAndBeforeDotsWithinTheMeasure()
    {
        var url = "https://example.com/" + string.Join("/", Enumerable.Range(0, 30).Select(i => "segment" + i)) + "?query=value&x=1";
        var lines = Compose("见" + url + "。", 100);
        Assert.True(lines.Count > 5);
        Assert.All(lines, l => Assert.True(End(l) <= 100 + 1e-9, $"line '{Drawn(l)}' ends at {End(l)}"));
        Assert.Equal("见" + url + "。", Copied(lines));
        // After a slash or a hyphen, before a dot, ?, &, =, # or _ (nothing added, no hyphen).
        for (var i = 0; i < lines.Count - 1; i++)
            Assert.True("/-见".Contains(Drawn(lines[i])[^1]) || "._?&=#".Contains(Drawn(lines[i + 1])[0]), $"{Drawn(lines[i])} | {Drawn(lines[i + 1])}");
    }

    [Fact]
    public void AWordWithoutBreakPointsBreaksAnywhereRatherThanRunPastTheMeasure()
    {
        var word = new string('x', 50);
        var lines = Compose(word, 100);
        Assert.Equal([20, 20, 10], lines.Select(l => Drawn(l).Length));
        Assert.All(lines, l => Assert.True(End(l) <= 100 + 1e-9));
    }

    [Fact]
    public void HardLineBreaksEndUnjustifiedLines()
    {
        var lines = Compose("一二\n三四五\n\n六", 100);
        Assert.Equal(["一二", "三四五", "", "六"], lines.Select(Drawn));
        Assert.Equal(20, lines[0].Width.Points, 9);
        Assert.Equal([false, false, false, true], lines.Select(l => l.IsLast));
        Assert.Equal(8, lines[2].Ascent.Points, 9);
    }

    [Fact]
    public void CenteredAndStartAlignedLinesAreNotStretched()
    {
        var centered = Compose("一二三", 100, s => s with { Alignment = TextAlignment.Center }).Single();
        Assert.Equal(35, centered.Runs[0].X.Points, 9);
        Assert.Equal(65, centered.Width.Points, 9);
        var start = Compose(new string('字', 15), 95, s => s with { Alignment = TextAlignment.Start });
        Assert.Equal(0, start[0].Runs[0].LetterSpacing.Points);
        Assert.Equal(90, start[0].Width.Points, 9);
    }

    [Fact]
    public void CodeWrapsAnywhereWithAContinuationMarkOutsideTheSourceText()
    {
        var code = "for(int_i=0;i<10;i++){total+=values[i];}";
        var settings = ParagraphSettings.Code(Length.Pt(100));
        var lines = Composer.Compose([new StyledText(code, new TextStyle(FontRole.Mono, Length.Pt(10)))], settings);
        // 100 pt less a 10 pt mark leaves 18 characters of 5 pt per wrapped line.
        Assert.Equal([18, 18, 4], lines.Select(l => Copied(l).Length));
        Assert.Equal(code, Copied(lines));
        foreach (var line in lines.SkipLast(1))
        {
            var mark = line.Runs[^1];
            Assert.Equal("\u23CE", mark.Text);
            Assert.Equal("", mark.SourceText);
            Assert.Equal(90, mark.X.Points, 9);
            Assert.Equal(100, End(line), 9);
        }
        Assert.DoesNotContain(lines[^1].Runs, r => r.SourceText == "");
        Assert.Equal("for(int_i=0;i<10;i", Drawn(lines[0])[..^1]);
    }

    [Fact]
    public void CodeKeepsEverySpace()
    {
        var lines = Composer.Compose([new StyledText("a  b   中 c", new TextStyle(FontRole.Mono, Length.Pt(10)))], ParagraphSettings.Code(Length.Pt(200)));
        var glyphs = Glyphs(lines.Single(), Measurer);
        Assert.Equal("a  b   中 c", Drawn(lines.Single()));
        Assert.Equal([0.0, 5, 8, 11, 16, 19, 22, 25, 35, 38], glyphs.Select(g => g.Start));
    }

    [Fact]
    public void CodeExpandsTabsToTabStops()
    {
        var lines = Composer.Compose([new StyledText("a\tb", new TextStyle(FontRole.Mono, Length.Pt(10)))], ParagraphSettings.Code(Length.Pt(200)));
        Assert.Equal("a   b", Drawn(lines.Single()));
    }

    [Fact]
    public void RunsSplitWhereTheStyleChanges()
    {
        var bold = Body with { Font = FontRole.SerifBold };
        var link = Body with { LinkTarget = "https://openai.com" };
        var lines = Composer.Compose([new StyledText("一二", Body), new StyledText("三四", bold), new StyledText("五", link)],
            new ParagraphSettings(Length.Pt(200)));
        var runs = lines.Single().Runs;
        Assert.Equal(["一二", "三四", "五"], runs.Select(r => r.Text));
        Assert.Equal([FontRole.SerifRegular, FontRole.SerifBold, FontRole.SerifRegular], runs.Select(r => r.Style.Font));
        Assert.Equal("https://openai.com", runs[2].Style.LinkTarget);
        Assert.Equal([0.0, 20, 40], runs.Select(r => r.X.Points));
    }

    [Fact]
    public void AFootnoteReferenceStaysWithItsWordAndGetsNoHanLatinSpacing()
    {
        var note = Body with { Size = Length.Pt(6), Superscript = true };
        var lines = Composer.Compose([new StyledText("一二三四五六七八九十", Body), new StyledText("12", note), new StyledText("一二", Body)],
            new ParagraphSettings(Length.Pt(100)));
        // The reference may not start line 2, so 十 goes down with it.
        Assert.Equal(["一二三四五六七八九", "十12一二"], lines.Select(Drawn));
        var glyphs = Glyphs(lines[1], Measurer);
        Assert.Equal([0.0, 10, 13, 16, 26], glyphs.Select(g => g.Start));
    }

    [Fact]
    public void AnApostropheInsideALatinWordIsPartOfTheWord()
    {
        var measurer = new FixedAdvanceMeasurer();
        var line = Composer.Compose([new StyledText("OpenAI’s 模型", Body)], new ParagraphSettings(Length.Pt(200))).Single();
        var glyphs = Glyphs(line, measurer);
        // ’ between letters is set in the Latin partner face (proportional there; the fake gives every face 1 em), so
        // it is not compressed: s follows a whole advance after it.
        Assert.Equal(FontRole.SerifRegularLatin, line.Runs.Single(r => r.Text.Contains('’', StringComparison.Ordinal)).Style.Font);
        Assert.Equal(30, glyphs[6].Start, 9);
        Assert.Equal(40, glyphs[7].Start, 9);
        var lines = Compose("一二三四五六七八OpenAI’s", 100);
        Assert.Equal("OpenAI’s", Drawn(lines[^1]));
    }

    [Fact]
    public void ACharacterNoFaceHasIsSetOneEmWideInARunOfItsOwn()
    {
        var lines = new ParagraphComposer(new MissingGlyphMeasurer()).Compose([new StyledText("一☃二", Body)], new ParagraphSettings(Length.Pt(200)));
        Assert.Equal(["一", "☃", "二"], lines.Single().Runs.Select(r => r.Text));
        Assert.Equal([0.0, 10, 20], lines.Single().Runs.Select(r => r.X.Points));
    }

    private sealed class MissingGlyphMeasurer : ITextMeasurer
    {
        public double Advance(FontRole font, int codePoint) => codePoint == '☃' ? 0 : 1;
        public bool HasGlyph(FontRole font, int codePoint) => codePoint != '☃';
        public double Ascent(FontRole font) => 0.8;
        public double Descent(FontRole font) => 0.2;
    }

    [Fact]
    public void EmptyInputGivesNoLines()
    {
        Assert.Empty(Composer.Compose([], new ParagraphSettings(Length.Pt(100))));
        Assert.Empty(Compose("", 100));
        Assert.Empty(Compose("   ", 100));
        Assert.Empty(Compose("  \n  \n", 100));
        Assert.Single(Compose("一\n", 100));
    }

    [Fact]
    public void AMeasureNarrowerThanOneCharacterStillMakesProgress()
    {
        var lines = Compose("一二三", 5);
        Assert.Equal(["一", "二", "三"], lines.Select(Drawn));
    }
}
