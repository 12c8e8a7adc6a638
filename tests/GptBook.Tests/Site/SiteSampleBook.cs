using GptBook.Configuration;
using GptBook.Images;
using GptBook.Model;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace GptBook.Tests.Site;

// Inside the namespace: GptBook.Tests.Text (the composer's tests) would otherwise hide the model's Text.
using Text = GptBook.Model.Text;

/// <summary>
/// A hand-built book for the site tests: Chinese prose with Latin terms, three chunks at split level 2, a figure
/// with a 2× variant, a missing image, footnotes, a wide table, long code, a quote, lists, links across chunks,
/// and hostile content (javascript: links in the model; raw HTML never reaches the model, see SiteArticleTests).
/// </summary>
internal sealed class SiteSampleBook
{
    public const string FigurePath = "assets/chart.png";
    public const string MissingPath = "assets/missing.png";

    private int _line;

    public Book Book { get; }

    public ImageCatalog Images { get; }

    public BookOptions Options { get; }

    /// <param name="imageDirectory">Where the prepared (1× and 2×) PNGs are written, standing in for the image cache.</param>
    public SiteSampleBook(string imageDirectory, bool hostile = true)
    {
        Directory.CreateDirectory(imageDirectory);
        var oneX = Path.Combine(imageDirectory, "chart-site.png");
        var twoX = Path.Combine(imageDirectory, "chart-site@2x.png");
        DrawChart(oneX, 640, 360);
        DrawChart(twoX, 1280, 720);
        var placeholder = Path.Combine(imageDirectory, "placeholder.png");
        using (var grey = new Image<Rgba32>(160, 90, new Rgba32(200, 200, 200))) grey.SaveAsPng(placeholder);
        var prepared = new NormalizedImage(oneX, 640, 360, "image/png", 96) { Variants = [new NormalizedImage(twoX, 1280, 720, "image/png", 192)] };
        var missing = new NormalizedImage(placeholder, 160, 90, "image/png", 96) { Placeholder = "image file not found" };

        var figure = Img(FigurePath, "柱状图：三个模型的参数量");
        var missingImage = Img(MissingPath, "缺失的图片");
        Images = new ImageCatalog(new Dictionary<(string, ImageProfile), NormalizedImage>
        {
            [(figure.Key, ImageProfile.Site)] = prepared,
            [(missingImage.Key, ImageProfile.Site)] = missing,
        });

        var blocks = new List<Block>
        {
            H(1, "示例书：从 GPT-1 到 GPT-4", "sample-book"),
            P(T("正如名称所示，GPT-4 是 OpenAI 设计的一系列 NLP 工具中的第四个。在其推出之前，该模型经过了多年的开发，经历了一个旅程，"),
              T("以达到我们今天在 AI 文本生成领域所知道的创新状态。本文将讨论 GPT 模型的发展和演变"), Ref("fn-1", 1), T("。")),
            P(T("参见"), new Link("#fig-1", null, [T("图 1")], S()), T("，或者阅读"), new Link("https://arxiv.org/abs/2303.12712", "arXiv", [T("论文原文")], S()), T("。")),
            H(2, "发展历程", "history"),
            P(T("GPT-1 于 2018 年由 OpenAI 推出。在一个巨大的 BooksCorpus 数据集上进行训练，这个生成式语言模型能够学习大量的依赖关系，"),
              T("并获得对连续文本和长段落的广泛知识。"), new Strong([T("泛化能力")], S()), T("是最重要的能力之一，"), new Emphasis([T("也是")], S()),
              T("持续投入的原因；"), new InlineCode("model.generate()", S()), T(" 则是调用方式。")),
            new Figure(figure, [T("模型参数量（对数坐标）")], "fig-1", 1, S()),
            H(3, "GPT-2：更大的数据集", "gpt-2"),
            new ListBlock(false, 1, [Item("15 亿个参数，比 GPT-1 大 10 倍"), Item("在多样化的数据集上训练"), Item("零样本（zero-shot）表现")], S()),
            new BlockQuote([P(T("数据量是走向 AGI 的最关键因素。"))], S()),
            new Table([ColumnAlignment.Left, ColumnAlignment.Right, ColumnAlignment.Right, ColumnAlignment.Center, ColumnAlignment.Default],
                [Cell("模型"), Cell("参数量"), Cell("层数"), Cell("发布时间"), Cell("说明")],
                [
                    [Cell("GPT-1"), Cell("1.17 亿"), Cell("12"), Cell("2018-06"), Cell("生成式预训练加判别式微调，在九个任务上超过了当时的最佳模型")],
                    [Cell("GPT-2"), Cell("15 亿"), Cell("48"), Cell("2019-02"), Cell("更大的数据集 WebText，零样本迁移，分阶段发布")],
                    [Cell("GPT-3"), Cell("1750 亿"), Cell("96"), Cell("2020-05"), Cell("少样本学习（few-shot）与上下文学习（in-context learning）")],
                ], S()),
            H(3, "GPT-3：大力出奇迹", "gpt-3"),
            new CodeBlock("python", "from transformers import AutoTokenizer, AutoModelForCausalLM  # a deliberately long line that must scroll inside its box\n" +
                                    "tokenizer = AutoTokenizer.from_pretrained(\"gpt2\")\nprint(tokenizer(\"你好，世界\"))\n", S()),
            new ThematicBreak(S()),
            P(T("第二条注释在这里"), Ref("fn-2", 2), T("，图片缺失时显示占位："), new InlineImage(missingImage, S()), T("。")),
            H(2, "总结", "summary"),
            P(T("回到"), new Link("#history", null, [T("发展历程")], S()), T("，或者"), new Link("#fn-1", null, [T("第一条注释")], S()), T("。")),
        };
        if (hostile)
        {
            blocks.Add(P(new Link("javascript:alert(1)", null, [T("危险链接")], S()), T(" "),
                new Link("JaVaScRiPt:alert(2)", "x", [T("大小写混合")], S())));
        }

        var footnotes = new List<Footnote>
        {
            new("fn-1", 1, "1", [P(T("即 GPT-1、GPT-2 和 GPT-3。"))], S()),
            new("fn-2", 2, "2", [P(T("第二条注释，带"), new Link("https://openai.com/research", null, [T("外部链接")], S()), T("。"))], S()),
        };

        Book = new Book(
            new BookMetadata("sample-book", "示例书", "用来测试网站的小书", "zh-CN", ["作者甲", "Author B"], new DateOnly(2026, 11, 30),
                "一本用来测试静态网站的书：分块、插图、注释、表格和代码。", ["测试"]),
            [new Chapter("sample", "sample.md", blocks, footnotes)]);
        Options = new BookOptions
        {
            RootDirectory = imageDirectory,
            BookFile = Path.Combine(imageDirectory, "book.yml"),
            Metadata = Book.Metadata,
            Chapters = ["sample.md"],
        };
    }

