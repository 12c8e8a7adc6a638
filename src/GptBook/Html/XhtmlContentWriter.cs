using System.Globalization;
using System.Text;
using System.Xml;
using GptBook.Diagnostics;
using GptBook.Formulas;
using GptBook.Html.MathML;
using GptBook.Model;
using GptBook.Policies;

namespace GptBook.Html;

/// <summary>
/// Writes the content of chunks (model blocks and inlines) as XHTML elements through an <see cref="XmlWriter"/>,
/// so the output is always well-formed. It writes what goes inside <c>&lt;body&gt;</c>; the page around it
/// (head, styles, navigation) belongs to the EPUB or site writer. Every non-void element gets an explicit end tag,
/// so the markup is also valid HTML5 syntax. Internal links are resolved through the chunk map, so <c>#id</c>
/// works across files.
/// </summary>
public sealed class XhtmlContentWriter(HtmlContentContext context)
{
    private readonly HashSet<SourceSpan> _reportedInvalidText = [];

    /// <summary>
    /// The chunk's blocks, then its footnotes (if any) in a notes section at the end. In the EPUB each heading opens
    /// a <c>section</c> that holds everything up to the next heading of its level or above, so the sections nest
    /// as the headings do (what assistive technology and epubcheck's structure checks read); an h1's section is
    /// the chapter.
    /// </summary>
    public void WriteChunk(XmlWriter xml, Chunk chunk)
    {
        var state = new ChunkState(chunk);
        var open = new Stack<int>();
        foreach (var block in chunk.Blocks)
        {
            if (context.Flavor == HtmlFlavor.Epub && block is Heading h)
            {
                while (open.Count > 0 && open.Peek() >= h.Level) { End(xml); open.Pop(); }
                Start(xml, "section");
                if (h.Level == 1)
                {
                    EpubType(xml, "chapter");
                    Attr(xml, "role", "doc-chapter");
                }
                if (h.Id.Length > 0) Attr(xml, "aria-labelledby", h.Id);
                open.Push(h.Level);
            }
            WriteBlock(xml, block, state);
        }
        while (open.Count > 0) { End(xml); open.Pop(); }
        WriteFootnotes(xml, state);
    }

    /// <summary>
    /// Inline content outside the chunk's flow (a heading's text in a table of contents), as seen from
    /// <paramref name="from"/>. Links inside are written as their text, since the caller wraps the whole in a link.
    /// </summary>
    public void WriteInlines(XmlWriter xml, IReadOnlyList<Inline> inlines, Chunk from) =>
        WriteFlow(xml, inlines, new ChunkState(from) { InsideLink = true });

    private void WriteBlock(XmlWriter xml, Block block, ChunkState state)
    {
        // A printed page that begins inside a paragraph or heading is marked at its line (WriteFlow); one that
        // begins at any other block is marked just before it.
        if (block is not (Heading or Paragraph))
            foreach (var page in context.PageMap.StartsIn(block)) WritePageBreak(xml, page.Label);
        foreach (var anchor in block.Anchors)
        {
            // An empty element right before the block: the place a link to the anchor arrives at, showing nothing.
            Start(xml, "div");
            Attr(xml, "id", anchor);
            End(xml);
        }
        switch (block)
        {
            case Heading h:
                Start(xml, "h" + Math.Clamp(h.Level, 1, 6));
                Attr(xml, "id", h.Id);
                AlignmentClass(xml, h.Alignment);
                WriteFlow(xml, h.Content, state, block);
                End(xml);
                break;
            case Paragraph p:
                Start(xml, "p");
                AlignmentClass(xml, p.Alignment);
                var restore = Lang(xml, Inline.PlainText(p.Content), state);
                WriteFlow(xml, p.Content, state, block);
                state.Language = restore;
                End(xml);
                break;
            case Figure f:
                WriteFigure(xml, f, state);
                break;
            case Admonition a:
                // A GitHub alert or VuePress container: its label first, in the book's language, then its blocks; role=note for readers.
                Start(xml, "div");
                Attr(xml, "class", "admonition admonition-" + a.Kind.ToString().ToLowerInvariant());
                Attr(xml, "role", "note");
                Start(xml, "p");
                Attr(xml, "class", "admonition-title");
                xml.WriteString(a.Label(context.Labels));
                End(xml);
                foreach (var child in a.Blocks) WriteBlock(xml, child, state);
                End(xml);
                break;
            case Details d:
                // Closed under its summary, as on GitHub, unless the author opened it; a reading system without
                // <details> shows it open.
                Start(xml, "details");
                Attr(xml, "class", "details");
                if (d.Open) Attr(xml, "open", "open");
                Start(xml, "summary");
                WriteFlow(xml, d.Summary, state);
                End(xml);
                foreach (var child in d.Blocks) WriteBlock(xml, child, state);
                End(xml);
                break;
            case BlockQuote q:
                Start(xml, "blockquote");
                var outer = Lang(xml, BlockText(q), state);
                foreach (var child in q.Blocks) WriteBlock(xml, child, state);
                state.Language = outer;
                End(xml);
                break;
            case ListBlock l:
                WriteList(xml, l, state);
                break;
            case CodeBlock c:
                Start(xml, "pre");
                Start(xml, "code");
                var language = CssToken(c.Language);
                if (language != null) Attr(xml, "class", "language-" + language);
                WriteCode(xml, c);
                End(xml);
                End(xml);
                break;
            case ThematicBreak:
                Start(xml, "hr");
                xml.WriteEndElement();
                break;
            case Table t:
                WriteTable(xml, t, state);
                break;
            case DisplayMath math:
                WriteDisplayMath(xml, math.Formula);
                break;
            default:
                throw new NotSupportedException($"no XHTML form for block {block.GetType().Name}");
        }
    }

