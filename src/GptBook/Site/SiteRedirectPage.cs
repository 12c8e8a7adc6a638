using System.Xml.Linq;

namespace GptBook.Site;

/// <summary>
/// The page left at an old address: it sends the browser on at once (a meta refresh, which needs no script and
/// works from disk and on every host), names where to with a link for anyone it does not send, and asks search
/// engines to list the new address instead (noindex, and a canonical link when the base URL is known).
/// </summary>
public static class SiteRedirectPage
{
    private static readonly XNamespace X = PolyglotHtmlSerializer.Xhtml;

    public static XElement Compose(SiteFrame frame, SiteAddressPlan.Redirect redirect) =>
        SiteLayout.Compose(frame, new SiteLayout.PageParts("page-home page-moved", redirect.Address, $"{redirect.Title} · {frame.TitleSuffix}",
            SiteLayout.Main(new XElement(X + "div", new XAttribute("class", "book-home moved"),
                new XElement(X + "p", frame.SiteLabels.MovedTo + " ",
                    new XElement(X + "a", new XAttribute("href", redirect.Href), redirect.Title)))),
            Toc: null, Indexable: false, RefreshTo: redirect.Href));
}
