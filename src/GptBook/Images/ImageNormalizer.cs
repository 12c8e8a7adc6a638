using System.Collections.Concurrent;
using GptBook.Diagnostics;
using GptBook.Model;
using GptBook.Policies;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using GptBook.IO;

namespace GptBook.Images;

/// <summary>
/// Prepares one source image (all the references to it) for every requested profile: read within the root and the
/// byte limit, inspect the header (format, pixel limit, truncation, frames), then take each profile's result from
/// the cache, or decode once and write what is missing. Every failure becomes a diagnostic at each reference and a
/// placeholder; nothing thrown by a decoder escapes.
/// </summary>
internal sealed class ImageNormalizer
{
    private readonly ImageStageContext _context;
    private readonly ImageCache _cache;
    private readonly ImageMemoryBudget _budget;
    private readonly IReadOnlyList<ImageProfileRules> _rules;
    private readonly ConcurrentDictionary<string, object> _entryLocks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ImageProfile, Lazy<NormalizedImage>> _placeholders = new();

    public ImageNormalizer(ImageStageContext context)
    {
        _context = context;
        _cache = new ImageCache(context.CacheDirectory);
        _budget = new ImageMemoryBudget(context.MemoryBudgetBytes);
        _rules = context.Profiles.Order()
            .Select(p => new ImageProfileRules(p, context.Options.Images, context.Options.Pdf))
            .ToArray();
    }

    public IReadOnlyDictionary<ImageProfile, NormalizedImage> Normalize(IReadOnlyList<ImageReference> references)
    {
        var first = references[0];
        switch (first.Kind)
        {
            case ImageSourceKind.Remote:
                return Fail(references, new ImageProblem(DiagnosticCodes.RemoteImage,
                    $"remote image not fetched; download it into the book and reference the file: {Shorten(first.Source)}"));
            case ImageSourceKind.Data:
                return Fail(references, new ImageProblem(DiagnosticCodes.DataUrlImage,
                    $"data: URL image not embedded; save it as a file and reference the file: {Shorten(first.Source)}"));
            case ImageSourceKind.Refused:
                // The loader has reported why (outside the root, absolute, file: URL); only the placeholder is left.
                return Placeholders($"image path refused: {Shorten(first.Source)}");
        }
        var path = first.Path ?? first.Source;
        var bytes = ImageSourceReader.Read(_context.Options.RootDirectory, path, _context.Options.Images.MaxBytes, out var problem);
        if (bytes == null) return Fail(references, problem!);
        var inspection = ImageInspector.Inspect(bytes, path, _context.Options.Images, out problem);
        if (inspection == null) return Fail(references, problem!);

        var named = ImageKinds.FromExtension(path);
        if (named != inspection.Kind)
            Report(references, DiagnosticCodes.ImageWrongExtension,
                $"the file holds a {inspection.Kind.ToString().ToUpperInvariant()} image but its name says " +
                $"{(named == null ? "no image format" : named.Value.ToString().ToUpperInvariant())}; it is used as " +
                $"{inspection.Kind.ToString().ToUpperInvariant()}: {path}");
        if (inspection.ForeignColourProfile != null)
            Report(references, DiagnosticCodes.ColourProfileNotApplied,
                $"image has the colour profile \"{inspection.ForeignColourProfile}\", which is not applied: its colours are " +
                $"taken as sRGB and may shift slightly; export it as sRGB for exact colours: {path}");
        var animation = Animation(bytes, inspection);
        if (inspection.Facts.FrameCount > 1 && (animation == null || _rules.Any(r => r.Profile == ImageProfile.Print)))
            Report(references, DiagnosticCodes.ImageAnimated, animation == null
                ? $"image has {inspection.Facts.FrameCount} frames; only the first is used: {path}"
                : $"image has {inspection.Facts.FrameCount} frames; the PDF prints the first, the EPUB and the site keep the animation: {path}");

        if (inspection.Kind == ImageKind.Svg) return NormalizeSvg(references, path, bytes, _rules);
        var master = _rules.Any(r => r.Profile == ImageProfile.Print) ? PrintMaster.Find(_context.Options.RootDirectory, path) : null;
        if (master == null) return NormalizeRaster(references, path, bytes, inspection, _rules, animation);

        // The PDF prints the vector master beside the bitmap; the other outputs keep the bitmap. A master that
        // cannot be used is reported, and the PDF prints the bitmap instead.
        var printRules = _rules.Where(r => r.Profile == ImageProfile.Print).ToArray();
        var masterBytes = ImageSourceReader.Read(_context.Options.RootDirectory, master, _context.Options.Images.MaxBytes, out problem);
        if (masterBytes == null) Report(references, problem!.Code, problem.Message);
        var printed = masterBytes == null ? null : NormalizeSvg(references, master, masterBytes, printRules);
        if (printed == null || printed.Values.Any(i => i.IsPlaceholder)) return NormalizeRaster(references, path, bytes, inspection, _rules);
        var results = NormalizeRaster(references, path, bytes, inspection, _rules.Except(printRules).ToArray());
        foreach (var (profile, image) in printed) results[profile] = image;
        return results;
    }

