using GptBook.Layout;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using GptBook.Units;

namespace GptBook.Pdf;

/// <summary>
/// Draws a prepared PNG without decoding it. PDFsharp only embeds images it has decoded (and deflates the pixels
/// again), which for the print figures cost more than the rest of the PDF together; so PDFsharp is given a one-pixel
/// stand-in to place, tag and reference like any image, and the stand-in's image object then receives the PNG's own
/// IDAT data with the PNG predictor (see <see cref="PngImageData"/>). One stand-in per file, so a figure drawn twice
/// is stored once; PDFsharp merges images with the same bytes, so each file's stand-in has a pixel of its own.
/// </summary>
internal sealed class PngImageEmbedder : IDisposable
{
    private readonly Dictionary<string, (XImage StandIn, PngImageData Data)?> _images = new(StringComparer.Ordinal);
    private readonly Dictionary<PdfImage, string> _filledFrom = [];

    /// <summary>Draws <paramref name="path"/> into <paramref name="box"/>; false when it is not a PNG this path can
    /// embed as is (the caller then draws it the ordinary way).</summary>
    public bool TryDraw(string path, XRect box, PdfPage page, XGraphics gfx)
    {
        if (!_images.TryGetValue(path, out var image))
        {
            image = PngImageData.TryRead(path) is { } data ? (XImage.FromStream(new MemoryStream(StandInBitmap(_images.Count), writable: false)), data) : null;
            _images[path] = image;
        }
        if (image is not { } i) return false;
        // PDFsharp keeps one image object per stand-in; the first time a stand-in is drawn, its object is the one
        // that appears in the page's resources.
        var before = PageImages(page).ToHashSet();
        gfx.DrawImage(i.StandIn, box);
        var added = PageImages(page).Where(p => !before.Contains(p)).ToList();
        var ok = added.Count switch
        {
            0 => _filledFrom.ContainsValue(path), // already on this page
            1 when _filledFrom.TryGetValue(added[0], out var from) => from == path,
            1 => _filledFrom.TryAdd(added[0], path),
            _ => false,
        };
        // Never let one figure's object show another's pixels.
        if (!ok) throw new InvalidOperationException($"PDFsharp did not give {path} an image object of its own");
        if (added.Count == 1 && _filledFrom[added[0]] == path && added[0].Stream.Value != i.Data.Deflated) Fill(added[0], i.Data);
        return true;
    }

    private static IEnumerable<PdfImage> PageImages(PdfPage page) =>
        page.Resources.Elements.GetDictionary("/XObject")?.Elements.Values
            .Select(v => (v as PdfReference)?.Value as PdfImage ?? v as PdfImage)
            .OfType<PdfImage>() ?? [];

    private static void Fill(PdfImage image, PngImageData png)
    {
        foreach (var key in new[] { "/SMask", "/Mask", "/Decode", "/ImageMask" })
            image.Elements.Remove(key);
        image.Elements.SetInteger("/Width", png.Width);
        image.Elements.SetInteger("/Height", png.Height);
        image.Elements.SetInteger("/BitsPerComponent", 8);
        image.Elements.SetName("/ColorSpace", png.Colors == 1 ? "/DeviceGray" : "/DeviceRGB");
        image.Elements.SetName("/Filter", "/FlateDecode");
        var parameters = new PdfDictionary();
        parameters.Elements.SetInteger("/Predictor", 15);
        parameters.Elements.SetInteger("/Colors", png.Colors);
        parameters.Elements.SetInteger("/BitsPerComponent", 8);
        parameters.Elements.SetInteger("/Columns", png.Width);
        image.Elements["/DecodeParms"] = parameters;
        image.Stream.Value = png.Deflated;
        image.Elements.SetInteger("/Length", png.Deflated.Length);
    }

    /// <summary>A 1×1 24-bit BMP (the smallest input PDFsharp reads without a checksum to compute) whose pixel
    /// encodes <paramref name="index"/>.</summary>
    private static byte[] StandInBitmap(int index)
    {
        var bmp = new byte[58];
        "BM"u8.CopyTo(bmp);
        BitConverter.TryWriteBytes(bmp.AsSpan(2), bmp.Length);
        BitConverter.TryWriteBytes(bmp.AsSpan(10), 54);   // pixel data offset
        BitConverter.TryWriteBytes(bmp.AsSpan(14), 40);   // BITMAPINFOHEADER
        BitConverter.TryWriteBytes(bmp.AsSpan(18), 1);    // width
        BitConverter.TryWriteBytes(bmp.AsSpan(22), 1);    // height
        BitConverter.TryWriteBytes(bmp.AsSpan(26), (short)1);
        BitConverter.TryWriteBytes(bmp.AsSpan(28), (short)24);
        BitConverter.TryWriteBytes(bmp.AsSpan(34), 4);    // image size: one padded row
        bmp[54] = (byte)index;                            // one pixel (BGR), distinct per file
        bmp[55] = (byte)(index >> 8);
        bmp[56] = (byte)(index >> 16);
        return bmp;
    }

    public void Dispose()
    {
        foreach (var image in _images.Values)
            image?.StandIn.Dispose();
    }
}
