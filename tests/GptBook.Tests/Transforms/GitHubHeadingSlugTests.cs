using GptBook.Transforms;

namespace GptBook.Tests.Transforms;

/// <summary>The anchors GitHub gives headings, which hand-made tables of contents in READMEs link to.</summary>
public class GitHubHeadingSlugTests
{
    [Theory]
    [InlineData("1.1 记号约定 ✏️", "11-记号约定-\uFE0F")] // the emoji goes, its variation selector (a mark) stays, as on GitHub
    [InlineData("2.2 缩放点积注意力 📐", "22-缩放点积注意力-")]
    [InlineData("Q&A 常见问题", "qa-常见问题")]
    [InlineData("GPT-1 的起点", "gpt-1-的起点")]
    [InlineData("Hello World", "hello-world")]
    [InlineData("第一章：引言（上）", "第一章引言上")]
    [InlineData("snake_case and  two spaces", "snake_case-and--two-spaces")]
    public void A_heading_gets_githubs_anchor(string heading, string slug) => Assert.Equal(slug, GitHubHeadingSlug.Of(heading));

    [Fact]
    public void A_repeated_heading_is_numbered_from_1_as_on_github()
    {
        var map = GitHubHeadingSlug.Map([("示例", "a"), ("示例", "b"), ("示例", "c")]);
        Assert.Equal(["a", "b", "c"], new[] { "示例", "示例-1", "示例-2" }.Select(s => map[s]));
    }
}
