using GptBook.Formulas;

namespace GptBook.Model;

/// <summary>
/// The closed set of block nodes. Writers switch over these types exhaustively; a construct that has no node here
/// is reported by the reader as a warning and kept in some visible form (raw HTML is mapped onto these nodes; an
/// unknown construct becomes a <see cref="Paragraph"/> of its text), never dropped.
/// </summary>
public abstract record Block(SourceSpan Span)
{
    /// <summary>This block followed by every block nested in it, depth-first.</summary>
    public IEnumerable<Block> DescendantsAndSelf()
    {
        yield return this;
        foreach (var child in Children())
            foreach (var d in child.DescendantsAndSelf())
                yield return d;
    }

    /// <summary>
    /// The ids HTML anchors on their own lines before the block give it (<c>&lt;a name="x"&gt;&lt;/a&gt;</c> before a
    /// list, a table, code …; one or more, in source order), so links to "#x" arrive at the block's start; empty when
    /// none does. A heading without an id of its own takes the last such anchor as its <see cref="Heading.Id"/> and
    /// a paragraph takes them as its first <see cref="InlineAnchor"/>s instead.
    /// </summary>
    public IReadOnlyList<string> Anchors { get; init; } = [];

    public virtual IEnumerable<Block> Children() => [];

    /// <summary>The inline lists this block holds itself (not those of nested blocks, which <see cref="Children"/> reach).</summary>
    public virtual IEnumerable<IReadOnlyList<Inline>> InlineContent() => [];
}

/// <summary>
/// How the author aligned a paragraph's or heading's lines in raw HTML (<c>&lt;p align="center"&gt;</c>,
/// <c>&lt;div align="right"&gt;</c>, <c>&lt;center&gt;</c>, <c>style="text-align: center"</c>), as books written for
/// GitHub set title lines, author lines, badges and poems. <see cref="Default"/> is the output's own setting
/// (justified body text); the others are ragged and, for centre and right, without a first-line indent.
/// </summary>
public enum BlockAlignment { Default, Left, Center, Right }

/// <summary>A heading, level 1–6. <see cref="Id"/> is unique in the book and stable across builds.</summary>
public sealed record Heading(int Level, IReadOnlyList<Inline> Content, string Id, SourceSpan Span) : Block(Span)
{
    public BlockAlignment Alignment { get; init; }

    public override IEnumerable<IReadOnlyList<Inline>> InlineContent() => [Content];

    public string PlainText => Inline.PlainText(Content);
}

public sealed record Paragraph(IReadOnlyList<Inline> Content, SourceSpan Span) : Block(Span)
{
    public BlockAlignment Alignment { get; init; }

    public override IEnumerable<IReadOnlyList<Inline>> InlineContent() => [Content];
}

/// <summary>
/// A numbered figure: one image and an optional caption. <see cref="Number"/> is 0 until the figure numbering
/// transform has run; after it, figures are numbered 1, 2, … in reading order across the whole book.
/// </summary>
public sealed record Figure(ImageReference Image, IReadOnlyList<Inline> Caption, string Id, int Number, SourceSpan Span) : Block(Span)
{
    public bool HasCaption => Caption.Count > 0;

    public override IEnumerable<IReadOnlyList<Inline>> InlineContent() => [Caption];
}

/// <summary>The kinds of GitHub alert (<c>&gt; [!NOTE]</c> …), each printed with its label in the book's language.</summary>
public enum AdmonitionKind { Note, Tip, Important, Warning, Caution }

/// <summary>
/// A GitHub alert or a VuePress container: blocks set apart under a label, in every output: the container's own
/// title when it has one, else the kind's (<see cref="LanguageLabels.Admonition"/>).
/// </summary>
public sealed record Admonition(AdmonitionKind Kind, IReadOnlyList<Block> Blocks, SourceSpan Span) : Block(Span)
{
    /// <summary>The author's title (<c>::: warning 注意事项</c>), or null for the kind's label.</summary>
    public string? Title { get; init; }

