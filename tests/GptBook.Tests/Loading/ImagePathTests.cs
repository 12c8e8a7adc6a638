using GptBook.Diagnostics;
using GptBook.Model;
using GptBook.Tests.Support;

namespace GptBook.Tests.Loading;

/// <summary>Images as editors on Windows, Typora and exporters write them: their paths and the caption lines under them.</summary>
public class ImagePathTests
{
    private static (Book Book, DiagnosticBag Diagnostics) Load(string markdown)
    {
        using var dir = new TempBookDirectory();
        dir.Write("images/a.png", [0x89, 0x50, 0x4E, 0x47]);
        dir.Write("images/a_b.png", [0x89, 0x50, 0x4E, 0x47]);
        dir.Write("images/a b.png", [0x89, 0x50, 0x4E, 0x47]);
        dir.Write("docs/part/ch.md", markdown);
        dir.Write("book.yml", "id: t\ntitle: 测试\nlanguage: zh-CN\nauthors: [某人]\nchapters:\n  - docs/part/ch.md\n");
        return LoadedBook.From(dir.PathOf("book.yml"));
    }

    [Fact]
    public void A_windows_path_with_backslashes_before_dots_finds_its_image()
    {
        var (book, _) = Load("# 图\n\n![上两级](..\\..\\images\\a.png)\n\n![点开头](.\\..\\..\\images\\a.png)\n\n" +
            "![尖括号](<..\\..\\images\\a.png>)\n\n![转义的下划线](../../images/a\\_b.png)\n\n![参考式][fig]\n\n[fig]: ..\\..\\images\\a.png\n");
        var images = book.Figures().Select(f => f.Image).ToArray();
        Assert.Equal(5, images.Length);
        Assert.All(images[..3], i => Assert.Equal("images/a.png", Relative(i)));
        Assert.Equal("images/a_b.png", Relative(images[3])); // "\_" is an escaped underscore, as exporters write it
        Assert.Equal("images/a.png", Relative(images[4]));
    }

    [Fact]
    public void An_image_path_with_spaces_written_without_angle_brackets_is_an_image_as_typora_shows_it()
    {
        var (book, diagnostics) = Load("# 图\n\n曲线见 ![训练 曲线](../../images/a b.png) 与 ![反斜杠](..\\..\\images\\a b.png)，" +
            "[链接](a b.md) 与 ![不是图片](a b) 仍是文字。\n\n![独占一段](../../images/a b.png)\n");
        var paragraph = Assert.IsType<Paragraph>(book.Chapters.Single().Blocks[1]);
        var images = paragraph.Content.OfType<InlineImage>().Select(i => i.Image).ToArray();
        Assert.Equal(["训练 曲线", "反斜杠"], images.Select(i => i.Alt));
        Assert.All(images, i => Assert.Equal("images/a b.png", Relative(i)));
        Assert.Equal("曲线见  与 ，[链接](a b.md) 与 ![不是图片](a b) 仍是文字。", Inline.PlainText(paragraph.Content.Where(i => i is not InlineImage).ToList()));
        Assert.Equal("images/a b.png", Relative(Assert.Single(book.Figures()).Image)); // alone in its paragraph: a figure
        var first = paragraph.Content.OfType<InlineImage>().First();
        Assert.Equal((3, 5), (first.Span.Line, first.Span.Column));
        Assert.DoesNotContain(diagnostics.Items, d => d.Severity != DiagnosticSeverity.Info);
    }

    [Fact]
    public void Only_a_short_labelled_line_right_under_a_picture_without_its_own_caption_becomes_its_caption()
    {
        var (book, _) = Load("# 图\n\n![示意](../../images/a.png)\n\n图 1-1 注意力示意图\n\n" +
            "![示意](../../images/a.png)\n\n图 1-2 展示了注意力的计算过程。\n\n" +
            "<div align=\"center\"><img src=\"../../images/a.png\"><p>图 1-3 作者的图题</p></div>\n\n图 1-4 另一行\n\n" +
            "![示意](../../images/a.png)\n\n正文里的一段话。\n");
        var blocks = book.Chapters.Single().Blocks;
        Assert.Equal(["图 1-1 注意力示意图", "示意", "图 1-3 作者的图题", "示意"], book.Figures().Select(f => Inline.PlainText(f.Caption)));
        Assert.Equal(["图 1-2 展示了注意力的计算过程。", "图 1-4 另一行", "正文里的一段话。"], blocks.OfType<Paragraph>().Select(p => Inline.PlainText(p.Content)));
    }

    /// <summary>The image's path from its "images/" folder, once resolved without any "..".</summary>
    private static string Relative(ImageReference image)
    {
        var path = Assert.IsType<string>(image.Path).Replace('\\', '/');
        Assert.DoesNotContain("..", path, StringComparison.Ordinal);
        return path[path.IndexOf("images/", StringComparison.Ordinal)..];
    }
}
