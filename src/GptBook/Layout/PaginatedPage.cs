using GptBook.Model;

namespace GptBook.Layout;

/// <summary>A page as the paginator fills it, before running heads and folios are added.</summary>
public sealed class PaginatedPage(PageRegion region)
{
    public PageRegion Region { get; } = region;
    public List<PageFragment> Fragments { get; } = [];
    /// <summary>Headings set on this page, in order, for the running heads.</summary>
    public List<RunningMark> Marks { get; } = [];
    public bool IsChapterOpening { get; set; }

    /// <summary>
    /// Where the page begins in the model: of the rows of the text flow set on it, the one that comes first in the
    /// source. Floats do not count: a figure that waited for this page may come from a section the page before
    /// already left (floats pass h3 and lower headings), and the page list must not step back; a page of floats only
    /// begins at its first float. A page holds one chapter (each opens a page), so source line and column order the
    /// rows; rows of blocks without a source position count only if no other row does.
    /// </summary>
    public ModelPosition? Start => _flowStart ?? _floatStart;

    private ModelPosition? _flowStart;
    private ModelPosition? _floatStart;

    public void NoteRow(BoxRow row, bool isFloat = false)
    {
        if (row.Origin is not { } origin) return;
        if (isFloat) _floatStart = Earlier(_floatStart, origin);
        else _flowStart = Earlier(_flowStart, origin);
    }

    private static ModelPosition Earlier(ModelPosition? current, ModelPosition origin) =>
        current == null || Key(origin).CompareTo(Key(current)) < 0 ? origin : current;

    private static (bool, int, int, int) Key(ModelPosition p) =>
        (p.Block.Span.Line == 0, p.Block.Span.Line, p.Block.Span.Column, p.Offset);
}
