using System.Xml.Linq;
using GptBook.Model;
using GptBook.Units;

namespace GptBook.Site;

/// <summary>
/// The frame every page of the site shares: head (charset, viewport, CSP, title, stylesheet, prev/next), skip
/// link, header, the main content, the table of contents, footer. Landmarks: header, main, nav, footer.
/// On wide screens the stylesheet puts the contents beside the text; on phones after it, reached from the header.
/// </summary>
public static class SiteLayout
{
    public const string MainId = "main";
    public const string TocId = "toc";

    private static readonly XNamespace X = PolyglotHtmlSerializer.Xhtml;

    /// <param name="BodyClass">"page-home" or "page-chunk": lets the stylesheet tell the two kinds of page apart.</param>
    public sealed record PageParts(
        string BodyClass,
        string Title,
        XElement Main,
        XElement? Toc,
        string? PreviousHref = null,
        string? NextHref = null,
        string? Description = null);

    public static XElement Compose(BookMetadata metadata, LanguageLabels labels, SiteLabels siteLabels, PageParts page)
    {
        var head = new XElement(X + "head",
            new XElement(X + "meta", new XAttribute("charset", "utf-8")),
            new XElement(X + "meta", new XAttribute("name", "viewport"), new XAttribute("content", "width=device-width, initial-scale=1")),
            new XElement(X + "meta", new XAttribute("http-equiv", "Content-Security-Policy"), new XAttribute("content", SiteContentSecurityPolicy.Value)),
            new XElement(X + "meta", new XAttribute("name", "color-scheme"), new XAttribute("content", "light dark")),
            new XElement(X + "title", page.Title),
            page.Description is { Length: > 0 } d ? new XElement(X + "meta", new XAttribute("name", "description"), new XAttribute("content", d)) : null,
            metadata.Authors.Count > 0 ? new XElement(X + "meta", new XAttribute("name", "author"), new XAttribute("content", string.Join(siteLabels.AuthorSeparator, metadata.Authors))) : null,
            new XElement(X + "link", new XAttribute("rel", "icon"), new XAttribute("href", SiteAssets.Icon), new XAttribute("type", "image/svg+xml")),
            new XElement(X + "link", new XAttribute("rel", "stylesheet"), new XAttribute("href", SiteAssets.Stylesheet)),
            page.PreviousHref != null ? new XElement(X + "link", new XAttribute("rel", "prev"), new XAttribute("href", page.PreviousHref)) : null,
            page.NextHref != null ? new XElement(X + "link", new XAttribute("rel", "next"), new XAttribute("href", page.NextHref)) : null);

        var header = new XElement(X + "header", new XAttribute("class", "site-header"),
            new XElement(X + "div", new XAttribute("class", "site-header-inner"),
                new XElement(X + "a", new XAttribute("class", "site-title"), new XAttribute("href", "index.html"), metadata.Title),
                page.Toc != null
                    ? new XElement(X + "a", new XAttribute("class", "toc-jump"), new XAttribute("href", "#" + TocId), labels.TableOfContents)
                    : null));

        var footer = new XElement(X + "footer", new XAttribute("class", "site-footer"),
            new XElement(X + "p", FooterText(metadata, siteLabels)));

        var body = new XElement(X + "body",
            new XAttribute("class", page.BodyClass),
            new XElement(X + "a", new XAttribute("class", "skip-link"), new XAttribute("href", "#" + MainId), siteLabels.SkipToContent),
            header,
            new XElement(X + "div", new XAttribute("class", "layout"),
                page.Main,
                page.Toc),
            footer);

        return new XElement(X + "html",
            new XAttribute("lang", metadata.Language),
            new XAttribute(XNamespace.Xml + "lang", metadata.Language),
            head, body);
    }

    /// <summary>The main landmark, the skip link's target.</summary>
    public static XElement Main(params object[] content) =>
        new(X + "main", new XAttribute("id", MainId), new XAttribute("tabindex", "-1"), content);

    private static string FooterText(BookMetadata metadata, SiteLabels siteLabels)
    {
        var parts = new List<string> { metadata.Title };
        if (metadata.Authors.Count > 0) parts.Add(string.Join(siteLabels.AuthorSeparator, metadata.Authors));
        parts.Add(siteLabels.FormatDate(metadata.Date));
        if (metadata.Rights is { Length: > 0 } rights) parts.Add(rights);
        return string.Join(" · ", parts);
    }
}
