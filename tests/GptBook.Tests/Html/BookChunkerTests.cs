using GptBook.Html;
using GptBook.Model;
using static GptBook.Tests.Html.SampleBooks;

namespace GptBook.Tests.Html;

public class BookChunkerTests
{
    [Fact]
    public void Splits_at_headings_up_to_the_split_level()
    {
        var chunked = BookChunker.Split(EveryBlock(), splitLevel: 2);

        Assert.Equal(["示例书", "第一节", "第二节"], chunked.Chunks.Select(c => c.Title));
        Assert.Equal(["sample-book", "section-1", "section-2"], chunked.Chunks.Select(c => c.Heading!.Id));
        Assert.Contains(chunked.Chunks[1].Blocks, b => b is Heading { Id: "section-1-1" });
        Assert.Equal(EveryBlock().Chapters[0].Blocks.Count, chunked.Chunks.Sum(c => c.Blocks.Count));
    }

    [Fact]
    public void Split_level_one_keeps_the_chapter_whole_and_level_three_splits_further()
    {
        Assert.Single(BookChunker.Split(EveryBlock(), splitLevel: 1).Chunks);
        Assert.Equal(4, BookChunker.Split(EveryBlock(), splitLevel: 3).Chunks.Count);
    }

    [Fact]
    public void Names_are_numbered_slugged_valid_ids_and_stable()
    {
        var first = BookChunker.Split(EveryBlock(), 2);
        var second = BookChunker.Split(EveryBlock(), 2, ".html");

        Assert.Equal(["ch001-sample-book", "ch002-section-1", "ch003-section-2"], first.Chunks.Select(c => c.Name));
        Assert.Equal(first.Chunks.Select(c => c.Name), second.Chunks.Select(c => c.Name));
        Assert.Equal("ch002-section-1.xhtml", first.Chunks[1].FileName);
        Assert.Equal("ch002-section-1.html", second.Chunks[1].FileName);
    }

    [Fact]
    public void Chinese_heading_ids_give_a_numbered_name_with_only_the_ascii_part()
    {
        var book = Book([H(1, "从 GPT1 到 GPT4", "从-gpt1-到-gpt4"), H(2, "发展历程", "发展历程")]);
        var chunked = BookChunker.Split(book, 2);
        Assert.Equal(["ch001-gpt1-gpt4", "ch002"], chunked.Chunks.Select(c => c.Name));
    }

    [Fact]
    public void Text_before_the_first_heading_gets_its_own_chunk_named_after_the_chapter()
    {
        var book = Book([P(T("前言")), H(1, "标题", "title")]);
        var chunked = BookChunker.Split(book, 2);
        Assert.Equal(["ch001-sample", "ch002-title"], chunked.Chunks.Select(c => c.Name));
        Assert.Null(chunked.Chunks[0].Heading);
    }

    [Fact]
    public void Maps_every_heading_figure_and_footnote_id_to_its_chunk()
    {
        var chunked = BookChunker.Split(EveryBlock(), 2);
        var (c1, c2, c3) = (chunked.Chunks[0], chunked.Chunks[1], chunked.Chunks[2]);

        Assert.Same(c1, chunked.ChunkOf("sample-book"));
        Assert.Same(c2, chunked.ChunkOf("fig-1"));
        Assert.Same(c2, chunked.ChunkOf("section-1-1"));
        Assert.Same(c3, chunked.ChunkOf("fig-2"));
        // A note lives in the chunk of its first reference.
        Assert.Same(c1, chunked.ChunkOf("fn-1"));
        Assert.Same(c3, chunked.ChunkOf("fn-2"));
        Assert.Equal(["fn-1"], c1.Footnotes.Select(f => f.Id));
        Assert.Equal(["fn-2"], c3.Footnotes.Select(f => f.Id));
        Assert.Null(chunked.ChunkOf("nowhere"));
    }

    [Fact]
    public void Internal_links_resolve_across_chunks_after_chunking()
    {
        var chunked = BookChunker.Split(EveryBlock(), 2);
        var (c1, c2, c3) = (chunked.Chunks[0], chunked.Chunks[1], chunked.Chunks[2]);

        Assert.Equal("ch002-section-1.xhtml#fig-1", chunked.Href("fig-1", c1));
        Assert.Equal("#fig-1", chunked.Href("fig-1", c2));
        Assert.Equal("ch002-section-1.xhtml#section-1-1", chunked.Href("section-1-1", c3));
        Assert.Equal("ch003-section-2.xhtml", chunked.Href("section-2", c1));
        Assert.Equal("ch001-sample-book.xhtml#fn-1", chunked.Href("fn-1", c3));
        Assert.Null(chunked.Href("nowhere", c1));
    }

    [Fact]
    public void An_unreferenced_note_has_a_home_but_no_reference_anchor()
    {
        var note = new Footnote("fn-x", 1, "x", [P(T("孤立的注释"))], SourceSpan.None);
        var chunked = BookChunker.Split(Book([H(1, "甲", "a"), H(2, "乙", "b")], [note]), 2);
        Assert.Same(chunked.Chunks[^1], chunked.ChunkOf("fn-x"));
        Assert.Null(chunked.ChunkOf(ChunkedBook.FootnoteReferenceId("fn-x")));
    }

    [Fact]
    public void Chunk_titles_are_never_blank()
    {
        var chunked = BookChunker.Split(EdgeCases(), 2);
        Assert.All(chunked.Chunks, c => Assert.False(string.IsNullOrWhiteSpace(c.Title)));
        Assert.Equal("示例书", chunked.Chunks.Single(c => c.Heading?.Id == "empty").Title);
        // A heading inside a block quote does not split: it is not part of the outline.
        Assert.DoesNotContain(chunked.Chunks, c => c.Heading?.Id == "quoted");
        Assert.NotNull(chunked.ChunkOf("quoted"));
    }

    [Fact]
    public void A_book_without_blocks_still_has_one_chunk()
    {
        var chunked = BookChunker.Split(Book([]), 2);
        Assert.Single(chunked.Chunks);
        Assert.Equal("示例书", chunked.Chunks[0].Title);
    }
}
