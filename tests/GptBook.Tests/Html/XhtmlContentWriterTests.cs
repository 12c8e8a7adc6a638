using System.Text;
using System.Xml;
using System.Xml.Linq;
using GptBook.Diagnostics;
using GptBook.Html;
using GptBook.Images;
using GptBook.Model;
using static GptBook.Tests.Html.SampleBooks;

namespace GptBook.Tests.Html;

public sealed class XhtmlContentWriterTests : IDisposable
{
    private static readonly XNamespace X = XhtmlNames.Xhtml;
    private static readonly XNamespace Ops = XhtmlNames.Epub;
    private readonly string _dir = Directory.CreateTempSubdirectory("gptbook-html-").FullName;
    private readonly DiagnosticBag _diagnostics = new();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (ChunkedBook Book, XElement[] Bodies) Render(Book book, HtmlFlavor flavor = HtmlFlavor.Epub)
    {
        var chunked = BookChunker.Split(book, 2);
        var resolver = new CatalogImageResolver(Catalog(_dir), ImageProfile.Epub, img => "images/" + Path.GetFileName(img.Path), _diagnostics);
        var writer = new XhtmlContentWriter(new HtmlContentContext(chunked, LanguageLabels.For(book.Metadata.Language), flavor, resolver.Resolve, _diagnostics));
        var bodies = chunked.Chunks.Select(chunk =>
        {
            var sb = new StringBuilder();
            using (var xml = XmlWriter.Create(sb, new XmlWriterSettings { OmitXmlDeclaration = true }))
            {
                xml.WriteStartElement("body", XhtmlNames.Xhtml);
                xml.WriteAttributeString("xmlns", "epub", null, XhtmlNames.Epub);
                writer.WriteChunk(xml, chunk);
                xml.WriteEndElement();
            }
            // Parsing it back is the well-formedness check.
            return XElement.Parse(sb.ToString());
        }).ToArray();
        return (chunked, bodies);
    }

    [Fact]
    public void Writes_well_formed_xhtml_for_every_block_type()
    {
        var (_, bodies) = Render(EveryBlock());
        var all = bodies.SelectMany(b => b.Descendants()).Select(e => e.Name.LocalName).ToHashSet();
        foreach (var element in new[] { "h1", "h2", "h3", "p", "em", "strong", "del", "code", "a", "figure", "img", "figcaption",
                     "blockquote", "ol", "ul", "li", "pre", "hr", "table", "thead", "tbody", "th", "td", "br", "sup", "aside", "section" })
            Assert.Contains(element, all);
        Assert.All(bodies.SelectMany(b => b.Descendants()), e => Assert.Equal(X, e.Name.Namespace));
    }

    [Fact]
    public void Headings_carry_their_ids()
    {
        var (_, bodies) = Render(EveryBlock());
        Assert.Equal("section-1-1", bodies[1].Descendants(X + "h3").Single().Attribute("id")!.Value);
    }

    [Fact]
    public void Figures_have_id_img_alt_and_a_numbered_caption()
    {
        var (_, bodies) = Render(EveryBlock());
        var figure = bodies[1].Descendants(X + "figure").Single();
        Assert.Equal("fig-1", figure.Attribute("id")!.Value);
        var img = figure.Element(X + "img")!;
        Assert.Equal("images/photo-epub.png", img.Attribute("src")!.Value);
        Assert.Equal("一张照片", img.Attribute("alt")!.Value);
        Assert.Equal("图 1\u3000照片的说明", figure.Element(X + "figcaption")!.Value);
    }

    [Fact]
    public void Epub_images_carry_no_pixel_size_and_site_images_do()
    {
        // calibre turns width/height attributes into fixed sizes that distort a wide figure; the site wants them
        // so the page does not jump while pictures load.
        var (_, epub) = Render(EveryBlock());
        Assert.All(epub.SelectMany(b => b.Descendants(X + "img")), img =>
        {
            Assert.Null(img.Attribute("width"));
            Assert.Null(img.Attribute("height"));
        });
        var (_, site) = Render(EveryBlock(), HtmlFlavor.Html5);
        Assert.Equal("40", site[1].Descendants(X + "img").First(i => i.Attribute("class")?.Value == "figure-image").Attribute("width")!.Value);
    }

    [Theory]
    [InlineData(400, "size-w25")]   // a 400 px picture shows at 400 of the column's 800 px: half of that
    [InlineData(1600, "size-w50")]  // a wider one fills the column: half the column
    public void A_zoom_is_a_share_of_the_width_the_picture_shows_at_without_it(int pixelWidth, string expected)
    {
        var image = Img(PhotoPath, "截图") with { Width = new ImageDimension(50, ImageDimensionUnit.Zoom) };
        Assert.Equal(expected, GptBook.Html.ImageSizeClasses.Of(image, pixelWidth, 300));
    }