    private void WriteFigure(XmlWriter xml, Figure figure, ChunkState state)
    {
        Start(xml, "figure");
        Attr(xml, "id", figure.Id);
        Attr(xml, "class", "figure");
        var image = context.ResolveImage(figure.Image);
        if (image.HasPicture) WriteImg(xml, image, figure.Image, "figure-image", state);
        // The alt text tells what the missing picture shows, unless the caption below already says it.
        var placeholderAlt = figure.Image.Alt == Inline.PlainText(figure.Caption) ? "" : figure.Image.Alt;
        if (image.IsPlaceholder) WritePlaceholder(xml, "div", placeholderAlt);
        // No caption, no figcaption: a bare "图 1" tells the reader nothing.
        if (figure.HasCaption)
        {
            Start(xml, "figcaption");
            if (figure.Number > 0)
            {
                Start(xml, "span");
                Attr(xml, "class", "figure-label");
                xml.WriteString(context.Labels.FigureLabel(figure.Number));
                End(xml);
                if (figure.HasCaption) xml.WriteString(context.Labels.CaptionSeparator);
            }
            WriteFlow(xml, figure.Caption, state);
            End(xml);
        }
        End(xml);
    }

    /// <summary>
    /// The site states the pixel size so the page doesn't jump while pictures load. The EPUB doesn't: calibre (and
    /// with it every Kindle conversion) turns width/height attributes into fixed sizes that override the
    /// stylesheet's max-width, which squeezes a wide figure into the screen width at its full height; the
    /// stylesheet's max-width and height:auto keep the picture's own aspect ratio everywhere.
    /// </summary>
    private void WriteImg(XmlWriter xml, HtmlImage image, ImageReference reference, string cssClass, ChunkState state)
    {
        var alt = reference.Alt;
        if (ImageSizeClasses.Of(reference, image.PixelWidth, image.PixelHeight) is { } size) cssClass += " " + size;
        if (image.SvgMarkup != null)
        {
            InlineSvgWriter.Write(xml, image.SvgMarkup, alt, cssClass, $"svg{++state.SvgCount}-", keepSize: context.Flavor != HtmlFlavor.Epub);
            return;
        }
        Start(xml, "img");
        Attr(xml, "src", image.Src!);
        if (image.SrcSet != null) Attr(xml, "srcset", image.SrcSet);
        Attr(xml, "alt", alt);
        if (context.Flavor != HtmlFlavor.Epub && image.PixelWidth > 0 && image.PixelHeight > 0)
        {
            Attr(xml, "width", image.PixelWidth.ToString(CultureInfo.InvariantCulture));
            Attr(xml, "height", image.PixelHeight.ToString(CultureInfo.InvariantCulture));
        }
        Attr(xml, "class", cssClass);
        xml.WriteEndElement();
    }

    /// <summary>
    /// A visible box (block or inline) that says, in the book's language, that the image is missing, and what it
    /// would show (the alt text) if known. Why it is missing (a path, a decoder's message) is for the author, who
    /// has it as a diagnostic; the reader never sees it.
    /// </summary>
    private void WritePlaceholder(XmlWriter xml, string element, string alt)
    {
        var child = element == "div" ? "p" : "span";
        Start(xml, element);
        Attr(xml, "class", "image-placeholder");
        Start(xml, child);
        Attr(xml, "class", "image-placeholder-label");
        xml.WriteString(context.Labels.ImageMissing);
        End(xml);
        if (alt.Length > 0)
        {
            if (element == "span") xml.WriteString(" ");
            Start(xml, child);
            Attr(xml, "class", "image-placeholder-alt");
            xml.WriteString(alt);
            End(xml);
        }
        End(xml);
    }

