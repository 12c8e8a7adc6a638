using System.Collections.Concurrent;
using GptBook.Fonts;
using PdfSharp.Fonts;

namespace GptBook.Pdf;

/// <summary>
/// PDFsharp's font resolver for the bundled faces only: one family name per role (FontSet.FaceName), served from
/// the FontSet's bytes; nothing ever comes from the system. PDFsharp keeps the resolver in a process-wide setting,
/// so it is installed once and the faces are registered into it (thread-safe); registering the same face again is
/// harmless. A face's bytes are read only when PDFsharp first draws with it.
/// </summary>
internal sealed class BundledFontResolver : IFontResolver
{
    private static readonly Lock InstallLock = new();
    private static BundledFontResolver? _installed;
    private readonly ConcurrentDictionary<string, Lazy<byte[]>> _faces = new(StringComparer.Ordinal);

    public static void Register(FontSet fonts)
    {
        lock (InstallLock)
        {
            if (_installed == null)
            {
                _installed = new BundledFontResolver();
                GlobalFontSettings.FontResolver = _installed;
            }
        }
        foreach (var role in Enum.GetValues<FontRole>())
            _installed.Register(FontSet.FaceName(role), () => fonts.FileBytes(role));
    }

    /// <summary>The bytes are read when PDFsharp first asks for the face, so a fallback face no text uses is never read.</summary>
    private void Register(string faceName, Func<byte[]> bytes) => _faces.GetOrAdd(faceName, _ => new Lazy<byte[]>(bytes));

    /// <summary>A face cut down to one book's characters (<see cref="SubsetFaces"/>), named by its content.</summary>
    public static void RegisterSubset(string faceName, byte[] bytes)
    {
        BundledFontResolver installed;
        lock (InstallLock) installed = _installed ?? throw new InvalidOperationException("register the bundled faces first");
        installed.Register(faceName, () => bytes);
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        _faces.ContainsKey(familyName) ? new FontResolverInfo(familyName) : null;

    public byte[]? GetFont(string faceName) => _faces.TryGetValue(faceName, out var bytes) ? bytes.Value : null;
}
