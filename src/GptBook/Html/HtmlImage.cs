namespace GptBook.Html;

/// <summary>
/// What the content writer shows for one image reference: a picture (<see cref="Src"/>, relative to the page,
/// with its pixel size and an optional <see cref="SrcSet"/>, or an SVG to embed, <see cref="SvgMarkup"/>), a visible placeholder box, or both (a placeholder
/// picture inside the box). <see cref="PlaceholderReason"/> marks a placeholder; it says why for the author (it
/// may be empty) and is never shown to readers, who see the box's words in the book's language.
/// </summary>
public sealed record HtmlImage(string? Src, int PixelWidth, int PixelHeight, string? PlaceholderReason)
{
    public string? SrcSet { get; init; }

    /// <summary>A prepared SVG's markup, which the page embeds (its text searchable) instead of linking a file.</summary>
    public string? SvgMarkup { get; init; }

    public bool HasPicture => Src != null || SvgMarkup != null;

    public bool IsPlaceholder => PlaceholderReason != null;

    public static HtmlImage Missing(string reason) => new(null, 0, 0, reason);
}
