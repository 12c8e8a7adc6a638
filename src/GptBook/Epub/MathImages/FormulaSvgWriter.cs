using System.Text;
using System.Xml;
using GptBook.Fonts;
using GptBook.Layout.Formulas;

namespace GptBook.Epub.MathImages;

/// <summary>
/// A formula picture: the SVG file's bytes and its size in em of the surrounding text, <see cref="Depth"/> below
/// the baseline (what the picture is lowered by so that the formula sits on the line), <see cref="Height"/> above.
/// </summary>
public sealed record FormulaSvg(byte[] Bytes, double Width, double Height, double Depth);

/// <summary>
/// Draws a formula set by the PDF's math engine (<see cref="MathTypesetter"/>) as a self-contained SVG for readers
/// that cannot lay out MathML (Kindle): every glyph a filled path from its TrueType outline (no font needed, no
/// text element), bars as rectangles, an error's frame as a dashed outlined rectangle, and one style rule
/// (<see cref="DarkSchemeStyle"/>); nothing else, so no script and nothing a reader must fetch. Coordinates are thousandths of an em with the baseline at y = 0, and the size is
/// given in em, so the reader's CSS can size it with the text. The picture covers the box TeX gives the formula and
/// any ink beyond it (rounded outwards to whole thousandths), so no glyph is clipped. The same box gives the same
/// bytes.
/// </summary>
public sealed class FormulaSvgWriter(FontSet fonts)
{
    private const string SvgNamespace = "http://www.w3.org/2000/svg";

    /// <summary>
    /// The ink is the root's fill (black unless said otherwise), which every path and bar inherits; where the picture
    /// is shown in a dark colour scheme it turns white, so a reader's or a browser's dark theme does not show dark on
    /// dark. A picture shown by an <c>img</c> evaluates the query for itself: Chromium answers it from the img's own
    /// <c>color-scheme</c> (a reading system's dark theme that declares one), else from the system's preference,
    /// and WebKit and Gecko from the system's. The error frame keeps its red stroke and no fill.
    /// </summary>
    public const string DarkSchemeStyle = "@media (prefers-color-scheme: dark) { svg { fill: #ffffff; } }";

    private readonly Dictionary<(FontRole, int), GlyphOutline> _outlines = [];

    private static readonly XmlWriterSettings Settings = new()
    {
        Indent = false,
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        NewLineChars = "\n",
    };

    public FormulaSvg Write(MathBox box)
    {
        ArgumentNullException.ThrowIfNull(box);
        var shapes = new List<(string Element, string[] Attributes)>();
        var ink = new SvgOutlineWriter();
        double left = 0, right = box.Width * SvgNumbers.UnitsPerEm, top = -box.Height * SvgNumbers.UnitsPerEm, bottom = box.Depth * SvgNumbers.UnitsPerEm;
        void Extend(double l, double r, double t, double b) =>
            (left, right, top, bottom) = (Math.Min(left, l), Math.Max(right, r), Math.Min(top, t), Math.Max(bottom, b));

        void Draw(MathBox b, double x, double y)
        {
            const double U = SvgNumbers.UnitsPerEm;
            switch (b)
            {
                case GlyphBox g:
                    var path = ink.Glyph(Outline(g), x * U, y * U, g.Size);
                    if (path.Length > 0) shapes.Add(("path", ["d", path]));
                    break;
                case StretchedBox s:
                    Draw(s.Drawn, x, y);
                    break;
                case RuleBox r:
                    shapes.Add(("rect", Rect(x * U, (y - r.Height) * U, r.Width * U, (r.Height + r.Depth) * U)));
                    break;
                case StrokeBox l:
                    // A filled band rather than a stroked line, so that it takes the root's fill like every other ink.
                    var (x1, y1, x2, y2) = ((x + l.X1) * U, (y - l.Y1) * U, (x + l.X2) * U, (y - l.Y2) * U);
                    var length = Math.Max(Math.Sqrt((x2 - x1) * (x2 - x1) + (y2 - y1) * (y2 - y1)), 1e-9);
                    var (nx, ny) = (-(y2 - y1) / length * l.Thickness * U / 2, (x2 - x1) / length * l.Thickness * U / 2);
                    shapes.Add(("path", ["d", $"M{SvgNumbers.Format(x1 + nx)} {SvgNumbers.Format(y1 + ny)}L{SvgNumbers.Format(x2 + nx)} {SvgNumbers.Format(y2 + ny)}" +
                        $"L{SvgNumbers.Format(x2 - nx)} {SvgNumbers.Format(y2 - ny)}L{SvgNumbers.Format(x1 - nx)} {SvgNumbers.Format(y1 - ny)}Z"]));
                    Extend(Math.Min(x1, x2) - Math.Abs(nx), Math.Max(x1, x2) + Math.Abs(nx), Math.Min(y1, y2) - Math.Abs(ny), Math.Max(y1, y2) + Math.Abs(ny));
                    break;
                case FrameBox f:
                    // The stroke is centred on the box's edge, so half of it lies outside.
                    var half = f.Thickness * U / 2;
                    shapes.Add(("rect", [.. Rect(x * U, (y - f.Height) * U, f.Width * U, (f.Height + f.Depth) * U),
                        "fill", "none", "stroke", "#cc0000", "stroke-width", SvgNumbers.Format(2 * half), "stroke-dasharray", SvgNumbers.Format(6 * half)]));
                    Extend(x * U - half, (x + f.Width) * U + half, (y - f.Height) * U - half, (y + f.Depth) * U + half);
                    break;
                case GroupBox group:
                    foreach (var child in group.Children) Draw(child.Box, x + child.X, y - child.Shift);
                    break;
            }
        }

        Draw(box, 0, 0);
        if (ink.Left <= ink.Right) Extend(ink.Left, ink.Right, ink.Top, ink.Bottom);
        var (x0, x1, y0, y1) = ((long)Math.Floor(left), (long)Math.Ceiling(right), (long)Math.Floor(top), (long)Math.Ceiling(bottom));
        var bytes = Serialize(shapes, x0, y0, x1 - x0, y1 - y0);
        return new FormulaSvg(bytes, (x1 - x0) / SvgNumbers.UnitsPerEm, -y0 / SvgNumbers.UnitsPerEm, y1 / SvgNumbers.UnitsPerEm);
    }

    private static string[] Rect(double x, double y, double width, double height) =>
        ["x", SvgNumbers.Format(x), "y", SvgNumbers.Format(y), "width", SvgNumbers.Format(width), "height", SvgNumbers.Format(height)];

    private GlyphOutline Outline(GlyphBox glyph)
    {
        var key = (glyph.Face, glyph.GlyphId);
        if (!_outlines.TryGetValue(key, out var outline))
            _outlines[key] = outline = fonts.Font(glyph.Face).GlyphOutline(glyph.GlyphId);
        return outline;
    }

    private static byte[] Serialize(List<(string Element, string[] Attributes)> shapes, long x, long y, long width, long height)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("svg", SvgNamespace);
            xml.WriteAttributeString("version", "1.1");
            xml.WriteAttributeString("width", SvgNumbers.Em(width));
            xml.WriteAttributeString("height", SvgNumbers.Em(height));
            xml.WriteAttributeString("viewBox", FormattableString.Invariant($"{x} {y} {width} {height}"));
            xml.WriteElementString("style", SvgNamespace, DarkSchemeStyle);
            foreach (var (element, attributes) in shapes)
            {
                xml.WriteStartElement(element, SvgNamespace);
                for (var i = 0; i < attributes.Length; i += 2) xml.WriteAttributeString(attributes[i], attributes[i + 1]);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
