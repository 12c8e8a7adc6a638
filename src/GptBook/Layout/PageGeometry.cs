using GptBook.Configuration;
using GptBook.Units;

namespace GptBook.Layout;

/// <summary>
/// The sheet and its boxes. The media box is the trim size plus bleed on every side, plus room for crop marks when
/// they are wanted; <see cref="TrimOrigin"/> is where the trimmed page starts inside it. Margins are mirrored:
/// a right-hand page has its inner (spine) margin on the left, a left-hand page on the right.
/// <para>
/// The type area (版心) is a grid: its width a whole number of body ems, so that a line of Han characters fills the
/// measure with no added space, and its height a whole number of body lines (<see cref="LinePitch"/>), so that every
/// full page ends on the same baseline and facing pages align. What the margins leave over that goes to the outer
/// and the bottom margin.
/// </para>
/// </summary>
public sealed record PageGeometry(
    Length TrimWidth,
    Length TrimHeight,
    Length Bleed,
    Length MarkArea,
    Length InnerMargin,
    Length OuterMargin,
    Length TopMargin,
    Length BottomMargin)
{
    /// <summary>Crop marks sit outside the bleed; this is how far the media box reaches beyond it for them.</summary>
    public static readonly Length CropMarkArea = Length.Mm(10);

    public static PageGeometry From(PdfOptions options)
    {
        var em = options.FontSize;
        var pitch = options.FontSize * options.LineHeight;
        var width = options.PageSize.Width - options.InnerMargin - options.OuterMargin;
        var height = options.PageSize.Height - options.TopMargin - options.BottomMargin;
        var gridWidth = em * Math.Max(1, Math.Floor(width / em + 1e-6));
        var gridHeight = pitch * Math.Max(1, Math.Floor(height / pitch + 1e-6));
        return new PageGeometry(
            options.PageSize.Width,
            options.PageSize.Height,
            options.Bleed,
            options.CropMarks ? CropMarkArea : Length.Zero,
            options.InnerMargin,
            options.OuterMargin + Length.Max(Length.Zero, width - gridWidth),
            options.TopMargin,
            options.BottomMargin + Length.Max(Length.Zero, height - gridHeight)) { LinePitch = pitch };
    }

    /// <summary>The body text's line pitch: the grid that text rows stand on. Zero: no grid.</summary>
    public Length LinePitch { get; init; }

    /// <summary>The distance from the media box's edge to the trim box's edge, on every side.</summary>
    public Length TrimOffset => Bleed + MarkArea;

    public Length MediaWidth => TrimWidth + 2 * TrimOffset;
    public Length MediaHeight => TrimHeight + 2 * TrimOffset;

    public Rect TrimBox => new(TrimOffset, TrimOffset, TrimWidth, TrimHeight);
    public Rect BleedBox => new(MarkArea, MarkArea, TrimWidth + 2 * Bleed, TrimHeight + 2 * Bleed);

    public Length TextWidth => TrimWidth - InnerMargin - OuterMargin;
    public Length TextHeight => TrimHeight - TopMargin - BottomMargin;

    /// <summary>The type area of a page, in media-box coordinates.</summary>
    public Rect TextBlock(bool rightHand) => new(
        TrimOffset + (rightHand ? InnerMargin : OuterMargin),
        TrimOffset + TopMargin,
        TextWidth,
        TextHeight);

    public bool IsUsable => TextWidth.Points > 36 && TextHeight.Points > 72;
}
