using System.Xml.Linq;

namespace GptBook.Site;

/// <summary>
/// The frame every page of the site shares: head (charset, viewport, CSP, title, description, canonical link,
/// OpenGraph and Twitter card, stylesheet, prev/next), skip link, header, the main content, the table of contents,
/// and a footer that offers the downloads with their sizes. Landmarks: header, main, nav, footer.
/// On wide screens the stylesheet puts the contents beside the text; on phones after it, reached from the header.
/// </summary>
public static class SiteLayout
{
    public const string MainId = "main";
    public const string TocId = "toc";

    private static readonly XNamespace X = PolyglotHtmlSerializer.Xhtml;

    /// <param name="BodyClass">"page-home", "page-chunk" …: lets the stylesheet tell the kinds of page apart.</param>
    /// <param name="FileName">The page's own file in the site, for its canonical address.</param>
    /// <param name="OpenGraphType">"book" for the home page, "article" for a chapter's page, "website" otherwise.</param>
    /// <param name="Indexable">False for pages search engines should not list (the 404 page, old addresses).</param>
    /// <param name="RefreshTo">For a page left at an old address: where it sends the browser at once (and what its
    /// canonical link names).</param>
    public sealed record PageParts(
        string BodyClass,
        string FileName,
        string Title,
        XElement Main,
        XElement? Toc,
        string? PreviousHref = null,
        string? NextHref = null,
        string? Description = null,
        string OpenGraphType = "website",
        bool Indexable = true,
        string? RefreshTo = null);

    public static XElement Compose(SiteFrame frame, PageParts page)
    {
        var (metadata, labels, siteLabels) = (frame.Metadata, frame.Labels, frame.SiteLabels);
        var root = frame.Root;
        var description = page.Description is { Length: > 0 } d ? d : metadata.Description;
        var canonical = page.RefreshTo != null ? frame.AbsoluteUrl(page.RefreshTo) : page.Indexable ? frame.AbsoluteUrl(page.FileName) : null;
        var head = new XElement(X + "head",
            new XElement(X + "meta", new XAttribute("charset", "utf-8")),
            new XElement(X + "meta", new XAttribute("name", "viewport"), new XAttribute("content", "width=device-width, initial-scale=1")),
            new XElement(X + "meta", new XAttribute("http-equiv", "Content-Security-Policy"), new XAttribute("content", SiteContentSecurityPolicy.Value)),
            new XElement(X + "meta", new XAttribute("name", "color-scheme"), new XAttribute("content", "light dark")),
            new XElement(X + "title", page.Title),
            description is { Length: > 0 } ? Meta("name", "description", description) : null,
            metadata.Authors.Count > 0 ? Meta("name", "author", string.Join(siteLabels.AuthorSeparator, metadata.Authors)) : null,
            page.Indexable ? null : Meta("name", "robots", "noindex"),
            page.RefreshTo != null ? Meta("http-equiv", "refresh", "0; url=" + page.RefreshTo) : null,
            canonical != null ? Link("canonical", canonical) : null,
            SharingTags(frame, page, description, canonical),
            Link("icon", root + SiteAssets.Icon, "image/svg+xml"),
            Link("stylesheet", root + SiteAssets.Stylesheet),
            Link("stylesheet", root + WebFonts.WebFontWriter.Stylesheet),
            // The site's one script, deferred: it never holds up the page, which reads fully without it.
            new XElement(X + "script", new XAttribute("src", root + SiteAssets.Script), new XAttribute("defer", "defer")),
            page.PreviousHref != null ? Link("prev", page.PreviousHref) : null,
            page.NextHref != null ? Link("next", page.NextHref) : null);

        var header = new XElement(X + "header", new XAttribute("class", "site-header"),
            new XElement(X + "div", new XAttribute("class", "site-header-inner"),
                new XElement(X + "a", new XAttribute("class", "site-title"), new XAttribute("href", root + SiteWriter.IndexFile), metadata.Title),
                page.FileName == Search.SearchPage.FileName ? null : SearchBox(frame),
                page.Toc != null
                    ? new XElement(X + "a", new XAttribute("class", "toc-jump"), new XAttribute("href", "#" + TocId), labels.TableOfContents)
                    : null));

        var body = new XElement(X + "body",
            new XAttribute("class", page.BodyClass),
            new XElement(X + "a", new XAttribute("class", "skip-link"), new XAttribute("href", "#" + MainId), siteLabels.SkipToContent),
            header,
            new XElement(X + "div", new XAttribute("class", "layout"),
                page.Main,
                page.Toc),
            Footer(frame));

        return new XElement(X + "html",
            new XAttribute("lang", metadata.Language),
            new XAttribute(XNamespace.Xml + "lang", metadata.Language),
            head, body);
    }

