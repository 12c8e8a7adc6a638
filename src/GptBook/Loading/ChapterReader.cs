using System.Text.RegularExpressions;
using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Loading.Formulas;
using GptBook.Model;
using GptBook.Normalization;
using Markdig;
using Markdig.Extensions.DefinitionLists;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Alerts;
using Markdig.Extensions.CustomContainers;
using Markdig.Extensions.Tables;
using Markdig.Extensions.TaskLists;
using Markdig.Extensions.Yaml;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using SourceSpan = GptBook.Model.SourceSpan;
using Markdig.Syntax.Inlines;
using MdBlock = Markdig.Syntax.Block;
using MdInline = Markdig.Syntax.Inlines.Inline;
using MdTable = Markdig.Extensions.Tables.Table;
using MdTableCell = Markdig.Extensions.Tables.TableCell;
using ModelFootnote = GptBook.Model.Footnote;
using Table = GptBook.Model.Table;
using ListBlock = GptBook.Model.ListBlock;
using CodeBlock = GptBook.Model.CodeBlock;
using MdListBlock = Markdig.Syntax.ListBlock;
using MdCodeBlock = Markdig.Syntax.CodeBlock;
using TableCell = GptBook.Model.TableCell;
using GptBook.Units;

namespace GptBook.Loading;

/// <summary>
/// Reads one chapter's Markdig syntax tree into the document model, normalizing as it goes (never by rewriting
/// Markdown text): export quirks, image paths, links, soft breaks, raw HTML. Figures, footnotes and headings come
/// out unnumbered and without ids; the transforms after loading assign those across the whole book.
/// </summary>
public sealed partial class ChapterReader
{
    /// <summary>Block quotes and lists nested deeper than this are flattened (GB0106): no reader shows 17 levels.</summary>
    public const int MaxBlockDepth = 16;

    /// <summary>Inline containers (emphasis, links) nested deeper than this are kept as their source text.</summary>
    public const int MaxInlineDepth = 32;

    private readonly ChapterReadContext _context;
    private readonly SourceLocator _source;
    private readonly DiagnosticBag _diagnostics;
    private readonly FormulaReader _formulas;

    /// <summary>The task boxes that list items carry as their marker; their inline is not text.</summary>
    private readonly HashSet<TaskList> _itemBoxes = [];

    private ChapterReader(ChapterReadContext context, string text)
    {
        _context = context;
        _source = new SourceLocator(context.ChapterFile, text);
        _diagnostics = context.Diagnostics;
        _formulas = new FormulaReader(_source, _diagnostics, context.Options.MathMacros, context.Formulas);
    }

