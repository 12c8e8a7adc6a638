namespace GptBook.Layout;

/// <summary>A page's type area as the paginator sees it: where content goes and which side of the spread it is on.</summary>
public sealed record PageRegion(int PhysicalIndex, bool IsRightHand, Rect Area);

/// <summary>
/// Hands out page regions in order, starting at a physical page index (0 = the cover, a right-hand page); even
/// indices are right-hand pages, whose inner margin is on the left.
/// </summary>
public sealed class PageProvider(PageGeometry geometry, int firstPhysicalIndex)
{
    private int _next = firstPhysicalIndex;

    public PageGeometry Geometry => geometry;

    public PageRegion Next()
    {
        var index = _next++;
        var right = index % 2 == 0;
        return new PageRegion(index, right, geometry.TextBlock(right));
    }
}
