using System.Globalization;
using System.Text;
using GptBook.Model;

namespace GptBook.Html;

/// <summary>
/// The size an author asked for (raw HTML's width/height) as a class on the picture, never a style attribute: the
/// site's content security policy allows no inline style, and an EPUB reader's user settings should still win.
/// A width is a share of the text column in steps of 5% (<c>size-w90</c>); pixels count against GitHub's column of
/// about 800 CSS pixels, the width such books are written for; a zoom is of the picture's width in that column; a
/// height alone is turned into a width through the picture's proportions. A picture asked for at fewer pixels than
/// the smallest share shows (an icon: <c>width="16"</c>) gets its size in steps of 8 pixels, at 16 pixels to the em
/// (<c>size-px16</c> is 1em wide): a share of the column would make it several times too large, and inside a table
/// cell, whose width a share is of, too small. The same rules go into the EPUB's and the site's stylesheets.
/// </summary>
public static class ImageSizeClasses
{
    /// <summary>The column width, in CSS pixels, that pixel sizes in GitHub-style books are meant against.</summary>
    private const double ColumnPixels = 800;

    /// <summary>The class for <paramref name="image"/>'s hinted size, or null when it has none.</summary>
    public static string? Of(ImageReference image, int pixelWidth, int pixelHeight)
    {
        double? percent = image.Width switch
        {
            { Unit: ImageDimensionUnit.Percent } w => w.Value,
            { Unit: ImageDimensionUnit.Zoom } z when pixelWidth > 0 => z.Value * Math.Min(1, pixelWidth / ColumnPixels),
            { Unit: ImageDimensionUnit.Zoom } z => z.Value,
            { } w => w.Value / ColumnPixels * 100,
            null when image.Height is { Unit: ImageDimensionUnit.Pixel } h && pixelWidth > 0 && pixelHeight > 0 =>
                h.Value * pixelWidth / pixelHeight / ColumnPixels * 100,
            _ => null,
        };
        if (percent is not { } p) return null;
        if (p < MinimumShare && image.Width is not { Unit: ImageDimensionUnit.Percent or ImageDimensionUnit.Zoom })
            return "size-px" + (int)Math.Clamp(Math.Round(p * ColumnPixels / 100 / IconStep) * IconStep, IconStep, MinimumShare * ColumnPixels / 100 - IconStep);
        var step = (int)Math.Clamp(Math.Round(p / 5) * 5, 5, 100);
        return "size-w" + step.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A share of the column smaller than this (in percent) is an icon's size, given in pixels instead.</summary>
    private const int MinimumShare = 10;

    /// <summary>The pixel steps of an icon's size: 8, 16, … 72.</summary>
    private const int IconStep = 8;

    /// <summary>The stylesheet rules for every class <see cref="Of"/> can give.</summary>
    public static string Css()
    {
        var css = new StringBuilder("/* Sizes the author gave to pictures (raw HTML width/height), as a share of the column. */\n");
        for (var step = 5; step <= 100; step += 5)
        {
            var n = step.ToString(CultureInfo.InvariantCulture);
            css.Append(".size-w").Append(n).Append(" { width: ").Append(n).Append("%; max-width: 100%; height: auto; max-height: none; }\n");
        }
        css.Append("/* An icon's size in pixels, at 16 to the em, so that it follows the text's size. */\n");
        for (var px = IconStep; px < MinimumShare * ColumnPixels / 100; px += IconStep)
        {
            var em = (px / 16.0).ToString(CultureInfo.InvariantCulture);
            css.Append(".size-px").Append(px.ToString(CultureInfo.InvariantCulture)).Append(" { width: ").Append(em).Append("em; max-width: 100%; height: auto; max-height: none; }\n");
        }
        return css.ToString();
    }
}
