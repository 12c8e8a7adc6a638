using GptBook.Transforms;

namespace GptBook.Tests.Transforms;

/// <summary>The chapter number a title states, as Chinese technical books write chapter titles.</summary>
public sealed class StatedChapterNumberTests
{
    [Theory]
    [InlineData("第二章 投机解码", "2")]
    [InlineData("第一章　Transformer 的基础", "1")]
    [InlineData("第十章", "10")]
    [InlineData("第十二章 评测", "12")]
    [InlineData("第二十三讲 并行", "23")]
    [InlineData("第一百零五章", "105")]
    [InlineData("第 12 章 部署", "12")]
    [InlineData("第03课 分词", "3")]
    [InlineData("Chapter 7: Serving", "7")]
    [InlineData("ch. 4 Tokenizers", "4")]
    [InlineData("2. 注意力机制", "2")]
    [InlineData("2、注意力机制", "2")]
    [InlineData("1.从 GPT1 到 GPT4", "1")]
    [InlineData("1.1 为什么需要缓存", "1")]
    [InlineData("3.2.1 显存估算", "3")]
    [InlineData("附录 A 符号表", "A")]
    [InlineData("Appendix b: Proofs", "B")]
    public void A_title_that_states_a_number_gives_it(string title, string number) =>
        Assert.Equal(number, StatedChapterNumber.Of(title));

    [Theory]
    [InlineData("前言 📖")]
    [InlineData("Transformer 的数学")]
    [InlineData("10 分钟上手")]
    [InlineData("2024 年大模型回顾")]
    [InlineData("3D 视觉")]
    [InlineData("第一二章")]
    [InlineData("第几章")]
    [InlineData("Appendix")]
    [InlineData("附录 ABC")]
    [InlineData("")]
    [InlineData(null)]
    public void A_title_that_states_none_gives_null(string? title) =>
        Assert.Null(StatedChapterNumber.Of(title));
}