    private SourceSpan S() => new("sample.md", ++_line, 1);

    private Text T(string value) => new(value, S());

    private Paragraph P(params Inline[] content) => new(content, S());

    private Heading H(int level, string text, string id) => new(level, [T(text)], id, S());

    private FootnoteReference Ref(string id, int number) => new(id, number, S());

    private ListItem Item(string text) => new([P(T(text))], S());

    private TableCell Cell(string text) => new([T(text)], S());

    private ImageReference Img(string path, string alt) => new(path, ImageSourceKind.Local, path, alt, S());

    /// <summary>A 1600 × 2400 cover like the EPUB's drawn one: a dark gradient with a light title band.</summary>
    public static byte[] CoverPng()
    {
        using var image = new Image<Rgba32>(1600, 2400);
        for (var y = 0; y < image.Height; y++)
        {
            var shade = (byte)(68 - y * 40 / image.Height);
            for (var x = 0; x < image.Width; x++)
                image[x, y] = y is > 700 and < 720 && x is > 170 and < 600 ? new Rgba32(214, 170, 84)
                    : y is > 400 and < 640 && x is > 170 and < 1430 ? new Rgba32(250, 248, 242)
                    : new Rgba32(22, (byte)(shade - 30 + 38), shade);
        }
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }

    /// <summary>A bar chart's worth of colour, so screenshots of the figure are visibly not blank.</summary>
    private static void DrawChart(string path, int width, int height)
    {
        using var image = new Image<Rgba32>(width, height, new Rgba32(250, 250, 250));
        var bars = new[] { (0.1, new Rgba32(66, 133, 244)), (0.35, new Rgba32(52, 168, 83)), (0.95, new Rgba32(234, 67, 53)) };
        for (var b = 0; b < bars.Length; b++)
        {
            var (share, colour) = bars[b];
            var left = width * (2 + b * 3) / 11;
            var barWidth = width * 2 / 11;
            var top = (int)(height * (1 - share * 0.85)) - height / 20;
            for (var y = Math.Max(0, top); y < height - height / 20; y++)
                for (var x = left; x < left + barWidth; x++)
                    image[x, y] = colour;
        }
        image.SaveAsPng(path);
    }
}
