using UglyToad.PdfPig;
using UglyToad.PdfPig.Actions;
using UglyToad.PdfPig.Content;

namespace GptBook.Tests.Books;

/// <summary>Anchors on their own line before a list, a table and code, linked to from the other chapter.</summary>
public partial class RealWorldBookTests
{
    public static TheoryData<string, string, string, string> BlockAnchors => new()
    {
        // id, the link's text, the block's element, text at the block's start (in the PDF)
        { "gpt-table", "第一章的模型表", "div", "模型参数量发布" },
        { "setup-steps", "安装步骤", "ol", "安装 Python 3.10 与 PyTorch" },
        { "cpp-demo", "第二章的示例程序", "pre", "#include <vector>" },
    };

    [Theory]
    [MemberData(nameof(BlockAnchors))]
    public void A_link_to_an_anchor_before_a_block_arrives_at_the_block_in_every_output(string id, string linkText, string element, string start)
    {
        // EPUB: an empty element with the id right before the block, and the link names its file and id.
        var anchor = Assert.Single(book.Elements, e => (string?)e.Attribute("id") == id);
        Assert.Empty(anchor.Nodes());
        Assert.Equal(element, anchor.ElementsAfterSelf().First().Name.LocalName);
        var page = Assert.Single(book.Pages, p => p.Value.Contains($"id=\"{id}\"", StringComparison.Ordinal)).Key;
        var link = Assert.Single(book.Named("a"), a => a.Value == linkText);
        Assert.Equal(Path.GetFileName(page) + "#" + id, (string)link.Attribute("href")!);
        Assert.DoesNotContain(book.Book.Diagnostics, d => d.Code == "GB0111");

        // Site: the same, between its pages.
        var site = Directory.GetFiles(book.Book.SiteDirectory, "*.html").ToDictionary(Path.GetFileName, File.ReadAllText);
        var target = Assert.Single(site, p => p.Value.Contains($"<div id=\"{id}\"></div><{element}", StringComparison.Ordinal)).Key;
        Assert.Contains(site.Values, p => p.Contains($"href=\"{target}#{id}\">{linkText}</a>", StringComparison.Ordinal));

        // PDF: the link goes to the block's first line.
        using var pdf = PdfDocument.Open(book.Book.PdfPath);
        var printed = pdf.GetPages().ToArray();
        var (from, linkAt) = printed.Select(p => (Page: p, At: TextAt(p, linkText))).Single(x => x.At != null);
        var annotation = Assert.Single(from.GetAnnotations(), a => a.Rectangle.Left <= linkAt!.Value.X && linkAt.Value.X <= a.Rectangle.Right
                                                                   && a.Rectangle.Bottom <= linkAt.Value.Y && linkAt.Value.Y <= a.Rectangle.Top);
        var destination = Assert.IsType<GoToAction>(annotation.Action).Destination;
        // The destination's page holds the block's first line, a little below the top the link scrolls to.
        var first = TextAt(printed[destination.PageNumber - 1], start);
        Assert.NotNull(first);
        var top = Assert.NotNull(destination.Coordinates.Top);
        Assert.InRange(top - first.Value.Y, 0, 30);
    }

    [Fact]
    public void A_link_written_with_githubs_anchor_for_a_heading_goes_to_that_heading()
    {
        foreach (var (text, heading) in new[] { ("小结", "2.2 小结 📌"), ("第一章的全连接网络", "1.1 全连接神经网络 🧠") })
        {
            var id = (string)Assert.Single(book.Elements, e => e.Name.LocalName == "h2" && e.Value == heading).Attribute("id")!;
            var page = Assert.Single(book.Pages, p => p.Value.Contains($"<h2 id=\"{id}\"", StringComparison.Ordinal)).Key;
            var link = Assert.Single(book.Named("a"), a => a.Value == text);
            // A heading that opens its file is linked to as the file alone.
            Assert.Contains((string)link.Attribute("href")!, new[] { Path.GetFileName(page), Path.GetFileName(page) + "#" + id });
        }
    }

    /// <summary>The middle of the first letter of <paramref name="text"/> on the page, or null when the page does not hold it.</summary>
    private static (double X, double Y)? TextAt(Page page, string text) =>
        Spelling(page, text) is [var first, ..] ? ((first.GlyphRectangle.Left + first.GlyphRectangle.Right) / 2, (first.GlyphRectangle.Bottom + first.GlyphRectangle.Top) / 2) : null;
}
