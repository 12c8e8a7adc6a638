using GptBook.Model;
using GptBook.Transforms;
using ModelText = GptBook.Model.Text;

namespace GptBook.Tests.Transforms;

/// <summary>The rewriter rebuilds only what a transform changes: the rest of the book stays the same objects.</summary>
public class ModelRewriterTests
{
    /// <summary>Turns every text "甲" into "乙" and drops every anchor.</summary>
    private sealed class Replacing : ModelRewriter
    {
        protected override IReadOnlyList<Inline> RewriteInline(Inline inline) => inline switch
        {
            ModelText { Value: "甲" } t => [t with { Value = "乙" }],
            InlineAnchor => [],
            _ => [inline],
        };
    }

    private static readonly SourceSpan At = new("c.md", 1, 1);

    [Fact]
    public void Untouched_blocks_lists_and_chapters_are_kept_and_a_changed_paragraph_is_rebuilt_with_its_texts_joined()
    {
        var untouched = new Paragraph([new ModelText("不变", At), new Emphasis([new ModelText("强调", At)], At)], At);
        var quote = new BlockQuote([new Paragraph([new ModelText("引文", At)], At)], At);
        var changed = new Paragraph([new ModelText("前", At), new InlineAnchor("a", At), new ModelText("甲", At), new Strong([new ModelText("甲", At)], At)], At);
        var calm = new Chapter("c1", "c1.md", [untouched, quote], []);
        var busy = new Chapter("c2", "c2.md", [untouched, changed], []);
        var book = new Book(new BookMetadata("t", "t", null, "zh-CN", [], new DateOnly(2026, 1, 1), null, []), [calm, busy]);

        var rewritten = new Replacing().Rewrite(book);

        Assert.Same(calm, rewritten.Chapters[0]);
        var second = rewritten.Chapters[1];
        Assert.Same(untouched, second.Blocks[0]);
        var paragraph = Assert.IsType<Paragraph>(second.Blocks[1]);
        Assert.NotSame(changed, paragraph);
        // The anchor gone, "前" and "乙" meet and are one text; the strong's text is rewritten inside it.
        Assert.Equal(2, paragraph.Content.Count);
        Assert.Equal("前乙", Assert.IsType<ModelText>(paragraph.Content[0]).Value);
        Assert.Equal("乙", Assert.IsType<ModelText>(Assert.Single(Assert.IsType<Strong>(paragraph.Content[1]).Content)).Value);
    }

    [Fact]
    public void Texts_side_by_side_in_the_source_are_joined_even_when_nothing_else_changes()
    {
        var split = new Paragraph([new ModelText("一", At), new ModelText("二", At)], At);
        var book = new Book(new BookMetadata("t", "t", null, "zh-CN", [], new DateOnly(2026, 1, 1), null, []),
            [new Chapter("c", "c.md", [split], [])]);

        var paragraph = Assert.IsType<Paragraph>(new Replacing().Rewrite(book).Chapters[0].Blocks[0]);

        Assert.Equal("一二", Assert.IsType<ModelText>(Assert.Single(paragraph.Content)).Value);
    }
}
