using GptBook.Images;
using GptBook.Model;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace GptBook.Tests.Html;

// Inside the namespace: GptBook.Tests.Text (the composer's tests) would otherwise hide the model's Text.
using Text = GptBook.Model.Text;

/// <summary>Small hand-built books for the HTML and EPUB writer tests, covering every block and inline type.</summary>
internal static class SampleBooks
{
    public const string PhotoPath = "assets/photo.png";
    public const string MissingPath = "assets/missing.png";

    private static int _line;

    private static SourceSpan S() => new("sample.md", ++_line, 1);

    public static Text T(string value) => new(value, S());

    public static Paragraph P(params Inline[] content) => new(content, S());

    public static Heading H(int level, string text, string id) => new(level, [T(text)], id, S());

    public static ImageReference Img(string path, string alt) => new(path, ImageSourceKind.Local, path, alt, S());

    public static Book Book(IReadOnlyList<Block> blocks, IReadOnlyList<Footnote>? footnotes = null, string language = "zh-CN") =>
        new(new BookMetadata("sample-book", "示例书", "副标题", language, ["作者甲", "Author B"], new DateOnly(2026, 11, 30),
                "一本用来测试的书。", ["测试"]),
            [new Chapter("sample", "sample.md", blocks, footnotes ?? [])]);

    /// <summary>Every block type, three split-level-2 chunks, links and footnotes across chunks, a missing image.</summary>
    public static Book EveryBlock()
    {
        var footnotes = new List<Footnote>
        {
            new("fn-1", 1, "1", [P(T("第一条注释，带"), new Emphasis([T("强调")], S()), T("。"))], S()),
            new("fn-2", 2, "2", [P(T("第二条注释。")), P(T("第二段。"))], S()),
        };
        Block[] blocks =
        [
            H(1, "示例书", "sample-book"),
            P(T("正文，"), new Emphasis([T("强调")], S()), T("、"), new Strong([T("加粗")], S()), T("、"),
                new Strikethrough([T("删除")], S()), T("和"), new InlineCode("code <x>", S()), T("。见"),
                new Link("#fig-1", null, [T("图 1")], S()), T("与"), new Link("https://example.com/a?b=1&c=2", "示例", [T("外部链接")], S()),
                T("。"), new FootnoteReference("fn-1", 1, S()), new LineBreak(S()), T("第二行"),
                new InlineImage(Img(PhotoPath, "小图"), S()), T("。")),
            H(2, "第一节", "section-1"),
            new Figure(Img(PhotoPath, "一张照片"), [T("照片的"), new Strong([T("说明")], S())], "fig-1", 1, S()),
            new BlockQuote([P(T("引用的话。")), new BlockQuote([P(T("嵌套引用。"))], S())], S()),
            new ListBlock(true, 3, [
                new ListItem([P(T("第三项")), new ListBlock(false, 1, [new ListItem([P(T("嵌套项"))], S())], S())], S()),
                new ListItem([P(T("第四项"))], S()),
            ], S()),
            new CodeBlock("c#", "var x = 1 < 2 && true;\n", S()),
            new ThematicBreak(S()),
            new Table([ColumnAlignment.Left, ColumnAlignment.Center, ColumnAlignment.Right],
                [new TableCell([T("左")], S()), new TableCell([T("中")], S()), new TableCell([T("右")], S())],
                [[new TableCell([T("1")], S()), new TableCell([new Strong([T("2")], S())], S()), new TableCell([T("3")], S())]], S()),
            P(T("原始 "), new Strong([T("HTML")], S()), T(" "), new Link("#section-2", null, [T("第二节")], S())),
            P(T("行内原始"), new MarkedText(TextMark.Subscript, [T("2")], S()), T("和"), new MarkedText(TextMark.Keyboard, [T("Ctrl")], S()), T("。")),
            H(3, "小节", "section-1-1"),
            P(T("小节正文。")),
            H(2, "第二节", "section-2"),
            P(T("回到"), new Link("#section-1-1", null, [T("小节")], S()), T("，再看注释"), new FootnoteReference("fn-1", 1, S()),
                T("和"), new FootnoteReference("fn-2", 2, S()), T("。")),
            new Figure(Img(MissingPath, "缺失的图"), [T("缺失图片的说明")], "fig-2", 2, S()),
        ];
        return Book(blocks, footnotes);
    }

    /// <summary>
    /// Awkward shapes: an empty heading, a heading with a link and code, a heading inside a quote, an unreferenced
    /// note, a header-only table, an empty list item, lists nested five deep, a table from raw HTML, a link inside a
    /// link's text, a figure without caption or number.
    /// </summary>
    public static Book EdgeCases()
    {
        Block Nested(int depth) => depth == 0
            ? P(T("最深处"))
            : new ListBlock(depth % 2 == 0, 1, [new ListItem([P(T("第 " + depth + " 层")), Nested(depth - 1)], S())], S());
        Block[] blocks =
        [
            P(T("标题之前的文字。")),
            H(1, "", "empty"),
            new Heading(2, [T("带"), new Link("https://example.com", null, [T("链接")], S()), T("和"), new InlineCode("code", S())], "linked", S()),
            new BlockQuote([H(2, "引用中的标题", "quoted"), P(T("引文"))], S()),
            new Table([ColumnAlignment.Default], [new TableCell([T("只有表头")], S())], [], S()),
            new ListBlock(false, 1, [new ListItem([], S()), new ListItem([P(T("非空"))], S())], S()),
            Nested(5),
            new Table([ColumnAlignment.Default], [new TableCell([T("原始表格")], S())], [], S()),
            P(new Strong([T("术语")], S())),
            P(T("定义")),
            P(new Link("#linked", null, [T("外层"), new Link("https://example.com", null, [T("内层")], S())], S())),
            new Figure(Img(PhotoPath, ""), [], "fig-x", 0, S()),
            new CodeBlock(null, "", S()),
        ];
        return Book(blocks, [new Footnote("fn-lonely", 1, "lonely", [P(T("没有人引用的注释。"))], S())]);
    }

    /// <summary>A catalog with <see cref="PhotoPath"/> prepared as a real PNG in <paramref name="directory"/>.</summary>
    public static ImageCatalog Catalog(string directory, ImageProfile profile = ImageProfile.Epub)
    {
        var png = Path.Combine(directory, "photo-epub.png");
        WritePng(png, 40, 30);
        var images = new Dictionary<(string, ImageProfile), NormalizedImage>
        {
            [(PhotoPath, profile)] = new(png, 40, 30, "image/png", 96),
        };
        return new ImageCatalog(images);
    }

    public static void WritePng(string path, int width, int height)
    {
        using var image = new Image<Rgba32>(width, height, new Rgba32(40, 90, 160));
        image.SaveAsPng(path);
    }
}
