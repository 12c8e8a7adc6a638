using GptBook.Fonts;
using GptBook.Tests.Support;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;

namespace GptBook.Tests.Fonts;

/// <summary>
/// ZWJ emoji sequences, flags, keycaps and skin-tone sequences: the bundled monochrome emoji face has a ligature
/// glyph for each (GSUB ccmp), and the PDF draws that one glyph, keeping the whole sequence in its text layer.
/// </summary>
public class EmojiSequenceTests
{
    private static readonly string[] Sequences = ["🧑‍💻", "👨‍👩‍👧", "🇨🇳", "1️⃣", "👍🏽"];

    private static readonly TrueTypeFont Emoji = BundledFonts.Set.Font(FontRole.Emoji);

    [Fact]
    public void The_emoji_face_draws_each_sequence_as_one_glyph_of_its_own()
    {
        var text = "程序员 " + string.Join("、", Sequences) + "，火箭 🚀。";
        var found = EmojiSequences.Find(text, Emoji);
        Assert.Equal(Sequences, found.Select(s => text.Substring(s.Start, s.Length)));
        foreach (var (sequence, hit) in Sequences.Zip(found))
        {
            var parts = sequence.EnumerateRunes().Select(r => Emoji.GlyphId(r.Value)).ToArray();
            if (sequence == "👍🏽")
                Assert.Equal(parts[0], hit.Glyph); // a monochrome face has no skin tones: its ligature is the thumb itself
            else
                Assert.DoesNotContain(hit.Glyph, parts); // one glyph that is none of the parts
        }
    }

    [Fact]
    public void A_sequence_the_face_has_no_glyph_for_is_left_to_its_parts()
    {
        // Two emoji joined where Unicode defines no sequence, and a lone regional indicator.
        Assert.Empty(EmojiSequences.Find("🚀\u200D🧠 与 🇨", Emoji));
        Assert.Empty(EmojiSequences.Find("普通文字 GPT-4 与 𠮷", Emoji));
    }

    [SkippableFact]
    public void The_pdf_draws_one_glyph_per_sequence_and_its_text_layer_keeps_the_sequence()
    {
        using var book = new TempBookDirectory();
        var paragraph = "程序员 " + string.Join("、", Sequences) + "。";
        // Pages enough for running heads, which show the section's title with its sequence.
        var filler = string.Concat(Enumerable.Range(1, 40).Select(i => $"第 {i} 段：这是一段用来把书撑到好几页的文字，好在页眉里看见小节的标题。\n\n"));
        book.Write("chapter.md", $"# 表情 🧑‍💻\n\n{paragraph}\n\n## 小节 👨‍👩‍👧\n\n{filler}");
        var (path, diagnostics) = OneChapterPdf.Write(book, "表情");
        Assert.DoesNotContain(diagnostics.Items, d => d.Code == "GB0303");

        using (var pdf = PdfDocument.Open(path))
        {
            var page = pdf.GetPages().Single(p => p.Letters.Any(l => l.Value == "程"));
            var visible = page.Letters.Where(l => l.RenderingMode != TextRenderingMode.Neither).Select(l => l.Value).ToHashSet();
            // No part of a sequence is drawn as a glyph of its own, in the text or in a running head.
            Assert.True(pdf.GetPages().Count(p => p.Letters.Any(l => l.Value == "👨")) >= 3, "no running head shows the section");
            visible.UnionWith(pdf.GetPages().SelectMany(p => p.Letters).Where(l => l.RenderingMode != TextRenderingMode.Neither).Select(l => l.Value));
            foreach (var part in new[] { "🧑", "💻", "👨", "👩", "👧", "🇨", "🇳", "\u20E3", "👍", "🏽", "\u200D" })
                Assert.DoesNotContain(part, visible);
            // Each sequence starts with its invisible text, over a filled outline drawn at the same place.
            var filled = page.Paths.Where(p => p.IsFilled).Select(p => p.GetBoundingRectangle()).OfType<PdfRectangle>().ToArray();
            var line = page.Letters.First(l => l.Value == "程").StartBaseLine.Y;
            foreach (var first in new[] { "🧑", "👨", "🇨", "1", "👍" })
            {
                var letter = Assert.Single(page.Letters, l => l.RenderingMode == TextRenderingMode.Neither && l.Value == first && Math.Abs(l.StartBaseLine.Y - line) < 1);
                var x = letter.StartBaseLine.X;
                Assert.Contains(filled, r => r.Left >= x - 1 && r.Left <= x + letter.PointSize / 2 && r.Bottom <= letter.StartBaseLine.Y + letter.PointSize);
            }
        }

        // Copying and search: the sequences as written, in one line with the text around them.
        ExternalTool.Require("pdftotext");
        var text = ExternalTool.Run("pdftotext", ["-enc", "UTF-8", path, "-"]).StdOut;
        Assert.Contains(paragraph, text);
        Assert.Contains("表情 🧑‍💻", text);
    }

    [Fact]
    public void A_pdf_table_column_of_emoji_sequences_is_sized_for_the_one_glyph_each_is_drawn_as()
    {
        using var book = new TempBookDirectory();
        book.Write("chapter.md", "# 表格\n\n| 图 | 名称 |\n|---|---|\n| 👨‍👩‍👧 | 家庭 |\n| 🧑‍💻 | 程序员 |\n| 🇨🇳 | 国旗 |\n| 1️⃣ | 键帽 |\n");
        var (path, diagnostics) = OneChapterPdf.Write(book, "表格");
        Assert.DoesNotContain(diagnostics.Items, d => d.Code == "GB0303");
        using var pdf = PdfDocument.Open(path);
        var page = pdf.GetPages().Single(p => p.Letters.Any(l => l.Value == "家"));
        var header = Assert.Single(page.Letters, l => l.Value == "图");
        var size = page.Letters.First(l => l.Value == "家").PointSize;
        // The second column starts where every name starts; the first column's content, where its header does.
        var names = new[] { "家", "程", "国", "键" }.Select(n => page.Letters.First(l => l.Value == n)).ToArray();
        var second = names[0].StartBaseLine.X;
        Assert.All(names, n => Assert.Equal(second, n.StartBaseLine.X, 0.01));
        // What each sequence is drawn as: the emoji face's one glyph, its text written invisibly over it at its width.
        var drawn = names.Select(n => page.Letters.Where(l => l.RenderingMode == TextRenderingMode.Neither && Math.Abs(l.StartBaseLine.Y - n.StartBaseLine.Y) < 0.5).ToArray())
            .Select(ls => ls.Max(l => l.EndBaseLine.X) - ls.Min(l => l.StartBaseLine.X)).ToArray();
        Assert.All(drawn, w => Assert.InRange(w, 0.8 * size, 1.6 * size));
        // The first column is as wide as its widest content and the cell padding on both sides (half the cell text's size each).
        var widest = Math.Max(header.EndBaseLine.X - header.StartBaseLine.X, drawn.Max());
        Assert.Equal(widest + size, second - header.StartBaseLine.X, 0.3);
    }
}
