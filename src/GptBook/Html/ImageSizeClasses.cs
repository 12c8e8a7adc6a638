using System.Globalization;
using System.Text;
using GptBook.Model;

namespace GptBook.Html;

/// <summary>
/// The size an author asked for (raw HTML's width/height) as a class on the picture, never a style attribute: the
/// site's content security policy allows no inline style, and an EPUB reader's user settings should still win.
/// A width is a share of the text column in steps of 5% (<c>size-w90</c>); pixels count against GitHub's column of
/// about 800 CSS pixels, the width such books are written for; a zoom is of the picture's width in that column; a
/// height alone is turned into a width through the picture's proportions. The same rules go into the EPUB's and the site's stylesheets.
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
        var step = (int)Math.Clamp(Math.Round(p / 5) * 5, 5, 100);
        return "size-w" + step.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The stylesheet rules for every class <see cref="Of"/> can give.</summary>
    public static string Css()
    {
        var css = new StringBuilder("/* Sizes the author gave to pictures (raw HTML width/height), as a share of the column. */\n");
        for (var step = 5; step <= 100; step += 5)
        {
            var n = step.ToString(CultureInfo.InvariantCulture);
            css.Append(".size-w").Append(n).Append(" { width: ").Append(n).Append("%; max-width: 100%; height: auto; max-height: none; }\n");
        }
        return css.ToString();
    }
}
