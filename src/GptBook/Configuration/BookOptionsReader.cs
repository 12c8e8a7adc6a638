using System.Globalization;
using System.Text.RegularExpressions;
using GptBook.Diagnostics;
using GptBook.Model;
using GptBook.Policies;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using GptBook.Sources;

namespace GptBook.Configuration;

/// <summary>
/// Reads a book's configuration: a book.yml (see the README's reference), or a single Markdown file, which becomes
/// a one-chapter book. Every problem is reported with book.yml's line and column; the result is null when any of
/// them is an error (GB0001–GB0007), so that a build never starts from a half-understood configuration.
/// </summary>
public static partial class BookOptionsReader
{
    /// <summary>What an undated book is dated: the earliest ZIP timestamp, fixed so that builds stay reproducible.</summary>
    public static readonly DateOnly DefaultDate = new(1980, 1, 1);

    /// <param name="sourceDateEpoch">The SOURCE_DATE_EPOCH variable's value (null when unset); a malformed value is
    /// an error here, before any stage runs, rather than a failure halfway through writing the outputs.</param>
    public static BookOptions? Read(string bookFile, DiagnosticBag diagnostics, string? sourceDateEpoch = null)
    {
        if (!BuildTime.TryParseSourceDateEpoch(sourceDateEpoch, out var epoch, out var problem))
        {
            diagnostics.Report(DiagnosticCodes.SourceDateEpochInvalid, new SourceSpan(BuildTime.SourceDateEpochVariable, 0, 0), problem!);
            return null;
        }
        var options = ReadBookFile(bookFile, diagnostics);
        return options == null ? null : options with { SourceDateEpoch = epoch };
    }

    private static BookOptions? ReadBookFile(string bookFile, DiagnosticBag diagnostics)
    {
        var full = Path.GetFullPath(bookFile);
        if (!File.Exists(full))
        {
            diagnostics.Report(DiagnosticCodes.BookFileMissing, new SourceSpan(bookFile.Replace('\\', '/'), 0, 0),
                Directory.Exists(full) ? "the book file is a folder; give book.yml or a .md file" : "the book file does not exist");
            return null;
        }
        var extension = Path.GetExtension(full).ToLowerInvariant();
        return extension is ".md" or ".markdown"
            ? SingleMarkdownOptionsReader.Read(full, diagnostics)
            : ReadYaml(full, diagnostics);
    }

    /// <summary>The default root: the parent of the folder holding the book file.</summary>
    internal static string DefaultRoot(string fullBookFile)
    {
        var folder = Path.GetDirectoryName(fullBookFile)!;
        return Path.GetDirectoryName(folder) ?? folder;
    }

    internal static string RelativeToRoot(string root, string fullPath) =>
        Path.GetRelativePath(root, fullPath).Replace('\\', '/');

    private static BookOptions? ReadYaml(string full, DiagnosticBag diagnostics)
    {
        var bookFolder = Path.GetDirectoryName(full)!;
        var root = DefaultRoot(full);
        var display = RelativeToRoot(root, full);
        var text = SourceTextReader.Read(full, display, diagnostics);
        if (text == null) return null;

        YamlMappingNode top;
        var parser = new Parser(new StringReader(text));
        try
        {
            var stream = new YamlStream();
            stream.Load(parser);
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode m)
            {
                diagnostics.Report(DiagnosticCodes.BookYamlInvalid, new SourceSpan(display, 1, 1),
                    "book.yml must be a mapping of settings (id, title, chapters …)");
                return null;
            }
            top = m;
        }
        catch (YamlException e)
        {
            var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
            diagnostics.Report(DiagnosticCodes.BookYamlMalformed, new SourceSpan(display, (int)e.Start.Line, (int)e.Start.Column),
                $"book.yml is not valid YAML: {message}");
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            // YamlDotNet's scanner throws plain exceptions on some malformed input (an unclosed "[" list, for
            // one); the last event it parsed is the best position we have.
            var mark = parser.Current?.End;
            diagnostics.Report(DiagnosticCodes.BookYamlMalformed,
                new SourceSpan(display, (int)(mark?.Line ?? 1), (int)(mark?.Column ?? 1)),
                "book.yml is not valid YAML: the parser stopped after this point (an unclosed [ list, { mapping or quote?)");
            return null;
        }

        var errorsBefore = ErrorCount(diagnostics);
        var section = new YamlSection(top, display, "", diagnostics);

        var rootValue = section.String("root");
        if (rootValue != null && rootValue.Any(char.IsControl))
        {
            diagnostics.Report(DiagnosticCodes.PathControlCharacter, section.SpanOf(section.Node("root")!),
                $"'root' is refused: '{ShownText.Of(rootValue)}' contains a control character");
            return null;
        }
        if (rootValue != null)
        {
            var rootFull = Path.GetFullPath(Path.Combine(bookFolder, rootValue));
            if (!Directory.Exists(rootFull))
            {
                section.Error(section.Node("root")!, $"'root' must be an existing folder; '{rootValue}' is not");
                return null;
            }
            root = Path.TrimEndingDirectorySeparator(rootFull);
            display = RelativeToRoot(root, full);
            section = new YamlSection(top, display, "", diagnostics);
            section.String("root");
        }
        var bookFolderInRoot = RelativeToRoot(root, bookFolder);

