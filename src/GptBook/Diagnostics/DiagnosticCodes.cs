namespace GptBook.Diagnostics;

/// <summary>
/// Every diagnostic GptBook reports, by stage: GB00xx configuration, GB01xx loading and normalization,
/// GB02xx images, GB03xx layout and PDF, GB04xx EPUB and HTML, GB05xx site. Codes are never reused.
/// Keep this list in step with the README's diagnostics table.
/// </summary>
public static class DiagnosticCodes
{
    private const DiagnosticSeverity E = DiagnosticSeverity.Error;
    private const DiagnosticSeverity W = DiagnosticSeverity.Warning;

    // Configuration
    public static readonly DiagnosticCode BookFileMissing = new("GB0001", E, "book file not found");
    public static readonly DiagnosticCode BookYamlMalformed = new("GB0002", E, "book.yml is not valid YAML");
    public static readonly DiagnosticCode BookYamlInvalid = new("GB0003", E, "book.yml has an invalid or missing setting");
    public static readonly DiagnosticCode ChapterMissing = new("GB0004", E, "chapter file not found");
    public static readonly DiagnosticCode PathOutsideRoot = new("GB0005", E, "path escapes the book root");
    public static readonly DiagnosticCode AbsolutePath = new("GB0006", E, "absolute path");
    public static readonly DiagnosticCode FileUrl = new("GB0007", E, "file: URL");
    public static readonly DiagnosticCode UnknownSetting = new("GB0008", W, "unknown setting in book.yml");
    public static readonly DiagnosticCode SourceDateEpochInvalid = new("GB0009", E, "SOURCE_DATE_EPOCH is not a valid time");
    public static readonly DiagnosticCode PathControlCharacter = new("GB0012", E, "path contains a control character");
    public static readonly DiagnosticCode UnsupportedLinkScheme = new("GB0010", W, "link scheme not supported (tel:, ftp: …); shown as text");

    // Loading and normalization
    public static readonly DiagnosticCode InvalidUtf8 = new("GB0101", E, "file is not valid UTF-8");
    public static readonly DiagnosticCode TodoLink = new("GB0102", W, "@todo link placeholder");
    public static readonly DiagnosticCode BrokenRelativeLink = new("GB0103", W, "link to a file that does not exist");
    public static readonly DiagnosticCode UnsupportedConstruct = new("GB0104", W, "unsupported Markdown construct");
    public static readonly DiagnosticCode RawHtmlSanitized = new("GB0105", W, "raw HTML was sanitized");
    public static readonly DiagnosticCode FrontMatterNotYaml = new("GB0120", W, "a chapter's front matter is not valid YAML");
    public static readonly DiagnosticCode NestingTooDeep = new("GB0106", W, "nesting too deep");
    public static readonly DiagnosticCode DuplicateHeadingId = new("GB0107", DiagnosticSeverity.Info, "heading id made unique");
    public static readonly DiagnosticCode UnknownFootnote = new("GB0108", W, "reference to an undefined footnote");
    public static readonly DiagnosticCode UnusedOverride = new("GB0109", W, "editorial override matches nothing");
    public static readonly DiagnosticCode UnsafeLink = new("GB0110", E, "unsafe link scheme");
    public static readonly DiagnosticCode BrokenInternalLink = new("GB0111", W, "link to an id that does not exist");
    public static readonly DiagnosticCode UnreferencedFootnote = new("GB0112", W, "footnote defined but never referenced");

    // Images
    public static readonly DiagnosticCode ImageMissing = new("GB0201", W, "image file not found");
    public static readonly DiagnosticCode RemoteImage = new("GB0202", W, "remote image not fetched");
    public static readonly DiagnosticCode DataUrlImage = new("GB0203", W, "data: URL image not embedded");
    public static readonly DiagnosticCode ImageTooLarge = new("GB0204", W, "image exceeds the size or pixel limit");
    public static readonly DiagnosticCode ImageCorrupt = new("GB0205", W, "image is corrupt or truncated");
    public static readonly DiagnosticCode ImageUnsupported = new("GB0206", W, "image format not supported");
    public static readonly DiagnosticCode ImageEmpty = new("GB0207", W, "image file is empty");
    public static readonly DiagnosticCode ImageWrongExtension = new("GB0208", W, "image content does not match its extension");
    public static readonly DiagnosticCode ImageAnimated = new("GB0209", DiagnosticSeverity.Info, "animated image: first frame used");
    public static readonly DiagnosticCode SvgSanitized = new("GB0211", W, "unsafe SVG content removed");
    public static readonly DiagnosticCode ColourProfileNotApplied = new("GB0212", DiagnosticSeverity.Info, "embedded colour profile not applied");
    public static readonly DiagnosticCode SvgUnsupported = new("GB0220", W, "SVG content no output can show was removed");
    public static readonly DiagnosticCode SvgBitmapRemoved = new("GB0221", W, "SVG embedded bitmap removed");
    public static readonly DiagnosticCode SvgTruncated = new("GB0222", W, "SVG too large or too deeply nested; cut at the limits");

