using System.Globalization;
using System.Xml;
using GptBook.Diagnostics;
using GptBook.Model;

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

    /// <summary>The chunk's blocks, then its footnotes (if any) in a notes section at the end.</summary>
    public void WriteChunk(XmlWriter xml, Chunk chunk)
    {
        var state = new ChunkState(chunk);
        foreach (var block in chunk.Blocks) WriteBlock(xml, block, state);
        WriteFootnotes(xml, state);
    }

    /// <summary>
    /// Inline content outside the chunk's flow (a heading's text in a table of contents), as seen from
    /// <paramref name="from"/>. Links inside are written as their text, since the caller wraps the whole in a link.
    /// </summary>
    public void WriteInlines(XmlWriter xml, IEnumerable<Inline> inlines, Chunk from) =>
        WriteInlines(xml, inlines, new ChunkState(from) { InsideLink = true });

    private void WriteBlock(XmlWriter xml, Block block, ChunkState state)
    {
        switch (block)
        {
            case Heading h:
                Start(xml, "h" + Math.Clamp(h.Level, 1, 6));
                Attr(xml, "id", h.Id);
                WriteInlines(xml, h.Content, state);
                End(xml);
                break;
            case Paragraph p:
                Start(xml, "p");
                WriteInlines(xml, p.Content, state);
                End(xml);
                break;
            case Figure f:
                WriteFigure(xml, f, state);
                break;
            case BlockQuote q:
                Start(xml, "blockquote");
                foreach (var child in q.Blocks) WriteBlock(xml, child, state);
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
                WriteText(xml, c.Code, c.Span);
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
            case RawHtmlBlock raw:
                Start(xml, "div");
                Attr(xml, "class", "raw-html");
                WriteRaw(xml, raw.Xhtml, raw.Text, inline: false, raw.Span, state);
                End(xml);
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
        if (image.HasPicture) WriteImg(xml, image, figure.Image.Alt, "figure-image");
        // The alt text tells what the missing picture shows, unless the caption below already says it.
        var placeholderAlt = figure.Image.Alt == Inline.PlainText(figure.Caption) ? "" : figure.Image.Alt;
        if (image.IsPlaceholder) WritePlaceholder(xml, "div", image.PlaceholderReason!, placeholderAlt);
        if (figure.Number > 0 || figure.HasCaption)
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
            WriteInlines(xml, figure.Caption, state);
            End(xml);
        }
        End(xml);
    }

    private static void WriteImg(XmlWriter xml, HtmlImage image, string alt, string cssClass)
    {
        Start(xml, "img");
        Attr(xml, "src", image.Src!);
        if (image.SrcSet != null) Attr(xml, "srcset", image.SrcSet);
        Attr(xml, "alt", alt);
        if (image.PixelWidth > 0 && image.PixelHeight > 0)
        {
            Attr(xml, "width", image.PixelWidth.ToString(CultureInfo.InvariantCulture));
            Attr(xml, "height", image.PixelHeight.ToString(CultureInfo.InvariantCulture));
        }
        Attr(xml, "class", cssClass);
        xml.WriteEndElement();
    }

    /// <summary>
    /// A visible box (block or inline) that says the image is missing, with what it would show (the alt text) and
    /// why (the image stage's reason), each only if known.
    /// </summary>
    private void WritePlaceholder(XmlWriter xml, string element, string reason, string alt)
    {
        var child = element == "div" ? "p" : "span";
        Start(xml, element);
        Attr(xml, "class", "image-placeholder");
        Start(xml, child);
        Attr(xml, "class", "image-placeholder-label");
        xml.WriteString(context.Labels.ImageMissing);
        End(xml);
        foreach (var (text, cssClass) in new[] { (alt, "image-placeholder-alt"), (reason, "image-placeholder-reason") })
        {
            if (text.Length == 0) continue;
            if (element == "span") xml.WriteString(" ");
            Start(xml, child);
            Attr(xml, "class", cssClass);
            xml.WriteString(text);
            End(xml);
        }
        End(xml);
    }

    private void WriteList(XmlWriter xml, ListBlock list, ChunkState state)
    {
        Start(xml, list.Ordered ? "ol" : "ul");
        if (list.Ordered && list.Start != 1) Attr(xml, "start", list.Start.ToString(CultureInfo.InvariantCulture));
        foreach (var item in list.Items)
        {
            Start(xml, "li");
            // A leading paragraph is written as the item's own text, so tight lists don't gain paragraph spacing.
            var skip = 0;
            if (item.Blocks.Count > 0 && item.Blocks[0] is Paragraph lead)
            {
                WriteInlines(xml, lead.Content, state);
                skip = 1;
            }
            foreach (var child in item.Blocks.Skip(skip)) WriteBlock(xml, child, state);
            End(xml);
        }
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

    private void WriteRow(XmlWriter xml, Table table, IReadOnlyList<TableCell> cells, string cellElement, ChunkState state)
    {
        Start(xml, "tr");
        for (var i = 0; i < cells.Count; i++)
        {
            Start(xml, cellElement);
            var alignment = i < table.Alignments.Count ? table.Alignments[i] : ColumnAlignment.Default;
            if (alignment != ColumnAlignment.Default)
                Attr(xml, "style", "text-align: " + alignment.ToString().ToLowerInvariant());
            WriteInlines(xml, cells[i].Content, state);
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
                WriteInlines(xml, first.Content, state);
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

    private void WriteInlines(XmlWriter xml, IEnumerable<Inline> inlines, ChunkState state)
    {
        foreach (var inline in inlines) WriteInline(xml, inline, state);
    }

    private void WriteInline(XmlWriter xml, Inline inline, ChunkState state)
    {
        switch (inline)
        {
            case Model.Text t:
                WriteText(xml, t.Value, t.Span);
                break;
            case Emphasis e:
                Wrap(xml, "em", e.Content, state);
                break;
            case Strong s:
                Wrap(xml, "strong", s.Content, state);
                break;
            case Strikethrough s:
                Wrap(xml, "del", s.Content, state);
                break;
            case InlineCode c:
                Start(xml, "code");
                WriteText(xml, c.Code, c.Span);
                End(xml);
                break;
            case Link l:
                WriteLink(xml, l, state);
                break;
            case InlineImage i:
                var image = context.ResolveImage(i.Image);
                if (image.HasPicture) WriteImg(xml, image, i.Image.Alt, "inline-image");
                if (image.IsPlaceholder) WritePlaceholder(xml, "span", image.PlaceholderReason!, i.Image.Alt);
                break;
            case LineBreak:
                Start(xml, "br");
                xml.WriteEndElement();
                break;
            case FootnoteReference r:
                WriteNoteReference(xml, r, state);
                break;
            case RawHtmlInline raw:
                WriteRaw(xml, raw.Xhtml, raw.Text, inline: true, raw.Span, state);
                break;
            default:
                throw new NotSupportedException($"no XHTML form for inline {inline.GetType().Name}");
        }
    }

    private void Wrap(XmlWriter xml, string element, IEnumerable<Inline> content, ChunkState state)
    {
        Start(xml, element);
        WriteInlines(xml, content, state);
        End(xml);
    }

    private void WriteLink(XmlWriter xml, Link link, ChunkState state)
    {
        // Links never nest (HTML forbids it); an inner link keeps its text only.
        if (state.InsideLink)
        {
            WriteInlines(xml, link.Content, state);
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
        else if (LinkTargets.IsSafeExternal(link.Target))
        {
            href = link.Target;
            external = true;
        }
        else
        {
            href = null;
            context.Diagnostics.Report(DiagnosticCodes.UnsafeLinkDropped, link.Span, $"link target '{link.Target}' is not an http(s) or mailto URL; written as text");
        }

        if (href == null)
        {
            Wrap(xml, "span", link.Content, state);
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
        WriteInlines(xml, link.Content, state);
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

    private void WriteRaw(XmlWriter xml, string markup, string text, bool inline, SourceSpan span, ChunkState state)
    {
        if (!SanitizedMarkupWriter.TryWrite(xml, markup, inline, target => ResolveRawHref(target, state)))
        {
            context.Diagnostics.Report(DiagnosticCodes.RawHtmlNotWellFormed, span, "raw HTML could not be parsed as XHTML; its text is shown instead");
            WriteText(xml, text, span);
        }
    }

    private string? ResolveRawHref(string target, ChunkState state) =>
        state.InsideLink ? null
        : target.StartsWith('#') ? context.Book.Href(target[1..], state.Chunk)
        : LinkTargets.IsSafeExternal(target) ? target
        : null;

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

    /// <summary>The code block's language as a class token, or null if it has characters a class name can't hold.</summary>
    private static string? CssToken(string? language) =>
        !string.IsNullOrEmpty(language) && language.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '+' or '#')
            ? language.Replace("+", "p").Replace("#", "sharp")
            : null;

    private sealed class ChunkState(Chunk chunk)
    {
        public Chunk Chunk { get; } = chunk;
        public bool InsideLink { get; set; }
        public HashSet<string> WrittenIds { get; } = new(StringComparer.Ordinal);
    }
}