    [Theory]
    [InlineData(16, "size-px16")]  // an icon: 1em, not a share of the column (5% of it would be 2.5 times too large)
    [InlineData(30, "size-px32")]  // in steps of 8 pixels
    [InlineData(79, "size-px72")]
    [InlineData(80, "size-w10")]   // from a tenth of GitHub's column on, a share of the column
    public void A_picture_asked_for_at_fewer_pixels_than_a_tenth_of_the_column_is_sized_like_an_icon(int width, string expected)
    {
        var image = Img(PhotoPath, "图标") with { Width = new ImageDimension(width, ImageDimensionUnit.Pixel) };
        Assert.Equal(expected, GptBook.Html.ImageSizeClasses.Of(image, 64, 64));
        Assert.Equal("size-w5", GptBook.Html.ImageSizeClasses.Of(image with { Width = new ImageDimension(5, ImageDimensionUnit.Percent) }, 64, 64));
    }

    [Fact]
    public void An_authors_size_becomes_a_class_the_stylesheets_define()
    {
        var image = Img(PhotoPath, "一张照片") with { Width = new ImageDimension(90, ImageDimensionUnit.Percent) };
        var icon = Img(PhotoPath, "图标") with { Width = new ImageDimension(400, ImageDimensionUnit.Pixel) };
        var book = Book([new Figure(image, [], "figure-1", 0, SourceSpan.None), P(T("看"), new InlineImage(icon, SourceSpan.None))]);
        var (_, bodies) = Render(book);
        var classes = bodies[0].Descendants(X + "img").Select(i => i.Attribute("class")!.Value).ToArray();
        Assert.Equal(["figure-image size-w90", "inline-image size-w50"], classes);
        Assert.DoesNotContain(bodies[0].Descendants(X + "img"), i => i.Attribute("style") != null);
        var css = System.Text.Encoding.UTF8.GetString(GptBook.Epub.EpubStylesheet.Bytes());
        Assert.Contains(".size-w90 { width: 90%;", css);
        Assert.Contains(".size-w50 { width: 50%;", css);
    }

    [Fact]
    public void A_figure_without_caption_has_no_bare_label()
    {
        var book = Book([new Figure(Img(PhotoPath, "一张照片"), [], "figure-1", 0, SourceSpan.None)]);
        var (_, bodies) = Render(book);
        var figure = bodies[0].Descendants(X + "figure").Single();
        Assert.Null(figure.Element(X + "figcaption"));
        Assert.DoesNotContain("图", figure.Value);
    }

    [Fact]
    public void Latin_words_touching_han_are_marked_for_spacing_and_names_do_not_break_at_their_hyphen()
    {
        var book = Book([new Paragraph([T("在AI文本生成领域，GPT-3 的规模和 state-of-the-art 模型与1.17亿个参数"), new Strong([T("GPT")], SourceSpan.None), T("中")], SourceSpan.None)]);
        var (_, bodies) = Render(book);
        var p = bodies[0].Descendants(X + "p").Single();
        var spans = p.Elements(X + "span").Select(e => (e.Value, Class: e.Attribute("class")!.Value)).ToArray();
        Assert.Contains(("AI", "space-before space-after"), spans);
        Assert.Contains(("GPT-3", "nobr"), spans);
        Assert.Contains(("1.17", "space-before space-after"), spans);
        Assert.DoesNotContain(spans, s => s.Value == "state-of-the-art"); // spaced already, and an English compound may break
        // Across an element boundary: the strong's text sits between 数 and 中.
        Assert.Equal("space-before space-after", p.Element(X + "strong")!.Element(X + "span")!.Attribute("class")!.Value);
        // No character was added: copy and search see the text as written.
        Assert.Equal("在AI文本生成领域，GPT-3 的规模和 state-of-the-art 模型与1.17亿个参数GPT中", p.Value);
    }

    [Fact]
    public void An_english_quotation_in_a_chinese_book_is_marked_lang_en()
    {
        var quote = new BlockQuote([new Paragraph([new Strong([T("OpenAI’s new language generator GPT-3 is shockingly good—and completely mindless")], SourceSpan.None)], SourceSpan.None)], SourceSpan.None);
        var book = Book([new Paragraph([T("有意思的是，当时的 MIT Technology Review 评价道：")], SourceSpan.None), quote]);
        var (_, bodies) = Render(book);
        var blockquote = bodies[0].Descendants(X + "blockquote").Single();
        Assert.Equal("en", blockquote.Attribute("lang")!.Value);
        Assert.Equal("en", blockquote.Attribute(XNamespace.Xml + "lang")!.Value);
        Assert.Null(blockquote.Element(X + "p")!.Attribute("lang")); // inherited, not repeated
        Assert.Null(bodies[0].Descendants(X + "p").First().Attribute("lang")); // Chinese with a Latin name stays the book's
    }

