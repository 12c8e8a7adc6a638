using GptBook.Model;
using Markdig.Syntax;
using SourceSpan = GptBook.Model.SourceSpan;

namespace GptBook.Loading;

/// <summary>
/// Turns Markdig's character offsets into 1-based line and column numbers of one file. Offsets are the ground
/// truth: Markdig's own line/column are missing on some synthesized nodes, offsets are not.
/// </summary>
internal sealed class SourceLocator
{
    private readonly string _file;
    private readonly string _text;
    private readonly List<int> _lineStarts = [0];

    public SourceLocator(string file, string text)
    {
        _file = file;
        _text = text;
        for (var i = 0; i < text.Length; i++)
            if (text[i] == '\n') _lineStarts.Add(i + 1);
    }

    public SourceSpan At(int offset, int length = 0)
    {
        offset = Math.Clamp(offset, 0, _text.Length);
        var index = _lineStarts.BinarySearch(offset);
        if (index < 0) index = ~index - 1;
        return new SourceSpan(_file, index + 1, offset - _lineStarts[index] + 1, Math.Max(0, length));
    }

    /// <summary>The node's span, or <paramref name="fallback"/> when Markdig gave it none.</summary>
    public SourceSpan Of(MarkdownObject node, SourceSpan fallback)
    {
        var s = node.Span;
        return s.Start >= 0 && s.End >= s.Start && s.End < _text.Length + 1 ? At(s.Start, s.End - s.Start + 1) : fallback;
    }

    /// <summary>The source text a node covers, exactly as written.</summary>
    public string TextOf(MarkdownObject node)
    {
        var s = node.Span;
        if (s.Start < 0 || s.End < s.Start || s.Start >= _text.Length) return "";
        return _text.Substring(s.Start, Math.Min(s.End, _text.Length - 1) - s.Start + 1);
    }

    /// <summary>The source text a span of this file covers, exactly as written (empty when it lies outside the file).</summary>
    public string TextOf(SourceSpan span)
    {
        if (span.Line < 1 || span.Line > _lineStarts.Count || span.Length <= 0) return "";
        var start = _lineStarts[span.Line - 1] + span.Column - 1;
        return Slice(start, start + span.Length - 1);
    }

    public string Slice(int start, int endInclusive) =>
        start < 0 || endInclusive < start || start >= _text.Length ? "" : _text.Substring(start, Math.Min(endInclusive, _text.Length - 1) - start + 1);
}
