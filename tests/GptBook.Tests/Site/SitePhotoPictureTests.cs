using GptBook.Diagnostics;
using GptBook.Tests.Images;
using GptBook.Tests.Support;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;

namespace GptBook.Tests.Site;

/// <summary>A photograph on a site page: WebP at every width in the &lt;picture&gt;'s source, the JPEG only at the
/// main width as the &lt;img&gt; fallback.</summary>
public class SitePhotoPictureTests
{
    [Fact]
    public void A_photo_offers_every_width_as_webp_and_the_main_width_alone_as_jpeg()
    {
        using var dir = new TemporaryDirectory();
        using (var photo = ImageTestBook.Photo(1600, 1000))
        {
            Directory.CreateDirectory(dir.Combine("book/content/img"));
            photo.SaveAsJpeg(dir.Combine("book/content/img/photo.jpg"), new JpegEncoder { Quality = 90 });
        }
        var md = dir.Write("book/content/photo.md", "# 照片\n\n正文。\n\n![湖边的照片](img/photo.jpg)\n\n正文。\n");
        var (site, diagnostics) = SiteFromMarkdown.Build(md, dir.Combine("work"));
        Assert.DoesNotContain(diagnostics.Items, d => d.Severity == DiagnosticSeverity.Error);

        var picture = site.Pages.Values.SelectMany(p => p.Descendants(SitePages.X + "picture")).Single();
        var source = picture.Element(SitePages.X + "source")!;
        Assert.Equal("image/webp", (string?)source.Attribute("type"));
        var widths = ((string)source.Attribute("srcset")!).Split(", ").Select(c => c.Split(' ')).ToArray();
        Assert.Equal(["360w", "720w", "1080w", "1440w"], widths.Select(w => w[1]));
        foreach (var candidate in widths)
        {
            var bytes = File.ReadAllBytes(Path.Combine(site.Directory, candidate[0]));
            Assert.Equal(int.Parse(candidate[1].TrimEnd('w'), System.Globalization.CultureInfo.InvariantCulture), Image.Identify(bytes).Width);
            Assert.True("RIFF"u8.SequenceEqual(bytes.AsSpan(0, 4)) && "WEBP"u8.SequenceEqual(bytes.AsSpan(8, 4)), candidate[0]);
        }

        var img = picture.Element(SitePages.X + "img")!;
        Assert.Null(img.Attribute("srcset"));
        Assert.Equal("720", (string?)img.Attribute("width"));
        var fallback = File.ReadAllBytes(Path.Combine(site.Directory, (string)img.Attribute("src")!));
        Assert.Equal("JPEG", Image.DetectFormat(fallback)!.Name, ignoreCase: true);
        Assert.Equal(720, Image.Identify(fallback).Width);
        // No JPEG of the photo at another width reaches the site (the home page's cover is a picture of its own).
        var photoJpegs = Directory.GetFiles(Path.Combine(site.Directory, "images"), "*.jpg")
            .Select(f => Image.Identify(f)).Where(i => i.Width * 1000 == i.Height * 1600).Select(i => i.Width);
        Assert.Equal([720], photoJpegs);
    }
}
