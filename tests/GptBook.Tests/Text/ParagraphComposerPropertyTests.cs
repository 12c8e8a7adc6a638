using System.Text;
using GptBook.Layout;
using GptBook.Layout.Text;
using static GptBook.Tests.Text.ComposedText;
using GptBook.Units;
using GptBook.Fonts;

namespace GptBook.Tests.Text;

/// <summary>
/// Random paragraphs of Han, Latin words, numbers, punctuation, spaces, hard breaks and URLs at random measures
/// (seeded, so every run checks the same cases): nothing is lost, nothing crosses the measure, and the output is
/// the same every time.
/// </summary>
public class ParagraphComposerPropertyTests
{
    private static readonly string[] Pieces =
    [
        "模型", "数据", "的", "训练", "，", "。", "、", "：", "；", "！", "？", "“", "”", "（", "）", "《", "》", "——", "……",
        "GPT-4", "OpenAI", "zero-shot", "2018", "1.17", "BERT", " ", " ", "  ", "\n", "https://example.com/a/b?c=d&e=f_g",
        "Transformer", "50%", "·", "’", "supercalifragilisticexpialidocious",
    ];

    [Fact]
    public void RandomParagraphsKeepTheirTextAndStayWithinTheMeasure()
    {
        var random = new Random(7);
        var measurer = new FixedAdvanceMeasurer();
        var composer = new ParagraphComposer(measurer);
        for (var round = 0; round < 400; round++)
        {
            var builder = new StringBuilder();
            for (var n = random.Next(1, 60); n > 0; n--) builder.Append(Pieces[random.Next(Pieces.Length)]);
            var text = builder.ToString();
            var measure = 30 + random.Next(0, 300);
            var settings = random.Next(4) switch
            {
                0 => ParagraphSettings.Code(Length.Pt(measure)),
                1 => new ParagraphSettings(Length.Pt(measure)) { Alignment = TextAlignment.Center },
                _ => ParagraphSettings.Body(Length.Pt(measure), Length.Pt(20)),
            };
            var lines = composer.Compose([new StyledText(text, new TextStyle(FontRole.SerifRegular, Length.Pt(10)))], settings);
            var context = $"round {round}, measure {measure}, code {settings.CodeWrap}: {text}";

            if (settings.CodeWrap)
                Assert.Equal(text.Replace("\n", ""), Copied(lines));
            else
                Assert.Equal(Strip(text), Strip(Copied(lines)));
            Assert.Equal(Copied(lines), Copied(composer.Compose([new StyledText(text, new TextStyle(FontRole.SerifRegular, Length.Pt(10)))], settings)));
            if (lines.Count > 0) Assert.True(lines[^1].IsLast, context);
            Assert.All(lines.SkipLast(1), l => Assert.False(l.IsLast, context));
            foreach (var line in lines)
            {
                // Half an em of a trimmed line-end mark may pass the measure; nothing else may.
                Assert.True(End(line) <= measure + 1e-6, $"{Drawn(line)} ends at {End(line)}; {context}");
                foreach (var glyph in Glyphs(line, measurer))
                    Assert.True(glyph.End <= measure + 5 + 1e-6 && glyph.Start >= -1e-6, $"'{glyph.Char}' at {glyph.Start}..{glyph.End}; {context}");
            }
        }
    }

    private static string Strip(string s) => new(s.Where(c => !char.IsWhiteSpace(c)).ToArray());
}
