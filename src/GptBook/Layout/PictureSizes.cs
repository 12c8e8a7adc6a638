using GptBook.Images;
using GptBook.Model;
using GptBook.Units;

namespace GptBook.Layout;

/// <summary>
/// How big a picture prints, and which pictures inside running text sit on the line. A picture is set at its
/// natural size (its pixels at its resolution, 96 dpi when it states none), never enlarged, unless the author gave
/// a size. Inside a paragraph,
/// one that would stand more than two lines of leading high or take more than half the measure is no longer a
/// character: it is set as a block of its own where it occurs.
/// </summary>
public static class PictureSizes
{
    /// <summary>The prepared print image and its natural size; null when the image stage has no usable picture.</summary>
    public static (NormalizedImage Image, Length Width, Length Height)? Natural(LayoutContext context, ImageReference image)
    {
        var prepared = context.Images.Find(image, ImageProfile.Print);
        if (prepared == null || prepared.IsPlaceholder || prepared.PixelWidth <= 0 || prepared.PixelHeight <= 0) return null;
        var dpi = prepared.Dpi > 1 ? prepared.Dpi : 96;
        var (width, height) = Hinted(context, image, Length.Pt(prepared.PixelWidth / dpi * 72), Length.Pt(prepared.PixelHeight / dpi * 72));
        return (prepared, width, height);
    }

    /// <summary>
    /// The size the author asked for (raw HTML's width/height, a <c>:width:</c> line) instead of the natural one: a
    /// CSS pixel is 0.75 pt, a percentage is of the text width, a zoom of the natural width (at most the text width);
    /// a width or height alone keeps the proportions.
    /// Never wider than the text.
    /// </summary>
    private static (Length Width, Length Height) Hinted(LayoutContext context, ImageReference image, Length width, Length height)
    {
        Length? Points(ImageDimension? d) => d switch
        {
            null => null,
            { Unit: ImageDimensionUnit.Percent } => context.Geometry.TextWidth * (d.Value / 100),
            { Unit: ImageDimensionUnit.Zoom } => Length.Min(width, context.Geometry.TextWidth) * (d.Value / 100),
            _ => Length.Pt(d.Value * 0.75),
        };
        var wantedWidth = Points(image.Width);
        var wantedHeight = image.Height is { Unit: ImageDimensionUnit.Pixel } ? Points(image.Height) : null;
        if (wantedWidth is { } w && wantedHeight is { } h) (width, height) = (w, h);
        else if (wantedWidth is { } onlyWidth) (width, height) = (onlyWidth, height * (onlyWidth / width));
        else if (wantedHeight is { } onlyHeight) (width, height) = (width * (onlyHeight / height), onlyHeight);
        var fit = Math.Min(1.0, context.Geometry.TextWidth / width);
        return (width * fit, height * fit);
    }

    /// <summary>Whether a picture in running text is set as a block where it occurs (one without a usable picture
    /// is not: it shows its alt text on the line).</summary>
    public static bool IsBlock(LayoutContext context, ImageReference image) =>
        Natural(context, image) is (_, var width, var height) && TooLargeForALine(context, width, height);

    /// <summary>
    /// The picture as an object on the line, or null when it has no usable picture. One too large for a line that
    /// still has to be set on it (inside emphasis, a heading, a table cell) is scaled down to the largest size a
    /// line takes.
    /// </summary>
    public static InlineImageObject? OnTheLine(LayoutContext context, ImageReference image)
    {
        if (Natural(context, image) is not ({ } prepared, var width, var height)) return null;
        var scale = Math.Min(1.0, Math.Min(MaxHeight(context) / height, MaxWidth(context) / width));
        return new InlineImageObject(prepared.Path, width * scale, height * scale, image.Alt);
    }

    private static bool TooLargeForALine(LayoutContext context, Length width, Length height) =>
        height > MaxHeight(context) || width > MaxWidth(context);

    private static Length MaxHeight(LayoutContext context) => context.Style.Leading * 2;

    private static Length MaxWidth(LayoutContext context) => context.Geometry.TextWidth / 2;
}
