using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using GptBook.Layout;
using GptBook.Model;
using GptBook.Tests.Support;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using PdfSharpReader = PdfSharp.Pdf.IO.PdfReader;
using GptBook.Units;

namespace GptBook.Tests.Pdf;

/// <summary>The article (and a book of the constructs it lacks) written to PDF and read back.</summary>
[Collection(SamplePdfs.Name)]
public sealed partial class PdfBookWriterTests(PdfOutputFixture output)
{
    [Fact]
    public void Article_page_count_matches_the_layout()
    {
        using var pdf = PdfDocument.Open(output.Article.Path);
        Assert.Equal(output.Article.Layout.Pages.Count, pdf.NumberOfPages);
        Assert.True(pdf.NumberOfPages >= 8, $"only {pdf.NumberOfPages} pages");
        Assert.Equal(0, pdf.NumberOfPages % 2);
    }

    [Fact]
    public void The_article_sets_without_layout_or_pdf_diagnostics()
    {
        Assert.Empty(output.Article.Diagnostics.Items.Where(d => d.Code.StartsWith("GB03", StringComparison.Ordinal)).Select(d => d.ToString()));
    }

    [Fact]
    public void Outline_entries_are_the_headings_in_order_and_nested_by_level()
    {
        using var pdf = PdfDocument.Open(output.Article.Path);
        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        var flat = new List<(string Title, int Level, int Page)>();
        void Walk(IEnumerable<UglyToad.PdfPig.Outline.BookmarkNode> nodes)
        {
            foreach (var n in nodes)
            {
                flat.Add((n.Title, n.Level, n is UglyToad.PdfPig.Outline.DocumentBookmarkNode d ? d.PageNumber : -1));
                Walk(n.Children);
            }
        }
        Walk(bookmarks.Roots);
        var headings = output.Article.Book.Headings().ToList();
        Assert.Equal(headings.Select(h => h.PlainText), flat.Select(f => f.Title));
        Assert.Equal(headings.Select(h => h.Level - 1), flat.Select(f => f.Level));
        foreach (var (title, _, page) in flat)
            Assert.Contains(Squeeze(title), Squeeze(pdf.GetPage(page).Text));
    }

    [Fact]
    public void Every_toc_entry_prints_the_folio_of_the_page_its_heading_is_on()
    {
        using var pdf = PdfDocument.Open(output.Article.Path);
        var layout = output.Article.Layout;
        var printed = new Dictionary<string, string>();
        for (var p = 3; p <= layout.BodyStartIndex; p++)
            foreach (var line in Lines(pdf.GetPage(p)))
            {
                var m = TocLine().Match(line);
                if (m.Success) printed[Squeeze(m.Groups[1].Value)] = m.Groups[2].Value;
            }
        var expected = output.Article.Book.Headings().Where(h => h.Level is >= 2 and <= 3).ToList();
        Assert.Equal(expected.Count, printed.Count);
        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        var pages = bookmarks.GetNodes().OfType<UglyToad.PdfPig.Outline.DocumentBookmarkNode>().ToDictionary(n => Squeeze(n.Title), n => n.PageNumber);
        foreach (var h in expected)
        {
            var page = pdf.GetPage(pages[Squeeze(h.PlainText)]);
            var folio = Folio(page, layout.Geometry);
            Assert.True(folio != null, $"no folio printed on the page of '{h.PlainText}'");
            Assert.Equal(folio, printed[Squeeze(h.PlainText)]);
        }
    }

    [Fact]
    public void Figure_captions_are_numbered_in_order()
    {
        using var pdf = PdfDocument.Open(output.Article.Path);
        var numbers = new List<int>();
        foreach (var page in pdf.GetPages().Skip(output.Article.Layout.BodyStartIndex))
            numbers.AddRange(FigureLabel().Matches(Squeeze(page.Text)).Select(m => int.Parse(m.Groups[1].Value)));
        Assert.Equal([1, 2, 3, 4, 5], numbers);
    }

