using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Images;
using GptBook.Layout;
using GptBook.Layout.Text;
using GptBook.Model;
using GptBook.Units;

namespace GptBook.Tests.Layout;

/// <summary>
/// Pictures inside paragraphs, laid out with the real composer and fixed advances (10.5 pt body): a small one sits
/// on its line with its foot on the baseline, a large one is set as a block where it occurs, a linked one is
/// clickable, one without a usable picture shows its alt text.
/// </summary>
public sealed class PictureInTextLayoutTests
{
    private static readonly SourceSpan S = new("pictures.md", 3, 1);

    // At 96 dpi: 24×24 px is 18 pt square (fits a line); 600×300 px is 450×225 pt (wider than half the measure).
    private static readonly ImageCatalog Catalog = new(new Dictionary<(string, ImageProfile), NormalizedImage>
    {
        [("icon.png", ImageProfile.Print)] = new("/prepared/icon.png", 24, 24, "image/png", 96),
        [("tall.png", ImageProfile.Print)] = new("/prepared/tall.png", 20, 40, "image/png", 96),
        [("chart.png", ImageProfile.Print)] = new("/prepared/chart.png", 600, 300, "image/png", 96),
        [("https://example.com/x.png", ImageProfile.Print)] = new("/prepared/placeholder.png", 10, 10, "image/png", 96) { Placeholder = "远程图片未获取" },
    });

    private static InlineImage Picture(string path, string alt) =>
        new(new ImageReference(path, path.StartsWith("https:", StringComparison.Ordinal) ? ImageSourceKind.Remote : ImageSourceKind.Local,
            path.StartsWith("https:", StringComparison.Ordinal) ? null : path, alt, S), S);

    private static Model.Text T(string text) => new(text, S);

    private static List<PageFragment> Body(params Inline[] paragraph)
    {
        var measurer = new FixedAdvanceMeasurer();
        var context = new LayoutContext(new PdfOptions(), measurer, new ParagraphLineComposer(new ParagraphComposer(measurer)), Catalog,
            LanguageLabels.Chinese, new DiagnosticBag());
        var blocks = new List<Block> { new Heading(1, [T("图文")], "ch", S), new Paragraph(paragraph, S) };
        var book = new Book(new BookMetadata("p", "图文", null, "zh-CN", ["作者"], new DateOnly(2026, 1, 1), null, []),
            [new Chapter("ch", "pictures.md", blocks, [])]);
        var layout = new BookLayoutEngine(context).Layout(book);
        return layout.Pages.Skip(layout.BodyStartIndex).SelectMany(p => p.Fragments).ToList();
    }

    private static List<TextFragment> Texts(List<PageFragment> fragments, string contains) =>
        fragments.OfType<TextFragment>().Where(t => t.Run.Text.Contains(contains, StringComparison.Ordinal)).ToList();

    [Fact]
    public void ASmallPictureSitsOnItsLineWithItsFootOnTheBaseline()
    {
        var fragments = Body(T("点击"), Picture("icon.png", "图标"), T("按钮即可开始训练。"));
        var image = Assert.Single(fragments.OfType<ImageFragment>());
        Assert.Equal("/prepared/icon.png", image.ImagePath);
        Assert.Equal(18, image.Box.Width.Points, 6);
        Assert.Equal(18, image.Box.Height.Points, 6);
        var before = Assert.Single(Texts(fragments, "点击"));
        var after = Assert.Single(Texts(fragments, "按钮"));
        Assert.Equal(before.Baseline.Points, image.Box.Bottom.Points, 6);
        Assert.Equal(after.Baseline.Points, before.Baseline.Points, 6);
        Assert.True(image.Box.X >= before.X + before.Run.Width - Length.Pt(0.01));
        Assert.True(after.X >= image.Box.Right - Length.Pt(0.01));
        Assert.Equal("Figure", image.Structure!.Tag);
        Assert.Equal("图标", image.Structure.AltText);
        Assert.Equal("P", image.Structure.Parent!.Tag);
    }

