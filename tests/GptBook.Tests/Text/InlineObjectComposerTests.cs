using GptBook.Fonts;
using GptBook.Layout.Text;
using GptBook.Units;
using static GptBook.Tests.Text.ComposedText;

namespace GptBook.Tests.Text;

/// <summary>
/// Inline objects in the composer, with the fake measurer (Han 10 pt, ASCII 5 pt, space 3 pt at 10 pt): set like
/// a character of their width, counted in the line's height, broken around only where they allow it.
/// </summary>
public class InlineObjectComposerTests
{
    private static readonly ParagraphComposer Composer = new(new FixedAdvanceMeasurer());
    private static readonly TextStyle Body = new(FontRole.SerifRegular, Length.Pt(10));

    /// <summary>A box for the composer only: it is never drawn here.</summary>
    private sealed record Box(double W, double Up = 8, double Down = 2, string Label = "■")
        : InlineObject(Length.Pt(W), Length.Pt(Up), Length.Pt(Down), Label);

    private static IReadOnlyList<ComposedLine> Compose(double measure, params object[] parts) =>
        Composer.Compose(Paragraph(parts), new ParagraphSettings(Length.Pt(measure)));

    private static List<StyledText> Paragraph(object[] parts) =>
        parts.Select(p => p is InlineObject o ? StyledText.For(o, Body) : new StyledText((string)p, Body)).ToList();

    /// <summary>Each run as its text, an object as its label in brackets.</summary>
    private static string Shown(ComposedLine line) => string.Concat(line.Runs.Select(r => r.Object != null ? "[" + r.Object.Text + "]" : r.Text));

    private static PositionedRun ObjectRun(ComposedLine line, string label) => line.Runs.Single(r => r.Object?.Text == label);

    [Fact]
    public void AnObjectIsSetLikeACharacterOfItsWidthInARunOfItsOwn()
    {
        var line = Compose(200, "字字", new Box(15, Label: "A"), "字").Single();
        Assert.Equal("字字[A]字", Shown(line));
        var box = ObjectRun(line, "A");
        Assert.Equal(20, box.X.Points, 9);
        Assert.Equal(15, box.Width.Points, 9);
        Assert.Equal("", box.Text);
        Assert.Equal(35, line.Runs[^1].X.Points, 9);
        Assert.Equal(45, line.Width.Points, 9);
        Assert.Equal("字字A字", Copied(line));
    }

    [Fact]
    public void ATallObjectMakesItsLineTallerAndADeepOneDeeper()
    {
        var lines = Compose(60, "字字字字", new Box(10, Up: 30, Down: 1), "字字字字字字", new Box(10, Up: 5, Down: 7));
        Assert.Equal(2, lines.Count);
        Assert.Equal(30, lines[0].Ascent.Points, 9);
        Assert.Equal(2, lines[0].Descent.Points, 9);
        Assert.Equal(8, lines[1].Ascent.Points, 9);
        Assert.Equal(7, lines[1].Descent.Points, 9);
    }

    [Fact]
    public void TheStrutIsTheTextsExtentOrTheSurroundingFontsForALineOfObjectsOnly()
    {
        var mixed = Compose(200, "字", new Box(10, Up: 30, Down: 0)).Single();
        Assert.Equal(30, mixed.Ascent.Points, 9);
        Assert.Equal(8, mixed.StrutAscent.Points, 9);
        Assert.Equal(2, mixed.StrutDescent.Points, 9);

        var alone = Compose(100, new Box(20, Up: 12, Down: 0)).Single();
        Assert.Equal(12, alone.Ascent.Points, 9);
        Assert.Equal(2, alone.Descent.Points, 9);
        Assert.Equal(8, alone.StrutAscent.Points, 9);
    }

    [Fact]
    public void ObjectsThatForbidABreakBetweenThemMoveToTheNextLineTogether()
    {
        // Seven Han (70 pt), then a + b (a glued to b), then c: a + b do not fit after the Han, and may not be split.
        var a = new Box(20, Label: "a") { BreakAfter = false };
        var b = new Box(20, Label: "b");
        var c = new Box(20, Label: "c");
        var lines = Compose(100, "一二三四五六七", a, b, c);
        Assert.Equal(["一二三四五六七", "[a][b][c]"], lines.Select(Shown));

        // Allowed, a stays on the first line.
        var free = Compose(100, "一二三四五六七", a with { BreakAfter = true }, b, c);
        Assert.Equal(["一二三四五六七[a]", "[b][c]"], free.Select(Shown));
    }

    [Fact]
    public void AnObjectThatForbidsABreakBeforeItStaysWithWhatPrecedesIt()
    {
        var glued = new Box(20, Label: "x") { BreakBefore = false };
        var lines = Compose(100, "一二三四五六七八九", glued, "十");
        Assert.Equal(["一二三四五六七八", "九[x]十"], lines.Select(Shown));
    }

    [Fact]
    public void TheNeighboursOwnRulesStillApply()
    {
        // A comma may not start a line, an opening bracket may not end one, whatever the object allows.
        var lines = Compose(100, "一二三四五六七八", new Box(20, Label: "x"), "，九");
        Assert.DoesNotContain(lines, l => Shown(l).StartsWith('，'));
        Assert.Contains(lines, l => Shown(l).Contains("[x]，", StringComparison.Ordinal));
        var open = Compose(100, "一二三四五六七八九（", new Box(20, Label: "y"), "）");
        Assert.DoesNotContain(open, l => Shown(l).EndsWith('（'));
    }

