using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Loading;
using GptBook.Model;
using GptBook.Tests.Support;

namespace GptBook.Tests.Loading;

/// <summary>Random Markdown made of the constructs and quirks the reader handles: it never throws, and is deterministic.</summary>
public class RandomDocumentTests
{
    private static readonly string[] Pieces =
    [
        "# ", "## ", "> ", ">", "- ", "1. ", "   ", "**", "****", "*", "_", "`", "```", "~~", "[", "]", "](", ")", "![", "](../assets/Untitled%201.png)",
        "<b>", "</b>", "<script>x</script>", "<div onclick=x>", "\n", "\n", "\n\n", "中文", "。", "text ", "|", "| --- |", "---",
        "[^1]", "[^1]: note", "$", "$$", "&amp;", "&#0;", "\\", "  \n", "%E4%B8", "../", "@todo", "javascript:", "(#x)", "Untitled",
        "\t", "\r\n", ": ", "<!--", "-->", "<", ">",
    ];

    [Fact]
    public void Random_documents_load_without_exceptions_and_deterministically()
    {
        using var dir = new TempBookDirectory();
        dir.Write("content/r.md", "");
        var options = new BookOptions
        {
            RootDirectory = dir.Root,
            BookFile = dir.PathOf("content/r.md"),
            Metadata = new BookMetadata("r", "r", null, "zh-CN", [], new DateOnly(2026, 1, 1), null, []),
            Chapters = ["content/r.md"],
        };
        var random = new Random(4242);
        for (var i = 0; i < 400; i++)
        {
            var markdown = string.Concat(Enumerable.Range(0, random.Next(1, 80)).Select(_ => Pieces[random.Next(Pieces.Length)]));
            dir.Write("content/r.md", markdown);
            string Load()
            {
                var diagnostics = new DiagnosticBag();
                Book book;
                try
                {
                    book = BookLoader.Load(options, diagnostics);
                }
                catch (Exception e)
                {
                    throw new Xunit.Sdk.XunitException($"loading threw on {ModelTextDump.Q(markdown)}: {e}");
                }
                Assert.All(book.AllBlocks(), b => Assert.Equal("content/r.md", b.Span.File));
                Assert.All(book.AllBlocks(), b => Assert.True(b.Span.Line >= 1, $"block without a line in {ModelTextDump.Q(markdown)}"));
                Assert.All(diagnostics.Items, d => Assert.True(d.Span.Line >= 1, $"diagnostic without a line: {d}"));
                return ModelFixture.Dump(book, diagnostics);
            }
            Assert.Equal(Load(), Load());
        }
    }
}
