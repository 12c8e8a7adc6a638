using BenchmarkDotNet.Attributes;
using GptBook.Fonts;
using GptBook.Layout;
using GptBook.Layout.Text;
using GptBook.Units;

namespace GptBook.Benchmarks.Micro;

/// <summary>Composing every paragraph of the article into justified lines of the A5 type area (ParagraphComposer:
/// Chinese line-breaking rules, Han–Latin spacing, justification).</summary>
[Config(typeof(MicroConfig))]
public class LineBreakingBenchmark
{
    private IReadOnlyList<IReadOnlyList<StyledText>> _paragraphs = [];
    private ParagraphComposer _composer = null!;
    private ParagraphSettings _settings = null!;

    [GlobalSetup]
    public void Setup()
    {
        var style = new TextStyle(FontRole.SerifRegular, Length.Pt(10.5));
        _paragraphs = ArticleFixture.Paragraphs(ArticleFixture.Article().Book).Select(t => (IReadOnlyList<StyledText>)[new StyledText(t, style)]).ToArray();
        _composer = new ParagraphComposer(new FontMetricsMeasurer(ArticleFixture.Fonts));
        _settings = ParagraphSettings.Body(Length.Mm(112), Length.Pt(21));
    }

    [Benchmark]
    public int ComposeArticle()
    {
        var lines = 0;
        foreach (var paragraph in _paragraphs)
            lines += _composer.Compose(paragraph, _settings).Count;
        return lines;
    }
}
