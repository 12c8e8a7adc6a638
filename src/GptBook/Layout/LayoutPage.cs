using GptBook.Model;
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
    IReadOnlyList<PageFragment> Fragments)
{
    /// <summary>Where the page begins in the model (body pages with content only).</summary>
    public ModelPosition? Start { get; init; }
}

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
    IReadOnlyDictionary<string, AnchorLocation> Anchors)
{
    /// <summary>Where each body page with content begins, labelled with its folio: what the EPUB's page list follows.</summary>
    public PrintPageMap PageMap() =>
        new(Pages.Where(p => p.Kind == PageKind.Body && p.Start != null).Select(p => new PrintPageStart(p.Label, p.Start!)).ToArray());
}

public readonly record struct AnchorLocation(int PageIndex, Length X, Length Y);