    [Fact]
    public void Epub_sections_nest_as_the_headings_do_and_chapters_have_their_role()
    {
        var book = Book([H(1, "第一章", "c1"), new Paragraph([T("正文")], SourceSpan.None), H(3, "小节", "s1"), H(3, "另一小节", "s2"),
            new Paragraph([T("正文")], SourceSpan.None)]);
        var chunked = Render(book).Bodies[0];
        var chapter = chunked.Elements(X + "section").Single();
        Assert.Equal("chapter", chapter.Attribute(Ops + "type")!.Value);
        Assert.Equal("doc-chapter", chapter.Attribute("role")!.Value);
        Assert.Equal("c1", chapter.Attribute("aria-labelledby")!.Value);
        var inner = chapter.Elements(X + "section").ToArray();
        Assert.Equal(["s1", "s2"], inner.Select(s => s.Attribute("aria-labelledby")!.Value));
        Assert.All(inner, s => Assert.Empty(s.Elements(X + "section")));
        Assert.All(chunked.Descendants().Where(e => e.Attribute(Ops + "type") is { Value: "chapter" or "footnote" or "noteref" }), e => Assert.NotNull(e.Attribute("role")));
    }

    [Fact]
    public void English_books_use_english_figure_labels()
    {
        var book = Book([new Figure(Img(PhotoPath, "a photo"), [T("The caption")], "fig-1", 1, SourceSpan.None)], language: "en");
        var (_, bodies) = Render(book);
        Assert.Equal("Figure 1: The caption", bodies[0].Descendants(X + "figcaption").Single().Value);
    }

    [Fact]
    public void A_missing_image_shows_a_visible_placeholder_and_warns_once()
    {
        var (_, bodies) = Render(EveryBlock());
        var figure = bodies[2].Descendants(X + "figure").Single();
        Assert.Null(figure.Element(X + "img"));
        var box = figure.Elements(X + "div").Single(d => d.Attribute("class")?.Value == "image-placeholder");
        Assert.Contains("图片缺失", box.Value);
        Assert.Contains("缺失的图", box.Value); // the alt text says what the picture would show
        Assert.DoesNotContain(MissingPath, box.Value); // the path is for the author, in the warning
        Assert.DoesNotContain("image", box.Value); // no English build message either
        Assert.Contains(_diagnostics.Items, d => d.Message.Contains(MissingPath));
        Assert.Equal("图 2\u3000缺失图片的说明", figure.Element(X + "figcaption")!.Value);
        Assert.Single(_diagnostics.Items, d => d.Code == DiagnosticCodes.ImageNotPrepared.Id);
    }

    [Fact]
    public void Internal_links_point_into_the_chunk_that_holds_the_target()
    {
        var (_, bodies) = Render(EveryBlock());
        var hrefs = bodies.SelectMany(b => b.Descendants(X + "a")).Select(a => a.Attribute("href")!.Value).ToArray();
        Assert.Contains("ch002-section-1.xhtml#fig-1", hrefs);
        Assert.Contains("ch002-section-1.xhtml#section-1-1", hrefs);
        Assert.Contains("ch003-section-2.xhtml", hrefs); // from the raw HTML block
        Assert.DoesNotContain(_diagnostics.Items, d => d.Code == DiagnosticCodes.UnresolvedInternalLink.Id);
    }

    [Fact]
    public void External_links_keep_their_url_and_get_rel()
    {
        var (_, bodies) = Render(EveryBlock());
        var link = bodies[0].Descendants(X + "a").Single(a => a.Value == "外部链接");
        Assert.Equal("https://example.com/a?b=1&c=2", link.Attribute("href")!.Value);
        Assert.Equal("示例", link.Attribute("title")!.Value);
        Assert.Contains("external", link.Attribute("rel")!.Value);
    }

    [Fact]
    public void Unsafe_and_unknown_links_become_text_with_a_warning()
    {
        var book = Book([P(new Link("javascript:alert(1)", null, [T("坏")], SourceSpan.None), new Link("#nowhere", null, [T("断")], SourceSpan.None))]);
        var (_, bodies) = Render(book);
        Assert.Empty(bodies[0].Descendants(X + "a"));
        Assert.Equal("坏断", bodies[0].Value);
        Assert.Contains(_diagnostics.Items, d => d.Code == DiagnosticCodes.UnsafeLinkDropped.Id);
        Assert.Contains(_diagnostics.Items, d => d.Code == DiagnosticCodes.UnresolvedInternalLink.Id);
    }