    private void WriteList(XmlWriter xml, ListBlock list, ChunkState state)
    {
        Start(xml, list.Ordered ? "ol" : "ul");
        if (list.Items.Any(i => i.Task != null)) Attr(xml, "class", "task-list");
        if (list.Ordered && list.Start != 1) Attr(xml, "start", list.Start.ToString(CultureInfo.InvariantCulture));
        foreach (var item in list.Items)
        {
            Start(xml, "li");
            if (item.TaskBox != null) Attr(xml, "class", "task-item");
            var outer = Lang(xml, string.Concat(item.Blocks.Select(BlockText)), state);
            if (item.TaskBox != null) WriteTaskBox(xml, item);
            // A leading paragraph is written as the item's own text, so tight lists don't gain paragraph spacing.
            var skip = 0;
            if (item.Blocks.Count > 0 && item.Blocks[0] is Paragraph lead)
            {
                WriteFlow(xml, lead.Content, state, lead);
                skip = 1;
            }
            foreach (var child in item.Blocks.Skip(skip)) WriteBlock(xml, child, state);
            state.Language = outer;
            End(xml);
        }
        End(xml);
    }

    /// <summary>
    /// A task item's box as text in its own span, which the stylesheets hang where the bullet would be: text, not an
    /// <c>&lt;input&gt;</c>, so nothing on the page is interactive and copy, search and screen readers get ☐ or ☑.
    /// </summary>
    private static void WriteTaskBox(XmlWriter xml, ListItem item)
    {
        Start(xml, "span");
        Attr(xml, "class", "task-box");
        xml.WriteString(item.TaskBox);
        End(xml);
    }

    private void WriteTable(XmlWriter xml, Table table, ChunkState state)
    {
        Start(xml, "div");
        Attr(xml, "class", "table-wrap");
        Start(xml, "table");
        Start(xml, "thead");
        WriteRow(xml, table, table.Header, "th", state);
        End(xml);
        if (table.Rows.Count > 0)
        {
            Start(xml, "tbody");
            foreach (var row in table.Rows) WriteRow(xml, table, row, "td", state);
            End(xml);
        }
        End(xml);
        End(xml);
    }

    /// <summary>
    /// The author's alignment of a paragraph or heading as a class of the stylesheets (align-center, align-right,
    /// align-left), never an inline style: the site's policy blocks those, and the EPUB keeps its styling in one sheet.
    /// </summary>
    private static void AlignmentClass(XmlWriter xml, BlockAlignment alignment)
    {
        if (alignment != BlockAlignment.Default) Attr(xml, "class", "align-" + alignment.ToString().ToLowerInvariant());
    }

    private void WriteRow(XmlWriter xml, Table table, IReadOnlyList<TableCell> cells, string cellElement, ChunkState state)
    {
        Start(xml, "tr");
        for (var i = 0; i < cells.Count; i++)
        {
            Start(xml, cellElement);
            var alignment = i < table.Alignments.Count ? table.Alignments[i] : ColumnAlignment.Default;
            if (alignment != ColumnAlignment.Default)
                Attr(xml, "style", "text-align: " + alignment.ToString().ToLowerInvariant());
            WriteFlow(xml, cells[i].Content, state);
            End(xml);
        }
        End(xml);
    }

    private void WriteFootnotes(XmlWriter xml, ChunkState state)
    {
        if (state.Chunk.Footnotes.Count == 0) return;
        Start(xml, "section");
        Attr(xml, "class", "footnotes");
        EpubType(xml, "footnotes");
        Attr(xml, "aria-label", context.Labels.Footnotes);
        foreach (var note in state.Chunk.Footnotes)
        {
            Start(xml, "aside");
            Attr(xml, "id", note.Id);
            Attr(xml, "class", "footnote");
            EpubType(xml, "footnote");
            Attr(xml, "role", "doc-footnote");
            var backHref = context.Book.Href(ChunkedBook.FootnoteReferenceId(note.Id), state.Chunk);
            // The number (a back-link when the note is referenced) leads the note's first paragraph.
            var blocks = note.Blocks;
            Start(xml, "p");
            WriteFootnoteNumber(xml, note, backHref);
            if (blocks.Count > 0 && blocks[0] is Paragraph first)
            {
                xml.WriteString(" ");
                WriteFlow(xml, first.Content, state, first);
                blocks = blocks.Skip(1).ToArray();
            }
            End(xml);
            foreach (var block in blocks) WriteBlock(xml, block, state);
            End(xml);
        }
        End(xml);
    }

