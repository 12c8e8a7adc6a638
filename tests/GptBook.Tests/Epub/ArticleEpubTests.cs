using System.Xml.Linq;
using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Epub;
using GptBook.Images;
using GptBook.Loading;
using GptBook.Model;
using GptBook.Tests.Html;
using GptBook.Tests.Support;
using static GptBook.Tests.Epub.EpubFile;

namespace GptBook.Tests.Epub;

/// <summary>
/// The real article (content/book.yml) through the real loader into an EPUB. The image stage is not wired here:
/// the catalog marks the five figures as placeholders with a neutral picture, as the image stage does for a
/// missing file.
/// </summary>
public sealed class ArticleEpubTests(ArticleEpubTests.Build build) : IClassFixture<ArticleEpubTests.Build>
{
    private const string Gpt2Caption = "横坐标是GPT-2模型的参数量，可以发现随着参数量的提升，模型在各种任务上的表现仍然可以提升";
    private readonly EpubFile _file = build.File;
    private readonly Book _book = build.Book;
    private readonly DiagnosticBag _diagnostics = build.Diagnostics;

    /// <summary>The article's EPUB, written once for all the tests of this class.</summary>
    public sealed class Build : IDisposable
    {
        private readonly SampleEpub _epub = new();

        public Build()
        {
            Options = BookOptionsReader.Read(RepositoryPaths.BookYml, Diagnostics)!;
            Book = BookLoader.Load(Options, Diagnostics);
            Path = Write("gpt1-to-gpt4.epub", Book, Diagnostics);
            File = new EpubFile(Path);
        }

        public DiagnosticBag Diagnostics { get; } = new();
        public BookOptions Options { get; }
        public Book Book { get; }
        public string Path { get; }
        public EpubFile File { get; }

        public string Write(string name, Book book, DiagnosticBag diagnostics)
        {
            var placeholder = System.IO.Path.Combine(_epub.Directory, "placeholder.png");
            if (!System.IO.File.Exists(placeholder)) SampleBooks.WritePng(placeholder, 160, 90);
            var images = book.Figures().ToDictionary(
                f => (f.Image.Key, ImageProfile.Epub),
                _ => new NormalizedImage(placeholder, 160, 90, "image/png", 96) { Placeholder = "示意图待补" });
            var path = System.IO.Path.Combine(_epub.Directory, name);
            Assert.True(EpubWriter.Write(book, Options, new ImageCatalog(images), path, diagnostics, SampleEpub.Fonts), string.Join("\n", diagnostics.Items));
            return path;
        }

        public void Dispose() => _epub.Dispose();
    }

    [Fact]
    public void Spine_follows_the_article()
    {
        var chunks = _file.SpineHrefs.Skip(2).ToArray();
        Assert.Equal(["cover.xhtml", "nav.xhtml"], _file.SpineHrefs.Take(2));
        Assert.Equal(chunks.Order(StringComparer.Ordinal), chunks);
        var headingsInSpineOrder = chunks.SelectMany(h => _file.Document(h).Descendants().Where(e => e.Name.LocalName is "h1" or "h2" or "h3")).Select(e => e.Value);
        Assert.Equal(_book.Headings().Select(h => h.PlainText), headingsInSpineOrder);
    }

    [Fact]
    public void Nav_and_ncx_list_all_seven_headings()
    {
        var toc = _file.Nav.Descendants(Xhtml + "nav").Single(n => n.Attribute(Ops + "type")!.Value == "toc");
        var entries = toc.Descendants(Xhtml + "a").Select(a => a.Value).ToArray();
        Assert.Equal(7, entries.Length);
        Assert.Equal(_book.Headings().Select(h => h.PlainText), entries);
        Assert.Equal(7, _file.Document("toc.ncx").Descendants(Ncx + "navPoint").Count());
    }

    [Fact]
    public void Five_numbered_figcaptions_and_the_gpt2_caption_exactly_once()
    {
        var captions = _file.SpineHrefs.SelectMany(h => _file.Document(h).Descendants(Xhtml + "figcaption")).Select(c => c.Value).ToArray();
        Assert.Equal(5, captions.Length);
        for (var i = 0; i < 5; i++) Assert.StartsWith($"图 {i + 1}\u3000", captions[i]);
        Assert.All(captions, c => Assert.True(c.Length > "图 1\u3000".Length + 4, c));
        var text = _file.SpineText;
        Assert.Equal(1, Occurrences(text, Gpt2Caption));
    }

