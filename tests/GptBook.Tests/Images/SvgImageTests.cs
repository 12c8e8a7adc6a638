using System.Text;
using GptBook.Diagnostics;
using GptBook.Images;

namespace GptBook.Tests.Images;

/// <summary>SVG: sanitized and kept as SVG for EPUB and site; a warning and a placeholder for print.</summary>
public sealed class SvgImageTests : IDisposable
{
    private readonly ImageTestBook _book = new();

    public void Dispose() => _book.Dispose();

    private const string Hostile = """
        <?xml version="1.0"?>
        <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
             xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" width="40mm" height="20mm" onload="alert(1)">
          <!-- author: private person -->
          <metadata>GPS 39.9 116.4</metadata>
          <script>alert(2)</script>
          <style>@import url(https://evil.example/x.css); rect { fill: red }</style>
          <rect width="10" height="10" style="fill: url(https://evil.example/p.svg#g)" inkscape:label="r"/>
          <circle r="5" fill="url(#grad)" onclick="steal()"/>
          <use xlink:href="https://evil.example/sprite.svg#a"/>
          <use href="#local"/>
          <a href="javascript:alert(3)"><text>link</text></a>
          <set attributeName="href" to="javascript:alert(4)"/>
          <foreignObject><div xmlns="http://www.w3.org/1999/xhtml">html</div></foreignObject>
          <image href="data:image/png;base64,AAAA"/>
        </svg>
        """;

    [Fact]
    public void Svg_is_sanitized_for_epub_and_site_and_a_placeholder_for_print()
    {
        var reference = ImageTestBook.Local(_book.Write("img/d.svg", Encoding.UTF8.GetBytes(Hostile)));
        var run = _book.Run(reference);
        Assert.Equal(["GB0210", "GB0211"], run.Codes);
        Assert.All(run.Diagnostics.Items, d => Assert.Equal(reference.Span, d.Span));
        Assert.True(run.Get(reference, ImageProfile.Print).IsPlaceholder);

        var epub = run.Get(reference, ImageProfile.Epub);
        Assert.Equal("image/svg+xml", epub.MediaType);
        Assert.Equal((151, 76), (epub.PixelWidth, epub.PixelHeight)); // 40 × 20 mm at 96 px per inch
        Assert.Equal(epub.Path, run.Get(reference, ImageProfile.Site).Path);
        var svg = File.ReadAllText(epub.Path);
        foreach (var banned in new[] { "onload", "onclick", "<script", "alert", "evil.example", "javascript:", "foreignObject",
                     "metadata", "GPS", "private person", "inkscape", "DOCTYPE", "data:", "@import" })
            Assert.DoesNotContain(banned, svg, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<rect", svg);
        Assert.Contains("url(#grad)", svg);
        Assert.Contains("href=\"#local\"", svg);
        Assert.Contains(">link</text>", svg);
    }

    [Fact]
    public void Entity_expansion_is_refused_not_expanded()
    {
        const string laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
            <svg xmlns="http://www.w3.org/2000/svg"><text>&c;</text></svg>
            """;
        var reference = ImageTestBook.Local(_book.Write("img/laughs.svg", Encoding.UTF8.GetBytes(laughs)));
        var run = _book.Run(reference, ImageProfile.Epub);
        Assert.Equal(DiagnosticCodes.ImageCorrupt.Id, Assert.Single(run.Diagnostics.Items).Code);
        Assert.True(run.Get(reference, ImageProfile.Epub).IsPlaceholder);
    }

    [Fact]
    public void Malformed_svg_is_GB0205()
    {
        var reference = ImageTestBook.Local(_book.Write("img/broken.svg", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect></svg>")));
        var run = _book.Run(reference, ImageProfile.Site);
        Assert.Equal("GB0205", Assert.Single(run.Diagnostics.Items).Code);
        Assert.True(run.Get(reference, ImageProfile.Site).IsPlaceholder);
    }

    [Fact]
    public void Clean_svg_passes_without_warnings()
    {
        var reference = ImageTestBook.Local(_book.Write("img/ok.svg", Encoding.UTF8.GetBytes(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 200 100\"><rect width=\"200\" height=\"100\" fill=\"#eee\"/></svg>")));
        var run = _book.Run(reference, ImageProfile.Epub);
        Assert.Empty(run.Diagnostics.Items);
        var epub = run.Get(reference, ImageProfile.Epub);
        Assert.Equal((200, 100), (epub.PixelWidth, epub.PixelHeight));
    }
}
