using System.Xml;
using System.Xml.Linq;
using GptBook.Normalization;

namespace GptBook.Tests.Normalization;

public class HtmlSanitizerTests
{
    /// <summary>Parses the output as XML inside a wrapper: it throws if the fragment is not well-formed.</summary>
    private static XElement Parse(string xhtml) => XElement.Parse("<root>" + xhtml + "</root>");

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<SCRIPT SRC=//evil.example/x.js></SCRIPT>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<svg onload=alert(1)><circle/></svg>")]
    [InlineData("<iframe src=\"javascript:alert(1)\"></iframe>")]
    [InlineData("<object data=x></object><embed src=x>")]
    [InlineData("<form action=x><input name=a></form>")]
    [InlineData("<style>*{background:url(javascript:alert(1))}</style>")]
    [InlineData("<a href=\"&#106;avascript:alert(1)\">x</a>")]
    [InlineData("<a href=\" java\tscript:alert(1)\">x</a>")]
    [InlineData("<a href=\"vbscript:msgbox(1)\">x</a>")]
    [InlineData("<a href=\"data:text/html;base64,PHNjcmlwdD4=\">x</a>")]
    [InlineData("<p onclick=\"x()\" ONMOUSEOVER=y style=\"color:red\">p</p>")]
    public void Active_content_is_removed_and_reported(string html)
    {
        var result = HtmlSanitizer.Sanitize(html);
        Assert.NotEmpty(result.Removed);
        var root = Parse(result.Xhtml);
        var names = root.Descendants().Select(e => e.Name.LocalName).ToArray();
        Assert.DoesNotContain(names, n => n is "script" or "style" or "iframe" or "object" or "embed" or "form" or "svg" or "img" or "input");
        var attributes = root.Descendants().SelectMany(e => e.Attributes()).ToArray();
        Assert.DoesNotContain(attributes, a => a.Name.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase) || a.Name.LocalName == "style");
        Assert.DoesNotContain(attributes, a => a.Value.Contains("script:", StringComparison.OrdinalIgnoreCase) || a.Value.StartsWith("data:"));
        Assert.DoesNotContain("alert", root.Value);
    }

    [Fact]
    public void Harmless_markup_is_kept_as_well_formed_xhtml()
    {
        var result = HtmlSanitizer.Sanitize("<p title=t>a<br>b &amp; c &lt;d&gt; <sup>2</sup> <a href=\"https://example.org/?a=1&b=2\">web</a> <ruby>汉<rt>hàn</rt></ruby></p>");
        Assert.Empty(result.Removed);
        Assert.Equal("<p title=\"t\">a<br />b &amp; c &lt;d&gt; <sup>2</sup> <a href=\"https://example.org/?a=1&amp;b=2\">web</a> <ruby>汉<rt>hàn</rt></ruby></p>", result.Xhtml);
        Assert.Equal("a\nb & c <d> 2 web 汉hàn\n", result.Text);
        Parse(result.Xhtml);
    }

    [Fact]
    public void A_tag_hidden_inside_another_stays_inert_text()
    {
        var result = HtmlSanitizer.Sanitize("<scr<script>ipt>alert(1)</script>");
        Assert.Equal("ipt&gt;alert(1)", result.Xhtml);
        Assert.Equal(["<scr>"], result.Removed);
    }

    [Fact]
    public void Unclosed_and_misnested_tags_are_closed()
    {
        var result = HtmlSanitizer.Sanitize("<div><p><b>bold <i>both</b> after</div> trailing <em>open");
        Assert.Equal("<div><p><b>bold <i>both</i></b> after</p></div> trailing <em>open</em>", result.Xhtml);
        Parse(result.Xhtml);
    }

    [Fact]
    public void Unknown_elements_are_unwrapped_with_their_text_kept()
    {
        var result = HtmlSanitizer.Sanitize("<center><font color=red>old</font></center>");
        Assert.Equal("old", result.Xhtml);
        Assert.Equal(["<center>", "<font>"], result.Removed);
    }

    [Fact]
    public void Comments_vanish_silently_and_lang_gets_xml_lang()
    {
        var result = HtmlSanitizer.Sanitize("<!-- note --><span lang=en>x</span>");
        Assert.Empty(result.Removed);
        Assert.Equal("<span xml:lang=\"en\" lang=\"en\">x</span>", result.Xhtml);
    }

    [Fact]
    public void Characters_xml_cannot_hold_are_dropped()
    {
        var result = HtmlSanitizer.Sanitize("a\u0001b\u0000c<span title=\"\u0002t\">d</span>");
        Assert.Equal("abc<span title=\"t\">d</span>", result.Xhtml);
    }

    [Fact]
    public void Deep_nesting_is_capped()
    {
        var html = string.Concat(Enumerable.Repeat("<span>", 5000)) + "x";
        var result = HtmlSanitizer.Sanitize(html);
        var root = Parse(result.Xhtml);
        Assert.Equal(HtmlSanitizer.MaxDepth, root.Descendants().Count());
        Assert.Equal("x", root.Value);
    }

    [Fact]
    public void Random_markup_always_gives_well_formed_output_without_scripts()
    {
        string[] pieces = ["<", ">", "</", "/>", "script", "p", "a", "b", "div", "img", " href=", " onclick=", "\"", "'", "javascript:", "&", "&amp;", "&#", ";", "<!--", "-->", "x", " ", "=", "<![CDATA[", "]]>", "\u0000", "汉"];
        var random = new Random(20261130);
        for (var i = 0; i < 2000; i++)
        {
            var html = string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => pieces[random.Next(pieces.Length)]));
            var result = HtmlSanitizer.Sanitize(html);
            XElement root;
            try
            {
                root = Parse(result.Xhtml);
            }
            catch (XmlException e)
            {
                throw new Xunit.Sdk.XunitException($"not well-formed for input {html}: {result.Xhtml} ({e.Message})");
            }
            Assert.DoesNotContain(root.Descendants(), e => e.Name.LocalName is "script" or "img");
            Assert.DoesNotContain(root.Descendants().SelectMany(e => e.Attributes()), a => a.Name.LocalName.StartsWith("on") || a.Value.Contains("javascript:"));
        }
    }
}
