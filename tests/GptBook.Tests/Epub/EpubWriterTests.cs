using System.Xml.Linq;
using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Epub;
using GptBook.Images;
using GptBook.Model;
using GptBook.Tests.Html;
using SixLabors.ImageSharp;
using static GptBook.Tests.Epub.EpubFile;

namespace GptBook.Tests.Epub;

public sealed class EpubWriterTests : IDisposable
{
    private readonly SampleEpub _epub = new();

    public void Dispose() => _epub.Dispose();

    private EpubFile WriteEveryBlock(EpubOptions? options = null) =>
        new(_epub.Write(SampleBooks.EveryBlock(), SampleBooks.Catalog(_epub.Directory), options));

    [Fact]
    public void Mimetype_is_the_first_entry_stored_without_extra_field()
    {
        var epub = WriteEveryBlock();
        Assert.Equal("mimetype", epub.EntryNames[0]);
        Assert.True(epub.Stored["mimetype"]);
        Assert.Equal("application/epub+zip", System.Text.Encoding.ASCII.GetString(epub.Entries["mimetype"]));
        // The local header itself: signature, method 0 (stored), name length 8, extra length 0, then the name and content.
        var b = epub.Bytes;
        Assert.Equal([0x50, 0x4B, 0x03, 0x04], b[..4]);
        Assert.Equal(0, BitConverter.ToUInt16(b, 8));
        Assert.Equal(8, BitConverter.ToUInt16(b, 26));
        Assert.Equal(0, BitConverter.ToUInt16(b, 28));
        Assert.Equal("mimetypeapplication/epub+zip", System.Text.Encoding.ASCII.GetString(b, 30, 28));
    }

    [Fact]
    public void Entries_after_mimetype_are_sorted_and_all_carry_the_build_timestamp_not_the_clock()
    {
        var path = _epub.Write(SampleBooks.EveryBlock(), SampleBooks.Catalog(_epub.Directory));
        var epub = new EpubFile(path);
        var rest = epub.EntryNames.Skip(1).ToArray();
        Assert.Equal(rest.Order(StringComparer.Ordinal), rest);
        var expected = new DateTime(2026, 11, 30, 0, 0, 0, DateTimeKind.Utc);
        using var zip = System.IO.Compression.ZipFile.OpenRead(path);
        Assert.All(zip.Entries, e => Assert.Equal(expected.AddSeconds(-(expected.Second % 2)), e.LastWriteTime.DateTime));
    }

    [Fact]
    public void Package_metadata_has_stable_identifier_title_language_creators_and_modified()
    {
        var epub = WriteEveryBlock();
        var m = epub.Metadata;
        var uniqueId = epub.Package.Root!.Attribute("unique-identifier")!.Value;
        var identifier = m.Elements(Dc + "identifier").Single(e => e.Attribute("id")?.Value == uniqueId).Value;
        Assert.Equal(BookIdentifier.Urn("sample-book"), identifier);
        Assert.Matches("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", identifier);
        Assert.Equal("示例书", m.Elements(Dc + "title").First().Value);
        Assert.Equal("zh-CN", m.Element(Dc + "language")!.Value);
        Assert.Equal("zh-CN", epub.Package.Root!.Attribute(Xml + "lang")!.Value);
        Assert.Equal(["作者甲", "Author B"], m.Elements(Dc + "creator").Select(e => e.Value));
        Assert.Equal("一本用来测试的书。", m.Element(Dc + "description")!.Value);
        var modified = m.Elements(Opf + "meta").Single(e => e.Attribute("property")?.Value == "dcterms:modified").Value;
        Assert.Equal("2026-11-30T00:00:00Z", modified);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", modified);
    }

    [Fact]
    public void Manifest_lists_exactly_the_files_in_the_package_with_their_media_types()
    {
        var epub = WriteEveryBlock();
        var inZip = epub.EntryNames.Where(n => n != "mimetype" && !n.StartsWith("META-INF/") && n != epub.OpfPath).Order(StringComparer.Ordinal);
        var inManifest = epub.Manifest.Select(i => epub.Folder + "/" + i.Attribute("href")!.Value).Order(StringComparer.Ordinal);
        Assert.Equal(inZip, inManifest);
        foreach (var item in epub.Manifest)
        {
            var href = item.Attribute("href")!.Value;
            var expected = Path.GetExtension(href) switch
            {
                ".xhtml" => "application/xhtml+xml", ".ncx" => "application/x-dtbncx+xml", ".css" => "text/css",
                ".png" => "image/png", ".jpg" => "image/jpeg", _ => "?",
            };
            Assert.Equal(expected, item.Attribute("media-type")!.Value);
        }
    }

