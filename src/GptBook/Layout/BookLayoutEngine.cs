using System.Globalization;
using GptBook.Diagnostics;
using GptBook.Model;

namespace GptBook.Layout;

/// <summary>
/// Lays out a whole book: cover (page i), a blank verso, the table of contents from page iii, a blank page when
/// needed so that the body starts on a right-hand page numbered 1, then the body, padded to an even page count. The TOC's page numbers come from
/// the real body layout; passes repeat until the numbers the TOC prints equal where the headings landed, at most
/// <see cref="MaxPasses"/> times (GB0302 if they never agree).
/// </summary>
public sealed class BookLayoutEngine(LayoutContext context)
{
    public const int MaxPasses = 4;

    /// <summary>
    /// How many threads set the body's blocks (<see cref="BodyBoxBuilder"/>): the processor count unless told; 1 sets
    /// them all on the calling thread. The layout is the same for any value.
    /// </summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    public BookLayout Layout(Book book)
    {
        var g = context.Geometry;
        if (!g.IsUsable)
            throw new InvalidOperationException($"the page ({g.TrimWidth} × {g.TrimHeight}) leaves no room for text inside its margins");

        var root = StructureNode.Root();
        var front = new FrontMatterBuilder(context);
        var decorator = new PageDecorator(context);
        var cover = front.Cover(book.Metadata, root);
        var bodyBoxes = new BodyBoxBuilder(context, book.Metadata.Language, Parallelism).Build(book.Chapters, root);
        var body = new Paginator(new PageProvider(g, 0), context.Diagnostics).Paginate(bodyBoxes);
        var bodyLabels = BodyAnchorLabels(body);
        var headings = book.Headings().ToList();
        var tocLevels = context.Options.TocLevelsFor(book.Chapters.Count);
        bool InToc(Heading h) => tocLevels.Contains(h.Level);

        Dictionary<string, string>? printed = null;
        IReadOnlyList<PaginatedPage> toc = [];
        // A book with no heading in the TOC's levels (a single-heading note, say) gets no empty contents page.
        var settled = !headings.Any(InToc);
        for (var pass = 0; pass < MaxPasses && !settled; pass++)
        {
            var numbers = printed;
            toc = new Paginator(new PageProvider(g, 2), new DiagnosticBag())
                .Paginate(front.TableOfContents(headings, tocLevels, id => numbers != null && numbers.TryGetValue(id, out var l) ? l : null, root));
            settled = numbers != null && headings.Where(InToc).All(h => numbers.GetValueOrDefault(h.Id) == bodyLabels.GetValueOrDefault(h.Id));
            printed = bodyLabels;
        }
        if (!settled)
            context.Diagnostics.Report(DiagnosticCodes.TocNotSettled, SourceSpan.None,
                $"the table of contents' page numbers still changed after {MaxPasses} passes");

        var pages = new List<LayoutPage>();
        var coverFragments = new List<PageFragment>(cover);
        decorator.AddCropMarks(coverFragments);
        pages.Add(new LayoutPage(0, PageKind.Cover, Roman(1), true, false, coverFragments));
        pages.Add(Blank(1, PageKind.FrontMatter, Roman(2), decorator));
        foreach (var p in toc)
        {
            var fragments = new List<PageFragment>(p.Fragments);
            var label = Roman(pages.Count + 1);
            var opening = ReferenceEquals(p, toc[0]);
            if (!opening) decorator.AddRunningHead(fragments, p.Region, context.Labels.TableOfContents, label);
            decorator.AddCropMarks(fragments);
            pages.Add(new LayoutPage(pages.Count, PageKind.FrontMatter, label, p.Region.IsRightHand, opening, fragments));
        }
        if (pages.Count % 2 == 1) pages.Add(Blank(pages.Count, PageKind.FrontMatter, Roman(pages.Count + 1), decorator));
        var bodyStart = pages.Count;

        // Verso heads name the chapter in a book of several chapters (the book in a single article), recto heads the
        // section: the TOC's levels below the chapter.
        var chapters = book.Chapters.Count > 1;
        string? section = null, chapter = null;
        for (var i = 0; i < body.Count; i++)
        {
            var p = body[i];
            var label = (i + 1).ToString(CultureInfo.InvariantCulture);
            var sectionMarks = p.Marks.Where(m => tocLevels.Contains(m.Level) && !(chapters && m.Level == 1)).ToList();
            if (chapters && p.Marks.LastOrDefault(m => m.Level == 1) is { } opened) (chapter, section) = (opened.Text, null);
            var head = p.Region.IsRightHand
                ? sectionMarks.FirstOrDefault()?.Text ?? section ?? chapter ?? book.Metadata.Title
                : chapter ?? book.Metadata.Title;
            if (sectionMarks.Count > 0) section = sectionMarks[^1].Text;
            var fragments = new List<PageFragment>(p.Fragments);
            if (!p.IsChapterOpening) decorator.AddRunningHead(fragments, p.Region, head, label);
            decorator.AddCropMarks(fragments);
            pages.Add(new LayoutPage(pages.Count, PageKind.Body, label, p.Region.IsRightHand, p.IsChapterOpening, fragments) { Start = p.Start });
        }

        // A printed book has an even number of pages: the last leaf's verso stays blank.
        if (pages.Count % 2 == 1)
            pages.Add(Blank(pages.Count, PageKind.Body, (pages.Count - bodyStart + 1).ToString(CultureInfo.InvariantCulture), decorator));

        var anchors = new Dictionary<string, AnchorLocation>(StringComparer.Ordinal);
        foreach (var page in pages)
            foreach (var a in page.Fragments.OfType<AnchorFragment>())
                anchors.TryAdd(a.Id, new AnchorLocation(page.Index, a.X, a.Y));
        var outline = headings.Where(h => anchors.ContainsKey(h.Id)).Select(h => new OutlineEntry(h.PlainText, h.Level, h.Id)).ToList();
        return new BookLayout(g, pages, outline, bodyStart, anchors);
    }

    private static Dictionary<string, string> BodyAnchorLabels(IReadOnlyList<PaginatedPage> body)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < body.Count; i++)
            foreach (var a in body[i].Fragments.OfType<AnchorFragment>())
                labels.TryAdd(a.Id, (i + 1).ToString(CultureInfo.InvariantCulture));
        return labels;
    }

    private static LayoutPage Blank(int index, PageKind kind, string label, PageDecorator decorator)
    {
        var fragments = new List<PageFragment>();
        decorator.AddCropMarks(fragments);
        return new LayoutPage(index, kind, label, index % 2 == 0, false, fragments);
    }

    /// <summary>Lower-case roman numerals, as front matter is numbered.</summary>
    public static string Roman(int n)
    {
        if (n <= 0 || n >= 4000) return n.ToString(CultureInfo.InvariantCulture);
        (int Value, string Symbol)[] table = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")];
        var sb = new System.Text.StringBuilder();
        foreach (var (value, symbol) in table)
            while (n >= value) { sb.Append(symbol); n -= value; }
        return sb.ToString();
    }
}
