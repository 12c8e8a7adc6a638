using System.Globalization;

namespace GptBook.Site;

/// <summary>
/// The site's own words, beyond the shared <see cref="Model.LanguageLabels"/>: navigation, search and
/// accessibility text that only a web page needs. Chinese for any zh-*, English otherwise, like the shared labels.
/// </summary>
public sealed record SiteLabels
{
    public required string SkipToContent { get; init; }
    public required string Home { get; init; }
    public required string PageNavigation { get; init; }
    public required string ScrollableTable { get; init; }
    public required string ScrollableCode { get; init; }
    public required string AuthorSeparator { get; init; }
    public required Func<DateOnly, string> FormatDate { get; init; }

    /// <summary>The accessible name of a heading's "#" link, which names the heading it points to.</summary>
    public required Func<string, string> SectionLinkTo { get; init; }

    /// <summary>The label of the list of downloads in every page's footer.</summary>
    public required string Downloads { get; init; }

    /// <summary>The fold that holds the chapters before the current one in a long book's sidebar.</summary>
    public required Func<int, string> EarlierChapters { get; init; }

    /// <summary>The fold that holds a chapter's sections on a long book's index page.</summary>
    public required Func<int, string> SectionCount { get; init; }

    public required string NotFoundTitle { get; init; }
    public required string NotFoundText { get; init; }

    /// <summary>What a page left at an old address says, before the link to where the chapter is now.</summary>
    public required string MovedTo { get; init; }

    public required string Search { get; init; }
    public required string SearchPlaceholder { get; init; }
    public required string SearchResults { get; init; }
    public required string SearchNeedsScript { get; init; }

    public static readonly SiteLabels Chinese = new()
    {
        SkipToContent = "跳到正文",
        Home = "首页",
        PageNavigation = "翻页",
        ScrollableTable = "表格（可横向滚动）",
        ScrollableCode = "代码（可横向滚动）",
        AuthorSeparator = "、",
        FormatDate = d => $"{d.Year} 年 {d.Month} 月 {d.Day} 日",
        SectionLinkTo = title => $"本节链接：{title}",
        Downloads = "下载",
        EarlierChapters = n => $"前 {n} 章",
        SectionCount = n => $"{n} 节",
        NotFoundTitle = "找不到这一页",
        NotFoundText = "这个地址没有对应的页面，它可能已经改名或移走了。可以从首页或下面的目录找到要读的章节。",
        MovedTo = "这一页已经移到",
        Search = "搜索",
        SearchPlaceholder = "搜索全书",
        SearchResults = "搜索结果",
        SearchNeedsScript = "搜索需要浏览器启用 JavaScript。不用脚本，也可以从目录找到每一章、每一节。",
    };

    public static readonly SiteLabels English = new()
    {
        SkipToContent = "Skip to content",
        Home = "Home",
        PageNavigation = "Pages",
        ScrollableTable = "Table (scrolls sideways)",
        ScrollableCode = "Code (scrolls sideways)",
        AuthorSeparator = ", ",
        FormatDate = d => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
        SectionLinkTo = title => $"Link to this section: {title}",
        Downloads = "Downloads",
        EarlierChapters = n => n == 1 ? "1 earlier chapter" : $"{n} earlier chapters",
        SectionCount = n => n == 1 ? "1 section" : $"{n} sections",
        NotFoundTitle = "Page not found",
        NotFoundText = "Nothing is published at this address; it may have been renamed or moved. The home page and the contents below lead to every chapter.",
        MovedTo = "This page has moved to",
        Search = "Search",
        SearchPlaceholder = "Search the book",
        SearchResults = "Search results",
        SearchNeedsScript = "Search needs JavaScript to be enabled. Without it, the contents lead to every chapter and section.",
    };

    public static SiteLabels For(string language) =>
        language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;
}