    [Fact]
    public void Spine_is_cover_then_contents_then_the_chunks_in_reading_order()
    {
        var epub = WriteEveryBlock();
        Assert.Equal(["cover.xhtml", "nav.xhtml", "ch001-sample-book.xhtml", "ch002-section-1.xhtml", "ch003-section-2.xhtml"], epub.SpineHrefs);
        Assert.Equal("ncx", epub.Package.Root!.Element(Opf + "spine")!.Attribute("toc")!.Value);
    }

    [Fact]
    public void Nav_nests_the_headings_and_has_the_three_landmarks()
    {
        var epub = WriteEveryBlock();
        var navs = epub.Nav.Descendants(Xhtml + "nav").ToArray();
        var toc = navs.Single(n => n.Attribute(Ops + "type")!.Value == "toc");
        var top = toc.Element(Xhtml + "ol")!.Elements(Xhtml + "li").ToArray();
        Assert.Equal("示例书", top.Single().Element(Xhtml + "a")!.Value);
        var second = top[0].Element(Xhtml + "ol")!.Elements(Xhtml + "li").ToArray();
        Assert.Equal(["第一节", "第二节"], second.Select(li => li.Element(Xhtml + "a")!.Value));
        Assert.Equal("小节", second[0].Element(Xhtml + "ol")!.Element(Xhtml + "li")!.Element(Xhtml + "a")!.Value);
        Assert.Equal("ch002-section-1.xhtml#section-1-1", second[0].Descendants(Xhtml + "a").Last().Attribute("href")!.Value);

        var landmarks = navs.Single(n => n.Attribute(Ops + "type")!.Value == "landmarks").Descendants(Xhtml + "a")
            .ToDictionary(a => a.Attribute(Ops + "type")!.Value, a => a.Attribute("href")!.Value);
        Assert.Equal("cover.xhtml", landmarks["cover"]);
        Assert.Equal("nav.xhtml#toc", landmarks["toc"]);
        Assert.Equal("ch001-sample-book.xhtml", landmarks["bodymatter"]);
    }

    [Fact]
    public void Toc_depth_limits_the_nav()
    {
        var epub = WriteEveryBlock(new EpubOptions(TocDepth: 2));
        Assert.DoesNotContain("小节", epub.Nav.Descendants(Xhtml + "nav").First().Value);
    }

    [Fact]
    public void Ncx_lists_the_same_entries_in_play_order_with_the_package_identifier()
    {
        var epub = WriteEveryBlock();
        var ncx = epub.Document("toc.ncx");
        Assert.Equal(BookIdentifier.Urn("sample-book"), ncx.Descendants(Ncx + "meta").Single(m => m.Attribute("name")!.Value == "dtb:uid").Attribute("content")!.Value);
        var points = ncx.Descendants(Ncx + "navPoint").ToArray();
        Assert.Equal(["示例书", "第一节", "小节", "第二节"], points.Select(p => p.Element(Ncx + "navLabel")!.Value));
        Assert.Equal(["1", "2", "3", "4"], points.Select(p => p.Attribute("playOrder")!.Value));
        Assert.Equal("3", ncx.Descendants(Ncx + "meta").Single(m => m.Attribute("name")!.Value == "dtb:depth").Attribute("content")!.Value);
    }

    [Fact]
    public void Every_page_declares_the_language_both_ways_and_links_the_stylesheet()
    {
        var epub = WriteEveryBlock();
        foreach (var href in epub.XhtmlHrefs)
        {
            var root = epub.Document(href).Root!;
            Assert.Equal("zh-CN", root.Attribute(Xml + "lang")!.Value);
            Assert.Equal("zh-CN", root.Attribute("lang")!.Value);
            Assert.Contains(root.Descendants(Xhtml + "link"), l => l.Attribute("href")!.Value == "styles/book.css");
        }
    }

