using System.Buffers;
using System.IO.MemoryMappedFiles;

namespace GptBook.Fonts;

/// <summary>
/// A font file mapped read-only into memory instead of read into an array. A face's parser touches a few hundred
/// kilobytes of a 15 MB CJK file (its metrics and cmap, then the outlines of the glyphs a book uses), and the
/// operating system brings in only those pages, from its own file cache and shared between processes; reading the
/// whole file copied all 40 MB of the three CJK faces every book needs into new memory on every build, a tenth of
/// a long book's CPU time in copying and first-touch page faults (README, Performance).
/// <para>
/// The mapping lives as long as the process, like the <see cref="FontSet"/> that holds its face: the memory is never
/// unmapped while a span over it may exist. The bundled fonts are not written while the tool runs; a file that
/// another program shortened under a running build would fault on the pages past its new end.
/// </para>
/// </summary>
internal sealed unsafe class MappedFontFile : MemoryManager<byte>
{
    // Kept referenced so that the view is never finalized (unmapped) under the spans handed out.
    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _start;
    private readonly int _length;

    private MappedFontFile(MemoryMappedViewAccessor view, int length)
    {
        _view = view;
        _length = length;
        byte* pointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        _start = pointer + view.PointerOffset;
    }

    /// <summary>
    /// The bytes of the file at <paramref name="path"/>: mapped, or read into an array when the file is empty (which
    /// cannot be mapped, and which the parser then rejects by name) or too large to be one span (no font is).
    /// </summary>
    public static ReadOnlyMemory<byte> Map(string path)
    {
        // The length is the opened file's, so that a font folder of symbolic links (as distributions install fonts)
        // maps the files they point to.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var length = stream.Length;
        if (length is 0 or > int.MaxValue) return File.ReadAllBytes(path);
        // The view keeps the pages mapped after the mapping's handle (and the file's descriptor) is closed.
        using var file = MemoryMappedFile.CreateFromFile(stream, mapName: null, capacity: 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
        return new MappedFontFile(file.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read), (int)length).Memory;
    }

    public override Span<byte> GetSpan() => new(_start, _length);

    // The memory never moves: pinning is a pointer.
    public override MemoryHandle Pin(int elementIndex = 0) => new(_start + elementIndex);

    public override void Unpin()
    {
    }

    // Never unmapped: see the class's remarks.
    protected override void Dispose(bool disposing)
    {
    }
}