    private static void WriteFootnoteNumber(XmlWriter xml, Footnote note, string? backHref)
    {
        var number = note.Number.ToString(CultureInfo.InvariantCulture);
        if (backHref == null)
        {
            Start(xml, "span");
            Attr(xml, "class", "footnote-number");
            xml.WriteString(number);
            End(xml);
            return;
        }
        Start(xml, "a");
        Attr(xml, "href", backHref);
        Attr(xml, "class", "footnote-number");
        Attr(xml, "role", "doc-backlink");
        xml.WriteString(number);
        End(xml);
    }

    /// <summary>
    /// A run of inline content that starts a new line of text (a paragraph, a heading, a cell …). When it is a
    /// block's text (<paramref name="block"/>), the printed pages that begin in it are marked where their first
    /// line begins.
    /// </summary>
    private void WriteFlow(XmlWriter xml, IReadOnlyList<Inline> inlines, ChunkState state, Block? block = null)
    {
        state.Previous = 0;
        state.Position = 0;
        state.PageBreaks.Clear();
        if (block != null)
            foreach (var (at, label) in PageBreakPositions(inlines, context.PageMap.StartsIn(block)))
                state.PageBreaks.Enqueue((at, label));
        WriteInlines(xml, inlines, state, after: 0);
        while (state.PageBreaks.TryDequeue(out var rest)) WritePageBreak(xml, rest.Label);
        state.Previous = 0;
    }

    /// <summary>
    /// Where in the flow's text (counted as the print layout counts it, see <see cref="LayoutLength"/>) each page
    /// begins: the occurrence of the page's first characters nearest to the layout's count, which can be a
    /// character or two off per line (a space dropped at a line end).
    /// </summary>
    private static IEnumerable<(int At, string Label)> PageBreakPositions(IReadOnlyList<Inline> inlines, IReadOnlyList<PrintPageStart> pages)
    {
        if (pages.Count == 0) return [];
        var text = new StringBuilder();
        foreach (var leaf in inlines.SelectMany(i => i.DescendantsAndSelf()).Where(i => i.Children.Count == 0)) text.Append(LayoutText(leaf));
        var flow = text.ToString();
        return pages.Select(page =>
        {
            var position = page.Position;
            if (position.IsBlockStart) return (0, page.Label);
            var best = Math.Clamp(position.Offset, 0, flow.Length);
            if (position.Lead.Length > 0)
            {
                var nearest = -1;
                for (var i = flow.IndexOf(position.Lead, StringComparison.Ordinal); i >= 0; i = flow.IndexOf(position.Lead, i + 1, StringComparison.Ordinal))
                    if (nearest < 0 || Math.Abs(i - position.Offset) < Math.Abs(nearest - position.Offset)) nearest = i;
                if (nearest >= 0) best = nearest;
            }
            return (best, page.Label);
        }).OrderBy(p => p.Item1).ToArray();
    }

    /// <summary>An inline's text as the print layout sets it: an inline picture as its alt in brackets, a note reference as its number.</summary>
    private static string LayoutText(Inline leaf) => leaf switch
    {
        Model.Text t => t.Value,
        InlineCode c => c.Code,
        InlineImage i => "[" + i.Image.Alt + "]",
        FootnoteReference r => r.Number.ToString(CultureInfo.InvariantCulture),
        LineBreak => "",
        _ => Inline.PlainText([leaf]),
    };

    private static int LayoutLength(Inline leaf) => LayoutText(leaf).Length;

    /// <summary>
    /// An empty marker where a printed page begins: <c>epub:type="pagebreak"</c> with the folio as its label, and
    /// an id the page list points to. The site has no page list, so it gets none.
    /// </summary>
    private void WritePageBreak(XmlWriter xml, string label)
    {
        if (context.Flavor != HtmlFlavor.Epub) return;
        Start(xml, "span");
        Attr(xml, "id", PageBreakId(label));
        EpubType(xml, "pagebreak");
        Attr(xml, "role", "doc-pagebreak");
        Attr(xml, "aria-label", label);
        End(xml);
    }

    /// <summary>The id of the marker for the printed page labelled <paramref name="label"/>.</summary>
    public static string PageBreakId(string label) =>
        "page-" + new string(label.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());