    [Theory]
    [InlineData("icon.png", 50, 9)]      // natural 18 pt: half of it
    [InlineData("chart.png", 50, -0.5)]  // natural 450 pt, wider than the measure: half the measure
    public void ATyporaZoomIsAShareOfTheSizeThePictureWouldHaveWithoutIt(string path, double zoom, double expectedWidth)
    {
        var picture = Picture(path, "图") with { Image = Picture(path, "图").Image with { Width = new ImageDimension(zoom, ImageDimensionUnit.Zoom) } };
        var fragments = Body(T("看"), picture, T("这里。"));
        var image = Assert.Single(fragments.OfType<ImageFragment>());
        var measure = PageGeometry.From(new PdfOptions()).TextWidth.Points;
        Assert.Equal(expectedWidth > 0 ? expectedWidth : measure * -expectedWidth, image.Box.Width.Points, 3);
    }

    [Fact]
    public void APictureTallerThanTheTextMakesItsLineTaller()
    {
        // 30 pt high at 96 dpi: the line's ascent is the picture's, so the next line's baseline moves down with it.
        var filler = string.Concat(Enumerable.Repeat("汉字排版的段落文字。", 12));
        var plain = Body(T(filler));
        var tall = Body(Picture("tall.png", "高图"), T(filler));
        static double SecondLineGap(List<PageFragment> f)
        {
            var baselines = f.OfType<TextFragment>().Where(t => t.Run.Text.Contains('汉')).Select(t => t.Baseline.Points).Distinct().Order().ToList();
            return baselines[1] - baselines[0];
        }
        var image = Assert.Single(tall.OfType<ImageFragment>());
        Assert.Equal(30, image.Box.Height.Points, 6);
        var firstBaseline = tall.OfType<TextFragment>().Where(t => t.Run.Text.Contains('汉')).Min(t => t.Baseline.Points);
        Assert.Equal(firstBaseline, image.Box.Bottom.Points, 6);
        Assert.True(image.Box.Y.Points >= plain.OfType<TextFragment>().Where(t => t.Run.Text == "图文").Max(t => t.Baseline.Points),
            "the picture must not reach into the heading above");
        Assert.Equal(SecondLineGap(plain), SecondLineGap(tall), 6);
    }

    [Fact]
    public void ALargePictureIsSetAsABlockWhereItOccursBetweenTheTextBeforeAndAfter()
    {
        var fragments = Body(T("训练曲线如下"), Picture("chart.png", "训练曲线"), T("可见损失稳定下降。"));
        var image = Assert.Single(fragments.OfType<ImageFragment>());
        var before = Assert.Single(Texts(fragments, "训练曲线如下"));
        var after = Assert.Single(Texts(fragments, "可见损失"));
        Assert.True(image.Box.Y > before.Baseline, "the picture comes after the text before it");
        Assert.True(after.Baseline > image.Box.Bottom, "the text after it comes below it");
        // Scaled to the measure (450 pt is wider than the type area) and centred; the text after it is not indented.
        var geometry = PageGeometry.From(new PdfOptions());
        Assert.True(image.Box.Width <= geometry.TextWidth + Length.Pt(0.01));
        Assert.Equal(image.Box.Width.Points / 2, image.Box.Height.Points, 3);
        Assert.Equal(before.X.Points - 21, after.X.Points, 6);
        Assert.Equal("P", image.Structure!.Parent!.Tag);
    }

    [Fact]
    public void ALinkedPictureIsClickableOnTheLineAndAsABlock()
    {
        var small = Body(T("徽章"), new Link("https://example.com/ci", null, [Picture("icon.png", "构建状态")], S), T("。"));
        var link = Assert.Single(small.OfType<LinkFragment>());
        var image = Assert.Single(small.OfType<ImageFragment>());
        Assert.Equal("https://example.com/ci", link.Target);
        Assert.Equal(image.Box, link.Box);
        Assert.Equal("Link", image.Structure!.Parent!.Tag);

        var large = Body(new Link("https://example.com/chart", null, [Picture("chart.png", "大图")], S));
        var largeLink = Assert.Single(large.OfType<LinkFragment>());
        Assert.Equal(Assert.Single(large.OfType<ImageFragment>()).Box, largeLink.Box);
    }

    [Fact]
    public void APictureWithoutAUsablePictureShowsItsAltTextOnTheLine()
    {
        var fragments = Body(T("远程"), Picture("https://example.com/x.png", "示意图"), T("之后"));
        Assert.Empty(fragments.OfType<ImageFragment>());
        Assert.Contains(fragments.OfType<TextFragment>(), t => t.Run.Text.Contains("[示意图]", StringComparison.Ordinal));
    }
}
