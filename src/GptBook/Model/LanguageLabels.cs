namespace GptBook.Model;

/// <summary>
/// The words a book prints around its content ("图 1", "目录" …), chosen by the book's language so that every
/// writer says the same thing. Chinese (any zh-*) and English are built in; other languages fall back to English.
/// </summary>
public sealed record LanguageLabels(
    string FigureWord,
    string CaptionSeparator,
    string TableOfContents,
    string Cover,
    string Footnotes,
    string Previous,
    string Next,
    string Download,
    string ImageMissing,
    string PageList = "Pages of the print edition")
{
    public static readonly LanguageLabels Chinese = new("图", "\u3000", "目录", "封面", "注释", "上一页", "下一页", "下载", "图片缺失", "印刷版页码");

    public static readonly LanguageLabels English = new("Figure", ": ", "Contents", "Cover", "Notes", "Previous", "Next", "Download", "Image missing");

    public static LanguageLabels For(string language) =>
        language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;

    /// <summary>The label over a GitHub alert, as GitHub shows it in the language.</summary>
    public string Admonition(AdmonitionKind kind) => (this == Chinese, kind) switch
    {
        (true, AdmonitionKind.Note) => "注意",
        (true, AdmonitionKind.Tip) => "提示",
        (true, AdmonitionKind.Important) => "重要",
        (true, AdmonitionKind.Warning) => "警告",
        (true, AdmonitionKind.Caution) => "小心",
        (_, var other) => other.ToString(),
    };

    /// <summary>The summary of a collapsible block whose author gave none (VuePress's <c>::: details</c>).</summary>
    public string Details => this == Chinese ? "详细信息" : "Details";

    /// <summary>"图 3" or "Figure 3".</summary>
    public string FigureLabel(int number) => $"{FigureWord} {number}";
}
