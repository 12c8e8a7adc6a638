using System.Text;
using System.Xml.Linq;
using FsCheck;
using FsCheck.Fluent;
using GptBook.Policies;

namespace GptBook.Tests.Images;

/// <summary>
/// The SVG sanitizer against generated hostile documents: random trees of allowed and dangerous elements, event
/// handlers, references spelled every way a browser still reads as script or as a fetch, stylesheets and style
/// attributes with imports and external URLs. Whatever comes in, what comes out is well-formed SVG in which
/// nothing can run and nothing is fetched.
/// </summary>
public sealed class SvgSanitizerPropertyTests
{
    private static readonly string[] Elements =
        ["g", "rect", "circle", "path", "text", "tspan", "use", "image", "a", "switch", "defs", "symbol", "linearGradient", "stop",
         "clipPath", "marker", "script", "foreignObject", "style", "set", "animate", "iframe", "filter", "metadata", "html:script", "html:img"];

    private static readonly string[] References =
        ["#ok", "javascript:alert(1)", "JaVaScRiPt:alert(1)", " java\tscript:alert(1)", "java&#10;script:x", "data:text/html,<script>",
         "data:image/svg+xml;base64,PHN2Zy8+", "data:image/png;base64,iVBORw0KGgo=", "https://evil.example/x.svg#a", "//evil.example/a",
         "file:///etc/passwd", "vbscript:x", "#a\" onload=\"x", "data:image/jpeg;base64,/9j/", ""];

    private static readonly string[] StyleValues =
        ["fill: red", "fill: url(https://evil.example/p#g)", "fill: url('javascript:alert(1)')", "background: url(x.png)",
         "stroke: expression(alert(1))", "fill: u\\72l(https://e.example)", "behavior: url(x.htc)", "fill: url(#ok)", "-moz-binding: url(x)"];

    private static readonly string[] Stylesheets =
        ["@import url(https://evil.example/a.css); rect { fill: red }", "rect { fill: url(https://evil.example/g) }", "* { stroke: blue }",
         ".c { fill: url(javascript:x) }", "@font-face { src: url(https://e.example/f.woff) } text { font-family: x }", "body { display: none }"];

    private static Gen<string> Attribute() => Gen.OneOf(
        Gen.Elements("onload", "onclick", "ONMOUSEOVER", "onbegin", "onfocusin").Select(n => $" {n}=\"alert(1)\""),
        Gen.Elements(References).SelectMany(r => Gen.Elements("href", "xlink:href", "fill", "clip-path", "marker-end", "filter", "mask")
            .Select(name => $" {name}=\"{Escape(name is "href" or "xlink:href" ? r : $"url({r})")}\"")),
        Gen.Elements(StyleValues).Select(v => $" style=\"{Escape(v)}\""),
        Gen.Elements(" class=\"c\"", " width=\"10\"", " d=\"M0 0L10 10\"", " x=\"1\"", " xml:base=\"https://evil.example/\"", " attributeName=\"href\"", " to=\"javascript:x\""));

    private static Gen<string> Node(int size) =>
        size <= 0
            ? Gen.Elements("text", "<!-- c -->", "<![CDATA[alert(1)]]>", "&lt;script&gt;", "")
            : Gen.OneOf(
                Node(0),
                from name in Gen.Elements(Elements)
                from attributes in Between(Attribute(), 0, 4).Select(Distinct)
                from children in Between(Node(size / 2), 0, 3)
                let content = name == "style" ? Stylesheets[Math.Abs(string.Concat(children).GetHashCode(StringComparison.Ordinal)) % Stylesheets.Length] : string.Concat(children)
                select $"<{name}{string.Concat(attributes)}>{content}</{name}>");

    private static Gen<IList<T>> Between<T>(Gen<T> gen, int min, int max) => Gen.Choose(min, max).SelectMany(n => gen.ListOf(n).Select(l => (IList<T>)l.ToList()));

    /// <summary>One attribute of each name, so that the documents are well-formed XML and reach the sanitizer.</summary>
    private static IEnumerable<string> Distinct(IList<string> attributes) => attributes.DistinctBy(a => a.Split('=')[0]);

    private static string Escape(string value) => value.Replace("&", "&amp;").Replace("\"", "&quot;").Replace("<", "&lt;");

    private static readonly Gen<string> Documents =
        from attributes in Between(Attribute(), 0, 3).Select(Distinct)
        from body in Gen.Sized(size => Between(Node(Math.Min(size, 12)), 1, 5))
        select "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" xmlns:html=\"http://www.w3.org/1999/xhtml\""
            + string.Concat(attributes) + ">" + string.Concat(body) + "</svg>";

    [Fact]
    public void Nothing_runs_nothing_is_fetched_and_the_output_is_well_formed()
    {
        var checkedDocuments = 0;
        Prop.ForAll(Arb.From(Documents), svg =>
        {
            var sanitized = SvgSanitizer.Sanitize(Encoding.UTF8.GetBytes(svg), out var error);
            Assert.True(sanitized != null, $"{error}\n{svg}"); // the generator writes well-formed XML
            checkedDocuments++;
            var output = Encoding.UTF8.GetString(sanitized.Bytes);
            var document = XDocument.Parse(output);
            Assert.Equal(XName.Get("svg", SvgAllowList.SvgNamespace), document.Root!.Name);
            foreach (var element in document.Descendants())
            {
                Assert.Equal(SvgAllowList.SvgNamespace, element.Name.NamespaceName);
                Assert.True(SvgAllowList.Elements.ContainsKey(element.Name.LocalName), element.Name.LocalName);
                foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration))
                {
                    var name = attribute.Name.LocalName;
                    Assert.False(name.StartsWith("on", StringComparison.OrdinalIgnoreCase), name);
                    Assert.NotEqual("style", name);
                    Assert.NotEqual("class", name);
                    var squeezed = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
                    Assert.DoesNotContain("script:", squeezed);
                    Assert.DoesNotContain("expression(", squeezed);
                    Assert.DoesNotContain("\\", squeezed);
                    if (name == "href")
                        Assert.True(squeezed.StartsWith('#') || squeezed.StartsWith("data:image/png;base64,", StringComparison.Ordinal)
                            || squeezed.StartsWith("data:image/jpeg;base64,", StringComparison.Ordinal), attribute.Value);
                    var url = squeezed.IndexOf("url(", StringComparison.Ordinal);
                    while (url >= 0)
                    {
                        var target = squeezed[(url + 4)..].TrimStart('\'', '"');
                        Assert.StartsWith("#", target);
                        url = squeezed.IndexOf("url(", url + 4, StringComparison.Ordinal);
                    }
                }
            }
            Assert.DoesNotContain("@import", output, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<style", output, StringComparison.OrdinalIgnoreCase);
            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
        Assert.Equal(300, checkedDocuments);
    }
}