    /// <summary>Writes <c>lang</c> when the passage is in another language than the one in force; returns the one to restore after it.</summary>
    private string? Lang(XmlWriter xml, string text, ChunkState state)
    {
        var before = state.Language;
        var book = context.Book.Book.Metadata.Language;
        var effective = PassageLanguage.Of(text, book) ?? book;
        if (!string.Equals(effective, before ?? book, StringComparison.OrdinalIgnoreCase))
        {
            Attr(xml, "lang", effective);
            xml.WriteAttributeString("xml", "lang", XhtmlNames.Xml, effective);
            state.Language = effective;
        }
        return before;
    }

    private static string BlockText(Block block) =>
        string.Concat(block.DescendantsAndSelf().SelectMany(b => b.InlineContent()).Select(Inline.PlainText));

    /// <param name="after">The character that follows these inlines in the flow (0 at a wall), for Han–Latin spacing.</param>
    /// <remarks>An inline formula is kept on one line with the punctuation around it (<see cref="FormulaPunctuationBinding"/>).</remarks>
    private void WriteInlines(XmlWriter xml, IReadOnlyList<Inline> inlines, ChunkState state, int after)
    {
        var (items, bound) = FormulaPunctuationBinding.Apply(inlines);
        var run = 0;
        for (var i = 0; i < items.Count; i++)
        {
            if (run < bound.Count && bound[run].First == i)
            {
                Start(xml, "span");
                Attr(xml, "class", "nobr");
            }
            WriteInline(xml, items[i], state, FirstCodePoint(items, i + 1, after));
            if (run < bound.Count && bound[run].Last == i)
            {
                End(xml);
                run++;
            }
        }
    }

    private void WriteInline(XmlWriter xml, Inline inline, ChunkState state, int after)
    {
        switch (inline)
        {
            case Model.Text t:
                WriteTextWithPageBreaks(xml, t, state, after);
                return;
            case Emphasis e:
                Wrap(xml, "em", e.Content, state, after);
                return;
            case Strong s:
                Wrap(xml, "strong", s.Content, state, after);
                return;
            case Strikethrough s:
                Wrap(xml, "del", s.Content, state, after);
                return;
            case MarkedText m:
                Wrap(xml, m.Mark switch { TextMark.Superscript => "sup", TextMark.Subscript => "sub", TextMark.Highlight => "mark", _ => "kbd" }, m.Content, state, after);
                return;
            case Link l:
                WriteLink(xml, l, state, after);
                return;
        }
        // Everything else is a wall for Han–Latin spacing: no gap is added against code, a picture or a note mark.
        // A page that begins inside it is marked before it.
        var length = inline.Children.Count == 0 ? LayoutLength(inline) : 0;
        while (state.PageBreaks.TryPeek(out var page) && page.At < state.Position + Math.Max(1, length))
            WritePageBreak(xml, state.PageBreaks.Dequeue().Label);
        WriteOther(xml, inline, state);
        state.Position += length;
        state.Previous = 0;
    }

    /// <summary>A text inline, cut where printed pages begin inside it, each piece with its Han–Latin marks.</summary>
    private void WriteTextWithPageBreaks(XmlWriter xml, Model.Text t, ChunkState state, int after)
    {
        var value = t.Value;
        var from = 0;
        while (state.PageBreaks.TryPeek(out var page) && page.At < state.Position + value.Length)
        {
            var cut = Math.Clamp(page.At - state.Position, from, value.Length);
            if (cut > from)
            {
                WriteProse(xml, value[from..cut], t.Span, state.Previous, HanLatinText.CodePointAt(value, cut));
                state.Previous = HanLatinText.LastCodePoint(value.AsSpan(from, cut - from));
            }
            WritePageBreak(xml, state.PageBreaks.Dequeue().Label);
            from = cut;
        }
        if (from < value.Length)
        {
            WriteProse(xml, value[from..], t.Span, state.Previous, after);
            state.Previous = HanLatinText.LastCodePoint(value);
        }
        state.Position += value.Length;
    }