    /// <summary>
    /// The header's search box: site.js shows it and sends Enter to the results page; without a script it stays
    /// hidden (its space kept, so nothing moves when it appears), since it could do nothing.
    /// </summary>
    private static XElement SearchBox(SiteFrame frame) =>
        new(X + "div", new XAttribute("class", "site-search"), new XAttribute("role", "search"),
            new XElement(X + "input",
                new XAttribute("type", "search"),
                new XAttribute("aria-label", frame.SiteLabels.SearchPlaceholder),
                new XAttribute("placeholder", frame.SiteLabels.SearchPlaceholder),
                new XAttribute("autocomplete", "off"),
                new XAttribute("data-results", frame.Root + Search.SearchPage.FileName)));

    /// <summary>The main landmark, the skip link's target.</summary>
    public static XElement Main(params object[] content) =>
        new(X + "main", new XAttribute("id", MainId), new XAttribute("tabindex", "-1"), content);

    /// <summary>
    /// OpenGraph (read by most chat apps and social sites) and a Twitter card: title, description, the book as site
    /// name, language, and, when the published address is known, the page's URL and the cover as its picture
    /// (both must be absolute to be used at all).
    /// </summary>
    private static IEnumerable<XElement> SharingTags(SiteFrame frame, PageParts page, string? description, string? canonical)
    {
        if (!page.Indexable) yield break;
        var image = frame.ShareImage != null ? frame.AbsoluteUrl(frame.ShareImage) : null;
        yield return Meta("property", "og:type", page.OpenGraphType);
        yield return Meta("property", "og:title", page.Title);
        yield return Meta("property", "og:site_name", frame.Metadata.Title);
        yield return Meta("property", "og:locale", frame.Metadata.Language.Replace('-', '_'));
        if (description is { Length: > 0 }) yield return Meta("property", "og:description", description);
        if (canonical != null) yield return Meta("property", "og:url", canonical);
        if (image != null) yield return Meta("property", "og:image", image);
        if (image != null) yield return Meta("property", "og:image:alt", $"{frame.Labels.Cover}：{frame.Metadata.Title}");
        if (page.OpenGraphType == "book")
            foreach (var author in frame.Metadata.Authors) yield return Meta("property", "book:author", author);
        yield return Meta("name", "twitter:card", "summary");
        yield return Meta("name", "twitter:title", page.Title);
        if (description is { Length: > 0 }) yield return Meta("name", "twitter:description", description);
        if (image != null) yield return Meta("name", "twitter:image", image);
    }

    /// <summary>The book's line, and the downloads with their sizes, so that every page offers them.</summary>
    private static XElement Footer(SiteFrame frame)
    {
        var (metadata, siteLabels) = (frame.Metadata, frame.SiteLabels);
        var parts = new List<string> { metadata.Title };
        if (metadata.Authors.Count > 0) parts.Add(string.Join(siteLabels.AuthorSeparator, metadata.Authors));
        // A book that gives no date has none to show: the default behind its timestamps is no publication date.
        if (metadata.HasDate) parts.Add(siteLabels.FormatDate(metadata.Date));
        if (metadata.Rights is { Length: > 0 } rights) parts.Add(rights);
        return new XElement(X + "footer", new XAttribute("class", "site-footer"),
            new XElement(X + "div", new XAttribute("class", "site-footer-inner"),
                new XElement(X + "p", string.Join(" · ", parts)),
                // The downloads go in once they are built (SiteDownloadLists).
                SiteDownloadLists.Slot(SiteDownloadLists.Place.Footer, frame.Root)));
    }

    private static XElement Meta(string kind, string name, string content) =>
        new(X + "meta", new XAttribute(kind, name), new XAttribute("content", content));

    private static XElement Link(string rel, string href, string? type = null) =>
        new(X + "link", new XAttribute("rel", rel), new XAttribute("href", href), type != null ? new XAttribute("type", type) : null);
}
