using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Loading;
using GptBook.Model;
using GptBook.Tests.Support;

namespace GptBook.Tests.Loading;

/// <summary>Hostile and broken chapters: each gets a clear diagnostic with its place, and nothing crashes.</summary>
public class BadInputTests
{
    private static (Book Book, DiagnosticBag Diagnostics) LoadChapter(TempBookDirectory dir, string markdownFile)
    {
        return LoadedBook.From(dir.PathOf(markdownFile));
    }

    [Fact]
    public void Invalid_utf8_is_reported_with_line_and_column_and_does_not_crash()
    {
        using var dir = new TempBookDirectory();
        var good = "# 标题\n\n第二行很好\n"u8.ToArray();
        byte[] bad = [.. good, .. "坏"u8.ToArray(), 0xFF, 0xFE, .. "x\n"u8.ToArray()];
        dir.Write("content/bad.md", "# Fine\n");
        dir.Write("content/book.yml", "id: bad\ntitle: Bad\nlanguage: zh-CN\nchapters: [bad.md]\n");
        dir.Write("content/bad.md", bad);
        var diagnostics = new DiagnosticBag();
        var options = BookOptionsReader.Read(dir.PathOf("content/book.yml"), diagnostics);
        Assert.NotNull(options);
        var book = BookLoader.Load(options, diagnostics);
        var d = Assert.Single(diagnostics.Items);
        Assert.Equal("GB0101", d.Code);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal("content/bad.md:4:2", d.Span.ToString());
        Assert.Contains("FF", d.Message);
        Assert.Empty(book.Chapters);
    }

    [Fact]
    public void Ten_thousand_nested_quotes_are_refused_by_markdig_and_shown_as_text()
    {
        using var dir = new TempBookDirectory();
        dir.Write("content/deep.md", "# Deep\n\n" + new string('>', 10_000) + " 深处的文字\n");
        var (book, diagnostics) = LoadChapter(dir, "content/deep.md");
        var d = Assert.Single(diagnostics.Items, x => x.Code == "GB0106");
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal("content/deep.md:1:1", d.Span.ToString());
        Assert.Contains(VisibleText.Of(book), s => s.Contains("深处的文字"));
    }

    [Fact]
    public void Ten_thousand_nested_list_items_do_not_crash_and_keep_their_text()
    {
        using var dir = new TempBookDirectory();
        dir.Write("content/lists.md", string.Concat(Enumerable.Repeat("- ", 10_000)) + "最深的条目\n");
        var (book, diagnostics) = LoadChapter(dir, "content/lists.md");
        Assert.Contains(diagnostics.Items, x => x.Code == "GB0106");
        Assert.Contains(VisibleText.Of(book), s => s.Contains("最深的条目"));
    }

    [Fact]
    public void Three_hundred_indented_list_levels_do_not_crash_and_keep_their_text()
    {
        using var dir = new TempBookDirectory();
        var lines = Enumerable.Range(0, 300).Select(i => new string(' ', 2 * i) + "- level " + i);
        dir.Write("content/indented.md", string.Join("\n", lines) + "\n");
        var (book, _) = LoadChapter(dir, "content/indented.md");
        Assert.Contains(VisibleText.Of(book), s => s.Contains("level 299"));
        Assert.True(MaxDepth(book) <= ChapterReader.MaxBlockDepth + 2);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_flattened_with_a_warning_at_the_too_deep_block()
    {
        using var dir = new TempBookDirectory();
        dir.Write("content/twenty.md", "intro\n\n" + new string('>', 20) + " twenty deep\n");
        var (book, diagnostics) = LoadChapter(dir, "content/twenty.md");
        var d = Assert.Single(diagnostics.Items);
        Assert.Equal("GB0106", d.Code);
        Assert.Equal("content/twenty.md:3:17", d.Span.ToString());
        Assert.Equal(ChapterReader.MaxBlockDepth, MaxDepth(book) - 1);
        Assert.Contains(VisibleText.Of(book), s => s == "twenty deep");
    }

    [Fact]
    public void Deeply_nested_emphasis_is_kept_as_source_text()
    {
        using var dir = new TempBookDirectory();
        var depth = 60;
        dir.Write("content/em.md", string.Concat(Enumerable.Repeat("*a ", depth)) + "x" + string.Concat(Enumerable.Repeat(" b*", depth)) + "\n");
        var (book, diagnostics) = LoadChapter(dir, "content/em.md");
        Assert.Contains(diagnostics.Items, x => x.Code == "GB0106");
        Assert.Contains(VisibleText.Of(book), s => s.Contains('x'));
    }

    [Fact]
    public void Raw_script_never_reaches_the_model()
    {
        using var dir = new TempBookDirectory();
        dir.Write("content/s.md", "# S\n\n<script>alert('block')</script>\n\nText <script>alert('inline')</script> and <a href=\"javascript:alert(1)\" onclick=\"x()\">link</a>.\n");
        var (book, diagnostics) = LoadChapter(dir, "content/s.md");
        var dump = ModelTextDump.Dump(book);
        Assert.DoesNotContain("alert", dump);
        Assert.DoesNotContain("script", dump, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", dump);
        Assert.Contains(diagnostics.Items, d => d.Code == "GB0105" && d.Span.ToString() == "content/s.md:3:1");
        Assert.Contains(diagnostics.Items, d => d.Code == "GB0105" && d.Span.ToString() == "content/s.md:5:6");
        Assert.Contains(VisibleText.Of(book), s => s.Contains("and link."));
        Assert.DoesNotContain(VisibleText.Inlines(book), i => i is Link);
    }

    [Fact]
    public void An_image_link_escaping_through_a_symbolic_link_is_refused()
    {
        using var dir = new TempBookDirectory();
        using var outside = new TempBookDirectory();
        outside.Write("secret.png", "not really a png");
        Directory.CreateSymbolicLink(dir.PathOf("assets"), outside.Root);
        dir.Write("content/l.md", "![secret](../assets/secret.png)\n");
        var (book, diagnostics) = LoadChapter(dir, "content/l.md");
        var d = Assert.Single(diagnostics.Items);
        Assert.Equal("GB0005", d.Code);
        Assert.Equal("content/l.md:1:1", d.Span.ToString());
        Assert.Equal(ImageSourceKind.Refused, Assert.Single(book.Figures()).Image.Kind);
    }

    [Fact]
    public void Windows_line_endings_and_a_byte_order_mark_give_the_same_model()
    {
        const string markdown = "# 标题\n\n中文第一行\n中文第二行  \n硬换行\n\n```\ncode\nlines\n```\n";
        using var unix = new TempBookDirectory();
        unix.Write("content/c.md", markdown);
        using var windows = new TempBookDirectory();
        windows.Write("content/c.md", [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(markdown.Replace("\n", "\r\n"))]);
        var (a, da) = LoadChapter(unix, "content/c.md");
        var (b, db) = LoadChapter(windows, "content/c.md");
        Assert.Empty(da.Items);
        Assert.Empty(db.Items);
        Assert.Equal(ModelTextDump.Dump(a), ModelTextDump.Dump(b));
        Assert.Contains(VisibleText.Of(a), s => s == "中文第一行中文第二行\n硬换行");
    }

    private static int MaxDepth(Book book) => book.Chapters.SelectMany(c => c.Blocks).Select(Depth).DefaultIfEmpty(0).Max();

    private static int Depth(Block block) => 1 + block.Children().Select(Depth).DefaultIfEmpty(0).Max();
}