    private void WriteOther(XmlWriter xml, Inline inline, ChunkState state)
    {
        switch (inline)
        {
            case InlineCode c:
                Start(xml, "code");
                WriteText(xml, c.Code, c.Span);
                End(xml);
                break;
            case InlineImage i:
                var image = context.ResolveImage(i.Image);
                if (image.HasPicture) WriteImg(xml, image, i.Image, "inline-image", state);
                if (image.IsPlaceholder) WritePlaceholder(xml, "span", i.Image.Alt);
                break;
            case LineBreak:
                Start(xml, "br");
                xml.WriteEndElement();
                break;
            case FootnoteReference r:
                WriteNoteReference(xml, r, state);
                break;
            case InlineMath math:
                WriteInlineMath(xml, math.Formula, state);
                break;
            case InlineAnchor anchor:
                // An empty span: the place a link arrives at, showing nothing.
                Start(xml, "span");
                Attr(xml, "id", anchor.Id);
                End(xml);
                break;
            default:
                throw new NotSupportedException($"no XHTML form for inline {inline.GetType().Name}");
        }
    }

    /// <summary>
    /// Display math: a <c>div</c> around the block <c>math</c>. An equation with one number carries its anchor on
    /// the div and the number at the right margin; an align numbers its lines inside the table. As pictures, a
    /// numbered align is one centred line per row, each with its anchor and its number as text.
    /// </summary>
    private void WriteDisplayMath(XmlWriter xml, MathFormula formula)
    {
        if (DrawsNothing(formula)) return;
        var numberedRows = formula.NumberedTable is { } table && ReferenceEquals(table, formula.Root) && formula.Numbers.Count > 0;
        var single = numberedRows ? null : formula.Numbers.Count > 0 ? formula.Numbers[0] : null;
        if (numberedRows && context.FormulaPictures is { } pictures)
        {
            WritePictureRows(xml, formula, pictures.Rows(formula));
            return;
        }
        Start(xml, "div");
        Attr(xml, "class", single is null ? "math-display" : "math-display numbered");
        if (single?.Id is { } id) Attr(xml, "id", id);
        // The number comes first and floats right, so it shares the formula's line without flex or positioning,
        // which older e-reader engines lack.
        if (single?.Display is { } number) WriteEquationNumber(xml, number);
        if (context.FormulaPictures is { } drawn) WriteFormulaPicture(xml, drawn.Of(formula), formula.Source.Trim(), display: true);
        else MathMLWriter.Write(xml, formula, block: true);
        End(xml);
    }

    private static void WriteEquationNumber(XmlWriter xml, string number)
    {
        Start(xml, "span");
        Attr(xml, "class", "equation-number");
        xml.WriteString(number);
        End(xml);
    }

    /// <summary>
    /// The lines of a numbered align as pictures. The first carries the whole formula's TeX as its alternative text,
    /// the others none (they are part of what it says), so a screen reader reads the formula once, with its numbers.
    /// </summary>
    private static void WritePictureRows(XmlWriter xml, MathFormula formula, IReadOnlyList<FormulaPicture> rows)
    {
        Start(xml, "div");
        Attr(xml, "class", "math-display math-rows");
        for (var r = 0; r < rows.Count; r++)
        {
            var number = formula.Numbers.FirstOrDefault(n => n.Row == r);
            Start(xml, "div");
            Attr(xml, "class", "math-row");
            if (number?.Id is { } id) Attr(xml, "id", id);
            if (number?.Display is { } shown) WriteEquationNumber(xml, shown);
            WriteFormulaPicture(xml, rows[r], r == 0 ? formula.Source.Trim() : "", display: true);
            End(xml);
        }
        End(xml);
    }

    /// <summary>
    /// A formula picture sized in em, so it scales with the reader's font size. In running text it is lowered by its
    /// depth so that its baseline is the line's and it sits on the text like the characters around it. A display
    /// picture (<paramref name="display"/>) stands alone on its line, so it gives only its width: the stylesheet
    /// lets it shrink to the column (<c>max-width</c>) with its height following its aspect ratio, as a wide display
    /// must on a phone, where a fixed height would squash it. Its alternative text is the TeX source; an empty one (a
    /// later line of an align) marks it as decoration. No <c>role="math"</c>: the EPUB schema allows no such role on
    /// <c>img</c> (epubcheck), and an image with alt text is announced by it anyway.
    /// </summary>
    private static void WriteFormulaPicture(XmlWriter xml, FormulaPicture picture, string alt, bool display)
    {
        xml.WriteStartElement("img", XhtmlNames.Xhtml);
        Attr(xml, "class", "math");
        Attr(xml, "src", picture.Href);
        Attr(xml, "alt", alt);
        // A formula on the baseline is lowered by nothing, written "0" rather than "-0".
        var lowered = picture.Depth == 0 ? 0 : -picture.Depth;
        Attr(xml, "style", display
            ? string.Create(CultureInfo.InvariantCulture, $"width:{picture.Width:0.###}em")
            : string.Create(CultureInfo.InvariantCulture,
                $"width:{picture.Width:0.###}em;height:{picture.Height + picture.Depth:0.###}em;vertical-align:{lowered:0.###}em"));
        xml.WriteEndElement();
    }

