using System.Text;
using System.Text.RegularExpressions;

namespace GptBook.Benchmarks;

/// <summary>
/// Generates long books from the article: N chapters, each the article with its own numbered headings and the
/// five figures. Each size is written twice — as one Markdown file and as a multi-chapter book.yml — under
/// <c>&lt;dir&gt;/n&lt;N&gt;-single/</c> and <c>n&lt;N&gt;-chapters/</c>, each a self-contained book root with a copy
/// of the figures, so that the root confinement rules hold exactly as for the real book.
/// </summary>
public static partial class SyntheticBook
{
    /// <summary>A book to build: <paramref name="Root"/> is its book root, <paramref name="ChapterFiles"/> the Markdown
    /// files in reading order (what the Typst version is made from), <paramref name="SingleMarkdown"/> the whole
    /// text in one file (for pandoc).</summary>
    public sealed record Generated(string Name, int Chapters, string BookFile, string SingleMarkdown, string Root,
        IReadOnlyList<string> ChapterFiles, string Title);

    public static IReadOnlyList<Generated> Write(string repositoryRoot, string directory, int chapters)
    {
        var article = File.ReadAllText(Path.Combine(repositoryRoot, "content", "gpt1-to-gpt4.md"));
        var figures = Path.Combine(repositoryRoot, "assets", "2.3从GPT1到GPT4");
        var bookYml = File.ReadAllText(Path.Combine(repositoryRoot, "content", "book.yml"));

        var single = Path.Combine(directory, $"n{chapters}-single");
        var multi = Path.Combine(directory, $"n{chapters}-chapters");
        foreach (var root in new[] { single, multi })
        {
            CopyFigures(figures, Path.Combine(root, "assets", "2.3从GPT1到GPT4"));
            Directory.CreateDirectory(Path.Combine(root, "content"));
        }

        var all = new StringBuilder();
        var chapterFiles = new List<string>();
        for (var i = 1; i <= chapters; i++)
        {
            var chapter = Chapter(article, i);
            all.Append(chapter).Append("\n\n");
            var name = $"ch{i:000}.md";
            File.WriteAllText(Path.Combine(multi, "content", name), chapter);
            chapterFiles.Add(name);
        }
        var singleFile = Path.Combine(single, "content", $"gpt-long-{chapters}.md");
        var singleTitle = $"从 GPT1 到 GPT4：{chapters} 章合订本";
        File.WriteAllText(singleFile, $"# {singleTitle}\n\n" + Demote(all.ToString()));

        var yml = ChaptersPattern().Replace(bookYml, "chapters:\n" + string.Concat(chapterFiles.Select(f => $"  - {f}\n")));
        yml = yml.Replace("id: gpt1-to-gpt4", $"id: gpt-long-{chapters}");
        var ymlPath = Path.Combine(multi, "content", "book.yml");
        File.WriteAllText(ymlPath, yml);

        return
        [
            new Generated($"{chapters} chapters, one .md", chapters, singleFile, singleFile, single, [singleFile], singleTitle),
            new Generated($"{chapters} chapters, book.yml", chapters, ymlPath, singleFile, multi,
                chapterFiles.Select(f => Path.Combine(multi, "content", f)).ToList(), "从 GPT1 到 GPT4"),
        ];
    }

    /// <summary>The article as chapter <paramref name="n"/>: headings numbered so that every id is distinct.</summary>
    private static string Chapter(string article, int n) =>
        HeadingPattern().Replace(article, m => $"{m.Groups[1].Value} {n}.{m.Groups[2].Value}");

    /// <summary>In one file the chapters sit under the book's own title, so every heading goes one level down.</summary>
    private static string Demote(string markdown) => HeadingPattern().Replace(markdown, m => $"#{m.Groups[1].Value} {m.Groups[2].Value}");

    private static void CopyFigures(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*.png"))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
    }

    [GeneratedRegex(@"^(#{1,6}) (.*)$", RegexOptions.Multiline)]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"^chapters:\n(?:  - .*\n)+", RegexOptions.Multiline)]
    private static partial Regex ChaptersPattern();
}