    // Layout and PDF
    public static readonly DiagnosticCode BoxTooLarge = new("GB0301", W, "content larger than a page");
    public static readonly DiagnosticCode TocNotSettled = new("GB0302", W, "table of contents page numbers did not settle");
    public static readonly DiagnosticCode GlyphMissing = new("GB0303", W, "character missing from the bundled fonts");
    public static readonly DiagnosticCode PageTooSmall = new("GB0304", E, "the page size and margins leave no room for text");
    public static readonly DiagnosticCode ImageNotEmbedded = new("GB0305", W, "a prepared image could not be embedded in the PDF");

    // Math in the PDF (math-pdf: GB0620–GB0639)
    public static readonly DiagnosticCode FormulaTooWide = new("GB0620", W, "display formula wider than the text; scaled down to fit");

    // EPUB and HTML
    public static readonly DiagnosticCode CoverMissing = new("GB0401", W, "configured cover image not found");
    public static readonly DiagnosticCode ImageNotPrepared = new("GB0402", W, "image has no prepared version; placeholder shown");
    public static readonly DiagnosticCode UnresolvedInternalLink = new("GB0403", W, "internal link target is in no chunk");
    public static readonly DiagnosticCode UnsafeLinkDropped = new("GB0404", W, "link with an unsafe or unknown scheme written as text");
    public static readonly DiagnosticCode EpubNotWritten = new("GB0406", E, "EPUB could not be written");
    public static readonly DiagnosticCode CoverNotDrawn = new("GB0407", W, "cover could not be drawn from the title");
    public static readonly DiagnosticCode InvalidXmlCharacter = new("GB0408", W, "character not allowed in XHTML removed");

    // Site
    public static readonly DiagnosticCode SiteMarkupRemoved = new("GB0501", E, "script-like markup removed from a site page");
    public static readonly DiagnosticCode SiteNotWritten = new("GB0502", E, "site could not be written");
    public static readonly DiagnosticCode SiteDownloadMissing = new("GB0503", DiagnosticSeverity.Info, "download not offered: file not built");
    public static readonly DiagnosticCode SiteDownloadNameClash = new("GB0504", W, "download not offered: its name clashes with a site file");
    public static readonly DiagnosticCode SiteCoverUnreadable = new("GB0505", W, "cover picture could not be decoded; title card shown");
    public static readonly DiagnosticCode SiteAddressGone = new("GB0510", DiagnosticSeverity.Info, "an old site address leads to no chapter any more");
    public static readonly DiagnosticCode SiteAddressIgnored = new("GB0511", W, "site-addresses.json entry ignored");
    public static readonly DiagnosticCode SiteFontsNotWritten = new("GB0512", W, "the site's web fonts could not be written; system fonts named");

    // Mathematics (the TeX parser, numbering and references, MathML)
    public static readonly DiagnosticCode MathSyntax = new("GB0601", W, "formula cannot be parsed; shown as its source in a marked box");
    public static readonly DiagnosticCode MathMacroInvalid = new("GB0602", W, "math macro in book.yml is not valid; left out");
    public static readonly DiagnosticCode EquationLabelDuplicate = new("GB0603", W, "equation label defined twice; the first one is kept");
    public static readonly DiagnosticCode EquationLabelUnknown = new("GB0604", W, "reference to an equation label that does not exist");
    public static readonly DiagnosticCode MathRowMarkupIgnored = new("GB0605", W, "row markup in a formula that cannot be used is ignored: spacing after \\\\ that is not a length, an \\hline inside a row");

    // The build itself
    public static readonly DiagnosticCode OutputLocked = new("GB0011", E, "another build is writing to the output folder");
    public static readonly DiagnosticCode InternalError = new("GB0900", E, "internal error in a stage");
    public static readonly DiagnosticCode CommitFailed = new("GB0901", E, "the outputs could not be moved into place; the previous ones were kept");
    public static readonly DiagnosticCode InterruptedBuildRecovered = new("GB0902", DiagnosticSeverity.Info, "an interrupted build's half-finished commit was undone");
    public static readonly DiagnosticCode RecoveryFailed = new("GB0903", E, "an interrupted build's half-finished commit could not be undone");
}