    /// <summary>
    /// Math in running text. A formula that is only a reference (<c>\eqref{eq:x}</c>) is a link to the equation
    /// (MathML itself cannot hold links in MathML Core); an unresolved one is marked.
    /// </summary>
    private void WriteInlineMath(XmlWriter xml, MathFormula formula, ChunkState state)
    {
        if (formula.Root is MathReference reference)
        {
            var href = reference.TargetId is { } target && !state.InsideLink ? context.Book.Href(target, state.Chunk) : null;
            Start(xml, href is null ? "span" : "a");
            if (href is not null) Attr(xml, "href", href);
            Attr(xml, "class", reference.Number is null ? "equation-ref math-error" : "equation-ref");
            xml.WriteString(MathMLWriter.ReferenceText(reference));
            End(xml);
            return;
        }
        if (DrawsNothing(formula)) return;
        if (context.FormulaPictures is { } pictures) WriteFormulaPicture(xml, pictures.Of(formula), formula.Source.Trim(), display: false);
        else MathMLWriter.Write(xml, formula, block: formula.Display);
    }

    /// <summary>A formula that only defines macros (<c>$\newcommand{\R}{…}$</c>) shows nothing, so it writes nothing.</summary>
    private static bool DrawsNothing(MathFormula formula) => formula.Root is MathRow { Items.Count: 0 } && formula.Numbers.Count == 0;

    private void Wrap(XmlWriter xml, string element, IReadOnlyList<Inline> content, ChunkState state, int after)
    {
        Start(xml, element);
        WriteInlines(xml, content, state, after);
        End(xml);
    }

    /// <summary>The first character <paramref name="inlines"/> show from <paramref name="from"/> on, through emphasis and links; 0 at a wall (code, a picture); <paramref name="after"/> if they show nothing.</summary>
    private static int FirstCodePoint(IReadOnlyList<Inline> inlines, int from, int after)
    {
        for (var i = from; i < inlines.Count; i++)
        {
            switch (inlines[i])
            {
                case Model.Text t when t.Value.Length > 0:
                    return HanLatinText.CodePointAt(t.Value, 0);
                case Model.Text:
                    continue;
                case Emphasis or Strong or Strikethrough or MarkedText or Link:
                    var inner = FirstCodePoint(inlines[i].Children, 0, -1);
                    if (inner != -1) return inner;
                    continue;
                default:
                    return 0;
            }
        }
        return after;
    }

    private void WriteLink(XmlWriter xml, Link link, ChunkState state, int after)
    {
        // Links never nest (HTML forbids it); an inner link keeps its text only.
        if (state.InsideLink)
        {
            WriteInlines(xml, link.Content, state, after);
            return;
        }

        string? href;
        var external = false;
        if (link.IsInternal)
        {
            href = context.Book.Href(link.Target[1..], state.Chunk);
            if (href == null)
                context.Diagnostics.Report(DiagnosticCodes.UnresolvedInternalLink, link.Span, $"link target '{link.Target}' is not in the book; written as text");
        }
        else if (UrlSchemes.IsAllowedLink(link.Target))
        {
            href = link.Target;
            external = true;
        }
        else
        {
            href = null;
            context.Diagnostics.Report(DiagnosticCodes.UnsafeLinkDropped, link.Span, $"link target '{link.Target}' is not an {UrlSchemes.AllowedLinkSchemesText} URL; written as text");
        }

        if (href == null)
        {
            Wrap(xml, "span", link.Content, state, after);
            return;
        }
        Start(xml, "a");
        Attr(xml, "href", href);
        if (!string.IsNullOrEmpty(link.Title)) Attr(xml, "title", link.Title);
        if (external)
        {
            Attr(xml, "class", "external");
            Attr(xml, "rel", "external noopener noreferrer");
        }
        state.InsideLink = true;
        WriteInlines(xml, link.Content, state, after);
        state.InsideLink = false;
        End(xml);
    }

