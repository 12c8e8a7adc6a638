namespace GptBook.Epub;

/// <summary>
/// One file of the package besides mimetype and META-INF: its manifest id, its path relative to the OPF (which is
/// also its path under <see cref="EpubLayout.ContentFolder"/> in the zip), media type, manifest properties
/// (<c>nav</c>, <c>cover-image</c>, <c>svg</c> …, or null) and bytes.
/// </summary>
public sealed record PackageItem(string Id, string Href, string MediaType, string? Properties, byte[] Content);
