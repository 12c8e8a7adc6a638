namespace GptBook.Html;

/// <summary>
/// What the content writer shows for one image reference: a picture (<see cref="Src"/>, relative to the page,
/// with its pixel size and an optional <see cref="SrcSet"/>), a visible placeholder box with
/// <see cref="PlaceholderReason"/> (which may be empty: the box then just says the image is missing), or both
/// (a placeholder picture together with the reason).
/// </summary>
public sealed record HtmlImage(string? Src, int PixelWidth, int PixelHeight, string? PlaceholderReason)
{
    public string? SrcSet { get; init; }

    public bool HasPicture => Src != null;

    public bool IsPlaceholder => PlaceholderReason != null;

    public static HtmlImage Missing(string reason) => new(null, 0, 0, reason);
}
