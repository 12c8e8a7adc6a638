using GptBook.Epub.Cover;
using GptBook.Fonts;
using GptBook.Model;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace GptBook.Tests.Epub;

public class CoverImageWriterTests
{
    private static readonly BookMetadata Metadata = new("gpt1-to-gpt4", "从 GPT1 到 GPT4", "GPT 系列模型的发展与演变", "zh-CN",
        ["GptBook 编辑组"], new DateOnly(2026, 11, 30), null, []);

    private static FontSet Fonts => FontSet.Load(SampleEpub.Fonts);

    [Fact]
    public void Draws_a_2_to_3_png_with_light_text_on_the_dark_background()
    {
        using var image = Image.Load<Rgba32>(CoverImageWriter.Write(Metadata, Fonts));
        Assert.Equal((1600, 2400), (image.Width, image.Height));
        // Title band: some pixels are nearly white (glyphs); an empty band lower down has none.
        Assert.True(CountLight(image, 940, 1200) > 5_000);
        Assert.Equal(0, CountLight(image, 1500, 1900));
        // The author line near the bottom is drawn too.
        Assert.True(CountLight(image, 2000, 2200) > 500);
    }

    [Fact]
    public void The_same_metadata_gives_the_same_bytes_and_other_text_a_different_picture()
    {
        var a = CoverImageWriter.Write(Metadata, Fonts);
        Assert.Equal(a, CoverImageWriter.Write(Metadata, Fonts));
        Assert.NotEqual(a, CoverImageWriter.Write(Metadata with { Title = "另一本书" }, Fonts));
    }

    [Fact]
    public void Long_titles_wrap_and_closing_punctuation_never_starts_a_line()
    {
        var font = Fonts.Font(GptBook.Fonts.FontRole.SansBold);
        var lines = CoverTextWrapper.Wrap("一个非常非常长的书名，用来测试换行是否正确", font, font.UnitsPerEm * 10.5);
        Assert.True(lines.Count >= 2);
        Assert.All(lines, l => Assert.True(l.WidthUnits <= font.UnitsPerEm * 11.5));
        Assert.All(lines.Skip(1), l => Assert.NotEqual('，', (char)l.CodePoints[0]));
        Assert.Equal("一个非常非常长的书名，用来测试换行是否正确", string.Concat(lines.SelectMany(l => l.CodePoints).Select(char.ConvertFromUtf32)));
        // Latin words stay whole.
        var words = new[] { "Language", "Models", "are", "Unsupervised" };
        var latin = CoverTextWrapper.Wrap(string.Join(' ', words), font, font.UnitsPerEm * 6);
        Assert.True(latin.Count >= 2);
        Assert.All(latin.SelectMany(l => string.Concat(l.CodePoints.Select(char.ConvertFromUtf32)).Split(' ')), w => Assert.Contains(w, words));
    }

    [Theory]
    [InlineData("一二三四五】六七", '】')] // a closing bracket: not at a line's start
    [InlineData("一二三四五〉六七", '〉')]
    [InlineData("一二三四五％六七", '％')]
    public void A_title_never_starts_a_line_with_what_the_pdf_never_starts_one_with(string title, char mark)
    {
        var font = Fonts.Font(GptBook.Fonts.FontRole.SansBold);
        // Room for five and a half characters: without the rule, the sixth would start the second line.
        var lines = CoverTextWrapper.Wrap(title, font, font.UnitsPerEm * 5.5);
        Assert.True(lines.Count >= 2);
        Assert.All(lines.Skip(1), l => Assert.NotEqual(mark, (char)l.CodePoints[0]));
        Assert.Equal(title, string.Concat(lines.SelectMany(l => l.CodePoints).Select(char.ConvertFromUtf32)));
    }

    [Theory]
    [InlineData("一二三四《五六》七八", "一二三四", "《五六》七八")] // a book-title mark goes down with the title it opens
    [InlineData("一二三四“五六”七八", "一二三四", "“五六”七八")]
    [InlineData("一二三四【五六】七八", "一二三四", "【五六】七八")]
    public void A_title_never_ends_a_line_with_an_opening_mark(string title, string first, string rest)
    {
        var font = Fonts.Font(GptBook.Fonts.FontRole.SansBold);
        var lines = CoverTextWrapper.Wrap(title, font, font.UnitsPerEm * 5.5);
        Assert.Equal(first, string.Concat(lines[0].CodePoints.Select(char.ConvertFromUtf32)));
        Assert.Equal(rest, string.Concat(lines.Skip(1).SelectMany(l => l.CodePoints).Select(char.ConvertFromUtf32)));
    }

    private static int CountLight(Image<Rgba32> image, int top, int bottom)
    {
        var count = 0;
        for (var y = top; y < bottom; y++)
            for (var x = 0; x < image.Width; x++)
                if (image[x, y].R > 200 && image[x, y].B > 200) count++;
        return count;
    }
}
