using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Loading;
using GptBook.Tests.Support;

namespace GptBook.Tests.Loading;

/// <summary>Chapters are read on every core: the book keeps book.yml's order, ids and findings whatever finishes first.</summary>
public class ChapterOrderTests
{
    [Fact]
    public void Chapters_read_in_parallel_keep_the_book_order_their_ids_and_their_findings()
    {
        using var dir = new TempBookDirectory();
        var files = new List<string>();
        var formulaLines = new Dictionary<string, int>();
        for (var i = 1; i <= 24; i++)
        {
            // Two folders with the same file names (ids intro, intro-2 …), chapters of very different lengths so that
            // they finish out of order, and in each a formula with an unknown command on its own line.
            var file = $"{(i % 2 == 0 ? "a" : "b")}/part{i / 2}.md";
            var filler = string.Concat(Enumerable.Repeat($"第 {i} 章的正文，含 $x_{i}$ 与 $\\alpha$。\n\n", i % 5 == 0 ? 400 : 1));
            dir.Write("content/" + file, $"# 第 {i} 章\n\n{filler}行内公式 $\\nosuchcommand{{{i}}}$ 在此。\n");
            files.Add(file);
            formulaLines["content/" + file] = 3 + filler.Count(c => c == '\n');
        }
        dir.Write("content/broken.md", [.. "# 坏\n"u8.ToArray(), 0xFF, .. "\n"u8.ToArray()]);
        files.Insert(7, "broken.md");
        dir.Write("content/book.yml", $"id: order\ntitle: 顺序\nlanguage: zh-CN\nchapters: [{string.Join(", ", files)}]\n");

        var (first, firstFindings) = Load(dir);
        var (second, secondFindings) = Load(dir);

        Assert.Equal(Enumerable.Range(1, 24).Select(i => $"第 {i} 章"), first.Chapters.Select(c => c.Title));
        Assert.Equal(first.Chapters.Select(c => c.Id), second.Chapters.Select(c => c.Id));
        // The second file of a name gets "-2", in book order: part1.md in b/ (chapter 3) comes after a/part1.md (chapter 2).
        Assert.Equal("part1", first.Chapters[1].Id);
        Assert.Equal("part1-2", first.Chapters[2].Id);
        Assert.Equal(firstFindings, secondFindings);
        Assert.Single(firstFindings, d => d.Code == "GB0101" && d.Span.File == "content/broken.md");
        // Each chapter's unknown command, at its own line, once.
        foreach (var (file, line) in formulaLines)
            Assert.Single(firstFindings, d => d.Code == "GB0601" && d.Span.File == file && d.Span.Line == line);
        Assert.Equal(formulaLines.Count + 1, firstFindings.Count);
    }

    private static (Model.Book Book, IReadOnlyList<Diagnostic> Findings) Load(TempBookDirectory dir)
    {
        var diagnostics = new DiagnosticBag();
        var options = BookOptionsReader.Read(dir.PathOf("content/book.yml"), diagnostics);
        Assert.NotNull(options);
        var book = BookLoader.Load(options, diagnostics);
        return (book, diagnostics.Sorted());
    }
}
