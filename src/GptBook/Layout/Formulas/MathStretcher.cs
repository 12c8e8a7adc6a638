using GptBook.Fonts.MathTable;

namespace GptBook.Layout.Formulas;

/// <summary>
/// Glyphs of any size from the MATH table's variants and assemblies: a delimiter as tall as a formula, an integral
/// for display style, a radical sign, an accent or brace as wide as its base. The first variant at least as large
/// as asked for wins; when even the largest is too small, the glyph is assembled from its parts, extenders repeated
/// as few times as reach the size, and the overlaps between parts spread evenly between the font's minimum and what
/// the connectors allow.
/// </summary>
public sealed class MathStretcher(MathFont font)
{
    /// <summary>A glyph for <paramref name="codePoint"/> at least <paramref name="size"/> em tall (height plus depth), or the largest there is.</summary>
    public MathBox Vertical(int codePoint, double size, double scale) => Stretch(codePoint, size, scale, vertical: true);

    /// <summary>A glyph for <paramref name="codePoint"/> at least <paramref name="size"/> em wide, or the widest there is.</summary>
    public MathBox Horizontal(int codePoint, double size, double scale) => Stretch(codePoint, size, scale, vertical: false);

    private MathBox Stretch(int codePoint, double size, double scale, bool vertical)
    {
        var text = char.ConvertFromUtf32(codePoint);
        if (!font.Has(codePoint)) return font.Character(codePoint, scale);
        var glyph = font.Face.GlyphId(codePoint);
        var construction = vertical ? font.Table.Vertical(glyph) : font.Table.Horizontal(glyph);
        if (construction == null) return font.Glyph(glyph, text, scale);
        foreach (var variant in construction.Variants)
            if (font.Em(variant.Advance, scale) >= size)
                return Variant(variant.GlyphId, glyph, text, scale);
        if (construction.Assembly is { } assembly)
            return new StretchedBox(vertical ? AssembleVertical(assembly, size, scale) : AssembleHorizontal(assembly, size, scale), text, scale);
        return Variant(construction.Variants.Count > 0 ? construction.Variants[^1].GlyphId : glyph, glyph, text, scale);
    }

    /// <summary>The character's own glyph, or a larger variant of it that copies as the character.</summary>
    private MathBox Variant(int variant, int glyph, string text, double scale) =>
        variant == glyph ? font.Glyph(glyph, text, scale) : new StretchedBox(font.Glyph(variant, "", scale), text, scale);

    /// <summary>The parts bottom to top, each placed with its ink's bottom where the one before it ends minus the overlap.</summary>
    private GroupBox AssembleVertical(GlyphAssembly assembly, double size, double scale)
    {
        var (parts, overlap) = Parts(assembly, size, scale);
        var placed = new List<PlacedBox>();
        double bottom = 0, width = 0;
        foreach (var part in parts)
        {
            var box = font.Glyph(part.GlyphId, "", scale);
            placed.Add(new PlacedBox(box, 0, bottom + box.Depth));
            bottom += font.Em(part.FullAdvance, scale) - overlap;
            width = Math.Max(width, box.Width);
        }
        return GroupBox.Of(placed, width);
    }

    private GroupBox AssembleHorizontal(GlyphAssembly assembly, double size, double scale)
    {
        var (parts, overlap) = Parts(assembly, size, scale);
        var placed = new List<PlacedBox>();
        double x = 0;
        foreach (var part in parts)
        {
            placed.Add(new PlacedBox(font.Glyph(part.GlyphId, "", scale), x, 0));
            x += font.Em(part.FullAdvance, scale) - overlap;
        }
        return GroupBox.Of(placed, x + overlap);
    }

    /// <summary>The parts with extenders repeated until the assembly can reach <paramref name="size"/>, and the overlap (em) that makes it that size.</summary>
    private (List<GlyphPart> Parts, double Overlap) Parts(GlyphAssembly assembly, double size, double scale)
    {
        var minOverlap = font.Em(font.Table.MinConnectorOverlap, scale);
        for (var repeats = 0; ; repeats++)
        {
            var parts = new List<GlyphPart>();
            foreach (var part in assembly.Parts)
                for (var k = 0; k < (part.IsExtender ? repeats : 1); k++) parts.Add(part);
            var total = parts.Sum(p => font.Em(p.FullAdvance, scale));
            if (parts.Count < 2) return (parts, 0);
            var joints = parts.Count - 1;
            var maxOverlap = Enumerable.Range(0, joints)
                .Min(i => font.Em(Math.Min(parts[i].EndConnectorLength, parts[i + 1].StartConnectorLength), scale));
            maxOverlap = Math.Max(maxOverlap, minOverlap);
            // The longest this many parts can be is with the least overlap; stop at the first count that reaches the size.
            if (total - joints * minOverlap >= size || repeats > 64 || !assembly.Parts.Any(p => p.IsExtender))
                return (parts, Math.Clamp((total - size) / joints, minOverlap, maxOverlap));
        }
    }
}