    /// <summary>Parses <paramref name="text"/> with the shared pipeline and reads it into a chapter.</summary>
    public static Chapter Read(string chapterId, string text, ChapterReadContext context)
    {
        var reader = new ChapterReader(context, text);
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(text, BookMarkdownPipeline.Instance);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            // Markdig refuses input nested deeper than its limit with an ArgumentException; any other failure of
            // the parser is treated the same way: the text is still shown, and the diagnostic says why it is plain.
            var nested = e.Message.Contains("nested", StringComparison.OrdinalIgnoreCase);
            context.Diagnostics.Report(nested ? DiagnosticCodes.NestingTooDeep : DiagnosticCodes.UnsupportedConstruct,
                new SourceSpan(context.ChapterFile, 1, 1),
                nested
                    ? $"the Markdown nests deeper than {BookMarkdownPipeline.MaximumNestingDepth} levels; the file is shown as plain paragraphs"
                    : $"the Markdown parser failed ({e.Message}); the file is shown as plain paragraphs");
            return new Chapter(chapterId, context.ChapterFile, reader.PlainParagraphs(text), []);
        }
        var whole = new SourceSpan(context.ChapterFile, 1, 1);
        var blocks = reader.ConvertBlocks(document.Where(b => b is not FootnoteGroup), 0, whole);
        if (document.OfType<YamlFrontMatterBlock>().FirstOrDefault() is { } front)
        {
            var at = reader._source.Of(front, whole);
            if (!FrontMatterReader.TryReadTitle(LinesOf(front), out var title))
                context.Diagnostics.Report(DiagnosticCodes.FrontMatterNotYaml, at, "the front matter is not valid YAML; it is not printed, and no title is read from it");
            else if (title is { Length: > 0 } && !blocks.OfType<Heading>().Any())
                blocks.Insert(0, new Heading(1, [new Text(title, at)], "", at)); // docsify and VuePress pages name themselves there
        }
        var footnotes = reader.ReadFootnotes(document, whole);
        return new Chapter(chapterId, context.ChapterFile, blocks, footnotes);
    }

    /// <summary>
    /// Footnotes in Markdig's order (first reference), then the ones nothing references: Markdig leaves those out
    /// of its footnote group, but they are content, so they are kept and reported (GB0112).
    /// </summary>
    private List<ModelFootnote> ReadFootnotes(MarkdownDocument document, SourceSpan whole)
    {
        var definitions = document.Descendants<FootnoteLinkReferenceDefinition>().ToArray();
        var referenced = document.OfType<FootnoteGroup>().SelectMany(g => g.OfType<Markdig.Extensions.Footnotes.Footnote>()).ToList();
        var unreferenced = definitions.Select(d => d.Footnote).Where(f => f != null && !referenced.Contains(f)).Distinct().ToArray();
        var result = new List<ModelFootnote>();
        foreach (var footnote in referenced.Concat(unreferenced))
        {
            var definition = definitions.FirstOrDefault(d => d.Footnote == footnote);
            var span = definition != null ? _source.Of(definition, whole) : _source.Of(footnote, whole);
            var label = (footnote.Label ?? "").TrimStart('^');
            if (unreferenced.Contains(footnote))
                _diagnostics.Report(DiagnosticCodes.UnreferencedFootnote, span, $"footnote '[^{label}]' is never referenced; it is listed after the referenced ones");
            result.Add(new ModelFootnote(FootnoteKey(_context.ChapterFile, label), 0, label, ConvertBlocks(footnote, 1, span), span));
        }
        return result;
    }

    /// <summary>A footnote's key before numbering: unique in the book because it includes the chapter file.</summary>
    public static string FootnoteKey(string chapterFile, string label) => chapterFile + ":" + label;

    // ---- Blocks ----------------------------------------------------------------------------------------------

    private List<Model.Block> ConvertBlocks(IEnumerable<MdBlock> children, int depth, SourceSpan parent)
    {
        var result = new List<Model.Block>();
        var blocks = children.ToList();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (depth < MaxBlockDepth && DetailsEnd(blocks, i) is var end and > 0 && ReadDetails(blocks, i, end, depth, parent) is { } details)
            {
                result.AddRange(details);
                i = end;
            }
            else if (depth < MaxBlockDepth && AlignedEnd(blocks, i) is (> 0 and var closing, var alignment))
            {
                result.AddRange(ReadAligned(blocks, i, closing, alignment, depth, parent));
                i = closing;
            }
            else ConvertBlock(blocks[i], depth, parent, result);
        }
        return RepeatedCaptionRule.Apply(result);
    }

    private void ConvertBlock(MdBlock block, int depth, SourceSpan parent, List<Model.Block> result)
    {
        var span = _source.Of(block, parent);
        string[] anchors = [.. _pendingAnchors];
        if (block is not (BlankLineBlock or LinkReferenceDefinitionGroup)) _pendingAnchors.Clear(); // anchors name only the block right after them
        var before = result.Count;
        switch (block)
        {
            case HeadingBlock h:
                // "{#id}" names the heading, else an HTML anchor in it or right before it; the id transform still
                // makes it a valid, unique id. The heading is the anchor's place, so the anchor itself goes. Other
                // anchors right before it name it too.
                var own = h.TryGetAttributes()?.Id ?? AnchorIn(h.Inline);
                result.Add(new Heading(h.Level, Inlines(h.Inline, 0, span).Where(i => i is not InlineAnchor).ToList(),
                    own ?? (anchors.Length > 0 ? anchors[^1] : ""), span) { Anchors = own != null || anchors.Length == 0 ? anchors : anchors[..^1] });
                break;
            case HtmlBlock html when AnchorOnly(LinesOf(html)) is { } names:
                _pendingAnchors.AddRange([.. anchors, .. names]);
                break;
            case ParagraphBlock p when AnchorParagraph(p) is { } names:
                _pendingAnchors.AddRange([.. anchors, .. names]);
                break;
            case YamlFrontMatterBlock:
                break; // read for its title by Read (a chapter without a heading gets it as one); never printed
            case CustomContainer container when depth < MaxBlockDepth:
                AddContainer(container, depth, span, result);
                break;
            case ParagraphBlock p when IsContentsMarker(p):
                break; // "[[toc]]" or "[TOC]": the book has its own table of contents
            case AlertBlock alert when depth < MaxBlockDepth:
                result.Add(new Admonition(AdmonitionKindOf(alert.Kind.ToString()), ConvertBlocks(alert, depth + 1, span), span));
                break;
            case ParagraphBlock p when TableContinuationExtension.IsContinuationRow(p):
                AddContinuationRow(p, span, result);
                break;
            case ParagraphBlock p:
                var content = ParagraphContent(p, span);
                if (DocsifyNote(content) is { } note)
                    result.Add(new Admonition(note.Kind, [new Paragraph(note.Content, span)], span));
                else AddParagraph(content, span, result);
                break;
            case QuoteBlock or MdListBlock when depth >= MaxBlockDepth:
                _diagnostics.Report(DiagnosticCodes.NestingTooDeep, span,
                    $"block quotes and lists nest deeper than {MaxBlockDepth} levels; the deeper ones are flattened into plain blocks");
                Flatten((ContainerBlock)block, depth, span, result);
                break;
            case QuoteBlock q:
                // An empty quote (an exporter's stray "> " line) shows nothing and is dropped.
                var quoted = ConvertBlocks(q, depth + 1, span);
                if (quoted.Count > 0) result.Add(new BlockQuote(quoted, span));
                break;
            case MdListBlock l:
                var items = l.OfType<ListItemBlock>().Select(i => ConvertListItem(i, depth, span)).ToArray();
                var start = l.IsOrdered && int.TryParse(l.OrderedStart, out var s) ? s : 1;
                result.Add(new ListBlock(l.IsOrdered, start, items, span));
                break;
            case MathMarkdownBlock m:
                result.Add(new DisplayMath(_formulas.Read(m.Content, true, m.Map), span));
                if (m.Trailing is { } trailing)
                {
                    // Text after the closing $$ on its line (often the sentence's punctuation) is kept, not dropped.
                    var trailingSpan = _source.At(m.TrailingOffset, trailing.Length);
                    result.Add(new Paragraph([new Text(trailing, trailingSpan)], trailingSpan));
                }
                break;
            case FencedCodeBlock f:
                var info = f.Info?.Trim();
                result.Add(new CodeBlock(string.IsNullOrEmpty(info) ? null : info.Split(' ')[0], LinesOf(f), span));
                break;
            case MdCodeBlock c:
                result.Add(new CodeBlock(null, LinesOf(c), span));
                break;
            case ThematicBreakBlock:
                result.Add(new ThematicBreak(span));
                break;
            case MdTable t:
                result.Add(ConvertTable(t, span));
                break;
            case HtmlBlock html:
                result.AddRange(RawHtmlMapper.MapBlocks(LinesOf(html), span, _context, _formulas.Read));
                break;
            case LinkReferenceDefinitionGroup or BlankLineBlock or FootnoteGroup:
                break; // definitions are resolved by Markdig into the links that use them; footnotes are read apart
            case DefinitionList list:
                Unsupported(span, "definition list", "terms are shown in bold, definitions as paragraphs");
                foreach (var item in list.OfType<DefinitionItem>())
                    foreach (var part in item)
                        if (part is DefinitionTerm term)
                        {
                            var termSpan = _source.Of(term, span);
                            result.Add(new Paragraph([new Strong(Inlines(term.Inline, 0, termSpan), termSpan)], termSpan));
                        }
                        else ConvertBlock(part, depth, span, result);
                break;
            case ContainerBlock other:
                Unsupported(span, other.GetType().Name, "its content is shown as plain blocks");
                result.AddRange(ConvertBlocks(other, depth, span));
                break;
            case LeafBlock leaf:
                Unsupported(span, leaf.GetType().Name, "it is shown as plain text");
                result.Add(new Paragraph([new Text(_source.TextOf(leaf), span)], span));
                break;
        }
        // An anchor on its own line before a paragraph names the paragraph's start; before any other block (a list,
        // a table, code …), the block. A heading without an id of its own (an HTML <h2>) takes it as its id.
        if (anchors.Length > 0 && block is not HeadingBlock && result.Count > before)
            result[before] = result[before] switch
            {
                Paragraph named => named with { Content = [.. anchors.Select(a => new InlineAnchor(a, named.Span)), .. named.Content] },
                Heading { Id: "" } heading => heading with { Id = anchors[^1], Anchors = [.. heading.Anchors, .. anchors[..^1]] },
                var other => other with { Anchors = [.. other.Anchors, .. anchors] },
            };
    }

    private static AdmonitionKind AdmonitionKindOf(string kind) => kind.ToUpperInvariant() switch
    {
        "TIP" => AdmonitionKind.Tip,
        "IMPORTANT" => AdmonitionKind.Important,
        "WARNING" => AdmonitionKind.Warning,
        "CAUTION" => AdmonitionKind.Caution,
        _ => AdmonitionKind.Note,
    };

    /// <summary>A leaf block's lines joined with "\n": Markdig keeps a Windows file's "\r\n" inside them.</summary>
    private static string LinesOf(LeafBlock block) => block.Lines.ToString().Replace("\r\n", "\n").Replace('\r', '\n');

    /// <summary>An image alone in its paragraph is a figure; an empty paragraph (whitespace only) is dropped.</summary>
    private static void AddParagraph(List<Model.Inline> content, SourceSpan span, List<Model.Block> result)
    {
        var visible = content.Where(i => i is not Text t || t.Value.Trim().Length > 0).ToArray();
        if (visible.Length == 0) return;
        if (visible is [InlineMath { Formula.Display: true } math])
        {
            // "$$ x $$" written inside a paragraph line, alone: display math, as on lines of its own.
            result.Add(new DisplayMath(math.Formula, span));
            return;
        }
        if (visible is [InlineImage image])
        {
            var caption = image.Image.Alt.Length > 0 ? new List<Model.Inline> { new Text(image.Image.Alt, image.Span) } : [];
            result.Add(new Figure(image.Image, caption, "", 0, span));
            return;
        }
        result.Add(new Paragraph(content, span));
    }

    /// <summary>
    /// A list item; a task item's box (Markdig's <see cref="TaskList"/> opening its first paragraph) becomes
    /// the item's <see cref="ListItem.Task"/>, its marker in every output, and leaves the paragraph's text.
    /// </summary>
    private ListItem ConvertListItem(ListItemBlock item, int depth, SourceSpan parent)
    {
        var box = (item.FirstOrDefault() as ParagraphBlock)?.Inline?.FirstChild as TaskList;
        // GFM wants white space after the box ("- [x]done" is text); Markdig also takes a glued one.
        if (box != null && box.NextSibling is LiteralInline next && !next.Content.IsEmpty && !char.IsWhiteSpace(next.Content.CurrentChar)) box = null;
        if (box != null) _itemBoxes.Add(box);
        return new ListItem(ConvertBlocks(item, depth + 1, parent), _source.Of(item, parent))
        {
            Task = box == null ? null : box.Checked ? TaskState.Done : TaskState.Open,
        };
    }

    /// <summary>
    /// Lifts the leaf blocks out of a too-deep quote or list, in reading order, without recursion: Markdig allows
    /// far deeper trees than anyone reads, and the model must stay shallow enough for every writer.
    /// </summary>
    private void Flatten(ContainerBlock container, int depth, SourceSpan parent, List<Model.Block> result)
    {
        var stack = new Stack<MdBlock>(container.Reverse());
        var leaves = new List<Model.Block>();
        while (stack.Count > 0)
        {
            var block = stack.Pop();
            if (block is QuoteBlock or MdListBlock or ListItemBlock)
                foreach (var child in ((ContainerBlock)block).Reverse()) stack.Push(child);
            else ConvertBlock(block, depth, parent, leaves);
        }
        result.AddRange(RepeatedCaptionRule.Apply(leaves));
    }

    private Table ConvertTable(MdTable table, SourceSpan span)
    {
        var rows = table.OfType<TableRow>().ToArray();
        var columns = rows.Length == 0 ? 0 : rows[0].Count;
        var alignments = Enumerable.Range(0, columns).Select(i =>
            i < table.ColumnDefinitions.Count
                ? table.ColumnDefinitions[i].Alignment switch
                {
                    TableColumnAlign.Left => ColumnAlignment.Left,
                    TableColumnAlign.Center => ColumnAlignment.Center,
                    TableColumnAlign.Right => ColumnAlignment.Right,
                    _ => ColumnAlignment.Default,
                }
                : ColumnAlignment.Default).ToArray();

        IReadOnlyList<TableCell> Row(TableRow row)
        {
            var rowSpan = _source.Of(row, span);
            var cells = row.OfType<MdTableCell>().Take(columns).Select(cell =>
            {
                var cellSpan = _source.Of(cell, rowSpan);
                var content = cell.OfType<LeafBlock>().SelectMany(leaf => Inlines(leaf.Inline, 0, cellSpan)).ToList();
                return new TableCell(content, cellSpan);
            }).ToList();
            // GFM: the header row fixes the number of columns; short rows are padded with empty cells.
            while (cells.Count < columns) cells.Add(new TableCell([], rowSpan));
            return cells;
        }

        var header = rows.Length == 0 ? [] : Row(rows[0]);
        return new Table(alignments, header, rows.Skip(1).Select(Row).ToArray(), span);
    }

    // ---- Inlines ---------------------------------------------------------------------------------------------

    private List<Model.Inline> Inlines(ContainerInline? container, int depth, SourceSpan parent) =>
        container == null ? [] : Inlines(container.ToArray(), depth, parent);

    private List<Model.Inline> Inlines(MdInline[] children, int depth, SourceSpan parent)
    {
        var result = new List<Model.Inline>();
        var softBreaks = new List<int>();
        for (var i = 0; i < children.Length; i++)
        {
            var child = children[i];
            var span = _source.Of(child, parent);
            switch (child)
            {
                case LiteralInline literal:
                    // The space between a task item's box and its text goes with the box.
                    var literalText = literal.Content.ToString();
                    result.Add(new Text(i == 1 && children[0] is TaskList box && _itemBoxes.Contains(box) ? literalText.TrimStart() : literalText, span));
                    break;
                case TaskList task when _itemBoxes.Contains(task):
                    // The box is the item's marker (ListItem.Task), drawn by each output where the bullet would be.
                    break;
                case TaskList:
                    // Not an item's box (mid-paragraph, glued to the text, or in a list flattened for depth): its
                    // source text, "[x]", as GitHub shows it.
                    result.Add(new Text(_source.TextOf(child), span));
                    break;
                case ContainerInline when depth >= MaxInlineDepth:
                    _diagnostics.Report(DiagnosticCodes.NestingTooDeep, span,
                        $"emphasis and links nest deeper than {MaxInlineDepth} levels; the inner part is shown as its source text");
                    result.Add(new Text(_source.TextOf(child), span));
                    break;
                case EmphasisInline emphasis:
                    AddEmphasis(emphasis, Inlines(emphasis, depth + 1, span), span, result);
                    break;
                case CodeInline code:
                    result.Add(new InlineCode(code.Content, span));
                    break;
                case LinkInline { IsImage: true } image:
                    var alt = Model.Inline.PlainText(Inlines(image, depth + 1, span));
                    result.Add(new InlineImage(WithTitleOptions(ImageReferenceResolver.Resolve(ImageUrl(image), alt, _context, span), image.Title), span));
                    break;
                case LinkInline link:
                    AddLink(link.Url ?? "", string.IsNullOrEmpty(link.Title) ? null : link.Title, Inlines(link, depth + 1, span), span, result);
                    break;
                case AutolinkInline auto:
                    AddLink(auto.IsEmail ? "mailto:" + auto.Url : auto.Url, null, [new Text(auto.Url, span)], span, result);
                    break;
                case LineBreakInline { IsHard: true }:
                    result.Add(new LineBreak(span));
                    break;
                case LineBreakInline:
                    softBreaks.Add(result.Count);
                    result.Add(new Text("\n", span));
                    break;
                case HtmlEntityInline entity:
                    result.Add(new Text(entity.Transcoded.ToString(), span));
                    break;
                case FootnoteLink { IsBackLink: true }:
                    break; // Markdig's "return to text" arrow; writers make their own
                case FootnoteLink note:
                    result.Add(new FootnoteReference(FootnoteKey(_context.ChapterFile, (note.Footnote.Label ?? "").TrimStart('^')), 0, span));
                    break;
                case HtmlInline html:
                    result.Add(new HtmlTag(html.Tag, span));
                    break;
                case MathMarkdownInline math:
                    result.Add(new InlineMath(_formulas.Read(math.Content, math.Display, math.Map), span));
                    break;
                case ContainerInline other:
                    result.AddRange(Inlines(other, depth + 1, span));
                    break;
                default:
                    Unsupported(span, child.GetType().Name, "it is shown as its source text");
                    result.Add(new Text(_source.TextOf(child), span));
                    break;
            }
        }
        ResolveSoftBreaks(result, softBreaks);
        return SpacedImagePaths(MergeTexts(result.Any(r => r is HtmlTag) ? MapHtml(result) : result));
    }

    private static void AddEmphasis(EmphasisInline emphasis, List<Model.Inline> content, SourceSpan span, List<Model.Inline> result)
    {
        if (content.Count == 0) return;
        Model.Inline node = emphasis.DelimiterChar switch
        {
            '~' => new Strikethrough(content, span),
            '=' => new MarkedText(TextMark.Highlight, content, span),
            _ => emphasis.DelimiterCount >= 2 ? new Strong(content, span) : new Emphasis(content, span),
        };
        // "****bold****" parses as strong inside strong: bold is bold, once.
        node = node switch
        {
            Strong when content is [Strong inner] => inner with { Span = span },
            Strikethrough when content is [Strikethrough inner] => inner with { Span = span },
            _ => node,
        };
        result.Add(node);
    }

    private void AddLink(string url, string? title, List<Model.Inline> content, SourceSpan span, List<Model.Inline> result)
    {
        var target = LinkTargetResolver.Resolve(url, _context, span);
        if (target == null) result.AddRange(content);
        else if (content.Count == 0) result.Add(new Link(target, title, [new Text(target.StartsWith("mailto:") ? target[7..] : target, span)], span)); // "[](url)": show the URL rather than an invisible link
        else result.Add(new Link(target, title, content, span));
    }

    /// <summary>A raw HTML tag (or comment) among a paragraph's inlines, until <see cref="MapHtml"/> has mapped the run.</summary>
    private sealed record HtmlTag(string Tag, SourceSpan Span) : Model.Inline(Span)
    {
        internal override void AppendPlainText(System.Text.StringBuilder sb) { }
    }

    /// <summary>
    /// Maps a run of inlines holding raw HTML tags: the tags, with every other inline as a slot between them, go
    /// through the HTML parser together (<see cref="RawHtmlMapper"/>), so &lt;sup&gt;**2**&lt;/sup&gt; is one
    /// superscript and an unclosed tag closes where HTML closes it. A tag whose name is no HTML element
    /// (&lt;T&gt;, &lt;begin&gt;) is text, slotted in as written.
    /// </summary>
    private List<Model.Inline> MapHtml(List<Model.Inline> inlines)
    {
        var html = new System.Text.StringBuilder();
        var slots = new List<IReadOnlyList<Model.Inline>>();
        var positions = new List<(int Index, SourceSpan Span)>();
        foreach (var inline in inlines)
        {
            positions.Add((html.Length, inline.Span));
            if (inline is HtmlTag tag && IsMarkup(tag.Tag) && slots.Count < RawHtmlMapper.MaxSlots)
                html.Append(tag.Tag);
            else if (slots.Count < RawHtmlMapper.MaxSlots)
            {
                slots.Add(inline is HtmlTag word ? [new Text(word.Tag, word.Span)] : [inline]);
                html.Append(RawHtmlMapper.SlotCharacter(slots.Count - 1));
            }
            else
            {
                // Past the slots one run can have: the rest is kept in the last slot, as it is.
                slots[^1] = [.. slots[^1], inline is HtmlTag extra ? new Text(extra.Tag, extra.Span) : inline];
            }
        }
        SourceSpan SpanAt(int index)
        {
            var at = positions.FindLastIndex(p => p.Index <= index);
            return positions[Math.Max(at, 0)].Span;
        }
        return RawHtmlMapper.MapInlines(html.ToString(), slots, SpanAt, _context, _formulas.Read);
    }

    /// <summary>
    /// Whether a tag goes to the HTML parser: a comment, an HTML element, or a site component (which the mapper shows
    /// by what it holds, <see cref="SiteComponentTag"/>); any other tag-like word is text.
    /// </summary>
    private static bool IsMarkup(string tag) =>
        IsCommentOrDeclaration(tag) || HtmlFragmentParser.IsHtmlElement(TagName(tag)) || SiteComponentTag.IsComponent(tag, out _);

    private static bool IsCommentOrDeclaration(string tag) => tag.StartsWith("<!", StringComparison.Ordinal) || tag.StartsWith("<?", StringComparison.Ordinal);

    [GeneratedRegex(@"^</?([A-Za-z][A-Za-z0-9-]*)")]
    private static partial Regex TagNamePattern();

    private static string TagName(string tag)
    {
        var m = TagNamePattern().Match(tag);
        return m.Success ? m.Groups[1].Value : "";
    }

    /// <summary>Each soft break becomes "" or " " by <see cref="SoftBreakRule"/>, from the text on either side.</summary>
    private static void ResolveSoftBreaks(List<Model.Inline> inlines, List<int> softBreaks)
    {
        foreach (var i in softBreaks)
        {
            var before = i > 0 ? Model.Inline.PlainText([inlines[i - 1]]) : "";
            var after = i + 1 < inlines.Count ? Model.Inline.PlainText([inlines[i + 1]]) : "";
            inlines[i] = new Text(SoftBreakRule.Replacement(before, after), inlines[i].Span);
        }
    }

    [GeneratedRegex(@"\[\^([^\]\s]+)\]")]
    private static partial Regex UndefinedFootnote();

    /// <summary>
    /// Joins neighbouring text nodes (Markdig splits text at every special character) and reports footnote
    /// references left as text: Markdig keeps "[^x]" literally when no definition "[^x]:" exists.
    /// </summary>
    private List<Model.Inline> MergeTexts(List<Model.Inline> inlines)
    {
        var merged = new List<Model.Inline>(inlines.Count);
        foreach (var inline in inlines)
        {
            if (inline is Text { Value.Length: 0 }) continue;
            if (inline is Text t && merged.Count > 0 && merged[^1] is Text previous)
            {
                var length = previous.Span.Line == t.Span.Line ? t.Span.Column + t.Span.Length - previous.Span.Column : previous.Span.Length + t.Span.Length;
                merged[^1] = new Text(previous.Value + t.Value, previous.Span with { Length = Math.Max(length, 0) });
            }
            else merged.Add(inline);
        }
        foreach (var text in merged.OfType<Text>())
            foreach (Match m in UndefinedFootnote().Matches(text.Value))
                _diagnostics.Report(DiagnosticCodes.UnknownFootnote, At(text, m.Index),
                    $"footnote reference '[^{m.Groups[1].Value}]' has no definition ('[^{m.Groups[1].Value}]: …'); it is shown as text");
        return merged;
    }

    /// <summary>The position of a character of a text node, when the text before it lies on the node's first line.</summary>
    private static SourceSpan At(Text text, int index) =>
        text.Value.AsSpan(0, index).Contains('\n') ? text.Span : text.Span with { Column = text.Span.Column + index, Length = 0 };

    private void Unsupported(SourceSpan span, string construct, string fallback) =>
        _diagnostics.Report(DiagnosticCodes.UnsupportedConstruct, span, $"{construct} is not supported; {fallback}");

    /// <summary>The fallback when Markdig refuses a file: its text, one paragraph per run of non-blank lines.</summary>
    private List<Model.Block> PlainParagraphs(string text)
    {
        var blocks = new List<Model.Block>();
        var lines = text.Split('\n');
        var offset = 0;
        var start = -1;
        var buffer = new List<string>();
        for (var i = 0; i <= lines.Length; i++)
        {
            var line = i < lines.Length ? lines[i].TrimEnd('\r') : "";
            if (line.Trim().Length > 0)
            {
                if (buffer.Count == 0) start = offset;
                buffer.Add(line.Trim());
            }
            else if (buffer.Count > 0)
            {
                var span = _source.At(start, offset - start);
                blocks.Add(new Paragraph([new Text(string.Join(" ", buffer), span)], span));
                buffer.Clear();
            }
            if (i < lines.Length) offset += lines[i].Length + 1;
        }
        return blocks;
    }
}
