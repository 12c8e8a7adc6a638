using System.Xml.Linq;
using GptBook.Diagnostics;
using GptBook.Html;
using GptBook.Model;
using GptBook.Policies;

namespace GptBook.Site;

/// <summary>
/// What a web page adds to the shared content markup: a visible "#" link after every heading with an id (beside
/// the heading, not inside it, so that the heading's accessible name stays its own text), a scrolling box around
/// every table, and keyboard focus for code that scrolls sideways. Then a last guard: the
/// shared writer already sanitizes, but should anything script-like ever reach a site page (a script, style or
/// embedding element, an element outside XHTML, an on… handler, a URL attribute that is not local, http(s) or
/// mailto; an embedded SVG outside the SVG allow-list; MathML outside the formula writer's allow-list), it is
/// removed and reported as an error, never published.
/// </summary>
public static class SiteMarkupTransform
{
    private static readonly XNamespace X = PolyglotHtmlSerializer.Xhtml;

    private static readonly HashSet<string> ForbiddenElements =
        ["script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "form", "link", "meta", "noscript", "template", "math"];

    private static readonly XNamespace Svg = Policies.SvgAllowList.SvgNamespace;

    private static readonly XNamespace MathMl = MathMLAllowList.Namespace;

    private static readonly HashSet<string> UrlAttributes =
        ["href", "src", "srcset", "action", "formaction", "poster", "data", "cite", "background", "xlink:href", "ping"];

    private static readonly HashSet<string> Headings = ["h1", "h2", "h3", "h4", "h5", "h6"];

    public static void Decorate(XElement content, SiteLabels siteLabels)
    {
        foreach (var heading in content.DescendantsAndSelf().Where(e => Headings.Contains(e.Name.LocalName)).ToArray())
        {
            var id = (string?)heading.Attribute("id");
            if (string.IsNullOrEmpty(id)) continue;
            // The heading is inline in its wrapper (beside its "#" link), so the author's alignment is the wrapper's.
            var aligned = ((string?)heading.Attribute("class"))?.Split(' ').FirstOrDefault(c => c.StartsWith("align-", StringComparison.Ordinal));
            var wrapper = new XElement(X + "div", new XAttribute("class", $"heading heading-{heading.Name.LocalName[1]}" + (aligned == null ? "" : " " + aligned)));
            heading.ReplaceWith(wrapper);
            wrapper.Add(heading, new XElement(X + "a",
                new XAttribute("class", "heading-anchor"),
                new XAttribute("href", "#" + id),
                new XAttribute("aria-label", siteLabels.SectionLinkTo(heading.Value.Trim())),
                "#"));
        }
        foreach (var table in content.Descendants(X + "table").ToArray())
        {
            var box = table.Parent is { } parent && parent.Name == X + "div" && parent.Elements().Count() == 1 ? parent : null;
            if (box == null)
            {
                box = new XElement(X + "div");
                table.ReplaceWith(box);
                box.Add(table);
            }
            box.SetAttributeValue("class", "table-scroll");
            box.SetAttributeValue("role", "region");
            box.SetAttributeValue("tabindex", "0");
            box.SetAttributeValue("aria-label", siteLabels.ScrollableTable);
            foreach (var cell in table.Descendants().Where(e => e.Name == X + "th" || e.Name == X + "td"))
                AlignmentToClass(cell);
        }
        foreach (var pre in content.Descendants(X + "pre"))
        {
            pre.SetAttributeValue("tabindex", "0");
            pre.SetAttributeValue("role", "region");
            pre.SetAttributeValue("aria-label", siteLabels.ScrollableCode);
        }
    }

    /// <summary>
    /// The shared writer aligns table columns with a style attribute, which the site's policy (no inline styles)
    /// would block; the same alignment as a class works under it.
    /// </summary>
    private static void AlignmentToClass(XElement cell)
    {
        var style = (string?)cell.Attribute("style");
        if (style == null) return;
        var alignment = style.Replace(" ", "").TrimEnd(';') switch
        {
            "text-align:left" => "align-left",
            "text-align:center" => "align-center",
            "text-align:right" => "align-right",
            _ => null,
        };
        if (alignment == null) return;
        cell.Attribute("style")!.Remove();
        var existing = (string?)cell.Attribute("class");
        cell.SetAttributeValue("class", existing == null ? alignment : existing + " " + alignment);
    }

    /// <summary>Removes anything that could run or load from elsewhere; reports each removal with the page's name.</summary>
    /// <param name="root">A path from the host's root that the page's own links may start with (the 404 page's
    /// "/book/"), or "" when every local link must be relative.</param>
    public static void Guard(XElement page, string fileName, DiagnosticBag diagnostics, string root = "")
    {
        var body = page.Element(X + "body") ?? page;
        foreach (var element in body.DescendantsAndSelf().ToArray())
        {
            if (element.Parent == null && element != body) continue; // inside an element removed already
            if (element.Name.Namespace == Svg)
            {
                GuardSvg(element, fileName, diagnostics);
                continue;
            }
            if (element.Name.Namespace == MathMl)
            {
                GuardMathMl(element, fileName, diagnostics);
                continue;
            }
            if (ForbiddenElements.Contains(element.Name.LocalName) || element.Name.Namespace != X)
            {
                Report(diagnostics, fileName, $"<{element.Name}> element");
                element.Remove();
                continue;
            }
            foreach (var attribute in element.Attributes().ToArray())
            {
                var name = attribute.Name.LocalName.ToLowerInvariant();
                if (attribute.IsNamespaceDeclaration) continue;
                if (attribute.Name.Namespace != XNamespace.None && attribute.Name.Namespace != XNamespace.Xml)
                {
                    // epub:type and the like: meaningless in a web page, and not HTML5.
                    attribute.Remove();
                }
                else if (name.StartsWith("on", StringComparison.Ordinal) || name == "style" || name == "srcdoc")
                {
                    Report(diagnostics, fileName, $"{name} attribute on <{element.Name.LocalName}>");
                    attribute.Remove();
                }
                else if (UrlAttributes.Contains(name) && !IsAllowedUrl(name, RelativeTo(root, attribute.Value)))
                {
                    Report(diagnostics, fileName, $"{name}=\"{attribute.Value}\" on <{element.Name.LocalName}>");
                    attribute.Remove();
                }
            }
        }
    }

    /// <summary>
    /// An embedded SVG element (a figure the image stage sanitized) must still be within the SVG allow-list: its
    /// element and attributes named there, its references fragments or inline PNG/JPEG data.
    /// </summary>
    private static void GuardSvg(XElement element, string fileName, DiagnosticBag diagnostics)
    {
        var name = element.Name.LocalName;
        if (!Policies.SvgAllowList.Elements.ContainsKey(name))
        {
            Report(diagnostics, fileName, $"<{element.Name}> element");
            element.Remove();
            return;
        }
        foreach (var attribute in element.Attributes().ToArray())
        {
            if (attribute.IsNamespaceDeclaration) continue;
            var local = attribute.Name.LocalName;
            var allowed = attribute.Name.Namespace == Policies.SvgAllowList.XLinkNamespace && local == "href"
                ? Policies.SvgAllowList.IsAllowedReference(name, attribute.Value)
                : attribute.Name.Namespace == XNamespace.Xml
                  || (attribute.Name.Namespace == XNamespace.None && (Policies.SvgAllowList.IsAllowedAttribute(name, local)
                      || (element.Parent?.Name.Namespace != Svg && local is "role" or "aria-label" or "class")));
            if (allowed && !attribute.Value.Contains("script:", StringComparison.OrdinalIgnoreCase)) continue;
            Report(diagnostics, fileName, $"{attribute.Name.LocalName} attribute on <{name}>");
            attribute.Remove();
        }
    }

    /// <summary>A formula's MathML must stay within what the formula writer makes (<see cref="MathMLAllowList"/>).</summary>
    private static void GuardMathMl(XElement element, string fileName, DiagnosticBag diagnostics)
    {
        if (!MathMLAllowList.Elements.Contains(element.Name.LocalName))
        {
            Report(diagnostics, fileName, $"<{element.Name}> element");
            element.Remove();
            return;
        }
        // Walked by hand rather than over a copy of the list: a page of formulas has thousands of MathML elements, and
        // the next attribute is taken before one is removed.
        for (var attribute = element.FirstAttribute; attribute is not null;)
        {
            var next = attribute.NextAttribute;
            if (!attribute.IsNamespaceDeclaration && !(attribute.Name.Namespace == XNamespace.None && MathMLAllowList.Attributes.Contains(attribute.Name.LocalName)))
            {
                Report(diagnostics, fileName, $"{attribute.Name.LocalName} attribute on <{element.Name.LocalName}>");
                attribute.Remove();
            }
            attribute = next;
        }
    }

    /// <summary>A link under the page's root as the relative link it stands for ("/book/a.html" → "a.html").</summary>
    private static string RelativeTo(string root, string value) =>
        root.Length > 1 && value.StartsWith(root, StringComparison.Ordinal) ? value[root.Length..] : value;

    /// <summary>Local relative references and fragments anywhere; http(s) and mailto only as link targets.</summary>
    private static bool IsAllowedUrl(string attribute, string value)
    {
        if (attribute == "srcset")
            return value.Split(',').All(candidate => IsLocal(candidate.Trim().Split(' ')[0]));
        if (IsLocal(value)) return true;
        return attribute is "href" or "cite" && UrlSchemes.IsAllowedLink(value);
    }

    /// <summary>A path relative to the page (or a fragment): no scheme, no authority, no control characters.</summary>
    private static bool IsLocal(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0 || trimmed.Any(char.IsControl) || trimmed.StartsWith('/') || trimmed.Contains('\\'))
            return false;
        var colon = trimmed.IndexOf(':');
        var slash = trimmed.IndexOfAny(['/', '?', '#']);
        return colon < 0 || (slash >= 0 && slash < colon);
    }

    private static void Report(DiagnosticBag diagnostics, string fileName, string what) =>
        diagnostics.Report(DiagnosticCodes.SiteMarkupRemoved, new SourceSpan(fileName, 0, 0), $"removed {what} from the site page {fileName}");
}
