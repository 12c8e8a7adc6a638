namespace GptBook.Fonts.MathTable;

/// <summary>A ready-made larger (or wider) form of a glyph and its size along the stretch direction, in font units.</summary>
public readonly record struct GlyphVariant(int GlyphId, int Advance);

/// <summary>
/// One piece of a glyph assembly: its full advance along the stretch direction and how much of each end may
/// overlap its neighbour (the connectors), in font units. An extender may be repeated any number of times.
/// </summary>
public readonly record struct GlyphPart(int GlyphId, int StartConnectorLength, int EndConnectorLength, int FullAdvance, bool IsExtender);

/// <summary>
/// How to build a glyph of any size from pieces, bottom to top (vertical) or left to right (horizontal), with the
/// italics correction of the assembled glyph.
/// </summary>
public sealed record GlyphAssembly(int ItalicsCorrection, IReadOnlyList<GlyphPart> Parts);

/// <summary>The variants of a glyph, smallest first (the glyph itself usually first), and its assembly if it has one.</summary>
public sealed record GlyphConstruction(IReadOnlyList<GlyphVariant> Variants, GlyphAssembly? Assembly);
