using GptBook.Fonts;
using GptBook.Images.Vector;

namespace GptBook.Pdf;

/// <summary>
/// The prepared SVG figures (the image stage writes them as .svg) read into vectors, once per file: before drawing,
/// to know the characters their text needs, and then to draw them. Null for any other image, or (reported once)
/// when the file cannot be read as SVG.
/// </summary>
internal sealed class PreparedDrawings(ITextMeasurer measurer, Action<string, string> imageFailed)
{
    private readonly Dictionary<string, VectorDrawing?> _drawings = new(StringComparer.Ordinal);

    public VectorDrawing? Get(string path)
    {
        if (!path.EndsWith(".svg", StringComparison.OrdinalIgnoreCase)) return null;
        if (_drawings.TryGetValue(path, out var drawing)) return drawing;
        try
        {
            drawing = SvgDrawingReader.Read(File.ReadAllBytes(path), measurer);
            if (drawing == null) imageFailed(path, "the prepared SVG could not be read");
        }
        catch (IOException e)
        {
            imageFailed(path, e.Message);
        }
        return _drawings[path] = drawing;
    }
}