    [Fact]
    public void No_glyph_lies_outside_the_text_block_except_running_heads_and_folios()
    {
        using var pdf = PdfDocument.Open(output.Article.Path);
        var g = output.Article.Layout.Geometry;
        foreach (var page in pdf.GetPages())
        {
            var right = page.Number % 2 == 1;
            var block = g.TextBlock(right);
            foreach (var letter in page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)))
            {
                var x = letter.StartBaseLine.X;
                var yFromTop = g.MediaHeight.Points - letter.StartBaseLine.Y;
                if (yFromTop < block.Y.Points - 5) continue; // the running head line
                // The ink, not the advance: a line-end mark is compressed to half width, its ink stays inside.
                Assert.True(x >= block.X.Points - 0.5 && letter.BoundingBox.Right <= block.Right.Points + 0.5 && yFromTop <= block.Bottom.Points + 0.5,
                    $"'{letter.Value}' on page {page.Number} at ({x:0.0}, {yFromTop:0.0}) is outside the text block {block}");
            }
        }
    }

    [Fact]
    public void Fonts_are_embedded()
    {
        using var pdf = PdfDocument.Open(output.Article.Path);
        var letters = pdf.GetPages().SelectMany(p => p.Letters).ToList();
        Assert.NotEmpty(letters);
        Assert.All(letters.Select(l => l.FontName).Distinct(), name => Assert.Matches("^[A-Z]{6}\\+", name));
    }

    [Fact]
    public void Writing_twice_gives_identical_bytes()
    {
        var again = output.WriteArticle("article-again.pdf");
        Assert.Equal(File.ReadAllBytes(output.Article.Path), File.ReadAllBytes(again.Path));
    }

    [Fact]
    public void Every_stream_but_the_xmp_packet_is_deflated_font_programs_and_unicode_maps_included()
    {
        using var document = PdfSharpReader.Open(output.Article.Path, PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        var metadata = document.Internals.Catalog.Elements.GetReference("/Metadata")!.Value;
        var streams = document.Internals.GetAllObjects().OfType<PdfSharp.Pdf.PdfDictionary>()
            .Where(d => d.Stream is { Value.Length: > 0 } && !ReferenceEquals(d, metadata)).ToList();
        Assert.Empty(streams.Where(d => d.Elements["/Filter"] == null).Select(d => d.Reference + " " + d.Elements));
        // The streams PDFsharp builds only while saving are among them.
        var fonts = streams.Count(d => d.Elements.ContainsKey("/Length1"));
        var maps = streams.Count(d => Encoding.Latin1.GetString(d.Stream.UnfilteredValue).Contains("beginbfrange", StringComparison.Ordinal));
        Assert.True(fonts >= 3 && maps == fonts, $"{fonts} font programs, {maps} ToUnicode maps");
        Assert.Null(((PdfSharp.Pdf.PdfDictionary)metadata).Elements["/Filter"]);
    }

    [Fact]
    public void Every_deflated_stream_is_a_complete_zlib_stream_with_its_adler32_checksum()
    {
        using var document = PdfSharpReader.Open(output.Article.Path, PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        var checkedStreams = 0;
        foreach (var obj in document.Internals.GetAllObjects())
        {
            if (obj is not PdfSharp.Pdf.PdfDictionary { Stream: { } stream } dict) continue;
            if (dict.Elements.GetName("/Filter") != "/FlateDecode") continue;
            var raw = stream.Value;
            using var inflated = new MemoryStream();
            using (var z = new ZLibStream(new MemoryStream(raw), CompressionMode.Decompress)) z.CopyTo(inflated);
            Assert.Equal(Adler32(inflated.ToArray()), BinaryPrimitives.ReadUInt32BigEndian(raw.AsSpan(raw.Length - 4)));
            checkedStreams++;
        }
        Assert.True(checkedStreams > 10, $"only {checkedStreams} deflated streams");
    }

    [Fact]
    public void Metadata_and_page_labels_are_written()
    {
        using var pdf = PdfDocument.Open(output.Article.Path);
        Assert.Equal("从 GPT1 到 GPT4", pdf.Information.Title);
        Assert.Equal("GptBook 编辑组", pdf.Information.Author);
        Assert.Equal("D:20261130000000+00'00'", pdf.Information.CreationDate);
        var catalog = pdf.Structure.Catalog.CatalogDictionary;
        Assert.Equal("zh-CN", (catalog.Data["Lang"] as UglyToad.PdfPig.Tokens.StringToken)?.Data);
        Assert.True(catalog.Data.ContainsKey("PageLabels"));
        Assert.True(catalog.Data.ContainsKey("StructTreeRoot"));
    }

    [Fact]
    public void Links_are_annotations_and_internal_ones_point_into_the_document()
    {
        using var pdf = PdfDocument.Open(output.Constructs.Path);
        var links = pdf.GetPages().SelectMany(p => p.GetHyperlinks()).ToList();
        Assert.Contains(links, l => l.Uri == "https://openai.com/research");
        var tocPage = pdf.GetPage(3);
        Assert.NotEmpty(tocPage.GetAnnotations());
    }

    [Fact]
    public void Constructs_are_all_set_code_wraps_and_the_table_and_footnote_appear()
    {
        using var pdf = PdfDocument.Open(output.Constructs.Path);
        var text = Squeeze(string.Concat(pdf.GetPages().Skip(output.Constructs.Layout.BodyStartIndex).Select(p => p.Text)));
        Assert.Contains("defgenerate(prompt):", text);
        Assert.Contains("xxxxxxxxxx", text);
        Assert.Contains("1750亿", text);
        Assert.Contains("嵌套的第二项", text);
        Assert.Contains("脚注的内容，排在本章末尾。", text);
        Assert.Contains("注释", text);
        Assert.DoesNotContain(output.Constructs.Diagnostics.Items, d => d.Code == "GB0301");
    }

    [Fact]
    public void A_jpeg_passes_through_byte_for_byte()
    {
        using var document = PdfSharpReader.Open(output.Constructs.Path, PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        var jpegs = document.Internals.GetAllObjects().OfType<PdfSharp.Pdf.PdfDictionary>()
            .Where(d => d.Elements.GetName("/Subtype") == "/Image" && d.Elements.GetName("/Filter") == "/DCTDecode").ToList();
        Assert.Single(jpegs);
        Assert.Equal(File.ReadAllBytes(output.Jpeg), jpegs[0].Stream.Value);
    }

    [Fact]
    public void Missing_and_remote_images_show_a_box_in_the_books_language_with_no_path_or_url()
    {
        using var pdf = PdfDocument.Open(output.Constructs.Path);
        var text = Squeeze(string.Concat(pdf.GetPages().Select(p => p.Text)));
        Assert.Equal(2, Regex.Count(text, "图片缺失"));
        Assert.DoesNotContain("example.com", text);
        Assert.DoesNotContain("missing.png", text);
        Assert.DoesNotContain("远程图片未获取", text);
        Assert.Contains("图3", text);
    }

    [Fact]
    public void Toc_links_go_to_the_page_of_their_heading()
    {
        using var document = PdfSharpReader.Open(output.Constructs.Path, PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        var layout = output.Constructs.Layout;
        var checkedLinks = 0;
        for (var p = 0; p < document.PageCount; p++)
        {
            if (document.Pages[p].Elements.GetArray("/Annots") is not { } annots) continue;
            foreach (var item in annots.Elements)
            {
                var annot = (PdfSharp.Pdf.PdfDictionary)((PdfSharp.Pdf.Advanced.PdfReference)item).Value;
                var heading = output.Constructs.Book.Headings().FirstOrDefault(h => h.PlainText == annot.Elements.GetString("/Contents"));
                if (heading == null || annot.Elements.GetArray("/Dest") is not { } dest) continue;
                var page = ((PdfSharp.Pdf.Advanced.PdfReference)dest.Elements[0]).ObjectID;
                var index = Enumerable.Range(0, document.PageCount).Single(i => document.Pages[i].Reference!.ObjectID == page);
                Assert.Equal(layout.Anchors[heading.Id].PageIndex, index);
                checkedLinks++;
            }
        }
        Assert.True(checkedLinks >= 3, $"only {checkedLinks} TOC links");
    }

    [Fact]
    public void Bleed_and_crop_marks_set_the_trim_and_bleed_boxes_inside_a_larger_media_box()
    {
        var options = new GptBook.Configuration.PdfOptions { PageSize = GptBook.Configuration.PageSize.B5, Bleed = Length.Mm(3), CropMarks = true };
        var written = output.Write(output.Constructs.Book, "constructs-bleed.pdf", options);
        using var document = PdfSharpReader.Open(written.Path, PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        var page = document.Pages[0];
        static double Mm(double points) => points / Length.PointsPerMm;
        Assert.Equal(176 + 2 * 13, Mm(page.MediaBox.Width), 1);
        Assert.Equal(176, Mm(page.TrimBox.Width), 1);
        Assert.Equal(250, Mm(page.TrimBox.Height), 1);
        Assert.Equal(13, Mm(page.TrimBox.X1), 1);
        Assert.Equal(176 + 6, Mm(page.BleedBox.Width), 1);
        Assert.Equal(10, Mm(page.BleedBox.X1), 1);
    }

    [Fact]
    public void A_page_without_room_for_text_is_an_error_and_writes_nothing()
    {
        var tiny = new GptBook.Configuration.PdfOptions { PageSize = new GptBook.Configuration.PageSize("tiny", Length.Mm(40), Length.Mm(40)) };
        var written = output.Write(output.Constructs.Book, "tiny.pdf", tiny);
        Assert.Empty(written.Layout.Pages);
        Assert.Contains(written.Diagnostics.Items, d => d.Code == "GB0304" && d.Severity == GptBook.Diagnostics.DiagnosticSeverity.Error);
        Assert.False(File.Exists(written.Path));
    }

    [Fact]
    public void A_prepared_image_pdfsharp_cannot_read_becomes_a_placeholder_with_a_diagnostic()
    {
        var broken = Path.Combine(PdfOutputFixture.OutputDirectory, "broken.png");
        File.WriteAllBytes(broken, [0x89, 0x50, 0x4E, 0x47, 1, 2, 3]);
        var figure = output.Constructs.Book.Figures().First();
        var catalog = new GptBook.Images.ImageCatalog(new Dictionary<(string, GptBook.Images.ImageProfile), GptBook.Images.NormalizedImage>
        {
            [(figure.Image.Key, GptBook.Images.ImageProfile.Print)] = new(broken, 600, 400, "image/png", 150),
        });
        var written = output.Write(output.Constructs.Book, "broken-image.pdf", images: catalog);
        Assert.Contains(written.Diagnostics.Items, d => d.Code == "GB0305");
        using var pdf = PdfDocument.Open(written.Path);
        Assert.Contains("broken.png", string.Concat(pdf.GetPages().Select(p => p.Text)));
    }

    [Fact]
    public void Degenerate_books_are_written_without_exceptions()
    {
        var s = new SourceSpan("odd.md", 1, 1);
        var meta = SampleBooks.Metadata("空");
        var giantCell = new TableCell([new GptBook.Model.Text(string.Concat(Enumerable.Repeat("很长的单元格文字。", 400)), s)], s);
        Book[] books =
        [
            new(meta, []),
            new(meta, [new Chapter("empty", "empty.md", [], [])]),
            new(meta, [new Chapter("fig", "fig.md", [new Figure(new ImageReference("x.png", ImageSourceKind.Local, "x.png", "", s), [], "f", 0, s)], [])]),
            new(meta, [new Chapter("table", "table.md", [new Table([ColumnAlignment.Default], [new TableCell([], s)], [[giantCell]], s)], [])]),
            new(meta, [new Chapter("heads", "heads.md", Enumerable.Range(1, 6).Select(l => (Block)new Heading(l, [], "h" + l, s)).ToList(), [])]),
        ];
        for (var i = 0; i < books.Length; i++)
        {
            var written = output.Write(books[i], $"degenerate-{i}.pdf");
            using var pdf = PdfDocument.Open(written.Path);
            Assert.Equal(written.Layout.Pages.Count, pdf.NumberOfPages);
            Assert.Equal(0, pdf.NumberOfPages % 2);
        }
    }

    [SkippableFact]
    public void Qpdf_check_passes()
    {
        var result = ExternalTool.Run("qpdf", ["--check", output.Article.Path]);
        Assert.True(result.ExitCode == 0, result.Output);
        var constructs = ExternalTool.Run("qpdf", ["--check", output.Constructs.Path]);
        Assert.True(constructs.ExitCode == 0, constructs.Output);
    }

    [SkippableFact]
    public void Pdffonts_shows_every_font_embedded_subset_and_with_unicode_maps()
    {
        var result = ExternalTool.Run("pdffonts", [output.Constructs.Path]);
        Assert.Equal(0, result.ExitCode);
        var rows = result.StdOut.Split('\n').Skip(2).Where(l => l.Trim().Length > 0).ToList();
        Assert.True(rows.Count >= 4, result.StdOut);
        foreach (var row in rows)
            Assert.Matches("Identity-H\\s+yes\\s+yes\\s+yes", row);
    }

    [SkippableFact]
    public void Pdfinfo_reports_a_tagged_pdf()
    {
        var result = ExternalTool.Run("pdfinfo", [output.Article.Path]);
        Assert.Equal(0, result.ExitCode);
        Assert.Matches("Tagged:\\s+yes", result.StdOut);
    }

    [SkippableFact]
    public void Pdftotext_gives_the_text_in_reading_order_without_radicals_or_compatibility_ideographs()
    {
        // Cropped to the type area's band (at 72 dpi, so in points), which leaves the running heads out.
        var block = output.Article.Layout.Geometry.TextBlock(true);
        var result = ExternalTool.Run("pdftotext", ["-enc", "UTF-8", "-r", "72",
            "-x", "0", "-y", ((int)block.Y.Points - 2).ToString(), "-W", ((int)output.Article.Layout.Geometry.MediaWidth.Points).ToString(),
            "-H", ((int)block.Height.Points + 4).ToString(), output.Article.Path, "-"]);
        Assert.Equal(0, result.ExitCode);
        var text = result.StdOut;
        Assert.DoesNotMatch("[\u2F00-\u2FDF\uF900-\uFAFF]", text);
        // pdftotext joins a line ending in a hyphen to the next without it (zero-|shot gives "zeroshot"), so hyphens
        // are compared away on both sides.
        var squeezed = Squeeze(text).Replace("-", "");
        var paragraphs = output.Article.Book.AllBlocks().OfType<Paragraph>().Select(p => Squeeze(Inline.PlainText(p.Content)).Replace("-", "")).Where(p => p.Length > 20).ToList();
        var position = 0;
        foreach (var paragraph in paragraphs)
        {
            var at = squeezed.IndexOf(paragraph, position, StringComparison.Ordinal);
            if (at >= 0) { position = at + paragraph.Length; continue; }
            // A figure deferred to the top of the next page (its caption and the text inside it) may stand between
            // the two halves of a paragraph that continues overleaf.
            var split = Enumerable.Range(10, Math.Max(0, paragraph.Length - 20)).Reverse()
                .Select(k => (K: k, First: squeezed.IndexOf(paragraph[..k], position, StringComparison.Ordinal)))
                .Where(s => s.First >= 0).Select(s => (s.K, s.First, Second: squeezed.IndexOf(paragraph[s.K..], s.First + s.K, StringComparison.Ordinal)))
                .FirstOrDefault(s => s.Second >= 0);
            Assert.True(split.Second > 0, $"not found in order: {paragraph[..20]}…");
            position = split.Second + paragraph.Length - split.K;
        }
    }

    private static string Squeeze(string s) => Whitespace().Replace(s, "");

    private static uint Adler32(byte[] data)
    {
        uint a = 1, b = 0;
        foreach (var d in data)
        {
            a = (a + d) % 65521;
            b = (b + a) % 65521;
        }
        return (b << 16) | a;
    }

    /// <summary>Text lines of a page, top to bottom, by baseline.</summary>
    private static IEnumerable<string> Lines(Page page) =>
        page.Letters.GroupBy(l => Math.Round(l.StartBaseLine.Y))
            .OrderByDescending(g => g.Key)
            .Select(g => string.Concat(g.OrderBy(l => l.StartBaseLine.X).Select(l => l.Value)));

    /// <summary>The number printed at the outer corner of the running-head line (above the text block), if any.</summary>
    private static string? Folio(Page page, PageGeometry g)
    {
        var top = g.MediaHeight.Points - g.TextBlock(true).Y.Points;
        var head = page.GetWords().Where(w => w.Letters[0].StartBaseLine.Y > top).OrderBy(w => w.BoundingBox.Left).ToList();
        if (head.Count == 0) return null;
        var outer = page.Number % 2 == 1 ? head[^1] : head[0];
        return outer.Text.All(char.IsAsciiDigit) ? outer.Text : null;
    }

    [GeneratedRegex("\\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("^(.*?)\\.{3,}\\s*(\\d+)$")]
    private static partial Regex TocLine();

    [GeneratedRegex("图(\\d+)")]
    private static partial Regex FigureLabel();
}
