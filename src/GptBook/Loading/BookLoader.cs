using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.IO;
using GptBook.Formulas;
using GptBook.Model;
using GptBook.Transforms;
using GptBook.Sources;
using GptBook.Normalization;

namespace GptBook.Loading;

/// <summary>
/// Loads a whole book: reads every chapter (strict UTF-8, the shared Markdig pipeline, normalization while
/// reading), then applies the model transforms in order: editorial overrides → heading ids → figure numbers →
/// footnote numbers → equation numbers and references → internal link checks. A chapter that cannot be read is reported and left out; loading
/// itself never throws on bad content.
/// </summary>
public static class BookLoader
{
    /// <summary>Loads the book with no cache (each build highlights its code again).</summary>
    public static Book Load(BookOptions options, DiagnosticBag diagnostics) => Load(options, diagnostics, DerivedFileCache.None);

    /// <param name="cache">Where work that depends only on its inputs is kept between builds (the code's tokens).</param>
    public static Book Load(BookOptions options, DiagnosticBag diagnostics, DerivedFileCache cache)
    {
        var sources = new List<(string File, string Id, string Text)>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in options.Chapters)
        {
            var text = SourceTextReader.Read(Path.Combine(options.RootDirectory, file), file, diagnostics);
            if (text == null) continue;
            var id = options.ChapterSlugs.TryGetValue(file, out var slug) ? ChapterIdFromSlug(slug) : ChapterIdFor(file);
            var unique = id;
            for (var n = 2; !ids.Add(unique); n++) unique = $"{id}-{n}";
            sources.Add((file, unique, text));
        }
        // Each chapter is read on its own (its text, its id, the book's options), so the chapters are read on every
        // core and kept in the book's order; the diagnostics they report are sorted before anyone reads them.
        var chapters = new Chapter[sources.Count];
        var formulas = new ParsedFormulas();
        Parallel.For(0, sources.Count, i =>
            chapters[i] = ChapterReader.Read(sources[i].Id, sources[i].Text, new ChapterReadContext(options, sources[i].File, diagnostics) { Formulas = formulas }));
        var book = Transform(new Book(options.Metadata, chapters), options, diagnostics, cache);
        return options.TitleFromFirstHeading && TitleOf(book) is { } title
            ? book with { Metadata = book.Metadata with { Title = title } }
            : book;
    }

    /// <summary>
    /// The transforms, in their one correct order (spaces between Han, in the text and in overridden captions, go before heading ids are made from the text;
    /// ids must exist before links to them are checked).
    /// </summary>
    public static Book Transform(Book book, BookOptions options, DiagnosticBag diagnostics, DerivedFileCache cache)
    {
        book = new FigureOverrideTransform(options.Figures, diagnostics).Rewrite(book);
        book = new HanSpaceTransform().Rewrite(book);
        book = new HandIndentTransform().Rewrite(book);
        book = new HeadingIdTransform(diagnostics).Rewrite(book);
        book = new FigureNumberTransform().Rewrite(book);
        book = new FootnoteNumberTransform().Rewrite(book);
        book = new CodeHighlightTransform(cache).Rewrite(book);
        book = new EquationNumberTransform(diagnostics).Rewrite(book);
        book = new AnchorIdTransform(diagnostics).Rewrite(book);
        return new InternalLinkTransform(diagnostics).Rewrite(book);
    }

    /// <summary>The plain text of the book's first heading, when it has any text.</summary>
    private static string? TitleOf(Book book)
    {
        var title = book.Chapters.Select(c => c.Title).FirstOrDefault(t => t != null)?.Trim();
        return string.IsNullOrEmpty(title) ? null : title;
    }

    /// <summary>A chapter's id: its file name without extension, as a slug ("gpt1-to-gpt4.md" → "gpt1-to-gpt4").</summary>
    public static string ChapterIdFor(string file)
    {
        var id = HeadingIdTransform.Slug(Path.GetFileNameWithoutExtension(file));
        return id.StartsWith("h-", StringComparison.Ordinal) ? "c-" + id[2..] : id;
    }

    /// <summary>A chapter's id from the slug book.yml gives it: the slug, with "c-" in front of a leading digit so
    /// that it stays a valid XML name like every other id.</summary>
    public static string ChapterIdFromSlug(string slug) => char.IsAsciiDigit(slug[0]) ? "c-" + slug : slug;
}