    [Fact]
    public void Every_internal_reference_resolves_to_a_file_and_an_id_in_the_package()
    {
        var epub = WriteEveryBlock();
        foreach (var href in epub.XhtmlHrefs)
        {
            var doc = epub.Document(href);
            foreach (var a in doc.Descendants(Xhtml + "a").Select(a => a.Attribute("href")!.Value).Where(h => !h.Contains(':')))
            {
                var parts = a.Split('#');
                var file = parts[0].Length == 0 ? href : parts[0];
                Assert.True(epub.Entries.ContainsKey(epub.Folder + "/" + file), $"{href}: {a} names a missing file");
                if (parts.Length > 1)
                    Assert.True(epub.Document(file).Descendants().Any(e => e.Attribute("id")?.Value == parts[1]), $"{href}: {a} names a missing id");
            }
            foreach (var src in doc.Descendants(Xhtml + "img").Select(i => i.Attribute("src")!.Value))
                Assert.True(epub.Entries.ContainsKey(epub.Folder + "/" + src), $"{href}: image {src} missing");
        }
    }

    [Fact]
    public void Images_are_copied_with_their_media_type_and_missing_ones_show_a_placeholder()
    {
        var epub = WriteEveryBlock();
        var chapter = epub.Document("ch002-section-1.xhtml");
        var src = chapter.Descendants(Xhtml + "figure").Single().Element(Xhtml + "img")!.Attribute("src")!.Value;
        Assert.StartsWith("images/", src);
        Assert.Equal(File.ReadAllBytes(Path.Combine(_epub.Directory, "photo-epub.png")), epub.Entries[epub.Folder + "/" + src]);
        Assert.Equal("image/png", epub.Manifest.Single(i => i.Attribute("href")!.Value == src).Attribute("media-type")!.Value);

        var missing = epub.Document("ch003-section-2.xhtml").Descendants(Xhtml + "figure").Single();
        Assert.Contains("图片缺失", missing.Value);
        Assert.Contains(_epub.Diagnostics.Items, d => d.Code == DiagnosticCodes.ImageNotPrepared.Id && d.Message.Contains(SampleBooks.MissingPath));
    }

    [Fact]
    public void A_placeholder_from_the_image_stage_shows_its_picture_and_says_so_without_the_authors_reason()
    {
        var placeholderPng = Path.Combine(_epub.Directory, "placeholder.png");
        SampleBooks.WritePng(placeholderPng, 20, 10);
        var catalog = new ImageCatalog(new Dictionary<(string, ImageProfile), NormalizedImage>
        {
            [(SampleBooks.MissingPath, ImageProfile.Epub)] = new(placeholderPng, 20, 10, "image/png", 96) { Placeholder = "文件不存在" },
        });
        var book = SampleBooks.Book([new Figure(SampleBooks.Img(SampleBooks.MissingPath, "图"), [SampleBooks.T("说明")], "fig-1", 1, SourceSpan.None)]);
        var epub = new EpubFile(_epub.Write(book, catalog));
        var figure = epub.Document("ch001-sample.xhtml").Descendants(Xhtml + "figure").Single();
        Assert.NotNull(figure.Element(Xhtml + "img"));
        Assert.Contains("图片缺失", figure.Value);
        Assert.DoesNotContain("文件不存在", figure.Value); // the reason is the author's, in the build's warning
        Assert.DoesNotContain(_epub.Diagnostics.Items, d => d.Code == DiagnosticCodes.ImageNotPrepared.Id);
    }

    [Fact]
    public void Without_a_configured_cover_one_is_drawn_and_marked_as_the_cover_image()
    {
        var epub = WriteEveryBlock();
        var cover = epub.Manifest.Single(i => i.Attribute("properties")?.Value == "cover-image");
        Assert.Equal("images/cover.png", cover.Attribute("href")!.Value);
        using var image = Image.Load(epub.Entries[epub.Folder + "/images/cover.png"]);
        Assert.Equal((1600, 2400), (image.Width, image.Height));
        Assert.Equal(cover.Attribute("id")!.Value, epub.Metadata.Elements(Opf + "meta").Single(m => m.Attribute("name")?.Value == "cover").Attribute("content")!.Value);
        var page = epub.Document("cover.xhtml");
        Assert.Equal("images/cover.png", page.Descendants(Xhtml + "img").Single().Attribute("src")!.Value);
        Assert.Contains("示例书", page.Descendants(Xhtml + "img").Single().Attribute("alt")!.Value);
    }

    [Theory]
    [InlineData("assets/nope.png")]
    [InlineData("../outside.png")]
    public void A_missing_or_outside_cover_is_a_warning_and_a_drawn_cover_replaces_it(string cover)
    {
        SampleBooks.WritePng(Path.Combine(Path.GetDirectoryName(_epub.Directory)!, "outside.png"), 10, 10);
        var epub = WriteEveryBlock(new EpubOptions(Cover: cover));
        Assert.Contains(_epub.Diagnostics.Items, d => d.Code == DiagnosticCodes.CoverMissing.Id && d.Message.Contains(cover));
        using var image = Image.Load(epub.Entries[epub.Folder + "/images/cover.png"]);
        Assert.Equal(2400, image.Height);
    }

