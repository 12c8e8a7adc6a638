using System.Text;
using GptBook.Diagnostics;
using GptBook.Images;

namespace GptBook.Tests.Images;

/// <summary>SVG: sanitized by the allow-list into one prepared file that the EPUB and site embed and the PDF draws as vectors.</summary>
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
    public void Svg_is_sanitized_by_allow_list_and_the_same_file_serves_every_output()
    {
        var reference = ImageTestBook.Local(_book.Write("img/d.svg", Encoding.UTF8.GetBytes(Hostile)));
        var run = _book.Run(reference);
        // Unsafe parts (GB0211), a stylesheet at-rule no output applies (GB0220), a bitmap that is no PNG (GB0221).
        Assert.Equal(["GB0211", "GB0220", "GB0221"], run.Codes);
        Assert.All(run.Diagnostics.Items, d => Assert.Equal(reference.Span, d.Span));

        var epub = run.Get(reference, ImageProfile.Epub);
        Assert.Equal("image/svg+xml", epub.MediaType);
        Assert.Equal((151, 76), (epub.PixelWidth, epub.PixelHeight)); // 40 × 20 mm at 96 px per inch
        Assert.Equal(epub.Path, run.Get(reference, ImageProfile.Site).Path);
        Assert.Equal(epub.Path, run.Get(reference, ImageProfile.Print).Path);
        Assert.False(run.Get(reference, ImageProfile.Print).IsPlaceholder);
        var svg = File.ReadAllText(epub.Path);
        foreach (var banned in new[] { "onload", "onclick", "<script", "alert", "evil.example", "javascript:", "foreignObject",
                     "metadata", "GPS", "private person", "inkscape", "DOCTYPE", "data:", "@import", "<style", "style=", "<set" })
            Assert.DoesNotContain(banned, svg, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<rect", svg);
        Assert.Contains("url(#grad)", svg);
        Assert.Contains("href=\"#local\"", svg);
        Assert.Contains(">link</text>", svg);
    }

    [Fact]
    public void Stylesheets_and_style_attributes_become_presentation_attributes_and_classes_go()
    {
        const string styled = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50">
              <style>* { stroke-linejoin: round } .box { fill: #336699; stroke: black } g.lines > line { stroke: red } #big { stroke-width: 3 }</style>
              <rect id="big" class="box" width="10" height="10" fill="green" style="fill-opacity: .5; behavior: url(x.htc)"/>
              <g class="lines"><line x2="10"/></g>
            </svg>
            """;
        var reference = ImageTestBook.Local(_book.Write("img/styled.svg", Encoding.UTF8.GetBytes(styled)));
        var run = _book.Run(reference, ImageProfile.Epub);
        Assert.Empty(run.Diagnostics.Items);
        var svg = System.Xml.Linq.XDocument.Load(run.Get(reference, ImageProfile.Epub).Path);
        var rect = svg.Descendants().Single(e => e.Name.LocalName == "rect");
        Assert.Equal("#336699", (string?)rect.Attribute("fill")); // a class rule beats a presentation attribute
        Assert.Equal(".5", (string?)rect.Attribute("fill-opacity"));
        Assert.Equal("3", (string?)rect.Attribute("stroke-width"));
        Assert.Equal("round", (string?)rect.Attribute("stroke-linejoin"));
        Assert.Null(rect.Attribute("class"));
        Assert.Null(rect.Attribute("style"));
        Assert.Equal("red", (string?)svg.Descendants().Single(e => e.Name.LocalName == "line").Attribute("stroke"));
        Assert.DoesNotContain(svg.Descendants(), e => e.Name.LocalName == "style");
    }

    [Fact]
    public void Embedded_png_and_jpeg_stay_without_their_metadata_and_other_bitmaps_go()
    {
        using var png = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgba32>(8, 4, new SixLabors.ImageSharp.PixelFormats.Rgba32(200, 30, 30, 255));
        png.Metadata.ExifProfile = new SixLabors.ImageSharp.Metadata.Profiles.Exif.ExifProfile();
        png.Metadata.ExifProfile.SetValue(SixLabors.ImageSharp.Metadata.Profiles.Exif.ExifTag.Artist, "Secret Person");
        using var pngBytes = new MemoryStream();
        SixLabors.ImageSharp.ImageExtensions.SaveAsPng(png, pngBytes);
        using var gifBytes = new MemoryStream();
        SixLabors.ImageSharp.ImageExtensions.SaveAsGif(png, gifBytes);
        var document = $"""
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="80" height="40">
              <image xlink:href="data:image/png;base64,{Convert.ToBase64String(pngBytes.ToArray())}" width="80" height="40"/>
              <image href="data:image/gif;base64,{Convert.ToBase64String(gifBytes.ToArray())}" width="8" height="4"/>
              <image href="data:image/png;base64,{Convert.ToBase64String(gifBytes.ToArray())}" width="8" height="4"/>
            </svg>
            """;
        var reference = ImageTestBook.Local(_book.Write("img/bitmaps.svg", Encoding.UTF8.GetBytes(document)));
        var run = _book.Run(reference, ImageProfile.Epub);
        Assert.Equal(["GB0211", "GB0221"], run.Codes); // the GIF data: URL is not allowed; the PNG label on GIF data fails the check
        var svg = File.ReadAllText(run.Get(reference, ImageProfile.Epub).Path);
        var href = System.Text.RegularExpressions.Regex.Match(svg, "href=\"data:image/png;base64,([^\"]+)\"");
        Assert.True(href.Success);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(svg, "<image"));
        var kept = Convert.FromBase64String(href.Groups[1].Value);
        Assert.DoesNotContain("Secret Person", Encoding.Latin1.GetString(kept));
        using var decoded = SixLabors.ImageSharp.Image.Load<SixLabors.ImageSharp.PixelFormats.Rgba32>(kept);
        Assert.Equal((8, 4), (decoded.Width, decoded.Height));
        Assert.Equal(new SixLabors.ImageSharp.PixelFormats.Rgba32(200, 30, 30, 255), decoded[3, 2]);
    }

    [Fact]
    public void A_bitmap_with_an_svg_master_beside_it_prints_the_master_and_keeps_the_bitmap_elsewhere()
    {
        using var png = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgb24>(60, 30);
        var reference = ImageTestBook.Local(_book.Write("fig/chart.png", png, new SixLabors.ImageSharp.Formats.Png.PngEncoder()));
        _book.Write("fig/chart.svg", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"600\" height=\"300\"><text y=\"20\">图</text></svg>"));
        var run = _book.Run(reference);
        Assert.Empty(run.Diagnostics.Items);
        Assert.Equal("image/svg+xml", run.Get(reference, ImageProfile.Print).MediaType);
        Assert.Equal((600, 300), (run.Get(reference, ImageProfile.Print).PixelWidth, run.Get(reference, ImageProfile.Print).PixelHeight));
        Assert.Equal("image/png", run.Get(reference, ImageProfile.Epub).MediaType);
        Assert.NotEqual("image/svg+xml", run.Get(reference, ImageProfile.Site).MediaType);
        Assert.Equal("fig/chart.svg", PrintMaster.Find(_book.Root, "fig/chart.png"));
        Assert.Null(PrintMaster.Find(_book.Root, "fig/chart.svg"));
    }

    [Fact]
    public void A_broken_master_is_reported_and_the_bitmap_prints_instead()
    {
        using var png = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgb24>(60, 30);
        var reference = ImageTestBook.Local(_book.Write("fig/broken.png", png, new SixLabors.ImageSharp.Formats.Png.PngEncoder()));
        _book.Write("fig/broken.svg", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect>"));
        var run = _book.Run(reference, ImageProfile.Print);
        Assert.Equal(["GB0205"], run.Codes);
        Assert.Equal("image/png", run.Get(reference, ImageProfile.Print).MediaType);
        Assert.False(run.Get(reference, ImageProfile.Print).IsPlaceholder);
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
