using GptBook.Normalization;
using GptBook.Tests.Support;
using GptBook.Sources;
using GptBook.Policies;

namespace GptBook.Tests.Normalization;

public class NormalizationRuleTests
{
    [Theory]
    [InlineData("中文", "中文", "")]
    [InlineData("句子，", "标点", "")]
    [InlineData("结束。", "“引号", "")]
    [InlineData("说：“", "你好", "")]
    [InlineData("𠀀", "字", "")] // a Han character outside the BMP
    [InlineData("English", "words", " ")]
    [InlineData("中文", "English", " ")]
    [InlineData("English", "中文", " ")]
    [InlineData("GPT-4", "是", " ")]
    [InlineData("2023", "年", " ")]
    [InlineData("", "中文", " ")]
    public void Soft_breaks_vanish_only_between_chinese_characters(string before, string after, string expected) =>
        Assert.Equal(expected, SoftBreakRule.Replacement(before, after));

    [Theory]
    [InlineData("GPT-1：不同关注点的起点", "gpt-1-不同关注点的起点")]
    [InlineData("GPT-3.5：加入人类反馈", "gpt-3.5-加入人类反馈")]
    [InlineData("２０２３年", "h-2023年")]
    [InlineData("Café au lait", "café-au-lait")]
    [InlineData("हिन्दी", "हिन्दी")]
    [InlineData("？！", "section")]
    public void Heading_slugs_keep_han_and_lowercase_latin(string text, string slug) =>
        Assert.Equal(slug, GptBook.Transforms.HeadingIdTransform.Slug(text));

    [Theory]
    [InlineData("Untitled", true)]
    [InlineData("untitled 3", true)]
    [InlineData("", true)]
    [InlineData("   ", true)]
    [InlineData("image.png", true)]
    [InlineData("Screenshot 2023-03-14.PNG", false)]
    [InlineData("IMG_1234.jpg", true)]
    [InlineData("Untitled 1", true)]
    [InlineData("GPT 时间线", false)]
    [InlineData("Untitled documents are a problem", false)]
    public void Placeholder_alt_text_is_recognised(string alt, bool placeholder) =>
        Assert.Equal(placeholder, PlaceholderAltText.IsPlaceholder(alt, "assets/x/Untitled 1.png"));

    [Fact]
    public void Alt_text_equal_to_the_file_name_is_a_placeholder() =>
        Assert.True(PlaceholderAltText.IsPlaceholder("diagram", "assets/diagram.svg"));

    [Theory]
    [InlineData("javascript:alert(1)", "javascript")]
    [InlineData(" JaVa\tScRipt:alert(1)", "javascript")]
    [InlineData("https://example.org", "https")]
    [InlineData("C:\\x.png", null)]
    [InlineData("../a:b.png", null)]
    [InlineData("#frag", null)]
    public void Url_schemes_are_read_like_browsers_do(string url, string? scheme) =>
        Assert.Equal(scheme, UrlSchemes.SchemeOf(url));

    [Theory]
    [InlineData("../assets/2.3从GPT1到GPT4/Untitled 1.png", "content", "assets/2.3从GPT1到GPT4/Untitled 1.png", PathRefusal.None)]
    [InlineData("./a/../b.png", "content", "content/b.png", PathRefusal.None)]
    [InlineData("..\\assets\\x.png", "content", "assets/x.png", PathRefusal.None)]
    [InlineData("../../x.png", "content", null, PathRefusal.EscapesRoot)]
    [InlineData("a/../../../x.png", "content", null, PathRefusal.EscapesRoot)]
    [InlineData("/etc/passwd", "content", null, PathRefusal.Absolute)]
    [InlineData("\\\\server\\share\\x.png", "content", null, PathRefusal.Absolute)]
    [InlineData("D:/x.png", "content", null, PathRefusal.Absolute)]
    [InlineData("~/x.png", "content", null, PathRefusal.Absolute)]
    [InlineData("FILE:///etc/passwd", "content", null, PathRefusal.FileUrl)]
    [InlineData("a\u0000.md", "content", null, PathRefusal.ControlCharacter)]
    [InlineData("figures/x\n.png", "content", null, PathRefusal.ControlCharacter)]
    public void Paths_resolve_inside_the_root_or_are_refused(string reference, string baseDirectory, string? path, PathRefusal refusal)
    {
        using var dir = new TempBookDirectory();
        var resolved = RootedPathResolver.Resolve(reference, baseDirectory, dir.Root);
        Assert.Equal((path, refusal), (resolved.Path, resolved.Refusal));
    }
}
