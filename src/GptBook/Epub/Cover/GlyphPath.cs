using GptBook.Fonts;

namespace GptBook.Epub.Cover;

/// <summary>
/// Feeds a TrueType glyph outline into a <see cref="ScanlineRasterizer"/>: font units (y up) scaled to pixels
/// (y down) at a pen position.
/// </summary>
public sealed class GlyphPath : IGlyphOutlineSink
{
    private readonly ScanlineRasterizer _rasterizer;
    private readonly double _penX, _baselineY, _pixelsPerUnit;

    private GlyphPath(ScanlineRasterizer rasterizer, double penX, double baselineY, double pixelsPerUnit) =>
        (_rasterizer, _penX, _baselineY, _pixelsPerUnit) = (rasterizer, penX, baselineY, pixelsPerUnit);

    public static void Add(ScanlineRasterizer rasterizer, GlyphOutline glyph, double penX, double baselineY, double pixelsPerUnit) =>
        GlyphContourWalker.Walk(glyph, new GlyphPath(rasterizer, penX, baselineY, pixelsPerUnit));

    public void MoveTo(double x, double y) => _rasterizer.MoveTo(X(x), Y(y));
    public void LineTo(double x, double y) => _rasterizer.LineTo(X(x), Y(y));
    public void QuadraticTo(double controlX, double controlY, double x, double y) =>
        _rasterizer.QuadraticTo(X(controlX), Y(controlY), X(x), Y(y));
    public void Close() => _rasterizer.Close();

    private double X(double x) => _penX + x * _pixelsPerUnit;
    private double Y(double y) => _baselineY - y * _pixelsPerUnit;
}
