using GptBook.Tests.Support;

namespace GptBook.Tests.Loading;

/// <summary>
/// Small Markdown in, model dump and diagnostics out, compared with expected/model/&lt;name&gt;.txt. Each fixture
/// covers one group of constructs or quirks; the expected files are the reviewed, intended output.
/// </summary>
public class ModelGoldenTests
{
    [Theory]
    [InlineData("constructs")]
    [InlineData("image-paths")]
    [InlineData("repeated-caption")]
    [InlineData("strong-and-quotes")]
    [InlineData("links")]
    [InlineData("soft-breaks")]
    [InlineData("raw-html")]
    [InlineData("unsupported")]
    [InlineData("overrides")]
    [InlineData("heading-ids")]
    [InlineData("footnotes")]
    [InlineData("multi")]
    [InlineData("task-lists")]
    public void Fixture_model_matches_its_golden_dump(string name)
    {
        var (book, diagnostics) = ModelFixture.Load(name);
        GoldenFile.Verify($"model/{name}.txt", ModelFixture.Dump(book, diagnostics));
    }
}
