using GptBook.IO;

namespace GptBook.Images;

/// <summary>
/// Copies a JPEG that needs no change (right size, plain image data: see <see cref="JpegSegments.IsPlainImageData"/>)
/// without decoding it, so print gets the photographer's own compression rather than a second generation. Only the
/// JFIF header's density is set (<see cref="JfifDensity"/>) so the file records its DPI like every other output.
/// </summary>
internal static class JpegPassThrough
{
    public static void Write(byte[] source, double dpi, string path) =>
        AtomicFile.WriteAllBytes(path, JfifDensity.Set(source, dpi), durable: false);
}