    private Dictionary<ImageProfile, NormalizedImage> NormalizeSvg(
        IReadOnlyList<ImageReference> references, string path, byte[] bytes, IReadOnlyList<ImageProfileRules> profiles)
    {
        var svg = SvgPreparer.Prepare(bytes, path, _context.Options.Images, out var problem);
        if (svg == null) return Fail(references, problem!, profiles);
        if (svg.Report.Unsafe.Count > 0)
            Report(references, DiagnosticCodes.SvgSanitized, $"removed from the SVG: {string.Join(", ", svg.Report.Unsafe)}: {path}");
        if (svg.Report.Unsupported.Count > 0)
            Report(references, DiagnosticCodes.SvgUnsupported,
                $"removed from the SVG, as no output can show it the same way: {string.Join(", ", svg.Report.Unsupported)}: {path}");
        if (svg.Report.Truncated)
            Report(references, DiagnosticCodes.SvgTruncated,
                $"the SVG has more than {SvgSanitizer.MaxElements:N0} elements or {SvgSanitizer.MaxDepth} levels; the rest was left out: {path}");
        foreach (var bitmap in svg.BitmapProblems)
            Report(references, DiagnosticCodes.SvgBitmapRemoved, $"bitmap removed from the SVG: {bitmap}");

        // Every output shows the same prepared SVG, whatever its raster settings: the EPUB and the site embed it,
        // the PDF draws it as vectors.
        var results = new Dictionary<ImageProfile, NormalizedImage>();
        var key = ImageCache.Key($"svg;q={_context.Options.Images.JpegQuality};pixels={_context.Options.Images.MaxPixels}", ImageCache.ContentDigest(bytes));
        lock (_entryLocks.GetOrAdd(key, _ => new object()))
        {
            var cached = _cache.TryGet(key);
            if (cached != null) _context.Statistics.CountCacheHit();
            else
            {
                IO.AtomicFile.WriteAllBytes(_cache.PathFor(key + ".svg"), svg.Bytes, durable: false);
                cached = _cache.Put(key, [new CachedFile(key + ".svg", svg.Width, svg.Height, "image/svg+xml", ImageProfileRules.CssDpi)]);
                _context.Statistics.CountWrite();
            }
            foreach (var rules in profiles) results[rules.Profile] = cached;
        }
        return results;
    }

    private Dictionary<ImageProfile, NormalizedImage> NormalizeRaster(
        IReadOnlyList<ImageReference> references, string path, byte[] bytes, ImageInspection inspection, IReadOnlyList<ImageProfileRules> profiles,
        byte[]? animation = null)
    {
        var results = new Dictionary<ImageProfile, NormalizedImage>();
        if (profiles.Count == 0) return results;
        var missing = new List<(ImageProfileRules Rules, string Key)>();
        var digest = ImageCache.ContentDigest(bytes);
        foreach (var rules in profiles)
        {
            var key = ImageCache.Key(rules.CacheSettings, digest);
            var cached = _cache.TryGet(key);
            if (cached != null)
            {
                _context.Statistics.CountCacheHit();
                results[rules.Profile] = cached;
            }
            else missing.Add((rules, key));
        }
        if (missing.Count == 0) return results;

        // Two references to identical bytes under different names share cache entries: write them once.
        lock (_entryLocks.GetOrAdd(digest, _ => new object()))
        {
            missing.RemoveAll(m =>
            {
                var cached = _cache.TryGet(m.Key);
                if (cached != null) results[m.Rules.Profile] = cached;
                return cached != null;
            });
            missing.RemoveAll(m =>
            {
                if (animation == null || m.Rules.Profile == ImageProfile.Print) return false;
                results[m.Rules.Profile] = WriteAnimation(m.Key, animation, inspection);
                return true;
            });
            missing.RemoveAll(m =>
            {
                var passed = TryPassThrough(m.Rules, m.Key, bytes, inspection);
                if (passed != null) results[m.Rules.Profile] = passed;
                return passed != null;
            });
            if (missing.Count == 0) return results;

            // Decoded pixels, the halved levels (a third more), a resized copy and its flattened or metadata-free copy.
            using var reservation = _budget.Reserve((long)inspection.Width * inspection.Height * 4 * 4);
            Image<Rgba32>? image = null;
            ImageCharacter character;
            try
            {
                image = Image.Load<Rgba32>(ImageDecoding.Configuration, bytes);
                _context.Statistics.CountDecode();
                if (inspection.ExifOrientation is >= 2 and <= 8) image.Mutate(x => x.AutoOrient());
                character = ImageEncodingChooser.Analyse(image);
            }
            catch (Exception e) when (e is not (OutOfMemoryException or IOException or UnauthorizedAccessException))
            {
                image?.Dispose();
                return Fail(references, ImageInspector.FromDecoderException(path, e), profiles);
            }
            using (image)
            using (var ladder = new ResizeLadder(image))
            {
                foreach (var (rules, key) in missing)
                    results[rules.Profile] = WriteEntry(rules, key, image, ladder, character, inspection.Kind == ImageKind.Jpeg);
            }
        }
        return results;
    }

