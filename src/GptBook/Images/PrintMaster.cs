namespace GptBook.Images;

/// <summary>
/// A raster figure's vector master. Books often keep the editable SVG of a diagram beside the PNG that the
/// Markdown references (the PNG is what GitHub and most Markdown viewers show): when <c>name.svg</c> lies in the
/// same folder as a referenced <c>name.png</c> (or .jpg/.jpeg), the PDF prints the SVG as vectors, while the EPUB
/// and the site keep the referenced bitmap, which every reader shows the same way. The master is found by name
/// only (same folder, same stem, lower-case <c>.svg</c>), so it is as confined to the book root as the reference.
/// </summary>
public static class PrintMaster
{
    /// <summary>The root-relative path of the SVG master of <paramref name="relativePath"/>, or null if there is none.</summary>
    public static string? Find(string rootDirectory, string relativePath)
    {
        var extension = Path.GetExtension(relativePath).ToLowerInvariant();
        if (extension is not (".png" or ".jpg" or ".jpeg")) return null;
        var master = relativePath[..^extension.Length] + ".svg";
        return File.Exists(Path.Combine(rootDirectory, master)) ? master : null;
    }
}
