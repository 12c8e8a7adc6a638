using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Model;
using GptBook.Tests.Support;

namespace GptBook.Tests.Loading;

/// <summary>Image options written the way docsify, VuePress, MyST and GitHub books write them, and remote images mapped to files.</summary>
public class ImageOptionTests
{
    private static (Book Book, DiagnosticBag Diagnostics) Load(string markdown, string? links = null)
    {
        using var dir = new TempBookDirectory();
        dir.Write("images/a.png", [0x89, 0x50, 0x4E, 0x47]);
        dir.Write("docs/ch.md", markdown);
        dir.Write("book.yml", "id: t\ntitle: 测试\nlanguage: zh-CN\nauthors: [某人]\nchapters:\n  - docs/ch.md\n" + (links == null ? "" : "links:\n" + links));
        return LoadedBook.From(dir.PathOf("book.yml"));
    }

    [Fact]
    public void Option_lines_under_an_image_are_applied_and_never_printed()
    {
        var (book, _) = Load("# 图\n\n![网络结构](../images/a.png)\n:width: 80%\n:align: center\n\n> ![引用里](../images/a.png)\n> :height: 120px\n");
        var figures = book.Figures().ToArray();
        Assert.Equal(2, figures.Length);
        Assert.Equal(new ImageDimension(80, ImageDimensionUnit.Percent), figures[0].Image.Width);
        Assert.Equal("网络结构", Inline.PlainText(figures[0].Caption));
        Assert.Equal(new ImageDimension(120, ImageDimensionUnit.Pixel), figures[1].Image.Height);
        var dump = ModelTextDump.Dump(book);
        Assert.DoesNotContain(":width:", dump);
        Assert.DoesNotContain(":align:", dump);
        Assert.DoesNotContain(":height:", dump);
    }

    [Fact]
    public void A_line_that_is_no_image_option_stays_text()
    {
        var (book, _) = Load("# 图\n\n![图标](../images/a.png)\n:todo: 这一行是正文\n");
        var paragraph = Assert.IsType<Paragraph>(book.Chapters.Single().Blocks[1]);
        Assert.Contains(":todo: 这一行是正文", Inline.PlainText(paragraph.Content));
        Assert.Single(paragraph.Content.OfType<InlineImage>());
    }

    [Fact]
    public void Docsify_size_in_the_title_is_a_size_hint()
    {
        var (book, _) = Load("# 图\n\n![标志](../images/a.png ':size=50x100')\n\n![另一个](../images/a.png \":size=10% :no-zoom\")\n");
        var figures = book.Figures().ToArray();
        Assert.Equal(new ImageDimension(50, ImageDimensionUnit.Pixel), figures[0].Image.Width);
        Assert.Equal(new ImageDimension(100, ImageDimensionUnit.Pixel), figures[0].Image.Height);
        Assert.Equal(new ImageDimension(10, ImageDimensionUnit.Percent), figures[1].Image.Width);
    }

    [Fact]
    public void Links_in_book_yml_map_a_remote_image_to_a_file_of_the_book()
    {
        var (book, _) = Load("# 图\n\n![远程](https://example.org/pics/a.png)\n\n<img src=\"https://example.org/pics/a.png\" width=\"50%\">\n\n![未映射](https://example.org/b.png)\n\n![本地](../images/a.png)\n",
            "  \"https://example.org/pics/a.png\": images/a.png\n  docs/other.md: https://example.org/other\n");
        var figures = book.Figures().ToArray();
        // The same file as the chapter's own "../images/a.png" (the path in book.yml is relative to book.yml).
        Assert.All(figures[..2], f => Assert.Equal((ImageSourceKind.Local, figures[3].Image.Path), (f.Image.Kind, f.Image.Path)));
        Assert.EndsWith("/images/a.png", figures[3].Image.Path);
        Assert.Equal(ImageSourceKind.Remote, figures[2].Image.Kind);
    }

    [Fact]
    public void A_remote_image_mapped_outside_the_root_is_refused_in_book_yml()
    {
        using var dir = new TempBookDirectory();
        dir.Write("docs/ch.md", "# 图\n");
        dir.Write("book.yml", "id: t\ntitle: 测试\nlanguage: zh-CN\nauthors: [某人]\nchapters:\n  - docs/ch.md\nlinks:\n  \"https://example.org/c.png\": ../../outside.png\n");
        var diagnostics = new DiagnosticBag();
        Assert.Null(BookOptionsReader.Read(dir.PathOf("book.yml"), diagnostics));
        var refused = Assert.Single(diagnostics.Items, d => d.Severity == DiagnosticSeverity.Error);
        Assert.EndsWith("book.yml:8:32", refused.Span.ToString());
        Assert.Contains("https://example.org/c.png", refused.Message);
    }
}
