namespace GptBook.Loading.Formulas;

/// <summary>
/// Where each character of a formula's content came from in the chapter file: the content is cut out of lines
/// (container prefixes such as "> " removed), so each line's first character is recorded with its file offset.
/// </summary>
public sealed class FormulaSourceMap
{
    private readonly List<(int Content, int Source)> _starts = [];

    /// <summary>Records that the content from <paramref name="contentIndex"/> on starts at file offset <paramref name="sourceOffset"/>.</summary>
    public void Add(int contentIndex, int sourceOffset)
    {
        if (_starts.Count > 0 && _starts[^1].Content == contentIndex) _starts[^1] = (contentIndex, sourceOffset);
        else _starts.Add((contentIndex, sourceOffset));
    }

    /// <summary>The file offset of a content offset (a parser error's position).</summary>
    public int SourceOffset(int contentIndex)
    {
        if (_starts.Count == 0) return 0;
        var best = _starts[0];
        foreach (var start in _starts)
            if (start.Content <= contentIndex) best = start;
        return best.Source + contentIndex - best.Content;
    }
}
