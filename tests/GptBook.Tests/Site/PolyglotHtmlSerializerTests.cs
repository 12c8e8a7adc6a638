using System.Text;
using System.Xml.Linq;
using GptBook.Site;

namespace GptBook.Tests.Site;

public class PolyglotHtmlSerializerTests
{
    private static readonly XNamespace X = PolyglotHtmlSerializer.Xhtml;

    private static string Write(XElement body) =>
        Encoding.UTF8.GetString(PolyglotHtmlSerializer.Serialize(new XElement(X + "html", new XAttribute("lang", "zh-CN"), body)));

    [Fact]
    public void Empty_elements_get_an_end_tag_and_void_elements_close_themselves()
    {
        var html = Write(new XElement(X + "body", new XElement(X + "div"), new XElement(X + "br"), new XElement(X + "img", new XAttribute("src", "a.png"), new XAttribute("alt", ""))));
        Assert.Equal("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\"><body><div></div><br /><img src=\"a.png\" alt=\"\" /></body></html>\n", html);
    }

    [Fact]
    public void Text_and_attributes_are_escaped_so_the_output_parses_as_xml()
    {
        var html = Write(new XElement(X + "body", new XElement(X + "p", new XAttribute("title", "\"<&>\""), "<script>alert(1)</script> & \u00A0")));
        Assert.Contains("<p title=\"&quot;&lt;&amp;&gt;&quot;\">&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#160;</p>", html);
        var parsed = XDocument.Parse(html[html.IndexOf('<', 1)..]);
        Assert.Equal("<script>alert(1)</script> & \u00A0", parsed.Descendants(X + "p").Single().Value);
    }

    [Fact]
    public void Comments_are_left_out()
    {
        Assert.DoesNotContain("secret", Write(new XElement(X + "body", new XComment("secret --> <script>"))));
    }

    [Fact]
    public void Writes_utf8_without_a_byte_order_mark()
    {
        var bytes = PolyglotHtmlSerializer.Serialize(new XElement(X + "html", new XElement(X + "body", "中文")));
        Assert.Equal((byte)'<', bytes[0]);
        Assert.Contains("中文", Encoding.UTF8.GetString(bytes));
    }
}
