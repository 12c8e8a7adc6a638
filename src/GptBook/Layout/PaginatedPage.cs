namespace GptBook.Layout;

/// <summary>A page as the paginator fills it, before running heads and folios are added.</summary>
public sealed class PaginatedPage(PageRegion region)
{
    public PageRegion Region { get; } = region;
    public List<PageFragment> Fragments { get; } = [];
    /// <summary>Headings set on this page, in order, for the running heads.</summary>
    public List<RunningMark> Marks { get; } = [];
    public bool IsChapterOpening { get; set; }
}
