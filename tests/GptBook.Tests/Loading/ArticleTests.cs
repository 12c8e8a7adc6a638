using GptBook.Diagnostics;
using GptBook.Model;
using GptBook.Tests.Support;

namespace GptBook.Tests.Loading;

/// <summary>The real article through configuration and loading: what issue 2 promises about its model.</summary>
public class ArticleTests
{
    private static (Book Book, DiagnosticBag Diagnostics) LoadArticle()
    {
        return LoadedBook.From(RepositoryPaths.BookYml);
    }

    [Fact]
    public void Article_model_matches_its_golden_dump()
    {
        var (book, diagnostics) = LoadArticle();
        GoldenFile.Verify("model/article.txt", ModelFixture.Dump(book, diagnostics));
    }

    [Fact]
    public void Article_has_seven_headings_in_order_with_stable_unique_ids()
    {
        var (book, _) = LoadArticle();
        var headings = book.Headings().ToArray();
        Assert.Equal([1, 2, 3, 3, 3, 3, 3], headings.Select(h => h.Level));
        Assert.Equal("从 GPT1 到 GPT4", headings[0].PlainText);
        Assert.Equal(headings.Length, headings.Select(h => h.Id).Distinct().Count());
        Assert.Equal("gpt-1-不同关注点的起点", headings[2].Id);
    }

    [Fact]
    public void Article_has_five_numbered_figures_all_with_real_captions()
    {
        var (book, _) = LoadArticle();
        var figures = book.Figures().ToArray();
        Assert.Equal([1, 2, 3, 4, 5], figures.Select(f => f.Number));
        Assert.Equal(["fig-1", "fig-2", "fig-3", "fig-4", "fig-5"], figures.Select(f => f.Id));
        Assert.All(figures, f => Assert.True(f.HasCaption));
        Assert.All(figures, f => Assert.Equal(ImageSourceKind.Local, f.Image.Kind));
        Assert.Equal("assets/2.3从GPT1到GPT4/Untitled 1.png", figures[1].Image.Path);
        Assert.StartsWith("横坐标是GPT-2模型的参数量", Inline.PlainText(figures[1].Caption));
        Assert.Equal("GPT 系列模型的发布时间线，2018—2023 年", Inline.PlainText(figures[0].Caption));
    }

    [Fact]
    public void Article_shows_the_GPT2_caption_exactly_once()
    {
        var (book, _) = LoadArticle();
        const string caption = "横坐标是GPT-2模型的参数量，可以发现随着参数量的提升，模型在各种任务上的表现仍然可以提升";
        var paragraphs = book.AllBlocks().OfType<Paragraph>().Count(p => Inline.PlainText(p.Content).Contains(caption));
        var captions = book.Figures().Count(f => Inline.PlainText(f.Caption) == caption);
        Assert.Equal(0, paragraphs);
        Assert.Equal(1, captions);
    }

    [Fact]
    public void Article_never_shows_Untitled()
    {
        var (book, _) = LoadArticle();
        var visible = VisibleText.Of(book).ToArray();
        Assert.NotEmpty(visible);
        Assert.DoesNotContain(visible, s => s.Contains("Untitled", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Article_maps_the_sparks_link_and_turns_the_todo_link_into_text_with_a_warning()
    {
        var (book, diagnostics) = LoadArticle();
        var links = VisibleText.Inlines(book).OfType<Link>().ToArray();
        var sparks = Assert.Single(links);
        Assert.Equal("https://arxiv.org/abs/2303.12712", sparks.Target);
        Assert.Equal("点击阅读论文", Inline.PlainText(sparks.Content));
        Assert.Contains(book.AllBlocks().OfType<Paragraph>(), p => Inline.PlainText(p.Content).Contains("zero-shot 相关解释性能"));
        var todo = Assert.Single(diagnostics.Items, d => d.Code == "GB0102");
        Assert.Equal(DiagnosticSeverity.Warning, todo.Severity);
        Assert.Equal("content/gpt1-to-gpt4.md:17:41", todo.Span.ToString());
        Assert.False(diagnostics.HasErrors);
        Assert.Equal(["GB0102"], diagnostics.Items.Select(d => d.Code));
    }

    [Fact]
    public void Article_quote_is_plain_bold_once_and_its_empty_line_is_dropped()
    {
        var (book, _) = LoadArticle();
        var quote = Assert.Single(book.AllBlocks().OfType<BlockQuote>());
        var paragraph = Assert.IsType<Paragraph>(Assert.Single(quote.Blocks));
        var strong = Assert.IsType<Strong>(Assert.Single(paragraph.Content));
        Assert.IsType<GptBook.Model.Text>(Assert.Single(strong.Content));
    }

    [Fact]
    public void Loading_twice_gives_the_same_model()
    {
        var (first, _) = LoadArticle();
        var (second, _) = LoadArticle();
        Assert.Equal(ModelTextDump.Dump(first), ModelTextDump.Dump(second));
    }
}
