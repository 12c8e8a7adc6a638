using System.Globalization;

namespace GptBook.Site;

/// <summary>
/// The site's own words, beyond the shared <see cref="Model.LanguageLabels"/>: navigation and accessibility text
/// that only a web page needs. Chinese for any zh-*, English otherwise, like the shared labels.
/// </summary>
public sealed record SiteLabels(
    string SkipToContent,
    string Home,
    string SectionLink,
    string PageNavigation,
    string ScrollableTable,
    string ScrollableCode,
    string AuthorSeparator,
    Func<DateOnly, string> FormatDate)
{
    public static readonly SiteLabels Chinese = new("跳到正文", "首页", "本节链接", "翻页", "表格（可横向滚动）", "代码（可横向滚动）", "、",
        d => $"{d.Year} 年 {d.Month} 月 {d.Day} 日");

    public static readonly SiteLabels English = new("Skip to content", "Home", "Link to this section", "Pages",
        "Table (scrolls sideways)", "Code (scrolls sideways)", ", ",
        d => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture));

    public static SiteLabels For(string language) =>
        language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;
}