    [Fact]
    public void Two_builds_give_identical_bytes()
    {
        var first = _epub.Write(SampleBooks.EveryBlock(), SampleBooks.Catalog(_epub.Directory), name: "a.epub");
        var second = _epub.Write(SampleBooks.EveryBlock(), SampleBooks.Catalog(_epub.Directory), name: "b.epub");
        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
    }

    [SkippableFact]
    public void Control_characters_in_the_text_are_removed_with_a_warning_and_the_epub_stays_valid()
    {
        var book = SampleBooks.Book([
            new Heading(1, [SampleBooks.T("标\u0001题")], "title", new SourceSpan("sample.md", 1, 1)),
            SampleBooks.P(SampleBooks.T("换页\u000C之后")),
            new CodeBlock(null, "a\u0000b", SourceSpan.None),
        ]);
        var path = _epub.Write(book);
        var epub = new EpubFile(path);
        Assert.Equal("换页之后", epub.Document("ch001-title.xhtml").Descendants(Xhtml + "p").Single().Value);
        Assert.Equal("标题", epub.Nav.Descendants(Xhtml + "a").First().Value);
        Assert.Equal("标题", epub.Document("toc.ncx").Descendants(Ncx + "text").Last().Value);
        Assert.Equal(3, _epub.Diagnostics.Items.Count(d => d.Code == DiagnosticCodes.InvalidXmlCharacter.Id));
        Epubcheck.AssertValid(path);
    }

    [Fact]
    public void When_the_file_system_refuses_the_temporary_file_the_existing_epub_stays()
    {
        // A name the file system just accepts (235 of its 255 bytes) leaves no room for the temporary sibling's
        // longer unique name: creating it fails, as a full disk or a permission would.
        var path = Path.Combine(_epub.Directory, new string('b', 230) + ".epub");
        File.WriteAllText(path, "previous build");
        var book = SampleBooks.EveryBlock();
        var ok = EpubWriter.Write(book, _epub.Options(book), ImageCatalog.Empty, path, _epub.Diagnostics, SampleEpub.Fonts);
        Assert.False(ok);
        Assert.Equal("previous build", File.ReadAllText(path));
        Assert.Contains(_epub.Diagnostics.Items, d => d.Code == DiagnosticCodes.EpubNotWritten.Id);
    }

    [SkippableFact]
    public void Epubcheck_passes_a_book_with_every_block_type()
    {
        Epubcheck.AssertValid(_epub.Write(SampleBooks.EveryBlock(), SampleBooks.Catalog(_epub.Directory)));
    }

    [SkippableFact]
    public void A_book_without_headings_gets_a_toc_entry_per_chunk_and_passes_epubcheck()
    {
        var book = SampleBooks.Book([SampleBooks.P(SampleBooks.T("只有一段文字。"))]);
        var path = _epub.Write(book, epub: new EpubOptions(TocDepth: 3));
        var nav = new EpubFile(path).Nav.Descendants(Xhtml + "nav").First();
        var entry = nav.Descendants(Xhtml + "a").Single();
        Assert.Equal(("示例书", "ch001-sample.xhtml"), (entry.Value, entry.Attribute("href")!.Value));
        Epubcheck.AssertValid(path);
    }

    [SkippableFact]
    public void Epubcheck_passes_a_book_of_edge_cases()
    {
        Epubcheck.AssertValid(_epub.Write(SampleBooks.EdgeCases(), SampleBooks.Catalog(_epub.Directory)));
    }

    [SkippableFact]
    public void Epubcheck_passes_an_english_book_split_at_every_level_with_a_configured_cover()
    {
        var coverPath = Path.Combine(_epub.Directory, "cover.png");
        SampleBooks.WritePng(coverPath, 60, 90);
        var english = SampleBooks.EveryBlock() with { Metadata = SampleBooks.EveryBlock().Metadata with { Language = "en", Title = "Sample" } };
        Epubcheck.AssertValid(_epub.Write(english, SampleBooks.Catalog(_epub.Directory), new EpubOptions(SplitLevel: 6, TocDepth: 6, Cover: "cover.png")));
    }
}