    private void WriteNoteReference(XmlWriter xml, FootnoteReference reference, ChunkState state)
    {
        var number = reference.Number.ToString(CultureInfo.InvariantCulture);
        var href = context.Book.Href(reference.FootnoteId, state.Chunk);
        Start(xml, "sup");
        Attr(xml, "class", "noteref");
        if (href == null || state.InsideLink)
        {
            xml.WriteString(number);
            End(xml);
            return;
        }
        Start(xml, "a");
        // Only the first reference carries the id the note's back-link points to; ids must stay unique.
        var refId = ChunkedBook.FootnoteReferenceId(reference.FootnoteId);
        if (context.Book.ChunkOf(refId) == state.Chunk && state.WrittenIds.Add(refId)) Attr(xml, "id", refId);
        Attr(xml, "href", href);
        EpubType(xml, "noteref");
        Attr(xml, "role", "doc-noteref");
        xml.WriteString(number);
        End(xml);
        End(xml);
    }

    private void EpubType(XmlWriter xml, string value)
    {
        if (context.Flavor == HtmlFlavor.Epub) xml.WriteAttributeString("epub", "type", XhtmlNames.Epub, value);
    }

    private static void Start(XmlWriter xml, string element) => xml.WriteStartElement(element, XhtmlNames.Xhtml);

    /// <summary>Always a full end tag: <c>&lt;p/&gt;</c> would be read as an unclosed element by an HTML parser.</summary>
    private static void End(XmlWriter xml) => xml.WriteFullEndElement();

    /// <summary>Attribute values come from content too (alt, title); characters XML can't hold are dropped.</summary>
    private static void Attr(XmlWriter xml, string name, string value) => xml.WriteAttributeString(name, XmlCharacters.Clean(value));

    /// <summary>Content text, without the characters XML can't hold (reported, since they were in the source).</summary>
    private void WriteText(XmlWriter xml, string text, SourceSpan span)
    {
        if (!XmlCharacters.IsClean(text))
        {
            // The same text may be written twice (a heading in its chunk and in the nav): report it once.
            if (_reportedInvalidText.Add(span))
                context.Diagnostics.Report(DiagnosticCodes.InvalidXmlCharacter, span, "control characters that XHTML cannot hold were removed from the text");
            text = XmlCharacters.Clean(text);
        }
        xml.WriteString(text);
    }

    /// <summary>Prose: the text, with Latin words that touch Han and names like GPT-3 in marked spans (<see cref="HanLatinText"/>).</summary>
    private void WriteProse(XmlWriter xml, string text, SourceSpan span, int before, int after)
    {
        foreach (var piece in HanLatinText.Split(text, before, after))
        {
            if (piece.CssClass == null)
            {
                WriteText(xml, piece.Text, span);
                continue;
            }
            Start(xml, "span");
            Attr(xml, "class", piece.CssClass);
            WriteText(xml, piece.Text, span);
            End(xml);
        }
    }

    /// <summary>The code's text, each highlighted stretch in a span whose class names its kind.</summary>
    private void WriteCode(XmlWriter xml, CodeBlock code)
    {
        var at = 0;
        foreach (var token in code.Tokens)
        {
            if (token.Start < at || token.Start + token.Length > code.Code.Length || CodeTokenClasses.ClassOf(token.Kind) is not { } cssClass) continue;
            if (token.Start > at) WriteText(xml, code.Code[at..token.Start], code.Span);
            Start(xml, "span");
            Attr(xml, "class", cssClass);
            WriteText(xml, code.Code.Substring(token.Start, token.Length), code.Span);
            End(xml);
            at = token.Start + token.Length;
        }
        if (at < code.Code.Length) WriteText(xml, code.Code[at..], code.Span);
    }

    /// <summary>The code block's language as a class token, or null if it has characters a class name can't hold.</summary>
    private static string? CssToken(string? language) =>
        !string.IsNullOrEmpty(language) && language.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '+' or '#')
            ? language.Replace("+", "p").Replace("#", "sharp")
            : null;

    private sealed class ChunkState(Chunk chunk)
    {
        public Chunk Chunk { get; } = chunk;
        public bool InsideLink { get; set; }
        /// <summary>The last character written in the current flow, 0 after a wall or at its start.</summary>
        public int Previous { get; set; }
        /// <summary>How much of the current flow's text has been written, counted as the print layout counts it.</summary>
        public int Position { get; set; }
        /// <summary>The printed pages still to be marked in the current flow, by position.</summary>
        public Queue<(int At, string Label)> PageBreaks { get; } = new();
        /// <summary>The language a <c>lang</c> attribute has put in force, or null for the book's.</summary>
        public string? Language { get; set; }
        public HashSet<string> WrittenIds { get; } = new(StringComparer.Ordinal);
        /// <summary>SVGs embedded in the chunk so far: their ids are prefixed by their number.</summary>
        public int SvgCount { get; set; }
    }
}
