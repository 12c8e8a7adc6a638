using GptBook.Diagnostics;
using GptBook.Model;
using GptBook.Sources;
using GptBook.Policies;

namespace GptBook.Normalization;

/// <summary>
/// Resolves an image's URL as written in the Markdown to an <see cref="ImageReference"/>. Relative paths are
/// percent-decoded (exporters encode CJK folder names and spaces) and resolved against the chapter's folder,
/// inside the book root. A path that escapes the root, an absolute path and a file: URL are errors and the image
/// is refused; http(s) and data: URLs are recorded as such, for the image stage to warn about, unless book.yml's
/// <c>links:</c> maps the URL to a file of the book.
/// </summary>
public static class ImageReferenceResolver
{
    public static ImageReference Resolve(string url, string alt, ChapterReadContext context, SourceSpan span)
    {
        var source = url.Trim();
        var scheme = UrlSchemes.SchemeOf(source);
        switch (scheme)
        {
            case "http" or "https" when context.Options.RemoteImageFiles.TryGetValue(source, out var local):
                // book.yml maps this URL to a file of the book: that file is the image, checked like any other.
                return new ImageReference(source, ImageSourceKind.Local, local, CleanAlt(alt, local), span);
            case "http" or "https":
                return new ImageReference(source, ImageSourceKind.Remote, null, CleanAlt(alt, null), span);
            case "data":
                return new ImageReference(source, ImageSourceKind.Data, null, CleanAlt(alt, null), span);
            case "file":
                return Refuse(source, alt, PathRefusal.FileUrl, context, span);
            case not null:
                context.Diagnostics.Report(DiagnosticCodes.UnsafeLink, span, $"image '{ShownText.Of(source)}' has the scheme '{scheme}:', which is not allowed; the image is refused");
                return new ImageReference(source, ImageSourceKind.Refused, null, CleanAlt(alt, null), span);
        }

        // Query and fragment are not part of a file name (exporters percent-encode '#' and '?' in names).
        var pathPart = source;
        var cut = pathPart.IndexOfAny(['?', '#']);
        if (cut >= 0) pathPart = pathPart[..cut];
        var decoded = Uri.UnescapeDataString(pathPart);
        var resolved = RootedPathResolver.Resolve(decoded, context.ChapterDirectory, context.Options.RootDirectory);
        if (!resolved.IsInside) return Refuse(source, alt, resolved.Refusal, context, span);
        return new ImageReference(source, ImageSourceKind.Local, resolved.Path, CleanAlt(alt, resolved.Path), span);
    }

    /// <summary>Placeholder alt text ("Untitled", a file name …) becomes empty: readers never see it.</summary>
    private static string CleanAlt(string alt, string? path) => PlaceholderAltText.IsPlaceholder(alt, path) ? "" : alt.Trim();

    private static ImageReference Refuse(string source, string alt, PathRefusal refusal, ChapterReadContext context, SourceSpan span)
    {
        context.Diagnostics.Report(RootedPathResolver.CodeFor(refusal), span,
            $"image '{ShownText.Of(source)}' is refused: {RootedPathResolver.Describe(refusal)}; images must be files inside the book root");
        return new ImageReference(source, ImageSourceKind.Refused, null, CleanAlt(alt, null), span);
    }
}
