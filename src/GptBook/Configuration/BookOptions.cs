using GptBook.Formulas;
using GptBook.Model;

namespace GptBook.Configuration;

/// <summary>
/// Everything the pipeline needs to know about one book, read from book.yml (or derived from a single .md file).
/// Immutable. Paths are absolute for <see cref="RootDirectory"/> and <see cref="BookFile"/>, and relative to the
/// root, with forward slashes, everywhere else.
/// </summary>
public sealed record BookOptions
{
    public required string RootDirectory { get; init; }

    /// <summary>The book.yml or single .md file the build was started from.</summary>
    public required string BookFile { get; init; }

    public required BookMetadata Metadata { get; init; }

    /// <summary>
    /// The title is the first chapter's first heading, once the chapters are read (a single .md file with no
    /// book.yml); <see cref="Metadata"/> holds the file name as the title until then.
    /// </summary>
    public bool TitleFromFirstHeading { get; init; }

    /// <summary>Chapter files in reading order, relative to the root.</summary>
    public required IReadOnlyList<string> Chapters { get; init; }

    /// <summary>
    /// A chapter's own slug, by its file (relative to the root), for those that give one in book.yml
    /// (<c>- {file: a.md, slug: intro}</c>): the chapter's id, and so its page's address on the site, instead of
    /// the slug of its file name. Lets a file be renamed without moving the chapter's address.
    /// </summary>
    public IReadOnlyDictionary<string, string> ChapterSlugs { get; init; } = new Dictionary<string, string>();

    /// <summary>Link targets as written in the Markdown (decoded) → the URL to use instead.</summary>
    public IReadOnlyDictionary<string, string> LinkMap { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Remote image URLs (http(s), as written in the Markdown) → the local file, relative to the root, to use
    /// instead: <c>links:</c> entries whose key is such a URL and whose value is a path (written relative to book.yml). The file goes through the
    /// image stage like any other; nothing is fetched.
    /// </summary>
    public IReadOnlyDictionary<string, string> RemoteImageFiles { get; init; } = new Dictionary<string, string>();

    /// <summary>Editorial overrides for figures, keyed by the image's root-relative path.</summary>
    public IReadOnlyDictionary<string, FigureOverride> Figures { get; init; } = new Dictionary<string, FigureOverride>();

    public EpubOptions Epub { get; init; } = new();

    public PdfOptions Pdf { get; init; } = new();

    public ImageOptions Images { get; init; } = new();

    public SiteOptions Site { get; init; } = new();

    /// <summary>book.yml <c>math.macros</c>: the TeX macros every formula starts with (a chapter may add its own).</summary>
    public MathMacroTable MathMacros { get; init; } = MathMacroTable.Empty;

    /// <summary>SOURCE_DATE_EPOCH as checked when the build started; null when it was not set.</summary>
    public DateTimeOffset? SourceDateEpoch { get; init; }

    /// <summary>
    /// A hash of the book's content (book file, chapters, images), once it is loaded; null before. Names the second
    /// of the book's date that the outputs record when SOURCE_DATE_EPOCH is not set.
    /// </summary>
    public string? ContentFingerprint { get; init; }

    /// <summary>The one instant every output records (see <see cref="Policies.BuildTime"/>).</summary>
    public DateTimeOffset BuildTime => Policies.BuildTime.Resolve(Metadata.Date, SourceDateEpoch, ContentFingerprint);
}

/// <summary>An editorial override for one figure: a caption, and optionally better alt text.</summary>
public sealed record FigureOverride(string? Caption, string? Alt)
{
    /// <summary>Where the override is written in book.yml, for diagnostics about it.</summary>
    public SourceSpan Span { get; init; } = SourceSpan.None;
}
