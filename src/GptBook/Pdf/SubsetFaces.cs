using System.Buffers.Binary;
using System.Security.Cryptography;
using GptBook.Fonts;

namespace GptBook.Pdf;

/// <summary>
/// The faces PDFsharp is given for one book: each cut down to the characters the book draws in it
/// (<see cref="DrawnCharacters"/>, <see cref="TrueTypeSubsetter"/>). PDFsharp checksums and parses every byte of a
/// face it is handed, twice, which for the 15 MB CJK faces cost more than laying out a short book; a subset of a
/// few hundred glyphs costs nothing. It subsets again when it saves, so the PDF is the same either way.
/// Each subset is registered under its role's face name and a digest of its characters, which also goes into the
/// subset's own full name (PDFsharp caches faces by both names for the life of the process, and another book needs
/// other characters: two subsets of one face under one full name break its cache). Text with a character the collection
/// missed is drawn in the whole face, so nothing is ever drawn as a missing glyph.
/// </summary>
internal sealed class SubsetFaces
{
    private readonly Dictionary<FontRole, (string Name, HashSet<int> Characters)> _subsets = [];
    private readonly Action<FontRole, string>? _wholeFace;

    /// <param name="wholeFace">Told of text drawn in a whole face (tests keep it from ever happening).</param>
    public SubsetFaces(FontSet fonts, Dictionary<FontRole, HashSet<int>> characters, Action<FontRole, string>? wholeFace = null)
    {
        _wholeFace = wholeFace;
        // The faces are cut on all cores (each cut reads only its own face), then registered in role order.
        var roles = characters.Where(c => c.Value.Count > 0).OrderBy(c => c.Key).ToArray();
        var cut = new (string Name, byte[] Bytes)[roles.Length];
        Parallel.For(0, roles.Length, i =>
        {
            var (role, set) = roles[i];
            var tag = Tag(set);
            cut[i] = (FontSet.FaceName(role) + "#" + tag, TrueTypeSubsetter.Subset(fonts.Font(role), set, fullNamePrefix: tag + TagSeparator));
        });
        for (var i = 0; i < roles.Length; i++)
        {
            BundledFontResolver.RegisterSubset(cut[i].Name, cut[i].Bytes);
            _subsets[roles[i].Key] = (cut[i].Name, roles[i].Value);
        }
    }

    private const string TagSeparator = " ";
    private const int TagLength = 8;

    /// <summary>
    /// A font name PDFsharp took from a subset's full name, without the tag that only keeps PDFsharp's cache apart:
    /// the PDF names the face as its makers do.
    /// </summary>
    public static string WithoutTag(string fontName)
    {
        var rest = TagLength + TagSeparator.Length;
        return fontName.Length > rest && fontName.AsSpan(TagLength, TagSeparator.Length).SequenceEqual(TagSeparator)
            && fontName[..TagLength].All(char.IsAsciiHexDigitUpper)
            ? fontName[rest..]
            : fontName;
    }

    /// <summary>Eight hex digits from the characters: the same set gives the same subset, and so the same name.</summary>
    private static string Tag(HashSet<int> characters)
    {
        var bytes = new byte[4 * characters.Count];
        var i = 0;
        foreach (var c in characters.Order()) BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 * i++), c);
        return Convert.ToHexString(SHA256.HashData(bytes), 0, 4);
    }

    /// <summary>The face name to draw <paramref name="text"/> in <paramref name="role"/> with.</summary>
    public string FaceFor(FontRole role, string text)
    {
        if (_subsets.TryGetValue(role, out var subset) && Holds(subset.Characters, text))
            return subset.Name;
        _wholeFace?.Invoke(role, text);
        return FontSet.FaceName(role);
    }

    /// <summary>
    /// Whether the subset has every character of <paramref name="text"/>. Asked for every run and every glyph of a
    /// formula, so it walks the runes without LINQ, which would box the enumerator each time.
    /// </summary>
    private static bool Holds(HashSet<int> characters, string text)
    {
        foreach (var rune in text.EnumerateRunes())
            if (!characters.Contains(rune.Value)) return false;
        return true;
    }
}
