using System.Text;
using System.Xml.Linq;
using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Epub;
using GptBook.Images;
using GptBook.Model;
using GptBook.Site;
using GptBook.Tests.Epub;
using GptBook.Tests.Html;
using GptBook.Tests.Site;
using SixLabors.ImageSharp;

namespace GptBook.Tests.Images;

/// <summary>
/// A configured cover is an image like any other: it goes through the image stage with every guard, and both
/// writers take it from the prepared images (the site never reads the built EPUB, nor the configured file).
/// </summary>
public sealed class CoverImageTests : IDisposable
{
    private static readonly XNamespace X = "http://www.w3.org/1999/xhtml";
    private readonly SampleEpub _folder = new();

    private (Book Book, BookOptions Options, ImageCatalog Images, DiagnosticBag Diagnostics, ImageStageStatistics Statistics) Stage(string cover)
    {
        var book = SampleBooks.EveryBlock();
        var options = _folder.Options(book, new EpubOptions(Cover: cover));
        var diagnostics = new DiagnosticBag();
        var context = new ImageStageContext(options, Path.Combine(_folder.Directory, ".cache"),
            new HashSet<ImageProfile> { ImageProfile.Epub, ImageProfile.Site }, diagnostics);
        return (book, options, ImageStage.Run(context, book), diagnostics, context.Statistics);
    }

    private (EpubFile Epub, XDocument Home, string Site) Write(Book book, BookOptions options, ImageCatalog images, DiagnosticBag diagnostics)
    {
        var epubPath = Path.Combine(_folder.Directory, "book.epub");
        Assert.True(EpubWriter.Write(book, options, images, epubPath, diagnostics, SampleEpub.Fonts), string.Join("\n", diagnostics.Items));
        var site = Path.Combine(_folder.Directory, "site");
        // The built EPUB is offered for download: the site must still not take its cover from it.
        Assert.True(SiteWriter.Write(book, options, images, [new SiteDownload("EPUB", epubPath)], site, diagnostics), string.Join("\n", diagnostics.Items));
        return (new EpubFile(epubPath), new SitePages(site).Pages["index.html"], site);
    }

    private static XElement CoverItem(EpubFile epub) => epub.Manifest.Single(i => i.Attribute("properties")?.Value == "cover-image");

    private static string HomeCoverSrc(XDocument home) =>
        (string)home.Descendants(X + "div").Single(d => (string?)d.Attribute("class") == "cover").Element(X + "img")!.Attribute("src")!;

    [Fact]
    public void An_svg_cover_with_a_script_and_an_onload_handler_is_sanitized_for_the_epub_and_the_site()
    {
        File.WriteAllText(Path.Combine(_folder.Directory, "cover.svg"),
            "<svg xmlns='http://www.w3.org/2000/svg' width='600' height='900' onload='alert(1)'>" +
            "<script>alert(2)</script><rect width='600' height='900' fill='#345' onclick='alert(3)'/></svg>");
        var (book, options, images, diagnostics, _) = Stage("cover.svg");
        Assert.Contains(diagnostics.Items, d => d.Code == DiagnosticCodes.SvgSanitized.Id && d.Span.File == options.BookFile);

        var (epub, home, site) = Write(book, options, images, diagnostics);
        var item = CoverItem(epub);
        Assert.Equal("image/svg+xml", item.Attribute("media-type")!.Value);
        var packed = Encoding.UTF8.GetString(epub.Entries[epub.Folder + "/" + item.Attribute("href")!.Value]);
        var shown = File.ReadAllText(Path.Combine(site, HomeCoverSrc(home)));
        foreach (var svg in new[] { packed, shown })
        {
            Assert.Contains("<rect", svg);
            Assert.DoesNotContain("script", svg, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("onload", svg, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("onclick", svg, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void A_cover_whose_header_claims_60000_by_60000_pixels_is_refused_unread_and_both_outputs_show_the_drawn_cover()
    {
        File.WriteAllBytes(Path.Combine(_folder.Directory, "huge.png"), HostileImageTests.PngWithHeader(60_000, 60_000));
        var (book, options, images, diagnostics, statistics) = Stage("huge.png");
        Assert.Contains(diagnostics.Items, d => d.Code == DiagnosticCodes.ImageTooLarge.Id && d.Span.File == options.BookFile
            && d.Message.Contains("60000×60000", StringComparison.Ordinal));
        Assert.Equal(0, statistics.Decoded);

        var (epub, home, site) = Write(book, options, images, diagnostics);
        Assert.Equal("images/cover.png", CoverItem(epub).Attribute("href")!.Value);
        using (var drawn = Image.Load(epub.Entries[epub.Folder + "/images/cover.png"]))
            Assert.Equal((1600, 2400), (drawn.Width, drawn.Height));
        Assert.Contains(diagnostics.Items, d => d.Code == DiagnosticCodes.CoverMissing.Id && d.Message.Contains("huge.png", StringComparison.Ordinal));
        // The home page shows the same drawn cover, scaled: a picture of the drawing's proportions, not the huge file.
        using var shown = Image.Load(Path.Combine(site, HomeCoverSrc(home)));
        Assert.Equal((SiteCoverImage.DisplayWidth, SiteCoverImage.DisplayWidth * 3 / 2), (shown.Width, shown.Height));
    }

    [Fact]
    public void A_raster_cover_reaches_both_outputs_as_the_stage_prepared_it()
    {
        Directory.CreateDirectory(Path.Combine(_folder.Directory, "assets"));
        SampleBooks.WritePng(Path.Combine(_folder.Directory, "assets", "cover.png"), 600, 900);
        var (book, options, images, diagnostics, _) = Stage("assets/cover.png");
        var prepared = images.Find("assets/cover.png", ImageProfile.Epub)!;
        Assert.False(prepared.IsPlaceholder);

        var (epub, home, site) = Write(book, options, images, diagnostics);
        Assert.Equal(File.ReadAllBytes(prepared.Path), epub.Entries[epub.Folder + "/" + CoverItem(epub).Attribute("href")!.Value]);
        Assert.DoesNotContain(diagnostics.Items, d => d.Code == DiagnosticCodes.CoverMissing.Id);
        using var shown = Image.Load(Path.Combine(site, HomeCoverSrc(home)));
        Assert.Equal((SiteCoverImage.DisplayWidth, 360), (shown.Width, shown.Height));
    }

    public void Dispose() => _folder.Dispose();
}