    /// <summary>Every file of one profile's entry, each made from the decoded source at its own size (see
    /// <see cref="ResizeLadder"/>); for print, a translucent image is flattened onto white after resizing, which
    /// costs a fraction of flattening the full-size source.
    /// <para>For the site, the main width decides the format of the others: when its WebP copy is smaller than
    /// its PNG or JPEG, the other widths are written as WebP alone (every browser that takes a srcset of widths
    /// takes WebP; the PNG or JPEG at the main width is the &lt;img&gt; fallback for the others), which saves
    /// three of the four fallback encodes; otherwise (a palette PNG, or a WebP no smaller) every width is PNG or
    /// JPEG and none has a WebP copy.</para></summary>
    private NormalizedImage WriteEntry(ImageProfileRules rules, string key, Image<Rgba32> source, ResizeLadder ladder, ImageCharacter character, bool sourceIsJpeg)
    {
        var encoding = ImageEncodingChooser.Choose(character, rules.FlattensAlpha, sourceIsJpeg);
        var quality = _context.Options.Images.JpegQuality;
        var files = new List<CachedFile>();
        bool? webpWidths = rules.WritesWebP ? null : false;
        var targets = rules.Targets(source.Width, source.Height);
        var sized = ladder.ResizeAll([.. targets.Select(t => (t.Width, t.Height))]);
        try
        {
            for (var i = 0; i < targets.Count; i++)
            {
                var (target, resized) = (targets[i], sized[i]);
                var name = key + target.Suffix + PreparedImageWriter.Extension(encoding);
                if (webpWidths == true)
                {
                    var alone = WebPSiblingWriter.WriteAlone(resized ?? source, encoding, character.HasAlpha, quality, _cache.PathFor(name));
                    files.Add(new CachedFile(Path.GetFileName(alone), target.Width, target.Height, WebPSiblingWriter.MediaType, target.Dpi));
                    continue;
                }
                using var flattened = rules.FlattensAlpha && character.HasAlpha
                    ? (resized ?? source).Clone(x => x.BackgroundColor(Color.White))
                    : null;
                var indexed = PreparedImageWriter.Write(flattened ?? resized ?? source, encoding, target.Dpi, quality, rules.IndexesColours, _cache.PathFor(name));
                files.Add(new CachedFile(name, target.Width, target.Height, PreparedImageWriter.MediaType(encoding), target.Dpi));
                if (webpWidths != null) continue;
                // An indexed PNG is smaller than a lossless WebP of the same pixels (the article's charts: 24 kB against
                // 34 kB at 720 px), so it gets no WebP copy: encoding one would only cost time.
                var webp = indexed ? null : WebPSiblingWriter.Write(resized ?? source, encoding, character.HasAlpha, quality, _cache.PathFor(name));
                if (webp != null)
                    files.Add(new CachedFile(Path.GetFileName(webp), target.Width, target.Height, WebPSiblingWriter.MediaType, target.Dpi));
                webpWidths = webp != null;
            }
        }
        finally
        {
            foreach (var image in sized) image?.Dispose();
        }
        _context.Statistics.CountWrite();
        return _cache.Put(key, files);
    }