    /// <summary>What the admonition is headed with.</summary>
    public string Label(LanguageLabels labels) => Title ?? labels.Admonition(Kind);

    public override IEnumerable<Block> Children() => Blocks;
}

/// <summary>
/// A collapsible block (HTML's <c>&lt;details&gt;</c> with its <c>&lt;summary&gt;</c>): closed under its summary
/// on the site and in the EPUB, printed open under the summary as its title.
/// </summary>
public sealed record Details(IReadOnlyList<Inline> Summary, IReadOnlyList<Block> Blocks, SourceSpan Span) : Block(Span)
{
    /// <summary>Shown open on the site and in the EPUB, as the author asked (HTML's <c>&lt;details open&gt;</c>).</summary>
    public bool Open { get; init; }

    public override IEnumerable<Block> Children() => Blocks;

    public override IEnumerable<IReadOnlyList<Inline>> InlineContent() => [Summary];
}

public sealed record BlockQuote(IReadOnlyList<Block> Blocks, SourceSpan Span) : Block(Span)
{
    public override IEnumerable<Block> Children() => Blocks;
}

/// <summary>An ordered (numbered from <see cref="Start"/>) or unordered list; items may hold nested lists.</summary>
public sealed record ListBlock(bool Ordered, int Start, IReadOnlyList<ListItem> Items, SourceSpan Span) : Block(Span)
{
    public override IEnumerable<Block> Children() => Items.SelectMany(i => i.Blocks);
}

/// <summary>
/// One item of a list. A GitHub task item (<c>- [ ] …</c>, <c>- [x] …</c>) has <see cref="Task"/>: its box is the
/// item's marker in every output, where the bullet or number would be, and not part of its text.
/// </summary>
public sealed record ListItem(IReadOnlyList<Block> Blocks, SourceSpan Span)
{
    /// <summary>Whether the item is a task and, if so, whether it is done; null for a plain item.</summary>
    public TaskState? Task { get; init; }

    /// <summary>
    /// The task's box as a character (☐ open, ☑ done), the marker text that copy, search and screen readers get;
    /// null for a plain item.
    /// </summary>
    public string? TaskBox => Task switch
    {
        TaskState.Open => "\u2610",
        TaskState.Done => "\u2611",
        _ => null,
    };
}

/// <summary>The state of a task list item's box.</summary>
public enum TaskState
{
    Open,
    Done,
}

/// <summary>
/// Literal code, kept exactly; <see cref="Language"/> is the info string's first word, if any. <see cref="Tokens"/>
/// are its highlighted stretches in order, none overlapping (text between them is plain); empty when the language
/// is unknown or not given.
/// </summary>
public sealed record CodeBlock(string? Language, string Code, SourceSpan Span) : Block(Span)
{
    public IReadOnlyList<CodeToken> Tokens { get; init; } = [];
}

public sealed record ThematicBreak(SourceSpan Span) : Block(Span);

/// <summary>
/// Display math (<c>$$…$$</c> or <c>\[…\]</c> on its own lines, or a paragraph that is one formula). Its equation
/// numbers are in <see cref="MathFormula.Numbers"/>, filled in by the numbering transform.
/// </summary>
public sealed record DisplayMath(MathFormula Formula, SourceSpan Span) : Block(Span);

public enum ColumnAlignment { Default, Left, Center, Right }

/// <summary>A pipe table: one header row, then body rows; every row has <see cref="Alignments"/>.Count cells.</summary>
public sealed record Table(
    IReadOnlyList<ColumnAlignment> Alignments,
    IReadOnlyList<TableCell> Header,
    IReadOnlyList<IReadOnlyList<TableCell>> Rows,
    SourceSpan Span) : Block(Span)
{
    public override IEnumerable<IReadOnlyList<Inline>> InlineContent() => Header.Concat(Rows.SelectMany(r => r)).Select(c => c.Content);
}

public sealed record TableCell(IReadOnlyList<Inline> Content, SourceSpan Span);