    [Fact]
    public void GapsInsideAGluedGroupTakeNoJustificationSpace()
    {
        // a and b (28 pt each) are bound together; the line holding them is spread at its Han gaps only.
        var a = new Box(28, Label: "a") { BreakAfter = false };
        var b = new Box(28, Label: "b");
        var lines = Compose(100, "一二三四", a, b, "五六七八九十一二三四五");
        var first = lines.First(l => l.Runs.Any(r => r.Object != null));
        Assert.False(first.IsLast);
        var ra = ObjectRun(first, "a");
        var rb = ObjectRun(first, "b");
        Assert.Equal(ra.X.Points + 28, rb.X.Points, 9);
        Assert.Equal(100, End(first), 6);
    }

    [Fact]
    public void AnObjectSpacedFromHanGetsTheHanLatinSpacingAndAnImageDoesNot()
    {
        var formula = Compose(200, "字", new Box(10, Label: "f") { SpacedFromHan = true }, "字").Single();
        Assert.Equal(12.5, ObjectRun(formula, "f").X.Points, 9);
        Assert.Equal(25, formula.Runs[^1].X.Points, 9);
        // A source space between Han and the formula becomes the same quarter em.
        var spaced = Compose(200, "字 ", new Box(10, Label: "f") { SpacedFromHan = true }, " 字").Single();
        Assert.Equal(12.5, ObjectRun(spaced, "f").X.Points, 9);

        var picture = Compose(200, "字", new Box(10, Label: "p"), "字").Single();
        Assert.Equal(10, ObjectRun(picture, "p").X.Points, 9);
    }

    [Fact]
    public void WordSpacesAroundAnObjectBehaveAsAroundAWord()
    {
        var lines = Compose(60, "aaaa ", new Box(20, Label: "x"), " bbbb cccc");
        Assert.Equal(["aaaa [x]", "bbbb cccc"], lines.Select(Shown));
        Assert.Equal(60, End(lines[0]), 6);
    }

    [Fact]
    public void AnObjectWiderThanTheMeasureGetsALineOfItsOwn()
    {
        var lines = Compose(100, "一二三", new Box(150, Label: "w"), "四五");
        Assert.Equal(["一二三", "[w]", "四五"], lines.Select(Shown));
        Assert.Equal(0, ObjectRun(lines[1], "w").X.Points, 9);
    }

    [Fact]
    public void AGluedGroupWiderThanTheMeasureIsNotSplitEvenAsALastResort()
    {
        var a = new Box(60, Label: "a") { BreakAfter = false };
        var b = new Box(60, Label: "b");
        var lines = Compose(100, "一", a, b, "二");
        Assert.Contains(lines, l => Shown(l).Contains("[a][b]", StringComparison.Ordinal));
    }

    [Fact]
    public void ARandomMixOfTextAndObjectsKeepsEverythingAndBreaksOnlyWhereAllowed()
    {
        var random = new Random(11);
        string[] words = ["模型", "的", "，", "。", "（", "）", "GPT-4", "data", " ", "训练"];
        for (var round = 0; round < 300; round++)
        {
            var parts = new List<object>();
            for (var n = random.Next(1, 40); n > 0; n--)
            {
                if (random.Next(3) == 0)
                    parts.Add(new Box(random.Next(5, 60), random.Next(0, 30), random.Next(0, 10), "o" + parts.Count)
                    {
                        BreakBefore = random.Next(3) > 0, BreakAfter = random.Next(3) > 0, SpacedFromHan = random.Next(2) == 0,
                    });
                else parts.Add(words[random.Next(words.Length)]);
            }
            var measure = 40 + random.Next(0, 250);
            var lines = Compose(measure, parts.ToArray());
            var context = $"round {round}, measure {measure}: " + string.Join("|", parts.Select(p => p is Box b ? $"<{b.Label} {b.W} {(b.BreakBefore ? "" : "!B")}{(b.BreakAfter ? "" : "!A")}>" : (string)p))
                + " => " + string.Join(" / ", lines.Select(Shown));

            var objects = parts.OfType<Box>().ToList();
            var set = lines.SelectMany(l => l.Runs).Where(r => r.Object != null).Select(r => r.Object!).ToList();
            Assert.Equal(objects, set);
            for (var i = 0; i + 1 < lines.Count; i++)
            {
                var last = lines[i].Runs[^1];
                var next = lines[i + 1].Runs[0];
                if (last.Object is { BreakAfter: false }) Assert.Fail($"a line breaks after {last.Object.Text}, which forbids it; {context}");
                if (next.Object is { BreakBefore: false } && lines[i].Runs.Count > 0)
                    Assert.Fail($"a line breaks before {next.Object.Text}, which forbids it; {context}");
            }
            foreach (var line in lines)
            {
                var height = line.Runs.Where(r => r.Object != null).Select(r => r.Object!.Ascent.Points).DefaultIfEmpty(0).Max();
                Assert.True(line.Ascent.Points >= height - 1e-9, context);
            }
        }
    }
}
