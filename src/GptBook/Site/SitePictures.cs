using System.Globalization;
using System.Xml.Linq;
using GptBook.Html;

namespace GptBook.Site;

/// <summary>
/// Makes a page's pictures light on phones: each prepared PNG or JPEG becomes a &lt;picture&gt; whose WebP source
/// and fallback &lt;img&gt; both list every width the image stage made (srcset with w descriptors) and say how
/// wide the picture shows (<c>sizes</c>), so a 390 px phone fetches the 360 or 720 px file rather than 1440; the
/// &lt;img&gt; keeps its width and height (no layout shift). Pictures below the first screen load lazily; the first
/// one near the top of the page does not, as it is likely the largest thing a reader sees first.
/// </summary>
public static class SitePictures
{
    /// <summary>The text column's widest (site.css: a 36em measure at the body's 17 px) and the page's side
    /// padding (1.25rem each side at 16 px): the slot a picture fills is at most the column, and on a narrow
    /// screen the viewport less the padding.</summary>
    public const int ColumnPixels = 612;

    public const int SidePaddingPixels = 40;

    /// <summary>A picture with less text than this before it is taken to be on the first screen of a phone (about
    /// 15 lines of 20 Han characters under the header).</summary>
    public const int FirstScreenCharacters = 300;

    private static readonly XNamespace X = PolyglotHtmlSerializer.Xhtml;

    /// <param name="content">The page's content element (the article), after the content writer.</param>
    /// <param name="files">Where the page's prepared images were handed out.</param>
    /// <param name="resolver">Names the WebP files (which copies them into the site).</param>
    public static void Apply(XElement content, SiteImageFiles files, CatalogImageResolver resolver)
    {
        var pictures = 0;
        var textBefore = 0;
        foreach (var node in content.DescendantNodes().ToArray())
        {
            if (node is XText text)
            {
                textBefore += text.Value.Trim().Length;
                continue;
            }
            if (node is not XElement { Name.LocalName: "img" } img || img.Parent?.Name == X + "picture") continue;
            var width = (int?)img.Attribute("width");
            var prepared = (string?)img.Attribute("src") is { } src ? files.ImageAt(src) : null;
            var sizes = width is > 0 ? Sizes(width.Value) : null;
            var lazy = pictures++ > 0 || textBefore >= FirstScreenCharacters;
            if (lazy) img.SetAttributeValue("loading", "lazy");
            img.SetAttributeValue("decoding", "async");
            if (sizes != null && img.Attribute("srcset") != null) img.SetAttributeValue("sizes", sizes);
            var webp = prepared == null || prepared.IsPlaceholder ? null : resolver.SrcSet(prepared, null, "image/webp");
            if (webp == null || sizes == null) continue;
            var picture = new XElement(X + "picture",
                new XElement(X + "source", new XAttribute("type", "image/webp"), new XAttribute("srcset", webp), new XAttribute("sizes", sizes)));
            img.ReplaceWith(picture);
            picture.Add(img);
        }
    }

    /// <summary>How wide a picture <paramref name="width"/> CSS pixels wide shows: its own width where the column
    /// holds it, else the column, and on a narrow screen the viewport less the padding.</summary>
    public static string Sizes(int width)
    {
        var shown = Math.Min(width, ColumnPixels);
        return string.Create(CultureInfo.InvariantCulture,
            $"(min-width: {shown + SidePaddingPixels}px) {shown}px, calc(100vw - {SidePaddingPixels}px)");
    }
}
