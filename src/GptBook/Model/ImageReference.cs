namespace GptBook.Model;

/// <summary>How an image reference in the Markdown was resolved.</summary>
public enum ImageSourceKind
{
    /// <summary>A file inside the book root; <see cref="ImageReference.Path"/> is set.</summary>
    Local,
    /// <summary>An <c>http(s):</c> URL: never fetched, shown as a placeholder.</summary>
    Remote,
    /// <summary>A <c>data:</c> URL: never embedded as-is, shown as a placeholder.</summary>
    Data,
    /// <summary>Refused: escapes the root, is absolute, is a <c>file:</c> URL, or cannot be decoded.</summary>
    Refused,
}

/// <summary>
/// An image as the model knows it: where it was written (<see cref="Source"/>, as in the Markdown), where it
/// resolved to (<see cref="Path"/>, relative to the book root with forward slashes, for local files), and its
/// alt text. Whether the file exists, and what it becomes in each output, is the image stage's business.
/// </summary>
public sealed record ImageReference(string Source, ImageSourceKind Kind, string? Path, string Alt, SourceSpan Span)
{
    /// <summary>The width the author asked for (raw HTML's width, a <c>:width:</c> line), if any: every output honours it.</summary>
    public ImageDimension? Width { get; init; }

    /// <summary>The height the author asked for, if any; alone it scales the width in proportion.</summary>
    public ImageDimension? Height { get; init; }

    /// <summary>A stable key for the image catalog: the resolved path, or the source for non-local images.</summary>
    public string Key => Path ?? Source;
}

/// <summary>How an author's size for an image is given.</summary>
public enum ImageDimensionUnit
{
    /// <summary>CSS pixels (1/96 inch).</summary>
    Pixel,
    /// <summary>A percentage of the text width.</summary>
    Percent,
    /// <summary>
    /// A percentage of the size the picture would have without it (its natural size, at most the text width): CSS
    /// <c>zoom</c>, which Typora writes when an author resizes a picture (<c>style="zoom:50%;"</c>).
    /// </summary>
    Zoom,
}

/// <summary>A size the author asked for (see <see cref="ImageDimensionUnit"/>). A hint: outputs never enlarge a
/// picture past the text width.</summary>
public sealed record ImageDimension(double Value, ImageDimensionUnit Unit)
{
    public override string ToString() =>
        Value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + Unit switch
        {
            ImageDimensionUnit.Percent => "%",
            ImageDimensionUnit.Zoom => "% zoom",
            _ => "px",
        };
}
