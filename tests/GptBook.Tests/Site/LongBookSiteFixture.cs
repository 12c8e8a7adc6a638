using System.Text.RegularExpressions;
using GptBook.Diagnostics;
using GptBook.Tests.Support;

namespace GptBook.Tests.Site;

/// <summary>
/// A 40-chapter book built once into a site for the tests that judge a long book as readers meet it (sidebar,
/// index page, accessibility audits): each chapter is the article with its headings numbered, as the benchmark's
/// synthetic books are, but without the figures, which the article's own site covers (their image work would only
/// cost CI time here).
/// </summary>
public sealed partial class LongBookSiteFixture : IDisposable
{
    public const int Chapters = 40;

    private readonly TemporaryDirectory _dir = new();

    public LongBookSiteFixture()
    {
        var article = File.ReadAllText(Path.Combine(RepositoryPaths.Content, "gpt1-to-gpt4.md"));
        article = FigurePattern().Replace(article, "");
        var files = new List<string>();
        for (var i = 1; i <= Chapters; i++)
        {
            var name = $"ch{i:000}.md";
            _dir.Write($"book/content/{name}", HeadingPattern().Replace(article, m => $"{m.Groups[1].Value} {i}.{m.Groups[2].Value}"));
            files.Add(name);
        }
        var yml = _dir.Write("book/content/book.yml",
            "id: long-book\ntitle: 从 GPT1 到 GPT4：四十章合订本\nlanguage: zh-CN\nauthors: [GptBook 编辑组]\ndate: 2026-11-30\n" +
            "description: 把一篇文章重复四十次的长书，用来检查长书网站的导航。\nchapters:\n" + string.Concat(files.Select(f => $"  - {f}\n")));
        (Site, Diagnostics) = SiteFromMarkdown.Build(yml, _dir.Combine("work"));
    }

    public SitePages Site { get; }

    public DiagnosticBag Diagnostics { get; }

    public void Dispose() => _dir.Dispose();

    [GeneratedRegex(@"^(#{1,6}) (.*)$", RegexOptions.Multiline)]
    private static partial Regex HeadingPattern();

    /// <summary>A paragraph that is only a picture (the article's figures, with their caption lines kept as text).</summary>
    [GeneratedRegex(@"^!\[[^\]]*\]\([^)]*\)\s*$", RegexOptions.Multiline)]
    private static partial Regex FigurePattern();
}
