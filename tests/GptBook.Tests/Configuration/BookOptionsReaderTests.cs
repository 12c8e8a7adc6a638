using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Layout;
using GptBook.Tests.Support;

namespace GptBook.Tests.Configuration;

public class BookOptionsReaderTests
{
    private const string Minimal = "id: t\ntitle: T\nlanguage: zh-CN\nchapters: [a.md]\n";

    private static (BookOptions? Options, DiagnosticBag Diagnostics) Read(string yaml, Action<TempBookDirectory>? setup = null)
    {
        using var dir = new TempBookDirectory();
        dir.Write("content/a.md", "# A\n");
        setup?.Invoke(dir);
        dir.Write("content/book.yml", yaml);
        var diagnostics = new DiagnosticBag();
        return (BookOptionsReader.Read(dir.PathOf("content/book.yml"), diagnostics), diagnostics);
    }

    private static Diagnostic SingleError((BookOptions? Options, DiagnosticBag Diagnostics) result, string code)
    {
        Assert.Null(result.Options);
        var d = Assert.Single(result.Diagnostics.Items, x => x.Severity == DiagnosticSeverity.Error);
        Assert.Equal(code, d.Code);
        return d;
    }

    [Fact]
    public void Reads_the_repository_book_yml()
    {
        var diagnostics = new DiagnosticBag();
        var options = BookOptionsReader.Read(RepositoryPaths.BookYml, diagnostics);
        Assert.Empty(diagnostics.Items);
        Assert.NotNull(options);
        Assert.Equal(RepositoryPaths.Root, options.RootDirectory);
        Assert.Equal("gpt1-to-gpt4", options.Metadata.Id);
        Assert.Equal("从 GPT1 到 GPT4", options.Metadata.Title);
        Assert.Equal("zh-CN", options.Metadata.Language);
        Assert.Equal(["GptBook 编辑组"], options.Metadata.Authors);
        Assert.Equal(new DateOnly(2026, 11, 30), options.Metadata.Date);
        Assert.Contains("RLHF", options.Metadata.Keywords);
        Assert.Equal(["content/gpt1-to-gpt4.md"], options.Chapters);
        Assert.Equal("https://arxiv.org/abs/2303.12712",
            options.LinkMap["../参考文档合集/pdf-sparks-of-artificial-general-intelligence-early-experiments-with-gpt-4"]);
        Assert.Equal(5, options.Figures.Count);
        Assert.Null(options.Figures["assets/2.3从GPT1到GPT4/Untitled 1.png"].Caption);
        Assert.Equal("基于人类反馈的强化学习（RLHF）的三个步骤", options.Figures["assets/2.3从GPT1到GPT4/Untitled 3.png"].Caption);
        var keyLine = Array.FindIndex(File.ReadAllLines(RepositoryPaths.BookYml), l => l.Contains("\"assets/2.3从GPT1到GPT4/Untitled 3.png\":")) + 1;
        Assert.Equal($"content/book.yml:{keyLine}:3", options.Figures["assets/2.3从GPT1到GPT4/Untitled 3.png"].Span.ToString());
        Assert.Equal(new EpubOptions(2, 3, null), options.Epub);
        Assert.Equal(PageSize.A5, options.Pdf.PageSize);
        Assert.Equal(20, options.Pdf.InnerMargin.Millimetres, 6);
        Assert.Equal(16, options.Pdf.OuterMargin.Millimetres, 6);
        Assert.Equal(10.5, options.Pdf.FontSize.Points, 6);
        Assert.Equal([2, 3], options.Pdf.TocLevels);
        Assert.Equal(50L * 1024 * 1024, options.Images.MaxBytes);
        Assert.Equal(40_000_000, options.Images.MaxPixels);
        Assert.Equal(1600, options.Images.EpubMaxSide);
    }

