using GptBook.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;

namespace GptBook.Tests.Images;

/// <summary>A rebuild decodes nothing; a changed setting or file invalidates exactly the entries it affects.</summary>
public sealed class ImageCacheTests : IDisposable
{
    private readonly ImageTestBook _book = new();
    private readonly ImageReference_ _a;
    private readonly ImageReference_ _b;

    public ImageCacheTests()
    {
        using var a = ImageTestBook.Photo(1500, 1000, seed: 1);
        using var b = ImageTestBook.Photo(900, 600, seed: 2);
        _a = new(ImageTestBook.Local(_book.Write("img/a.png", a, new PngEncoder())));
        _b = new(ImageTestBook.Local(_book.Write("img/b.png", b, new PngEncoder())));
    }

    public void Dispose() => _book.Dispose();

    private StageRun Run() => _book.Run([_a.Reference, _b.Reference]);

    [Fact]
    public void Second_run_reuses_every_entry_and_decodes_nothing()
    {
        var first = Run();
        Assert.Equal(2, first.Statistics.Decoded);
        Assert.Equal(6, first.Statistics.Written);
        var second = Run();
        Assert.Equal(0, second.Statistics.Decoded);
        Assert.Equal(0, second.Statistics.Written);
        Assert.Equal(6, second.Statistics.CacheHits);
        foreach (var profile in new[] { ImageProfile.Print, ImageProfile.Epub, ImageProfile.Site })
        {
            var (before, after) = (first.Get(_a.Reference, profile), second.Get(_a.Reference, profile));
            Assert.Equal((before.Path, before.PixelWidth, before.PixelHeight, before.MediaType, before.Dpi),
                (after.Path, after.PixelWidth, after.PixelHeight, after.MediaType, after.Dpi));
            Assert.Equal(before.Variants.Select(v => v.Path), after.Variants.Select(v => v.Path));
        }
    }

    [Fact]
    public void Changing_an_epub_setting_remakes_only_the_epub_images()
    {
        Run();
        _book.Images = _book.Images with { EpubMaxSide = 800 };
        var run = Run();
        Assert.Equal(2, run.Statistics.Written);
        Assert.Equal(4, run.Statistics.CacheHits);
        Assert.Equal(800, run.Get(_a.Reference, ImageProfile.Epub).PixelWidth);
    }

    [Fact]
    public void Changing_the_page_remakes_only_the_print_images()
    {
        Run();
        _book.Pdf = _book.Pdf with { PageSize = GptBook.Configuration.PageSize.B5 };
        var run = Run();
        Assert.Equal(2, run.Statistics.Written);
        Assert.Equal(4, run.Statistics.CacheHits);
    }

    [Fact]
    public void Changing_the_jpeg_quality_remakes_every_profile()
    {
        Run();
        _book.Images = _book.Images with { JpegQuality = 70 };
        var run = Run();
        Assert.Equal(6, run.Statistics.Written);
        Assert.Equal(0, run.Statistics.CacheHits);
    }

    [Fact]
    public void Changing_one_file_remakes_only_that_file()
    {
        var first = Run();
        using (var changed = ImageTestBook.Photo(900, 600, seed: 3))
            _book.Write("img/b.png", changed, new PngEncoder());
        var run = Run();
        Assert.Equal(1, run.Statistics.Decoded);
        Assert.Equal(3, run.Statistics.Written);
        Assert.Equal(3, run.Statistics.CacheHits);
        Assert.NotEqual(first.Get(_b.Reference, ImageProfile.Epub).Path, run.Get(_b.Reference, ImageProfile.Epub).Path);
        Assert.Equal(first.Get(_a.Reference, ImageProfile.Epub).Path, run.Get(_a.Reference, ImageProfile.Epub).Path);
    }

    [Fact]
    public void A_deleted_cache_file_is_remade()
    {
        var first = Run();
        File.Delete(first.Get(_a.Reference, ImageProfile.Site).Path);
        var run = Run();
        Assert.Equal(1, run.Statistics.Written);
        Assert.True(File.Exists(run.Get(_a.Reference, ImageProfile.Site).Path));
    }

    [Theory]
    [InlineData("short")]
    [InlineData("zeros at the end")]
    [InlineData("zeros at the start")]
    public void A_cache_file_a_power_cut_damaged_is_remade(string damage)
    {
        // The cache does not flush its files one by one: after a power cut one can come back short, or at its length
        // with zeros where its data never reached the disk. Either way the entry is made again, not published.
        var first = Run();
        var path = first.Get(_a.Reference, ImageProfile.Site).Path;
        var bytes = File.ReadAllBytes(path);
        var damaged = damage switch
        {
            "short" => bytes[..(bytes.Length / 2)],
            "zeros at the end" => [.. bytes[..(bytes.Length / 2)], .. new byte[bytes.Length - bytes.Length / 2]],
            _ => [.. new byte[4096], .. bytes[4096..]],
        };
        File.WriteAllBytes(path, damaged);
        var run = Run();
        Assert.Equal(1, run.Statistics.Written);
        Assert.Equal(bytes, File.ReadAllBytes(run.Get(_a.Reference, ImageProfile.Site).Path));
    }

    [Fact]
    public void A_cached_svg_is_not_prepared_again_and_its_findings_are_reported_again()
    {
        // An event handler (sanitized away), a filter no output can show the same way, and a corrupt embedded bitmap:
        // all three are findings of preparing the SVG, which a rebuild takes from the cache entry instead.
        var svg = _book.Write("img/d.svg", """
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" height="20">
              <rect width="40" height="20" onclick="alert(1)"/>
              <rect width="10" height="10" filter="url(#f)"/>
              <image width="5" height="5" xlink:href="data:image/png;base64,iVBORw0KGgo="/>
            </svg>
            """u8.ToArray());
        var reference = ImageTestBook.Local(svg, line: 7, column: 3);
        var first = _book.Run([reference]);
        var second = _book.Run([reference]);
        Assert.Equal(1, first.Statistics.Written);
        Assert.Equal((0, 1), (second.Statistics.Written, second.Statistics.CacheHits));
        Assert.Equal(["GB0211", "GB0220", "GB0221"], first.Codes.Order());
        Assert.Equal(first.Diagnostics.Sorted().Select(d => d.ToString()), second.Diagnostics.Sorted().Select(d => d.ToString()));
        Assert.Equal(first.Get(reference, ImageProfile.Site).Path, second.Get(reference, ImageProfile.Site).Path);

        // The findings come from the entry, not from sanitizing again: what the entry says is what is reported.
        var manifest = Path.ChangeExtension(first.Get(reference, ImageProfile.Site).Path, ".txt");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\tremoved from the SVG: ", "\tfrom the entry: ", StringComparison.Ordinal));
        var third = _book.Run([reference]);
        Assert.Equal(["GB0211"], third.Diagnostics.Sorted().Where(d => d.Message.StartsWith("from the entry: ", StringComparison.Ordinal)).Select(d => d.Code));
        Assert.Equal(0, third.Statistics.Written);
    }

    [Fact]
    public void A_manifest_cut_short_is_refused_and_its_entry_remade()
    {
        var first = Run();
        var manifest = Path.ChangeExtension(first.Get(_a.Reference, ImageProfile.Site).Path, ".txt");
        var text = File.ReadAllText(manifest);
        File.WriteAllText(manifest, text[..text.LastIndexOf("end", StringComparison.Ordinal)]);
        var run = Run();
        Assert.Equal(1, run.Statistics.Written);
        Assert.Equal(text, File.ReadAllText(manifest));
    }

    private sealed record ImageReference_(GptBook.Model.ImageReference Reference);
}
