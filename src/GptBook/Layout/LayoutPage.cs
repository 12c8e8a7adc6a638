using GptBook.Units;

namespace GptBook.Layout;

public enum PageKind { Cover, FrontMatter, Body }

/// <summary>
/// One laid-out page: its place in the book, the label the viewer shows (and the folio prints), and everything
/// on it. <see cref="IsRightHand"/> pages (recto) have odd physical numbers; the inner margin is on their left.
/// </summary>
public sealed record LayoutPage(
    int Index,
    PageKind Kind,
    string Label,
    bool IsRightHand,
    bool IsChapterOpening,
    IReadOnlyList<PageFragment> Fragments);

/// <summary>An outline (bookmark) entry: a heading, where it is set, and its level for nesting.</summary>
public sealed record OutlineEntry(string Title, int Level, string AnchorId);

/// <summary>
/// The layout's result, all the PDF writer needs: pages of positioned fragments, the outline, where the body
/// starts (for page labels), and every anchor's page and position.
/// </summary>
public sealed record BookLayout(
    PageGeometry Geometry,
    IReadOnlyList<LayoutPage> Pages,
    IReadOnlyList<OutlineEntry> Outline,
    int BodyStartIndex,
    IReadOnlyDictionary<string, AnchorLocation> Anchors);

public readonly record struct AnchorLocation(int PageIndex, Length X, Length Y);
