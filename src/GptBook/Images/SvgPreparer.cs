using System.Xml;
using System.Xml.Linq;
using GptBook.Configuration;
using GptBook.Policies;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace GptBook.Images;

/// <summary>
/// Prepares an SVG for every output: sanitized by the allow-list (<see cref="SvgSanitizer"/>), then each bitmap
/// embedded as <c>data:image/png|jpeg</c> is treated like any image of the book: inspected within the pixel limit,
/// decoded, oriented and encoded again without its metadata (no EXIF, GPS or comments survive inside an SVG
/// either). A bitmap that fails is removed and reported; the rest of the drawing stays.
/// </summary>
internal static class SvgPreparer
{
    private static readonly XNamespace Svg = SvgAllowList.SvgNamespace;
    private static readonly XNamespace XLink = SvgAllowList.XLinkNamespace;

    public static PreparedSvg? Prepare(byte[] bytes, string path, ImageOptions options, out ImageProblem? problem)
    {
        problem = null;
        var sanitized = SvgSanitizer.Sanitize(bytes, out var error);
        if (sanitized == null)
        {
            problem = ImageInspector.Corrupt(path, error!);
            return null;
        }
        var document = XDocument.Parse(System.Text.Encoding.UTF8.GetString(sanitized.Bytes), LoadOptions.PreserveWhitespace);
        var bitmapProblems = new List<string>();
        var index = 0;
        foreach (var image in document.Descendants(Svg + "image").ToList())
        {
            index++;
            var href = (string?)image.Attribute(XLink + "href");
            if (href == null)
            {
                image.Remove(); // its reference was not allowed: nothing to show
                continue;
            }
            var clean = CleanBitmap(href, $"{path} (embedded image {index})", options, out var reason);
            if (clean != null) image.SetAttributeValue(XLink + "href", clean);
            else
            {
                image.Remove();
                bitmapProblems.Add(reason!);
            }
        }
        byte[] output = sanitized.Bytes;
        if (index > 0)
        {
            using var stream = new MemoryStream();
            using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), Indent = false }))
                document.Save(writer);
            output = stream.ToArray();
        }
        return new PreparedSvg(output, sanitized.Width, sanitized.Height, sanitized.Report, bitmapProblems);
    }

    /// <summary>The bitmap as a clean data: URL, or null with the reason it was removed.</summary>
    private static string? CleanBitmap(string href, string label, ImageOptions options, out string? reason)
    {
        reason = null;
        byte[] data;
        try
        {
            data = Convert.FromBase64String(href[(href.IndexOf(',') + 1)..]);
        }
        catch (FormatException)
        {
            reason = $"{label}: the base64 data is invalid";
            return null;
        }
        if (data.LongLength > options.MaxBytes)
        {
            reason = $"{label}: {data.LongLength:N0} bytes, more than images.max_bytes";
            return null;
        }
        var inspection = ImageInspector.Inspect(data, label, options, out var problem);
        if (inspection == null)
        {
            reason = problem!.Message;
            return null;
        }
        if (inspection.Kind is not (ImageKind.Png or ImageKind.Jpeg))
        {
            reason = $"{label}: a {inspection.Kind.ToString().ToUpperInvariant()} image; only PNG and JPEG may be embedded in an SVG";
            return null;
        }
        try
        {
            using var image = Image.Load<Rgba32>(ImageDecoding.Configuration, data);
            image.Mutate(x => x.AutoOrient());
            var encoding = inspection.Kind == ImageKind.Jpeg && !ImageEncodingChooser.HasAnyAlpha(image) ? ImageEncoding.Jpeg : ImageEncoding.Png;
            using var encoded = new MemoryStream();
            PreparedImageWriter.Encode(image, encoding, ImageProfileRules.CssDpi, options.JpegQuality, indexed: true, encoded);
            return $"data:{PreparedImageWriter.MediaType(encoding)};base64,{Convert.ToBase64String(encoded.ToArray())}";
        }
        catch (Exception e) when (e is not (OutOfMemoryException or IOException or UnauthorizedAccessException))
        {
            reason = ImageInspector.FromDecoderException(label, e).Message;
            return null;
        }
    }
}

/// <summary>An SVG ready for the outputs, its intrinsic size in CSS pixels, and what was removed (for the warnings).</summary>
internal sealed record PreparedSvg(byte[] Bytes, int Width, int Height, SvgSanitizerReport Report, IReadOnlyList<string> BitmapProblems);
