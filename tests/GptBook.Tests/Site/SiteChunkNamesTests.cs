using GptBook.Html;
using GptBook.Model;
using GptBook.Site;
using static GptBook.Tests.Html.SampleBooks;

namespace GptBook.Tests.Site;

/// <summary>The site's page names come from chapters and headings, never positions, and never collide.</summary>
public class SiteChunkNamesTests
{
    private static Chapter Chapter(string id, params Block[] blocks) => new(id, id + ".md", blocks, []);

    private static string[] Names(params Chapter[] chapters) =>
        BookChunker.Split(new Book(Book([]).Metadata, chapters), 2, ".html", SiteChunkNames.Candidates, SiteChunkNames.Reserved)
            .Chunks.Select(c => c.FileName).ToArray();

    [Fact]
    public void A_chapter_is_named_after_its_id_and_a_split_off_section_after_its_heading()
    {
        Assert.Equal(["gpt1-to-gpt4.html", "发展历程.html", "gpt-3.5-加入人类反馈.html"],
            Names(Chapter("gpt1-to-gpt4", H(1, "从 GPT1 到 GPT4", "从-gpt1-到-gpt4"), P(T("正文")), H(2, "发展历程", "发展历程"), P(T("正文")),
                H(2, "GPT-3.5：加入人类反馈", "gpt-3.5-加入人类反馈"))));
    }

    [Fact]
    public void Inserting_a_chapter_in_front_changes_no_other_name()
    {
        var one = Chapter("intro", H(1, "引言", "引言"), H(2, "背景", "背景"));
        var two = Chapter("models", H(1, "模型", "模型"));
        var before = Names(one, two);
        var after = Names(Chapter("preface", H(1, "序", "序")), one, two);
        Assert.Equal(before, after.Skip(1));
    }

    [Fact]
    public void A_section_never_takes_a_chapters_name_or_a_site_file_and_digits_need_no_prefix()
    {
        // The section "models" comes first in reading order, but the chapter keeps its name.
        var names = Names(
            Chapter("intro", H(1, "引言", "引言"), H(2, "Models", "models")),
            Chapter("models", H(1, "模型", "模型")),
            Chapter("index", H(1, "索引", "索引")),
            Chapter("c-01-setup", H(1, "安装", "安装"), H(2, "2023 年", "h-2023-年")));
        Assert.Equal(["intro.html", "intro-models.html", "models.html", "index-2.html", "01-setup.html", "2023-年.html"], names);
    }

    [Fact]
    public void Very_long_headings_are_cut_to_a_safe_length_inside_no_character()
    {
        var id = string.Concat(Enumerable.Repeat("很长的标题", 30));
        var name = Names(Chapter("a", H(1, "甲", "甲"), H(2, id, id)))[1];
        Assert.Equal(SiteChunkNames.MaxLength, System.Globalization.StringInfo.ParseCombiningCharacters(name[..^5]).Length);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(name) < 255);
    }
}