    [Fact]
    public void Malformed_yaml_is_an_error_with_its_line_and_column()
    {
        var d = SingleError(Read("id: t\ntitle: T\nlanguage: zh-CN: oops\nchapters: [a.md]\n"), "GB0002");
        Assert.Equal("content/book.yml:3:16", d.Span.ToString());
        Assert.Contains("not valid YAML", d.Message);
    }

    [Theory]
    [InlineData("", "GB0003", "content/book.yml:1:1")]
    [InlineData("- a\n- b\n", "GB0003", "content/book.yml:1:1")]
    [InlineData("id: t\ntitle: T\ntitle: U\n", "GB0002", "content/book.yml:3:1")]
    public void A_book_yml_that_is_not_a_mapping_of_settings_is_an_error(string yaml, string code, string where)
    {
        var d = SingleError(Read(yaml), code);
        Assert.Equal(where, d.Span.ToString());
    }

    [Fact]
    public void An_unclosed_list_is_an_error()
    {
        // YamlDotNet throws a plain InvalidOperationException here: it must still become a diagnostic.
        var d = SingleError(Read("id: t\ntitle: T\nchapters: [a.md\nlanguage: zh-CN\n"), "GB0002");
        Assert.Equal("content/book.yml:3:11", d.Span.ToString()); // just after the "[" that is never closed
    }

    [Fact]
    public void Bad_indentation_is_an_error_with_its_line()
    {
        var d = SingleError(Read(Minimal + "pdf:\n  page_size: A5\n   bleed: 3mm\n"), "GB0002");
        Assert.Equal(7, d.Span.Line);
    }

