using System.Xml.Linq;

namespace GptBook.Site;

/// <summary>
/// 404.html, in the book's language: what happened, a way home, and the book's contents, so that a reader who
/// followed a dead link still finds the chapter. Hosts (GitHub Pages, Netlify, Cloudflare Pages …) serve it for any
/// missing address, at any depth, so its links start from the published path when the base URL is known.
/// </summary>
public static class SiteNotFoundPage
{
    public const string FileName = "404.html";

    private static readonly XNamespace X = PolyglotHtmlSerializer.Xhtml;

    public static XElement Main(SiteFrame frame, XElement tableOfContents) =>
        SiteLayout.Main(new XElement(X + "div", new XAttribute("class", "book-home not-found"),
            new XElement(X + "h1", frame.SiteLabels.NotFoundTitle),
            new XElement(X + "p", frame.SiteLabels.NotFoundText),
            new XElement(X + "p", new XElement(X + "a", new XAttribute("href", frame.Root + SiteWriter.IndexFile), new XAttribute("class", "home-link"),
                $"{frame.SiteLabels.Home}：{frame.Metadata.Title}")),
            tableOfContents));

    /// <summary>The path part of the base URL ("/book/"), or "" without one (links then stay relative).</summary>
    public static string RootFor(string? baseUrl) => baseUrl == null ? "" : new Uri(baseUrl).AbsolutePath;
}