    [Fact]
    public void Footnotes_are_epub_noterefs_collected_at_the_chunk_end_with_back_links()
    {
        var (_, bodies) = Render(EveryBlock());
        var noteref = bodies[0].Descendants(X + "a").Single(a => a.Attribute(Ops + "type")?.Value == "noteref");
        Assert.Equal("#fn-1", noteref.Attribute("href")!.Value);
        Assert.Equal("fn-1-ref", noteref.Attribute("id")!.Value);
        var aside = bodies[0].Descendants(X + "aside").Single();
        Assert.Equal("fn-1", aside.Attribute("id")!.Value);
        Assert.Equal("footnote", aside.Attribute(Ops + "type")!.Value);
        Assert.Same(bodies[0].Elements().Last(), aside.Parent);
        Assert.Equal("#fn-1-ref", aside.Descendants(X + "a").First().Attribute("href")!.Value);
        Assert.Equal("1 第一条注释，带强调。", aside.Value);

        // The second reference to fn-1 (in chunk 3) links across without repeating the anchor id.
        var later = bodies[2].Descendants(X + "a").Where(a => a.Attribute(Ops + "type")?.Value == "noteref").ToArray();
        Assert.Equal(["ch001-sample-book.xhtml#fn-1", "#fn-2"], later.Select(a => a.Attribute("href")!.Value));
        Assert.Null(later[0].Attribute("id"));
        var secondNote = bodies[2].Descendants(X + "aside").Single();
        Assert.Equal(2, secondNote.Elements(X + "p").Count());
    }

    [Fact]
    public void Ids_are_unique_within_each_chunk()
    {
        var (_, bodies) = Render(EveryBlock());
        foreach (var body in bodies)
        {
            var ids = body.Descendants().Select(e => e.Attribute("id")?.Value).OfType<string>().ToArray();
            Assert.Equal(ids.Length, ids.Distinct().Count());
        }
    }

    [Fact]
    public void Html5_flavor_carries_no_epub_namespace_attributes()
    {
        var (_, bodies) = Render(EveryBlock(), HtmlFlavor.Html5);
        Assert.DoesNotContain(bodies.SelectMany(b => b.Descendants()).SelectMany(e => e.Attributes()), a => a.Name.Namespace == Ops);
        Assert.Contains(bodies.SelectMany(b => b.Descendants(X + "a")), a => a.Attribute("role")?.Value == "doc-noteref");
    }

    [Fact]
    public void Lists_keep_their_start_and_nesting()
    {
        var (_, bodies) = Render(EveryBlock());
        var ol = bodies[1].Descendants(X + "ol").Single();
        Assert.Equal("3", ol.Attribute("start")!.Value);
        Assert.Equal("嵌套项", ol.Element(X + "li")!.Element(X + "ul")!.Element(X + "li")!.Value);
    }

    [Fact]
    public void Tables_carry_column_alignment_and_code_blocks_stay_literal()
    {
        var (_, bodies) = Render(EveryBlock());
        var th = bodies[1].Descendants(X + "th").ToArray();
        Assert.Equal(["text-align: left", "text-align: center", "text-align: right"], th.Select(c => c.Attribute("style")!.Value));
        var code = bodies[1].Descendants(X + "pre").Single().Element(X + "code")!;
        Assert.Equal("var x = 1 < 2 && true;\n", code.Value);
        Assert.Equal("language-csharp", code.Attribute("class")!.Value);
    }

    [Fact]
    public void Marked_text_is_written_as_sup_sub_and_kbd()
    {
        var (_, bodies) = Render(EveryBlock());
        Assert.Equal("2", bodies[1].Descendants(X + "sub").Single().Value);
        Assert.Equal("Ctrl", bodies[1].Descendants(X + "kbd").Single().Value);
    }

    [Fact]
    public void Non_void_elements_never_self_close_so_html_parsers_agree()
    {
        var book = Book([P(), new Paragraph([new Link("#x", null, [], SourceSpan.None)], SourceSpan.None), H(2, "", "x")]);
        var chunked = BookChunker.Split(book, 1);
        var writer = new XhtmlContentWriter(new HtmlContentContext(chunked, LanguageLabels.Chinese, HtmlFlavor.Html5, _ => HtmlImage.Missing("-"), _diagnostics));
        var sb = new StringBuilder();
        using (var xml = XmlWriter.Create(sb, new XmlWriterSettings { ConformanceLevel = ConformanceLevel.Fragment }))
            writer.WriteChunk(xml, chunked.Chunks[0]);
        Assert.DoesNotContain("/>", sb.ToString());
        Assert.Matches("<p[^>]*></p>", sb.ToString());
    }
}