    [Fact]
    public void Unknown_keys_are_warnings_with_line_and_column()
    {
        var (options, diagnostics) = Read(Minimal + "titel: typo\npdf:\n  page_sise: A5\n");
        Assert.NotNull(options);
        Assert.Equal(["content/book.yml:5:1", "content/book.yml:7:3"],
            diagnostics.Sorted().Where(d => d.Code == "GB0008").Select(d => d.Span.ToString()));
        Assert.All(diagnostics.Items, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.Contains("pdf.page_sise", diagnostics.Items[1].Message + diagnostics.Items[0].Message);
    }

    [Fact]
    public void A_missing_chapter_file_is_an_error_naming_book_yml_line()
    {
        var d = SingleError(Read("id: t\ntitle: T\nlanguage: zh-CN\nchapters:\n  - a.md\n  - missing.md\n"), "GB0004");
        Assert.Equal("content/book.yml:6:5", d.Span.ToString());
        Assert.Contains("missing.md", d.Message);
    }

    [Theory]
    [InlineData("../../outside.md", "GB0005")]
    [InlineData("/etc/passwd", "GB0006")]
    [InlineData("file:///etc/passwd", "GB0007")]
    public void Chapters_outside_the_root_are_refused_and_named_as_such(string chapter, string code)
    {
        var d = SingleError(Read($"id: t\ntitle: T\nlanguage: zh-CN\nchapters:\n  - \"{chapter}\"\n"), code);
        Assert.Equal("content/book.yml:5:5", d.Span.ToString());
    }

    [Fact]
    public void Missing_required_settings_are_errors()
    {
        var (options, diagnostics) = Read("title: T\nchapters: [a.md]\n");
        Assert.Null(options);
        Assert.Equal(2, diagnostics.Items.Count(d => d.Code == "GB0003"));
        Assert.Contains(diagnostics.Items, d => d.Message.Contains("'id' is required"));
        Assert.Contains(diagnostics.Items, d => d.Message.Contains("'language' is required"));
    }

    [Theory]
    [InlineData("A5", 148, 210)]
    [InlineData("b5", 176, 250)]
    [InlineData("16开", 185, 260)]
    [InlineData("170mm x 240mm", 170, 240)]
    [InlineData("170 × 240", 170, 240)]
    public void Page_sizes_parse_presets_and_custom_sizes(string text, double width, double height)
    {
        var (options, diagnostics) = Read(Minimal + $"pdf:\n  page_size: \"{text}\"\n");
        Assert.Empty(diagnostics.Items);
        Assert.Equal(width, options!.Pdf.PageSize.Width.Millimetres, 6);
        Assert.Equal(height, options.Pdf.PageSize.Height.Millimetres, 6);
    }

    [Theory]
    [InlineData("  page_size: A9", "content/book.yml:6:14", "preset")]
    [InlineData("  page_size: 10mm x 20mm", "content/book.yml:6:14", "out of range")]
    [InlineData("  bleed: 30mm", "content/book.yml:6:10", "'pdf.bleed'")]
    [InlineData("  margins: {inner: 80mm, outer: 80mm}", "content/book.yml:6:12", "less than 30mm")]
    [InlineData("  toc_levels: [0, 9]", "content/book.yml:6:15", "toc_levels")]
    [InlineData("  line_height: lots", "content/book.yml:6:16", "'pdf.line_height'")]
    [InlineData("  crop_marks: maybe", "content/book.yml:6:15", "true or false")]
    public void Out_of_range_print_settings_are_errors_with_clear_messages(string line, string where, string message)
    {
        var d = SingleError(Read(Minimal + "pdf:\n" + line + "\n"), "GB0003");
        Assert.Equal(where, d.Span.ToString());
        Assert.Contains(message, d.Message);
    }

    [Theory]
    [InlineData("[1, 2, 3]", new[] { 1, 2, 3 })]
    [InlineData("[3, 1]", new[] { 1, 3 })]
    [InlineData("[1, 2, 3, 4, 5, 6]", new[] { 1, 2, 3, 4, 5, 6 })]
    public void Toc_levels_may_be_any_set_of_heading_levels(string yaml, int[] levels)
    {
        var (options, diagnostics) = Read(Minimal + $"pdf:\n  toc_levels: {yaml}\n");
        Assert.Empty(diagnostics.Items);
        Assert.Equal(levels, options!.Pdf.TocLevels);
    }

    [Fact]
    public void A_book_without_a_date_says_so_and_one_with_a_date_keeps_it()
    {
        var (undated, _) = Read(Minimal);
        Assert.False(undated!.Metadata.HasDate);
        Assert.Null(undated.Pdf.TocLevels);
        Assert.Equal([1, 2, 3], undated.Pdf.TocLevelsFor(3));
        Assert.Equal([2, 3], undated.Pdf.TocLevelsFor(1));
        var (dated, _) = Read(Minimal + "date: 2025-05-04\n");
        Assert.True(dated!.Metadata.HasDate);
    }

    [Theory]
    [InlineData("50MB", 50L * 1024 * 1024)]
    [InlineData("512 KB", 512L * 1024)]
    [InlineData("2GiB", 2L * 1024 * 1024 * 1024)]
    [InlineData("100000", 100000L)]
    public void Image_byte_limits_accept_units(string text, long bytes)
    {
        var (options, diagnostics) = Read(Minimal + $"images:\n  max_bytes: {text}\n");
        Assert.Empty(diagnostics.Items);
        Assert.Equal(bytes, options!.Images.MaxBytes);
    }

    [Fact]
    public void Image_and_epub_settings_are_range_checked()
    {
        var (options, diagnostics) = Read(Minimal + "images:\n  max_bytes: lots\n  jpeg_quality: 101\nepub:\n  split_level: 7\n");
        Assert.Null(options);
        Assert.Equal(["content/book.yml:6:14", "content/book.yml:7:17", "content/book.yml:9:16"],
            diagnostics.Sorted().Select(d => d.Span.ToString()));
    }

    [Fact]
    public void Epub_cover_is_a_root_relative_path_confined_to_the_root()
    {
        var (options, _) = Read(Minimal + "epub:\n  cover: assets/cover%20art.png\n");
        Assert.Equal("assets/cover art.png", options!.Epub.Cover);
        var d = SingleError(Read(Minimal + "epub:\n  cover: ../../cover.png\n"), "GB0005");
        Assert.Equal("content/book.yml:6:10", d.Span.ToString());
    }

    [Fact]
    public void Epub_math_chooses_mathml_or_pictures_and_anything_else_is_an_error_at_its_place()
    {
        Assert.Equal(EpubMathFormat.MathML, Read(Minimal).Options!.Epub.Math);
        var (options, diagnostics) = Read(Minimal + "epub:\n  math: Images\n");
        Assert.Empty(diagnostics.Items);
        Assert.Equal(EpubMathFormat.Images, options!.Epub.Math);
        Assert.Equal(EpubMathFormat.MathML, Read(Minimal + "epub:\n  math: mathml\n").Options!.Epub.Math);
        var d = SingleError(Read(Minimal + "epub:\n  math: svg\n"), "GB0003");
        Assert.Equal("content/book.yml:6:9", d.Span.ToString());
        Assert.Contains("mathml", d.Message, StringComparison.Ordinal);
        Assert.Contains("images", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://example.org/book", "https://example.org/book/")]
    [InlineData("http://例子.中国/书/", "http://xn--fsqu00a.xn--fiqs8s/%E4%B9%A6/")]
    public void The_site_base_url_is_an_absolute_web_address_ending_in_a_slash(string text, string expected)
    {
        var (options, diagnostics) = Read(Minimal + $"site:\n  base_url: {text}\n");
        Assert.Empty(diagnostics.Items);
        Assert.Equal(expected, options!.Site.BaseUrl);
    }

    [Theory]
    [InlineData("/book/")]
    [InlineData("ftp://example.org/")]
    [InlineData("https://example.org/?page=1")]
    [InlineData("javascript:alert(1)")]
    public void A_site_base_url_that_is_not_an_absolute_web_address_is_an_error(string text)
    {
        var d = SingleError(Read(Minimal + $"site:\n  base_url: \"{text}\"\n"), "GB0003");
        Assert.Equal("content/book.yml:6:13", d.Span.ToString());
        Assert.Contains("site.base_url", d.Message);
    }

    [Fact]
    public void A_chapter_may_give_its_own_slug()
    {
        var (options, diagnostics) = Read("id: t\ntitle: T\nlanguage: zh-CN\nchapters:\n  - a.md\n  - {file: b.md, slug: 第二章-intro}\n",
            d => d.Write("content/b.md", "# B\n"));
        Assert.Empty(diagnostics.Items);
        Assert.Equal(["content/a.md", "content/b.md"], options!.Chapters);
        Assert.Equal("第二章-intro", options.ChapterSlugs["content/b.md"]);
        Assert.False(options.ChapterSlugs.ContainsKey("content/a.md"));
    }

    [Theory]
    [InlineData("  - {file: a.md, slug: Intro}", "content/book.yml:5:24", "lowercase")]
    [InlineData("  - {file: a.md, slug: ../x}", "content/book.yml:5:24", "lowercase")]
    [InlineData("  - {slug: intro}", "content/book.yml:5:5", "needs 'file'")]
    [InlineData("  - [a.md]", "content/book.yml:5:5", "mapping with 'file' and 'slug'")]
    public void A_bad_chapter_entry_or_slug_is_an_error(string entry, string where, string message)
    {
        var d = SingleError(Read("id: t\ntitle: T\nlanguage: zh-CN\nchapters:\n" + entry + "\n"), "GB0003");
        Assert.Equal(where, d.Span.ToString());
        Assert.Contains(message, d.Message);
    }

    [Fact]
    public void Two_chapters_may_not_share_a_slug()
    {
        var d = SingleError(Read("id: t\ntitle: T\nlanguage: zh-CN\nchapters:\n  - {file: a.md, slug: x}\n  - {file: b.md, slug: x}\n",
            dir => dir.Write("content/b.md", "# B\n")), "GB0003");
        Assert.Contains("two chapters", d.Message);
    }

    [Fact]
    public void Links_must_map_to_web_urls()
    {
        var d = SingleError(Read(Minimal + "links:\n  \"../x.pdf\": javascript:alert(1)\n"), "GB0003");
        Assert.Equal("content/book.yml:6:15", d.Span.ToString());
    }

    [Fact]
    public void Root_key_moves_the_root_and_paths_follow_it()
    {
        var (options, diagnostics) = Read("id: t\ntitle: T\nlanguage: en\nroot: .\nchapters: [a.md]\nfigures:\n  \"img/x.png\": {caption: X}\n");
        Assert.Empty(diagnostics.Items);
        Assert.EndsWith("content", options!.RootDirectory);
        Assert.Equal(["a.md"], options.Chapters);
        Assert.True(options.Figures.ContainsKey("img/x.png"));
        Assert.Equal("book.yml:7:3", options.Figures["img/x.png"].Span.ToString());
    }

    [Fact]
    public void A_root_that_does_not_exist_is_an_error()
    {
        var d = SingleError(Read("id: t\ntitle: T\nlanguage: en\nroot: nowhere\nchapters: [a.md]\n"), "GB0003");
        Assert.Equal("content/book.yml:4:7", d.Span.ToString());
    }

    [Fact]
    public void A_missing_book_file_is_reported()
    {
        var diagnostics = new DiagnosticBag();
        Assert.Null(BookOptionsReader.Read("/no/such/book.yml", diagnostics));
        Assert.Equal("GB0001", Assert.Single(diagnostics.Items).Code);
    }

    [Fact]
    public void A_book_yml_that_is_not_utf8_is_reported()
    {
        using var dir = new TempBookDirectory();
        dir.Write("content/book.yml", [.. "id: t\ntitle: "u8.ToArray(), 0xC3, 0x28, (byte)'\n']);
        var diagnostics = new DiagnosticBag();
        Assert.Null(BookOptionsReader.Read(dir.PathOf("content/book.yml"), diagnostics));
        var d = Assert.Single(diagnostics.Items);
        Assert.Equal(("GB0101", "content/book.yml:2:8"), (d.Code, d.Span.ToString()));
    }

    [Fact]
    public void A_single_markdown_file_is_a_one_chapter_book()
    {
        using var dir = new TempBookDirectory();
        dir.Write("notes/My Article.md", "Intro line\n\n# 从 GPT1 到 *GPT4*\n\ntext\n");
        var diagnostics = new DiagnosticBag();
        var options = BookOptionsReader.Read(dir.PathOf("notes/My Article.md"), diagnostics);
        Assert.Empty(diagnostics.Items);
        Assert.NotNull(options);
        Assert.Equal("my-article", options.Metadata.Id);
        Assert.True(options.TitleFromFirstHeading);
        // The title is the first heading's text, which the loader reads with the chapter.
        Assert.Equal("从 GPT1 到 GPT4", GptBook.Loading.BookLoader.Load(options, diagnostics).Metadata.Title);
        Assert.Equal("zh-CN", options.Metadata.Language);
        Assert.Equal(dir.Root, options.RootDirectory);
        Assert.Equal(["notes/My Article.md"], options.Chapters);
    }

    [Fact]
    public void A_single_markdown_file_without_heading_takes_its_title_from_the_file_name()
    {
        using var dir = new TempBookDirectory();
        dir.Write("notes/plain.md", "just text\n");
        var options = BookOptionsReader.Read(dir.PathOf("notes/plain.md"), new DiagnosticBag());
        var book = GptBook.Loading.BookLoader.Load(options!, new DiagnosticBag());
        Assert.Equal(("plain", "plain", "en"), (book.Metadata.Id, book.Metadata.Title, book.Metadata.Language));
    }
}