        var metadata = ReadMetadata(section);
        var slugs = new Dictionary<string, string>(StringComparer.Ordinal);
        var chapters = ReadChapters(section, root, bookFolderInRoot, diagnostics, display, slugs);
        var (links, remoteImages) = ReadLinks(section, root, bookFolderInRoot == "." ? "" : bookFolderInRoot);
        var figures = ReadFigures(section, root);
        var epub = EpubOptionsReader.Read(section, root);
        var pdf = PdfOptionsReader.Read(section);
        var images = ImageOptionsReader.Read(section);
        var site = SiteOptionsReader.Read(section);
        var mathMacros = MathOptionsReader.Read(section);
        section.ReportUnknownKeys();

        if (metadata == null || chapters == null || ErrorCount(diagnostics) > errorsBefore) return null;
        return new BookOptions
        {
            RootDirectory = root,
            BookFile = full,
            Metadata = metadata,
            Chapters = chapters,
            ChapterSlugs = slugs,
            LinkMap = links,
            RemoteImageFiles = remoteImages,
            Figures = figures,
            Epub = epub,
            Pdf = pdf,
            Images = images,
            Site = site,
            MathMacros = mathMacros,
        };
    }

    private static int ErrorCount(DiagnosticBag diagnostics) => diagnostics.Items.Count(d => d.Severity == DiagnosticSeverity.Error);

    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N}._-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex LanguagePattern();

    private static BookMetadata? ReadMetadata(YamlSection s)
    {
        var id = s.RequiredString("id");
        if (id != null && id.Length > 0 && !IdPattern().IsMatch(id))
            s.Error(s.Node("id")!, $"'id' is used in file names: letters, digits, '.', '_' and '-' only, starting with a letter or digit; not '{id}'");
        var title = s.RequiredString("title");
        var language = s.RequiredString("language");
        if (language != null && language.Length > 0 && !LanguagePattern().IsMatch(language))
            s.Error(s.Node("language")!, $"'language' must be a language tag such as zh-CN or en, not '{language}'");

        var authors = new List<string>();
        foreach (var key in new[] { "authors", "author" })
            foreach (var a in s.ScalarList(key) ?? [])
                if (!string.IsNullOrWhiteSpace(a.Value)) authors.Add(a.Value.Trim());

        var date = DefaultDate;
        if (s.Scalar("date") is { } dateNode)
        {
            if (DateOnly.TryParseExact(dateNode.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) date = d;
            else s.Error(dateNode, $"'date' must be a date written as YYYY-MM-DD, not '{dateNode.Value}'");
        }
        var keywords = (s.ScalarList("keywords") ?? []).Select(k => k.Value!.Trim()).Where(k => k.Length > 0).ToArray();

        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(title) || string.IsNullOrEmpty(language)) return null;
        return new BookMetadata(id, title, s.String("subtitle"), language, authors, date, s.String("description"), keywords,
            s.String("publisher"), s.String("rights")) { HasDate = s.Scalar("date") != null };
    }

    /// <summary>The chapter files; an entry may be a file name, or a mapping with <c>file</c> and <c>slug</c>
    /// (the slugs go into <paramref name="slugs"/>, by the file's root-relative path).</summary>
    private static List<string>? ReadChapters(YamlSection s, string root, string bookFolderInRoot, DiagnosticBag diagnostics, string display,
        Dictionary<string, string> slugs)
    {
        var entries = ChapterEntries(s, out var slugOf, out var anyEntry);
        if (entries == null || entries.Count == 0)
        {
            if (anyEntry) return null; // each bad entry has been reported
            s.Error(s.Span, "'chapters' is required: the list of Markdown files, in reading order, relative to book.yml");
            return null;
        }
        var chapters = new List<string>();
        var ok = true;
        foreach (var entry in entries)
        {
            var span = s.SpanOf(entry);
            var resolved = RootedPathResolver.Resolve(entry.Value!, bookFolderInRoot == "." ? "" : bookFolderInRoot, root);
            if (!resolved.IsInside)
            {
                diagnostics.Report(RootedPathResolver.CodeFor(resolved.Refusal), span,
                    $"chapter '{ShownText.Of(entry.Value!)}' is refused: {RootedPathResolver.Describe(resolved.Refusal)} (chapters must be inside the book root {root})");
                ok = false;
                continue;
            }
            if (!File.Exists(Path.Combine(root, resolved.Path!)))
            {
                diagnostics.Report(DiagnosticCodes.ChapterMissing, span,
                    $"chapter file '{entry.Value}' listed in {display} does not exist (looked for {resolved.Path})");
                ok = false;
                continue;
            }
            if (chapters.Contains(resolved.Path!))
            {
                s.Error(entry, $"chapter '{entry.Value}' is listed twice");
                ok = false;
                continue;
            }
            chapters.Add(resolved.Path!);
            if (slugOf.TryGetValue(entry, out var slug))
            {
                if (slugs.ContainsValue(slug.Value!))
                {
                    s.Error(slug, $"the slug '{slug.Value}' is given to two chapters; each chapter needs its own address");
                    ok = false;
                }
                slugs[resolved.Path!] = slug.Value!;
            }
        }
        return ok ? chapters : null;
    }

    /// <summary>The chapters list's file names, and for mapping entries their slug node by file node.</summary>
    private static IReadOnlyList<YamlScalarNode>? ChapterEntries(YamlSection s, out Dictionary<YamlScalarNode, YamlScalarNode> slugOf, out bool anyEntry)
    {
        slugOf = [];
        anyEntry = s.Node("chapters") is YamlSequenceNode { Children.Count: > 0 };
        if (s.Node("chapters") is not YamlSequenceNode sequence || sequence.Children.All(c => c is YamlScalarNode))
            return s.ScalarList("chapters");
        var files = new List<YamlScalarNode>();
        foreach (var item in sequence.Children)
        {
            if (item is YamlScalarNode { Value: not null } scalar)
            {
                files.Add(scalar);
                continue;
            }
            if (item is not YamlMappingNode mapping)
            {
                s.Error(item, "each entry of 'chapters' must be a file name, or a mapping with 'file' and 'slug'");
                continue;
            }
            var entry = s.Child(mapping, "chapters");
            var file = entry.Scalar("file");
            var slug = entry.Scalar("slug");
            entry.ReportUnknownKeys();
            if (file?.Value is not { Length: > 0 })
            {
                s.Error(item, "a chapter given as a mapping needs 'file': the Markdown file, relative to book.yml");
                continue;
            }
            files.Add(file);
            if (slug?.Value is not { Length: > 0 } text) continue;
            if (!SlugPattern().IsMatch(text))
                s.Error(slug, $"the slug '{text}' must be lowercase letters (Han characters too), digits, '-', '.' or '_', starting with a letter or digit");
            else slugOf[file] = slug;
        }
        return files;
    }

    [GeneratedRegex(@"^[\p{Ll}\p{Lo}\p{N}][\p{Ll}\p{Lo}\p{N}._-]*$")]
    private static partial Regex SlugPattern();

    /// <summary>
    /// <c>links:</c> maps link targets to URLs and, for an entry whose key is an http(s) URL and whose value is a
    /// path (relative to book.yml, like the chapters), a remote image to a local file (a book written for GitHub often
    /// shows pictures from elsewhere).
    /// </summary>
    private static (Dictionary<string, string> Links, Dictionary<string, string> RemoteImages) ReadLinks(YamlSection s, string root, string bookFolder)
    {
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        var remoteImages = new Dictionary<string, string>(StringComparer.Ordinal);
        var section = s.Section("links");
        if (section == null) return (links, remoteImages);
        foreach (var (key, value) in section.Entries())
        {
            var target = key.Value!.Trim();
            if (value is YamlScalarNode { Value: { } file } && UrlSchemes.SchemeOf(target) is "http" or "https" && UrlSchemes.SchemeOf(file.Trim()) == null)
            {
                var resolved = RootedPathResolver.Resolve(Uri.UnescapeDataString(file.Trim()), bookFolder, root);
                if (resolved is { IsInside: true, Path: { } local }) remoteImages[target] = local;
                else section.Error(value, $"the local file for '{ShownText.Of(target)}': {RootedPathResolver.Describe(resolved.Refusal)}; it must be a file inside the book root, written relative to book.yml");
                continue;
            }
            if (value is not YamlScalarNode { Value: { } url } || !IsWebUrl(url.Trim()))
            {
                section.Error(value, $"the link for '{key.Value}' must be an http(s): or mailto: URL (or, for a remote image, a file in the book)");
                continue;
            }
            links[key.Value!] = url.Trim();
        }
        return (links, remoteImages);
    }

    internal static bool IsWebUrl(string url) => UrlSchemes.IsAllowedLink(url);

    private static Dictionary<string, FigureOverride> ReadFigures(YamlSection s, string root)
    {
        var figures = new Dictionary<string, FigureOverride>(StringComparer.Ordinal);
        var section = s.Section("figures");
        if (section == null) return figures;
        foreach (var (key, value) in section.Entries())
        {
            var resolved = RootedPathResolver.Resolve(key.Value!, "", root);
            if (!resolved.IsInside)
            {
                section.Error(key, $"figure '{ShownText.Of(key.Value!)}': {RootedPathResolver.Describe(resolved.Refusal)}; figure keys are image paths relative to the book root");
                continue;
            }
            if (value is not YamlMappingNode m)
            {
                section.Error(value, $"figure '{key.Value}' must be a mapping with 'caption' and/or 'alt'");
                continue;
            }
            var entry = section.Child(m, key.Value!);
            var caption = entry.String("caption");
            var alt = entry.String("alt");
            entry.ReportUnknownKeys();
            if (!entry.HasErrors) figures[resolved.Path!] = new FigureOverride(caption, alt) { Span = section.SpanOf(key) };
        }
        return figures;
    }

}
