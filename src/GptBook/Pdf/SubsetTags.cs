using System.Security.Cryptography;
using System.Text;
using PdfSharp.Pdf;

namespace GptBook.Pdf;

/// <summary>
/// The six-letter tags of the font subsets (ISO 32000-1 9.6.4), set before the save in place of PDFsharp's random
/// ones. A tag is derived from the rest of PDFsharp's font name, which for a face cut down by
/// <see cref="SubsetFaces"/> carries the digest of the characters the book draws in it: a subset of other glyphs has
/// another name and so another tag, the same subset the same tag. Different subsets in one file get different tags
/// as ISO requires (a clash between two names is resolved by hashing again, in the document's object order). The
/// Type 0 font, its CID font and its descriptor share PDFsharp's tagged name, so they keep sharing the new one; the
/// name after the tag is the face's own (<see cref="SubsetFaces.WithoutTag"/>).
/// </summary>
internal sealed class SubsetTags
{
    private readonly Dictionary<string, string> _renamed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    /// <summary>Replaces the tag of the font name under <paramref name="key"/>, if it is a subset's.</summary>
    public void Rename(PdfDictionary dict, string key)
    {
        if (dict.Elements[key] is PdfName { Value: { Length: > 8 } name } && name[7] == '+')
            dict.Elements[key] = new PdfName(NewName(name));
    }

    private string NewName(string tagged)
    {
        if (_renamed.TryGetValue(tagged, out var known)) return known;
        var rest = tagged[8..];
        string name;
        var attempt = 0;
        do
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(attempt++ == 0 ? rest : rest + "\n" + attempt));
            name = "/" + new string(hash.Take(6).Select(b => (char)('A' + b % 26)).ToArray()) + "+" + SubsetFaces.WithoutTag(rest);
        }
        while (!_used.Add(name));
        _renamed[tagged] = name;
        return name;
    }
}