    /// <summary>
    /// An animated GIF that the EPUB and the site can show as it is: every frame within the pixel limit (readers
    /// decode them all, so frames × width × height counts), each of their outputs wanting it at its own size (no
    /// resizing: scaling every frame would mean re-quantizing it), and its blocks understood by
    /// <see cref="GifAnimationCopier"/>. Null when any of that fails: the outputs then show the first frame.
    /// </summary>
    private byte[]? Animation(byte[] bytes, ImageInspection inspection)
    {
        if (inspection.Kind != ImageKind.Gif || inspection.Facts.FrameCount < 2) return null;
        if ((long)inspection.Width * inspection.Height * inspection.Facts.FrameCount > _context.Options.Images.MaxPixels) return null;
        var shown = _rules.Where(r => r.Profile != ImageProfile.Print).ToArray();
        if (shown.Length == 0 || shown.Any(r => r.Targets(inspection.Width, inspection.Height)[0] is var t && (t.Width != inspection.Width || t.Height != inspection.Height)))
            return null;
        return GifAnimationCopier.Copy(bytes);
    }

    /// <summary>The cleaned animation as the profile's only file, at the source's size (no smaller variants).</summary>
    private NormalizedImage WriteAnimation(string key, byte[] animation, ImageInspection inspection)
    {
        var name = key + ".gif";
        IO.AtomicFile.WriteAllBytes(_cache.PathFor(name), animation, durable: false);
        _context.Statistics.CountWrite();
        return _cache.Put(key, [new CachedFile(name, inspection.Width, inspection.Height, "image/gif", ImageProfileRules.CssDpi)]);
    }

    /// <summary>
    /// A JPEG is copied rather than re-encoded when it carries plain image data only (no EXIF, so no GPS and no
    /// rotation to apply; no XMP, IPTC, ICC, comments; not CMYK), every file the profile wants is its own size, and
    /// the profile wants no WebP copy (which needs the pixels).
    /// </summary>
    private NormalizedImage? TryPassThrough(ImageProfileRules rules, string key, byte[] bytes, ImageInspection inspection)
    {
        if (inspection.Kind != ImageKind.Jpeg || inspection.Facts.Jpeg is not { IsPlainImageData: true } || rules.WritesWebP) return null;
        var targets = rules.Targets(inspection.Width, inspection.Height);
        if (targets.Count != 1 || targets[0].Width != inspection.Width || targets[0].Height != inspection.Height) return null;
        var name = key + ".jpg";
        JpegPassThrough.Write(bytes, targets[0].Dpi, _cache.PathFor(name));
        _context.Statistics.CountWrite();
        return _cache.Put(key, [new CachedFile(name, inspection.Width, inspection.Height, "image/jpeg", targets[0].Dpi)]);
    }

    private Dictionary<ImageProfile, NormalizedImage> Fail(IReadOnlyList<ImageReference> references, ImageProblem problem,
        IReadOnlyList<ImageProfileRules>? profiles = null)
    {
        Report(references, problem.Code, problem.Message);
        return Placeholders(problem.Message, profiles);
    }

    private Dictionary<ImageProfile, NormalizedImage> Placeholders(string reason, IReadOnlyList<ImageProfileRules>? profiles = null) =>
        (profiles ?? _rules).ToDictionary(r => r.Profile, r => Placeholder(r.Profile, reason));

    private NormalizedImage Placeholder(ImageProfile profile, string reason)
    {
        var image = _placeholders.GetOrAdd(profile, p => new Lazy<NormalizedImage>(() => WritePlaceholder(p))).Value;
        return image with { Placeholder = reason };
    }

    private NormalizedImage WritePlaceholder(ImageProfile profile)
    {
        var rules = _rules.First(r => r.Profile == profile);
        var target = rules.Targets(PlaceholderImageWriter.Width, PlaceholderImageWriter.Height)[0];
        var key = ImageCache.Key("placeholder;" + rules.CacheSettings, "");
        var cached = _cache.TryGet(key);
        if (cached != null) return cached;
        var name = $"placeholder-{key[..16]}.png";
        PlaceholderImageWriter.Write(target.Width, target.Height, target.Dpi, _cache.PathFor(name));
        return _cache.Put(key, [new CachedFile(name, target.Width, target.Height, "image/png", target.Dpi)]);
    }

    private void Report(IReadOnlyList<ImageReference> references, DiagnosticCode code, string message)
    {
        foreach (var reference in references)
            _context.Diagnostics.Report(code, reference.Span, message);
    }

    /// <summary>Long URLs (data: URLs above all) are cut for messages; the location says where the whole one is.</summary>
    private static string Shorten(string source) => source.Length <= 80 ? source : source[..77] + "…";
}
