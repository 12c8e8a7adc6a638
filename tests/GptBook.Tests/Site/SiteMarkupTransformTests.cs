using System.Xml.Linq;
using GptBook.Diagnostics;
using GptBook.Site;

namespace GptBook.Tests.Site;

public class SiteMarkupTransformTests
{
    private static readonly XNamespace X = PolyglotHtmlSerializer.Xhtml;
    private static readonly XNamespace Ops = "http://www.idpf.org/2007/ops";

    [Fact]
    public void The_guard_removes_anything_script_like_or_remote_and_reports_each_removal_as_an_error()
    {
        var body = new XElement(X + "body",
            new XElement(X + "p", new XAttribute("onclick", "alert(1)"), new XAttribute("style", "color:red"), "text"),
            new XElement(X + "script", "alert(2)"),
            new XElement(X + "a", new XAttribute("href", " JavaScript:alert(3)"), "js"),
            new XElement(X + "a", new XAttribute("href", "https://example.org/"), "fine"),
            new XElement(X + "a", new XAttribute("href", "ch002.html#fig-1"), "local"),
            new XElement(X + "img", new XAttribute("src", "https://tracker.example/p.png"), new XAttribute("alt", "")),
            new XElement(X + "img", new XAttribute("src", "images/a.png"), new XAttribute("srcset", "images/a.png 1x, //cdn.example/a.png 2x"), new XAttribute("alt", "")),
            new XElement(X + "a", new XAttribute("href", "/etc/passwd"), "root"),
            new XElement((XNamespace)"http://www.w3.org/2000/svg" + "svg", new XAttribute("onload", "alert(4)")),
            new XElement(X + "aside", new XAttribute(Ops + "type", "footnote"), "note"));
        var page = new XElement(X + "html", new XElement(X + "head"), body);
        var diagnostics = new DiagnosticBag();

        SiteMarkupTransform.Guard(page, "ch001.html", diagnostics);

        Assert.DoesNotContain(body.DescendantsAndSelf(), e => e.Name.LocalName is "script");
        // An embedded SVG figure stays, held to the SVG allow-list: its handler goes.
        Assert.Empty(body.Descendants((XNamespace)"http://www.w3.org/2000/svg" + "svg").Attributes());
        Assert.DoesNotContain(body.DescendantsAndSelf().Attributes(), a => a.Name.LocalName is "onclick" or "style" or "type");
        var hrefs = body.Descendants(X + "a").Select(a => (string?)a.Attribute("href")).ToArray();
        Assert.Equal(new string?[] { null, "https://example.org/", "ch002.html#fig-1", null }, hrefs);
        var images = body.Descendants(X + "img").ToArray();
        Assert.Null(images[0].Attribute("src"));
        Assert.Equal("images/a.png", (string?)images[1].Attribute("src"));
        Assert.Null(images[1].Attribute("srcset"));
        Assert.Equal("note", body.Element(X + "aside")!.Value);
        Assert.All(diagnostics.Items, d => Assert.Equal(DiagnosticCodes.SiteMarkupRemoved.Id, d.Code));
        Assert.Equal(8, diagnostics.Items.Count); // onclick, style, script, javascript:, remote src, srcset, /etc/passwd, svg onload
    }

    [Fact]
    public void Decorate_adds_heading_anchors_scroll_boxes_and_turns_alignment_styles_into_classes()
    {
        var content = new XElement(X + "article",
            new XElement(X + "h2", new XAttribute("id", "history"), "发展历程"),
            new XElement(X + "h3", "no id"),
            new XElement(X + "table", new XElement(X + "tr", new XElement(X + "td", new XAttribute("style", "text-align: right"), "1"))),
            new XElement(X + "pre", new XElement(X + "code", "x")));

        SiteMarkupTransform.Decorate(content, SiteLabels.Chinese);

        // The link sits beside the heading, in a wrapper, so the heading's accessible name is its text alone.
        var wrapper = content.Elements(X + "div").First();
        Assert.Equal("heading heading-2", (string?)wrapper.Attribute("class"));
        Assert.Equal("发展历程", wrapper.Element(X + "h2")!.Value);
        var anchor = wrapper.Element(X + "a")!;
        Assert.Equal(("#history", "#", "heading-anchor", "本节链接：发展历程"),
            ((string?)anchor.Attribute("href"), anchor.Value, (string?)anchor.Attribute("class"), (string?)anchor.Attribute("aria-label")));
        Assert.Null(content.Element(X + "h3")!.Element(X + "a"));
        var box = content.Elements(X + "div").Last();
        Assert.Equal(("table-scroll", "0", "region"), ((string?)box.Attribute("class"), (string?)box.Attribute("tabindex"), (string?)box.Attribute("role")));
        var cell = box.Descendants(X + "td").Single();
        Assert.Equal("align-right", (string?)cell.Attribute("class"));
        Assert.Null(cell.Attribute("style"));
        Assert.Equal("0", (string?)content.Element(X + "pre")!.Attribute("tabindex"));
    }
}
