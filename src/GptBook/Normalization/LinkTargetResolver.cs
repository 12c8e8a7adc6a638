using GptBook.Diagnostics;
using GptBook.Model;
using GptBook.Sources;
using GptBook.Policies;

namespace GptBook.Normalization;

/// <summary>
/// Decides what a Markdown link points to in the book. The result is an absolute URL, an internal reference
/// (<c>#id</c>, or <see cref="ChapterTargetPrefix"/> plus a chapter file, resolved once heading ids exist),
/// or null: the link becomes plain text, with a diagnostic saying why.
/// </summary>
public static class LinkTargetResolver
{
    /// <summary>An internal target naming a chapter file, before the chapter's first heading id is known.</summary>
    public const string ChapterTargetPrefix = "#chapter:";

    public static string? Resolve(string url, ChapterReadContext context, SourceSpan span)
    {
        var target = url.Trim();
        var diagnostics = context.Diagnostics;
        if (target.StartsWith("@todo", StringComparison.OrdinalIgnoreCase))
        {
            diagnostics.Report(DiagnosticCodes.TodoLink, span, $"link placeholder '{target}' is shown as plain text; give the link a real target");
            return null;
        }
        if (target.Length == 0)
        {
            diagnostics.Report(DiagnosticCodes.BrokenRelativeLink, span, "link without a target is shown as plain text");
            return null;
        }
        // docsify's routes (#/chapter1/linear?id=heading) name a page from the site's home, not an id.
        if (target.StartsWith("#/", StringComparison.Ordinal)) target = DocsifyRoute(target[1..]);
        else if (target.StartsWith('#')) return "#" + Uri.UnescapeDataString(target[1..]);

        var scheme = UrlSchemes.SchemeOf(target);
        if (scheme != null)
        {
            switch (UrlSchemes.Judge(target))
            {
                case UrlSchemes.LinkVerdict.Allowed:
                    return target;
                case UrlSchemes.LinkVerdict.Unsupported:
                    diagnostics.Report(DiagnosticCodes.UnsupportedLinkScheme, span,
                        $"link '{ShownText.Of(target)}' is shown as plain text: only {UrlSchemes.AllowedLinkSchemesText} links reach the outputs");
                    return null;
                default:
                    diagnostics.Report(DiagnosticCodes.UnsafeLink, span,
                        $"link with the scheme '{scheme}:' is not allowed and is shown as plain text ({ShownText.Of(target)})");
                    return null;
            }
        }

        var decoded = Uri.UnescapeDataString(target);
        if (context.Options.LinkMap.TryGetValue(decoded, out var mapped) || context.Options.LinkMap.TryGetValue(target, out mapped))
            return mapped;

        var hash = decoded.IndexOf('#');
        var pathPart = hash < 0 ? decoded : decoded[..hash];
        var fragment = hash < 0 ? "" : decoded[(hash + 1)..];
        if (Chapter(pathPart, context) is { } chapter)
            return fragment.Length > 0 ? "#" + fragment : ChapterTargetPrefix + chapter;

        // Resolved again as written only to say whether the file exists: a link to a chapter (the usual case) never gets here.
        var resolved = RootedPathResolver.Resolve(pathPart, context.ChapterDirectory, context.Options.RootDirectory);
        var exists = resolved.IsInside && File.Exists(Path.Combine(context.Options.RootDirectory, resolved.Path!));
        diagnostics.Report(DiagnosticCodes.BrokenRelativeLink, span, exists
            ? $"link to '{decoded}' points to a file that is not part of the book; it is shown as plain text (map it to a URL under links: in book.yml)"
            : $"link to '{decoded}', a file that does not exist, is shown as plain text (map it to a URL under links: in book.yml)");
        return null;
    }

    /// <summary>
    /// The chapter a path names, as sites for books resolve it: relative to the linking chapter, or from the site's
    /// home (the first chapter's folder, where docsify and VuePress keep their README) when it starts with <c>/</c>;
    /// as written, or with <c>.md</c> added (docsify's <c>chapter1/linear</c>), or as a folder's <c>README.md</c>
    /// (<c>guide/</c>). Null when no chapter of the book is meant.
    /// </summary>
    private static string? Chapter(string path, ChapterReadContext context)
    {
        var rooted = path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal);
        var baseDirectory = rooted ? HomeDirectory(context.Options.Chapters) : context.ChapterDirectory;
        var relative = rooted ? path.TrimStart('/') : path;
        string[] candidates = relative.Length == 0 || relative.EndsWith('/')
            ? [relative + "README.md"]
            : Path.HasExtension(relative) ? [relative] : [relative, relative + ".md", relative + "/README.md"];
        foreach (var candidate in candidates)
        {
            var resolved = RootedPathResolver.Resolve(candidate, baseDirectory, context.Options.RootDirectory);
            if (resolved.IsInside && context.Options.Chapters.Contains(resolved.Path!)) return resolved.Path;
        }
        return null;
    }

    /// <summary>The folder of the book's first chapter, root-relative: a docs site's home.</summary>
    private static string HomeDirectory(IReadOnlyList<string> chapters) =>
        chapters.Count == 0 ? "" : Path.GetDirectoryName(chapters[0])?.Replace('\\', '/') ?? "";

    /// <summary>A docsify route as a path and fragment: <c>/chapter1/linear?id=12-梯度下降</c> → <c>/chapter1/linear#12-梯度下降</c>.</summary>
    private static string DocsifyRoute(string route)
    {
        var query = route.IndexOf('?');
        if (query < 0) return route;
        var id = route[(query + 1)..].Split('&').FirstOrDefault(p => p.StartsWith("id=", StringComparison.Ordinal));
        return route[..query] + (id is null ? "" : "#" + id[3..]);
    }
}