    [Fact]
    public void Untitled_is_nowhere_to_be_seen()
    {
        foreach (var href in _file.XhtmlHrefs.Append("toc.ncx").Append("package.opf"))
        {
            var doc = href == "package.opf" ? _file.Package : _file.Document(href);
            Assert.DoesNotContain("Untitled", doc.Root!.Value);
            Assert.DoesNotContain(doc.Descendants().SelectMany(e => e.Attributes()).Where(a => a.Name.LocalName is "alt" or "title"), a => a.Value.Contains("Untitled"));
        }
    }

    [Fact]
    public void Every_internal_reference_resolves()
    {
        foreach (var href in _file.XhtmlHrefs)
        {
            foreach (var target in _file.Document(href).Descendants(Xhtml + "a").Select(a => a.Attribute("href")!.Value).Where(h => !h.Contains(':')))
            {
                var parts = target.Split('#');
                var file = parts[0].Length == 0 ? href : parts[0];
                Assert.True(_file.Entries.ContainsKey(_file.Folder + "/" + file), $"{href}: {target}");
                if (parts.Length > 1)
                    Assert.Contains(_file.Document(file).Descendants(), e => e.Attribute("id")?.Value == parts[1]);
            }
        }
        Assert.DoesNotContain(_diagnostics.Items, d => d.Code == DiagnosticCodes.UnresolvedInternalLink.Id);
    }

    [Fact]
    public void The_language_is_zh_cn_everywhere()
    {
        Assert.Equal("zh-CN", _file.Metadata.Element(Dc + "language")!.Value);
        foreach (var href in _file.XhtmlHrefs)
        {
            Assert.Equal("zh-CN", _file.Document(href).Root!.Attribute(Xml + "lang")!.Value);
            Assert.Equal("zh-CN", _file.Document(href).Root!.Attribute("lang")!.Value);
        }
    }

    [Fact]
    public void The_arxiv_link_from_book_yml_is_an_external_link()
    {
        var links = _file.XhtmlHrefs.SelectMany(h => _file.Document(h).Descendants(Xhtml + "a")).Select(a => a.Attribute("href")!.Value);
        Assert.Contains("https://arxiv.org/abs/2303.12712", links);
    }

    [Fact]
    public void Rebuilding_gives_identical_bytes()
    {
        var options = BookOptionsReader.Read(RepositoryPaths.BookYml, new DiagnosticBag())!;
        var again = build.Write("again.epub", BookLoader.Load(options, new DiagnosticBag()), new DiagnosticBag());
        Assert.Equal(File.ReadAllBytes(build.Path), File.ReadAllBytes(again));
    }

    [SkippableFact]
    public void With_the_real_image_stage_all_five_figures_are_pictures_and_epubcheck_passes()
    {
        var diagnostics = new DiagnosticBag();
        var cache = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(build.Path)!, "cache");
        var images = ImageStage.Run(_book, build.Options, cache, new HashSet<ImageProfile> { ImageProfile.Epub }, diagnostics);
        var path = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(build.Path)!, "with-images.epub");
        Assert.True(EpubWriter.Write(_book, build.Options, images, path, diagnostics, SampleEpub.Fonts));
        var file = new EpubFile(path);
        var figures = file.SpineHrefs.SelectMany(h => file.Document(h).Descendants(Xhtml + "figure")).ToArray();
        Assert.Equal(5, figures.Length);
        Assert.All(figures, f => Assert.DoesNotContain(f.Descendants(), e => e.Attribute("class")?.Value == "image-placeholder"));
        var srcs = figures.Select(f => f.Element(Xhtml + "img")!.Attribute("src")!.Value).ToArray();
        Assert.Equal(5, srcs.Distinct().Count());
        Assert.All(srcs, s => Assert.True(file.Entries.ContainsKey(file.Folder + "/" + s)));
        Assert.DoesNotContain(diagnostics.Items, d => d.Severity != DiagnosticSeverity.Info && d.Code.StartsWith("GB02"));
        Epubcheck.AssertValid(path);
    }

    [SkippableFact]
    public void Epubcheck_passes_the_article()
    {
        Epubcheck.AssertValid(build.Path);
    }

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
