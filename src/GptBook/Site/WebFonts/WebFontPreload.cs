using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace GptBook.Site.WebFonts;

/// <summary>
/// Asks for the font slices a page shows before its stylesheets are read, so that over HTTP the text is first drawn
/// in the book's face instead of being drawn in the reader's font and then moved when the face arrives (Lighthouse
/// measured a layout shift of 0.20 on a chapter page from that swap: the paragraphs gained lines).
/// <para>A plain <c>&lt;link rel="preload"&gt;</c> cannot be used: a font is fetched in CORS mode, and from
/// <c>file://</c> Chromium refuses the preload and logs an error on every page. So the links sit in an inert
/// <c>&lt;template&gt;</c>, and a one-line inline script moves them into the head when the page came over http(s).
/// The script's text is constant, so the content security policy allows it by its hash alone
/// (<see cref="ScriptSource"/>): nothing else inline can run. Without scripts the page loads as before, with the swap.</para>
/// </summary>
public static class WebFontPreload
{
    public const string TemplateId = "gb-font-preload";

    /// <summary>The script, exactly as written into every page (no character the serializer would escape).</summary>
    public const string Script =
        "if(/^https?:$/.test(location.protocol))document.head.appendChild(document.getElementById(\"" + TemplateId + "\").content)";

    /// <summary>The CSP source that lets <see cref="Script"/> run and nothing else inline.</summary>
    public static readonly string ScriptSource = "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Script))) + "'";

    private static readonly XNamespace X = PolyglotHtmlSerializer.Xhtml;

    /// <summary>
    /// Marks where the preload goes in the page's head, before its first stylesheet (a script placed after a
    /// stylesheet would wait for it), for a page that is serialized before the font slices are cut: the page's tree is
    /// then dropped, not kept for the whole site (a chapter of formulas is thousands of MathML elements).
    /// <see cref="Fill"/> puts the preload in the serialized page. Returns the path that the page's link to fonts.css
    /// starts with (a 404 page reached at any depth uses the site's root), which the font files are addressed by;
    /// null, with nothing marked, for a page without that link, which gets no preload.
    /// </summary>
    public static string? MarkPlace(XElement page)
    {
        var head = page.Element(X + "head");
        var stylesheets = head?.Elements(X + "link").Where(l => (string?)l.Attribute("rel") == "stylesheet").ToArray() ?? [];
        var fontsLink = stylesheets.FirstOrDefault(l => ((string?)l.Attribute("href"))?.EndsWith(WebFontWriter.Stylesheet, StringComparison.Ordinal) == true);
        if (fontsLink == null) return null;
        stylesheets[0].AddBeforeSelf(new XElement(X + "template", new XAttribute("id", TemplateId)));
        var href = (string)fontsLink.Attribute("href")!;
        return href[..^WebFontWriter.Stylesheet.Length];
    }

    /// <summary>
    /// The serialized page (<see cref="PolyglotHtmlSerializer.SerializeToString"/>) with the place
    /// <see cref="MarkPlace"/> marked filled: the preload of <paramref name="fontFiles"/> (paths inside the site, in the
    /// order given) in an inert template, and the script that moves it into the head; nothing when there is nothing
    /// to preload. The guard removes every template from content, so the only one in the page is the mark.
    /// </summary>
    public static string Fill(string page, string root, IReadOnlyList<string> fontFiles)
    {
        var at = page.IndexOf(Mark, StringComparison.Ordinal);
        if (at < 0) throw new InvalidOperationException("a page marked for the font preload has lost its mark");
        var preload = fontFiles.Count == 0 ? "" : PolyglotHtmlSerializer.Fragment(
        [
            new XElement(X + "template", new XAttribute("id", TemplateId),
                fontFiles.Select(file => new XElement(X + "link",
                    new XAttribute("rel", "preload"), new XAttribute("href", root + file), new XAttribute("as", "font"),
                    new XAttribute("type", "font/woff2"), new XAttribute("crossorigin", "anonymous")))),
            new XElement(X + "script", Script),
        ]);
        return string.Concat(page.AsSpan(0, at), preload, page.AsSpan(at + Mark.Length));
    }

    /// <summary>The mark as the serializer writes it.</summary>
    private static readonly string Mark = PolyglotHtmlSerializer.Fragment([new XElement(X + "template", new XAttribute("id", TemplateId))]);
}
