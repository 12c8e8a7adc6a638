using System.Text;
using System.Xml;
using System.Xml.Linq;
using FsCheck;
using FsCheck.Fluent;
using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Html;
using GptBook.Loading;
using GptBook.Model;
using GptBook.Tests.Support;

namespace GptBook.Tests.Normalization;

/// <summary>
/// Raw HTML in a chapter against generated hostile and broken markup, written the way Markdown books mix it with
/// prose: random trees of mapped, unwrapped, dropped and unknown elements, unclosed and stray tags, comments,
/// tag-like words, event handlers, inline styles and URLs spelled every way a browser still reads as script.
/// Whatever comes in, the loader never throws, every diagnostic points into the chapter at a real line and column,
/// and the chapter's XHTML is well-formed with nothing in it that can run or fetch.
/// </summary>
public sealed class HtmlMappingPropertyTests
{
    private static readonly string[] Elements =
        ["div", "p", "center", "span", "img", "a", "br", "sup", "sub", "kbd", "details", "summary", "table", "tr", "td", "th",
         "ul", "ol", "li", "h2", "h3", "blockquote", "pre", "code", "b", "em", "font", "marquee", "script", "style", "iframe",
         "object", "svg", "math", "form", "input", "button", "template", "noscript", "select", "textarea", "xmp", "html", "body"];

    private static readonly string[] Urls =
        ["../images/2-1.png", "javascript:alert(1)", "JaVaScRiPt:alert(1)", " java\tscript:alert(1)", "java&#10;script:x",
         "data:text/html,<b>x</b>", "vbscript:x", "https://example.org/a.png", "//evil.example/x", "file:///etc/passwd",
         "../../outside.png", "#anchor", "mailto:a@example.org", "tel:123", "%00.png", ""];

    private static Gen<string> Attribute() => Gen.OneOf(
        Gen.Elements("onload", "onclick", "ONERROR", "onmouseover").Select(n => $" {n}=\"alert(1)\""),
        Gen.Elements(Urls).SelectMany(u => Gen.Elements("href", "src", "srcset", "background", "action", "formaction")
            .Select(name => $" {name}=\"{u.Replace("\"", "&quot;")}\"")),
        Gen.Elements(" style=\"background:url(javascript:x)\"", " width=\"90%\"", " width=\"400\"", " height=\"16px\"", " align=\"center\"",
            " align=center", " alt=\"图 1\"", " name=\"x\"", " id=\"dup\"", " colspan=\"99999\"", " rowspan=\"-1\"", " open", " class=\"language-js\""));

    private static Gen<string> Node(int size) =>
        size <= 0
            ? Gen.Elements("文字", "<!-- c -->", "<!-->x", "<T>", "<begin>", "a < b", "&lt;script&gt;", "&amp;", "</p>", "</div>", "<p>", "<li>", "\n\n", "")
            : Gen.OneOf(
                Node(0),
                from name in Gen.Elements(Elements)
                from attributes in Gen.Choose(0, 3).SelectMany(n => Attribute().ListOf(n))
                from children in Gen.Choose(0, 3).SelectMany(n => Node(size / 2).ListOf(n))
                from closed in Gen.Elements(true, true, false)
                select $"<{name}{string.Concat(attributes)}>{string.Concat(children)}{(closed ? $"</{name}>" : "")}");

    /// <summary>Markdown lines around the HTML: a heading, prose, a list item, a blank line between blocks.</summary>
    private static readonly Gen<string> Chapters =
        from blocks in Gen.Choose(1, 5).SelectMany(n => Gen.Sized(size => Node(Math.Min(size, 12))).ListOf(n))
        from prose in Gen.Elements("正文段落。", "- 列表 <b>项</b>", "> 引用 <kbd>Ctrl</kbd>", "| a | b |\n|---|---|\n| <img src=x onerror=y> | 2 |", "`<script>`")
        select "# 标题\n\n" + prose + "\n\n" + string.Join("\n\n", blocks) + "\n";

    private static readonly string[] Forbidden =
        ["script", "style", "iframe", "object", "embed", "form", "input", "button", "template", "noscript", "select", "textarea", "frame", "applet", "base", "link", "meta"];

    [Fact]
    public void Raw_html_never_crashes_the_loader_and_nothing_in_it_runs_in_the_xhtml()
    {
        using var dir = new TempBookDirectory();
        dir.Write("images/2-1.png", [0x89, 0x50, 0x4E, 0x47]);
        const string file = "content/ch.md";
        var checkedChapters = 0;
        Prop.ForAll(Arb.From(Chapters), markdown =>
        {
            dir.Write(file, markdown);
            var diagnostics = new DiagnosticBag();
            var options = BookOptionsReader.Read(dir.PathOf(file), diagnostics);
            Assert.NotNull(options);
            var book = BookLoader.Load(options, diagnostics);
            checkedChapters++;

            var lines = markdown.Split('\n').Length;
            foreach (var d in diagnostics.Items)
            {
                Assert.True(d.Span.File == file, $"{d} does not point into the chapter:\n{markdown}");
                Assert.True(d.Span.Line >= 1 && d.Span.Line <= lines && d.Span.Column >= 1, $"{d} has no position in the chapter:\n{markdown}");
            }

            var body = Xhtml(book, diagnostics);
            foreach (var element in body.DescendantsAndSelf())
            {
                Assert.False(Forbidden.Contains(element.Name.LocalName), $"<{element.Name.LocalName}> reached the XHTML:\n{markdown}");
                foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration))
                {
                    var name = attribute.Name.LocalName.ToLowerInvariant();
                    Assert.False(name.StartsWith("on", StringComparison.Ordinal), $"{name} reached the XHTML:\n{markdown}");
                    var squeezed = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
                    Assert.False(squeezed.Contains("script:", StringComparison.Ordinal), $"{name}=\"{attribute.Value}\" reached the XHTML:\n{markdown}");
                    if (name is "href" or "src")
                        Assert.False(squeezed.StartsWith("data:text", StringComparison.Ordinal) || squeezed.StartsWith("file:", StringComparison.Ordinal)
                            || squeezed.StartsWith("//", StringComparison.Ordinal), $"{name}=\"{attribute.Value}\" reached the XHTML:\n{markdown}");
                }
            }
            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(200));
        Assert.Equal(200, checkedChapters);
    }

    /// <summary>The chapter as the EPUB writes it; parsing it back is the well-formedness check.</summary>
    private static XElement Xhtml(Book book, DiagnosticBag diagnostics)
    {
        var chunked = BookChunker.Split(book, 1);
        var writer = new XhtmlContentWriter(new HtmlContentContext(chunked, LanguageLabels.Chinese, HtmlFlavor.Epub, _ => HtmlImage.Missing("-"), diagnostics));
        var sb = new StringBuilder();
        using (var xml = XmlWriter.Create(sb, new XmlWriterSettings { OmitXmlDeclaration = true }))
        {
            xml.WriteStartElement("body", XhtmlNames.Xhtml);
            xml.WriteAttributeString("xmlns", "epub", null, XhtmlNames.Epub);
            foreach (var chunk in chunked.Chunks) writer.WriteChunk(xml, chunk);
            xml.WriteEndElement();
        }
        return XElement.Parse(sb.ToString());
    }
}
