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
    /// Where the page begins in the model: of the rows set on it, the one that comes first in the source. That is
    /// the first row at the top unless a float moved: a figure that waited for this page is earlier in the source
    /// than the text that continues beside it, and the page is taken to begin at the figure (a reader sent to the
    /// page lands a little early rather than past it). A page holds one chapter (each opens a page), so source
    /// line and column order the rows; rows of blocks without a source position count only if no other row does.
    /// </summary>
    public ModelPosition? Start { get; private set; }

    public void NoteRow(BoxRow row)
    {
        if (row.Origin is not { } origin) return;
        if (Start == null || Key(origin).CompareTo(Key(Start)) < 0) Start = origin;
    }

    private static (bool, int, int, int) Key(ModelPosition p) =>
        (p.Block.Span.Line == 0, p.Block.Span.Line, p.Block.Span.Column, p.Offset);
}
