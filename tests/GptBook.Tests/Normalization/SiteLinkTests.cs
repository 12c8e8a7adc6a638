using GptBook.Model;
using GptBook.Tests.Support;

namespace GptBook.Tests.Normalization;

/// <summary>
/// Links between chapters as docsify and VuePress books write them, which their sites resolve: without
/// <c>.md</c>, from the site's home with a leading <c>/</c>, a folder for its README, and docsify's <c>#/</c> routes.
/// Read back from the loaded model: each is a link to its chapter, with no warning.
/// </summary>
public class SiteLinkTests
{
    [Fact]
    public void Site_style_links_reach_their_chapters()
    {
        using var dir = new TempBookDirectory();
        dir.Write("book.yml", "id: links\ntitle: 链接\nlanguage: zh-CN\nchapters:\n  - docs/README.md\n  - docs/guide/README.md\n  - docs/chapter1/linear.md\n");
        dir.Write("docs/README.md", "# 首页\n\n- [a](chapter1/linear)\n- [b](/chapter1/linear.md)\n- [c](/chapter1/linear)\n" +
            "- [d](#/chapter1/linear)\n- [e](#/chapter1/linear?id=梯度下降)\n- [f](guide/)\n- [g](/guide/)\n- [h](missing)\n");
        dir.Write("docs/guide/README.md", "# 指南\n\n[回到线性回归](../chapter1/linear)\n");
        dir.Write("docs/chapter1/linear.md", "# 线性回归\n\n## 梯度下降\n\n正文。\n");
        var (book, diagnostics) = LoadedBook.From(dir.PathOf("book.yml"));

        var home = book.Chapters[0].Blocks.OfType<ListBlock>().Single().Items
            .Select(i => ((Paragraph)i.Blocks[0]).Content.Single()).ToArray();
        var linear = book.Chapters[2].Blocks.OfType<Heading>().First().Id;
        var guide = book.Chapters[1].Blocks.OfType<Heading>().First().Id;
        var gradient = book.Chapters[2].Blocks.OfType<Heading>().ElementAt(1).Id;
        Assert.Equal(["#" + linear, "#" + linear, "#" + linear, "#" + linear, "#" + gradient, "#" + guide, "#" + guide],
            home.Take(7).Select(i => Assert.IsType<Link>(i).Target));
        Assert.IsType<GptBook.Model.Text>(home[7]);
        Assert.Equal("#" + linear, Assert.IsType<Link>(((Paragraph)book.Chapters[1].Blocks[1]).Content.Single()).Target);
        // Only the link to nothing is reported.
        var warning = Assert.Single(diagnostics.Items);
        Assert.Contains("'missing'", warning.Message, StringComparison.Ordinal);
    }
}
