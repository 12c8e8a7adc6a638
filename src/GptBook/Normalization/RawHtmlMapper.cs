using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using GptBook.Diagnostics;
using GptBook.Formulas;
using GptBook.Model;
using GptBook.Policies;

namespace GptBook.Normalization;

/// <summary>
/// Maps raw HTML, parsed by <see cref="HtmlFragmentParser"/>, into the book's model: never copied through. What has
/// a meaning in the model becomes that node (img an image through the image stage with its width and height as a
/// size hint, h1–h6 headings, lists, tables, sup/sub/kbd, br, links); a centred block holding one image and a
/// caption line becomes a figure; what the one allow-list (<see cref="MarkupAllowList"/>) calls harmless is
/// unwrapped; active content goes with what is inside it, reported as GB0105. A tag-like word that is no HTML
/// element (<c>&lt;T&gt;</c>, <c>&lt;begin&gt;</c>) stays text, as written.
/// </summary>
/// <remarks>
/// Raw HTML inside a paragraph comes from Markdig one tag at a time, with Markdown between the tags. The reader
/// hands those tags over with each Markdown inline in between replaced by a <em>slot</em>, one private-use
/// character (<see cref="SlotCharacter"/>), so the HTML parser builds the tree over the whole run and the already
/// read inlines are put back where their slots landed.
/// </remarks>
public sealed partial class RawHtmlMapper
{
    /// <summary>The first slot character, in plane 15's private use area: no Markdown text reaches the parser, so none can clash.</summary>
    private const int FirstSlot = 0xF0000;

    /// <summary>How many slots one run of raw HTML may have (the size of the private use plane).</summary>
    public const int MaxSlots = 0xFFFD;

    private static readonly HashSet<string> BlockElements = new(StringComparer.Ordinal)
    {
        "p", "div", "center", "section", "article", "main", "header", "footer", "aside", "nav", "figure", "figcaption",
        "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr", "ul", "ol", "li", "dl", "dt", "dd", "details",
        "summary", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
    };

    private readonly ChapterReadContext _context;
    private readonly string _html;
    private readonly Func<int, SourceSpan> _spanAt;
    private readonly IReadOnlyList<IReadOnlyList<Model.Inline>> _slots;
    private readonly FormulaReading _readFormula;
    private readonly List<(string What, SourceSpan Span)> _removed = [];

    /// <summary>How many code-like elements (code, kbd, samp, tt) the text being mapped is inside: their dollars are text.</summary>
    private int _literalDepth;

    private RawHtmlMapper(ChapterReadContext context, string html, Func<int, SourceSpan> spanAt, IReadOnlyList<IReadOnlyList<Model.Inline>> slots, FormulaReading readFormula)
    {
        _context = context;
        _readFormula = readFormula;
        _html = html;
        _spanAt = spanAt;
        _slots = slots;
    }

    /// <summary>The slot character standing for the <paramref name="index"/>th Markdown inline of a run.</summary>
    public static string SlotCharacter(int index) => char.ConvertFromUtf32(FirstSlot + index);

    /// <summary>An HTML block (its lines as written, starting at <paramref name="span"/>) as model blocks.</summary>
    public static List<Block> MapBlocks(string html, SourceSpan span, ChapterReadContext context, FormulaReading readFormula)
    {
        var mapper = new RawHtmlMapper(context, html, index => SpanIn(html, span, index), [], readFormula);
        var blocks = mapper.Blocks(HtmlFragmentParser.Parse(html), span);
        mapper.Report();
        return blocks;
    }

    /// <summary>
    /// A paragraph's raw HTML tags with its Markdown inlines in <paramref name="slots"/> (see the remarks), as inlines.
    /// <paramref name="spanAt"/> tells where in the source a character of <paramref name="html"/> was written.
    /// </summary>
    public static List<Model.Inline> MapInlines(string html, IReadOnlyList<IReadOnlyList<Model.Inline>> slots, Func<int, SourceSpan> spanAt, ChapterReadContext context,
        FormulaReading readFormula)
    {
        var mapper = new RawHtmlMapper(context, html, spanAt, slots, readFormula);
        var inlines = mapper.Inlines(HtmlFragmentParser.Parse(html), spanAt(0));
        mapper.Report();
        return inlines;
    }

    /// <summary>One GB0105 for a piece of raw HTML, at the first thing removed from it, naming up to eight.</summary>
    private void Report()
    {
        if (_removed.Count > 0)
            _context.Diagnostics.Report(DiagnosticCodes.RawHtmlSanitized, _removed[0].Span,
                $"raw HTML was sanitized; removed: {string.Join(", ", _removed.Select(r => r.What).Distinct().Take(8))}");
    }

    /// <summary>Notes what the mapping leaves out of an element that someone may have meant to run: its event handlers.</summary>
    private void Inspect(IElement element, SourceSpan span)
    {
        foreach (var attribute in element.Attributes)
            if (MarkupAllowList.IsHandler(attribute.Name)) _removed.Add((attribute.Name + "=\"…\"", span));
    }

    /// <summary>The source position of a character of an HTML block: lines after the first start at column 1.</summary>
    private static SourceSpan SpanIn(string html, SourceSpan block, int index)
    {
        index = Math.Clamp(index, 0, html.Length);
        var line = 0;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
            if (html[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        return line == 0
            ? block with { Column = block.Column + index, Length = 0 }
            : block with { Line = block.Line + line, Column = index - lineStart + 1, Length = 0 };
    }

    private SourceSpan SpanOf(INode node, SourceSpan fallback) =>
        node is IElement { SourceReference: { } reference } ? _spanAt(reference.Position.Index) : fallback;

    // ---- Blocks ----------------------------------------------------------------------------------------------

    private List<Block> Blocks(IEnumerable<INode> nodes, SourceSpan span)
    {
        var result = new List<Block>();
        var run = new List<INode>();
        foreach (var node in nodes)
        {
            if (node is IElement element && IsBlock(element))
            {
                AddParagraph(run, span, result);
                run.Clear();
                AddBlock(element, SpanOf(element, span), result);
            }
            else run.Add(node);
        }
        AddParagraph(run, span, result);
        return result;
    }

    private static bool IsBlock(IElement element) =>
        BlockElements.Contains(element.LocalName) && MarkupAllowList.TreatmentOf(element.LocalName) == MarkupTreatment.Mapped;

    /// <summary>Inline nodes between blocks become a paragraph; an image alone is a figure, as in Markdown.</summary>
    private void AddParagraph(List<INode> nodes, SourceSpan span, List<Block> result)
    {
        if (nodes.Count == 0) return;
        var first = nodes.OfType<IElement>().FirstOrDefault();
        var at = first != null ? SpanOf(first, span) : span;
        var content = Trim(Inlines(nodes, at));
        if (content.Count == 0) return;
        if (content is [InlineImage image])
        {
            result.Add(new Figure(image.Image, AltCaption(image), "", 0, image.Span));
            return;
        }
        if (content is [InlineMath { Formula.Display: true } math])
        {
            // "$$ x $$" alone in a block of raw HTML: display math, as in Markdown.
            result.Add(new DisplayMath(math.Formula, math.Span));
            return;
        }
        result.Add(new Paragraph(content, at));
    }

    private static List<Model.Inline> AltCaption(InlineImage image) =>
        image.Image.Alt.Length > 0 ? [new Model.Text(image.Image.Alt, image.Span)] : [];

    private void AddBlock(IElement element, SourceSpan span, List<Block> result)
    {
        Inspect(element, span);
        var name = element.LocalName;
        switch (name)
        {
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                var heading = Trim(WithoutBreaks(Inlines(element.ChildNodes, span)));
                if (heading.Count > 0) result.Add(new Heading(name[1] - '0', heading, "", span) { Alignment = AlignmentOf(element) });
                break;
            case "p" or "div" or "center" or "figure" when Figure(element, span) is { } figure:
                result.Add(figure);
                break;
            case "p" or "dt" or "figcaption" or "caption" or "summary":
                var bold = name is "dt" or "summary";
                var content = Trim(Inlines(element.ChildNodes, span));
                if (content.Count == 0) break;
                if (content is [InlineImage alone] && !bold) result.Add(new Figure(alone.Image, AltCaption(alone), "", 0, alone.Span));
                else if (content is [InlineMath { Formula.Display: true } display] && !bold) result.Add(new DisplayMath(display.Formula, display.Span));
                else result.Add(new Paragraph(bold ? [new Strong(content, span)] : content, span) { Alignment = AlignmentOf(element) });
                break;
            case "details":
                // Its first <summary> is the title; the rest, its blocks.
                var summary = element.Children.FirstOrDefault(c => c.LocalName == "summary");
                var title = summary == null ? [] : Trim(WithoutBreaks(Inlines(summary.ChildNodes, span)));
                result.Add(new Details(title, Blocks(element.ChildNodes.Where(n => n != summary).ToArray(), span), span) { Open = element.HasAttribute("open") });
                break;
            case "blockquote":
                var quoted = Blocks(element.ChildNodes, span);
                if (quoted.Count > 0) result.Add(new BlockQuote(quoted, span));
                break;
            case "pre":
                result.Add(new Model.CodeBlock(CodeLanguage(element), PreText(element), span));
                break;
            case "hr":
                result.Add(new ThematicBreak(span));
                break;
            case "ul" or "ol":
                result.Add(List(element, span));
                break;
            case "table":
                if (Table(element, span) is { } table) result.Add(table);
                break;
            default:
                // Sections, list items and cells out of place, dd, details: their content, as blocks; a centred or
                // right-aligned one (div, center) aligns the paragraphs and headings in it that set no alignment of their own.
                result.AddRange(Aligned(Blocks(element.ChildNodes, span), AlignmentOf(element)));
                break;
        }
    }

    /// <summary>
    /// The alignment an element asks for: center is centred; otherwise its align attribute, or a text-align in its
    /// style (the attribute is what GitHub keeps; the style is how other sites write it).
    /// </summary>
    private static BlockAlignment AlignmentOf(IElement element)
    {
        if (element.LocalName == "center") return BlockAlignment.Center;
        var written = element.GetAttribute("align") ?? StyleDeclarations(element.GetAttribute("style")).GetValueOrDefault("text-align");
        return written?.Trim().ToLowerInvariant() switch
        {
            "center" or "middle" => BlockAlignment.Center,
            "right" or "end" => BlockAlignment.Right,
            "left" or "start" => BlockAlignment.Left,
            _ => BlockAlignment.Default,
        };
    }

    /// <summary>
    /// The alignment a block of raw HTML opens for what follows it: a div or center element left open (GitHub READMEs
    /// write <c>&lt;div align="center"&gt;</c>, a blank line, Markdown, a blank line, <c>&lt;/div&gt;</c>); null
    /// when the block opens no such element or it asks for no alignment.
    /// </summary>
    public static BlockAlignment? OpenedAlignment(string html)
    {
        var first = HtmlFragmentParser.Parse(html).OfType<IElement>().FirstOrDefault();
        return first is { LocalName: "div" or "center" } && AlignmentOf(first) is var alignment and not BlockAlignment.Default ? alignment : null;
    }

    /// <summary>
    /// <paramref name="blocks"/> with the paragraphs and headings that keep the default alignment aligned as their
    /// container asks (HTML's text-align is inherited); figures and display math are centred already.
    /// </summary>
    public static List<Block> Aligned(List<Block> blocks, BlockAlignment alignment)
    {
        if (alignment == BlockAlignment.Default) return blocks;
        return blocks.Select(b => b switch
        {
            Paragraph { Alignment: BlockAlignment.Default } p => p with { Alignment = alignment },
            Heading { Alignment: BlockAlignment.Default } h => h with { Alignment = alignment },
            _ => b,
        }).ToList();
    }

    /// <summary>
    /// A figure written in HTML: one image, alone or with a caption line, in a centred block (align=center, center)
    /// or a figure element, or alone in any block. Null when the block holds anything else (two images, a table, a
    /// long text with a picture in it), which is then read as ordinary blocks.
    /// </summary>
    private Figure? Figure(IElement element, SourceSpan span)
    {
        var images = element.QuerySelectorAll("img").ToArray();
        if (images.Length != 1) return null;
        var captioned = element.LocalName is "center" or "figure" || string.Equals(element.GetAttribute("align"), "center", StringComparison.OrdinalIgnoreCase);
        if (element.QuerySelectorAll("table, ul, ol, pre, blockquote, h1, h2, h3, h4, h5, h6, dl, details").Length > 0) return null;

        // The caption is everything but the image (and a link or paragraph that held only the image).
        var holder = (INode)images[0];
        while (holder.Parent is IElement parent && parent != element && parent.ChildNodes.All(c => c == holder || IsBlank(c)))
            holder = parent;
        var rest = element.ChildNodes.Where(c => c != holder).ToArray();
        if (!captioned && !rest.All(IsBlank)) return null;
        var picture = Inlines([images[0]], span).OfType<InlineImage>().FirstOrDefault();
        if (picture == null) return null;
        var caption = Trim(WithoutBreaks(Inlines(rest.Select(n => n.Contains(holder) ? Without(n, holder) : n), span)));
        return new Figure(picture.Image, caption.Count > 0 ? caption : AltCaption(picture), "", 0, span);
    }

    /// <summary>A copy of <paramref name="node"/> with <paramref name="part"/> taken out (the image inside a caption paragraph).</summary>
    private static INode Without(INode node, INode part)
    {
        var copy = node.Clone(deep: true);
        var path = new List<int>();
        for (var n = part; n != node && n.Parent != null; n = n.Parent) path.Insert(0, n.Index());
        var target = copy;
        foreach (var i in path) target = target.ChildNodes[i];
        target.Parent?.RemoveChild(target);
        return copy;
    }

    private static bool IsBlank(INode node) => node is IComment || (node is IText t && string.IsNullOrWhiteSpace(t.Data));

    private ListBlock List(IElement list, SourceSpan span)
    {
        var ordered = list.LocalName == "ol";
        var start = ordered && int.TryParse(list.GetAttribute("start"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 1;
        var items = new List<ListItem>();
        var loose = new List<INode>();
        void FlushLoose()
        {
            // Text or elements directly inside a list (not in an item) are shown as an item of their own.
            if (loose.Count == 0 || loose.All(IsBlank)) { loose.Clear(); return; }
            var blocks = Blocks(loose, span);
            if (blocks.Count > 0) items.Add(new ListItem(blocks, span));
            loose.Clear();
        }
        foreach (var child in list.ChildNodes)
        {
            if (child is IElement { LocalName: "li" } item)
            {
                FlushLoose();
                var itemSpan = SpanOf(item, span);
                items.Add(new ListItem(Blocks(item.ChildNodes, itemSpan), itemSpan));
            }
            else loose.Add(child);
        }
        FlushLoose();
        return new ListBlock(ordered, start, items, span);
    }

    private static string? CodeLanguage(IElement pre)
    {
        var code = pre.Children.FirstOrDefault(c => c.LocalName == "code");
        var classes = (code?.GetAttribute("class") ?? "") + " " + (pre.GetAttribute("class") ?? "");
        var match = LanguageClass().Match(classes);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"(?:^|\s)(?:language|lang)-([A-Za-z0-9_+#.-]+)")]
    private static partial Regex LanguageClass();

    /// <summary>A pre element's text as written; HTML drops the newline right after the start tag, and the last one is not code.</summary>
    private static string PreText(IElement pre) => pre.TextContent.Replace("\r\n", "\n").TrimEnd('\n');

    // ---- Tables ----------------------------------------------------------------------------------------------

    /// <summary>
    /// A table's rows as a grid: a cell spanning columns or rows is followed or underlaid by empty cells, so every
    /// output sees whole rows. The model's table has one header row: the first row (in HTML usually th cells, and
    /// the row a reader takes for the header either way); alignment comes from its cells' align attributes.
    /// </summary>
    private Model.Table? Table(IElement table, SourceSpan span)
    {
        const int maxColumns = 64;
        var rows = table.QuerySelectorAll("tr").Where(r => r.Closest("table") == table).ToArray();
        if (rows.Length == 0) return null;
        var grid = new List<List<Model.TableCell>>();
        var pending = new Dictionary<int, int>(); // column → rows still covered by a rowspan from above
        foreach (var row in rows)
        {
            var cells = new List<Model.TableCell>();
            var rowSpan = SpanOf(row, span);
            void Covered()
            {
                while (pending.TryGetValue(cells.Count, out var left) && left > 0)
                {
                    pending[cells.Count] = left - 1;
                    cells.Add(new Model.TableCell([], rowSpan));
                }
            }
            foreach (var cell in row.Children.Where(c => c.LocalName is "td" or "th"))
            {
                Covered();
                if (cells.Count >= maxColumns) break;
                var cellSpan = SpanOf(cell, rowSpan);
                cells.Add(new Model.TableCell(Trim(Inlines(cell.ChildNodes, cellSpan)), cellSpan));
                var columns = Math.Clamp(Number(cell.GetAttribute("colspan")) ?? 1, 1, maxColumns - cells.Count + 1);
                var down = Math.Clamp(Number(cell.GetAttribute("rowspan")) ?? 1, 1, rows.Length) - 1;
                for (var c = 0; c < columns; c++)
                {
                    if (c > 0) cells.Add(new Model.TableCell([], cellSpan));
                    if (down > 0) pending[cells.Count - 1] = down;
                }
            }
            Covered();
            grid.Add(cells);
        }
        var width = Math.Max(1, grid.Max(r => r.Count));
        foreach (var row in grid)
            while (row.Count < width) row.Add(new Model.TableCell([], span));

        var firstCells = rows[0].Children.Where(c => c.LocalName is "td" or "th").ToArray();
        var alignments = Enumerable.Range(0, width).Select(i => i < firstCells.Length ? Alignment(firstCells[i]) : ColumnAlignment.Default).ToArray();
        return new Model.Table(alignments, grid[0], grid.Skip(1).ToArray(), span);
    }

    private static ColumnAlignment Alignment(IElement cell) => cell.GetAttribute("align")?.Trim().ToLowerInvariant() switch
    {
        "left" => ColumnAlignment.Left,
        "center" => ColumnAlignment.Center,
        "right" => ColumnAlignment.Right,
        _ => ColumnAlignment.Default,
    };

    private static int? Number(string? value) =>
        int.TryParse(value?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    // ---- Inlines ---------------------------------------------------------------------------------------------

    private List<Model.Inline> Inlines(IEnumerable<INode> nodes, SourceSpan span)
    {
        var result = new List<Model.Inline>();
        foreach (var node in nodes)
        {
            switch (node)
            {
                case IText text:
                    AddText(text, span, result);
                    break;
                case IElement element:
                    AddElement(element, SpanOf(element, span), result);
                    break;
            }
        }
        return result;
    }

    private void AddElement(IElement element, SourceSpan span, List<Model.Inline> result)
    {
        var name = element.LocalName;
        var written = element is IHtmlUnknownElement ? StartTagAsWritten(element) : "";
        if (SiteComponentTag.IsComponent(written, out var component))
        {
            // A VuePress component, in a block or among a paragraph's inlines: a Badge's label, or what any other
            // holds, without its tags (named in GB0105).
            if (SiteComponentTag.BadgeText(written) is { Length: > 0 } label) result.Add(new Model.Text(label, span));
            else _removed.Add(($"<{component}>", span));
            result.AddRange(Inlines(element.ChildNodes, span));
            return;
        }
        if (element is IHtmlUnknownElement || name.Contains('-'))
        {
            // Not HTML: a word in angle brackets, shown as written.
            result.Add(new Model.Text(StartTagAsWritten(element), span));
            result.AddRange(Inlines(element.ChildNodes, span));
            if (_html.Contains("</" + element.NodeName, StringComparison.OrdinalIgnoreCase)) result.Add(new Model.Text("</" + OriginalName(element) + ">", span));
            return;
        }
        Inspect(element, span);
        switch (MarkupAllowList.TreatmentOf(name))
        {
            case MarkupTreatment.Dropped:
                _removed.Add(($"<{name}>", span));
                return;
            case MarkupTreatment.Refused:
                _removed.Add(($"<{name}>", span));
                result.AddRange(Inlines(element.ChildNodes, span));
                return;
            case MarkupTreatment.Unwrapped:
                result.AddRange(Inlines(element.ChildNodes, span));
                return;
        }
        // Dollars in code are code, in HTML as in Markdown.
        var literal = name is "code" or "tt" or "samp" or "kbd" ? 1 : 0;
        _literalDepth += literal;
        var content = Inlines(element.ChildNodes, span);
        _literalDepth -= literal;
        switch (name)
        {
            case "b" or "strong":
                if (content.Count > 0) result.Add(new Strong(content, span));
                break;
            case "i" or "em" or "cite" or "dfn" or "var":
                if (content.Count > 0) result.Add(new Emphasis(content, span));
                break;
            case "s" or "del" or "strike":
                if (content.Count > 0) result.Add(new Strikethrough(content, span));
                break;
            case "code" or "tt" or "samp":
                var code = Model.Inline.PlainText(content);
                if (code.Length > 0) result.Add(new InlineCode(code, span));
                break;
            case "sup" or "sub" or "kbd" or "mark":
                var mark = name switch { "sup" => TextMark.Superscript, "sub" => TextMark.Subscript, "mark" => TextMark.Highlight, _ => TextMark.Keyboard };
                if (content.Count > 0) result.Add(new MarkedText(mark, content, span));
                break;
            case "br":
                result.Add(new LineBreak(span));
                break;
            case "img":
                AddImage(element, span, result);
                break;
            case "a":
                AddLink(element, content, span, result);
                break;
            case "rt":
                // Ruby text after its base, in parentheses: how a reader without ruby support shows it.
                if (content.Count > 0) result.AddRange([new Model.Text("(", span), .. content, new Model.Text(")", span)]);
                break;
            case "rp":
                break; // the fallback parentheses, which rt above supplies itself
            case "ruby":
                result.AddRange(content);
                break;
            default:
                // A block element inside running text: its content on a line of its own.
                if (result.Count > 0 && result[^1] is not LineBreak) result.Add(new LineBreak(span));
                result.AddRange(Trim(content));
                if (name is not ("td" or "th")) result.Add(new LineBreak(span));
                break;
        }
    }

    private void AddImage(IElement img, SourceSpan span, List<Model.Inline> result)
    {
        var src = img.GetAttribute("src") ?? "";
        var alt = CollapseSpaces(img.GetAttribute("alt") ?? "");
        if (src.Trim().Length == 0)
        {
            _context.Diagnostics.Report(DiagnosticCodes.UnsupportedConstruct, span, "an <img> without a src shows nothing; its alt text is kept");
            if (alt.Length > 0) result.Add(new Model.Text(alt, span));
            return;
        }
        var style = StyleDeclarations(img.GetAttribute("style"));
        var image = ImageReferenceResolver.Resolve(src, alt, _context, span) with
        {
            // A width or zoom in the style wins over the attribute, as in a browser.
            Width = Zoom(style.GetValueOrDefault("zoom")) ?? Dimension(style.GetValueOrDefault("width")) ?? Dimension(img.GetAttribute("width")),
            Height = style.ContainsKey("zoom") ? null : Dimension(style.GetValueOrDefault("height")) ?? Dimension(img.GetAttribute("height")),
        };
        result.Add(new InlineImage(image, span));
    }

    /// <summary>A style attribute's declarations by lower-case property name (the last one wins, as in CSS).</summary>
    private static Dictionary<string, string> StyleDeclarations(string? style)
    {
        var declarations = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var declaration in (style ?? "").Split(';'))
        {
            var colon = declaration.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0) declarations[declaration[..colon].Trim().ToLowerInvariant()] = declaration[(colon + 1)..].Trim();
        }
        return declarations;
    }

    /// <summary>CSS zoom: "50%" or "0.5"; anything else (or no change) is no hint.</summary>
    private static ImageDimension? Zoom(string? value)
    {
        var match = DimensionValue().Match(value ?? "");
        if (!match.Success || match.Groups[2].Value.Equals("px", StringComparison.OrdinalIgnoreCase)
            || !double.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || number <= 0) return null;
        var percent = match.Groups[2].Value == "%" ? number : number * 100;
        return percent >= 100 ? null : new ImageDimension(percent, ImageDimensionUnit.Zoom);
    }

    /// <summary>An HTML width or height: "90%", "400", "400px" (CSS pixels); anything else is no hint.</summary>
    public static ImageDimension? Dimension(string? value)
    {
        var match = DimensionValue().Match(value ?? "");
        if (!match.Success || !double.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || number <= 0) return null;
        return match.Groups[2].Value == "%"
            ? new ImageDimension(Math.Min(number, 100), ImageDimensionUnit.Percent)
            : new ImageDimension(Math.Min(number, 100_000), ImageDimensionUnit.Pixel);
    }

    [GeneratedRegex(@"^\s*(\d+(?:\.\d+)?)\s*(%|px)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex DimensionValue();

    private void AddLink(IElement a, List<Model.Inline> content, SourceSpan span, List<Model.Inline> result)
    {
        var href = a.GetAttribute("href");
        if (href == null)
        {
            // An anchor (name=/id=) is a place links can name; a placeholder link without either is just its text.
            if ((a.GetAttribute("name") ?? a.GetAttribute("id")) is { } name && name.Trim().Length > 0) result.Add(new InlineAnchor(name.Trim(), span));
            result.AddRange(content);
            return;
        }
        var target = LinkTargetResolver.Resolve(href, _context, span);
        if (target == null) result.AddRange(content);
        else if (content.Count == 0) result.Add(new Link(target, null, [new Model.Text(target.StartsWith("mailto:", StringComparison.Ordinal) ? target[7..] : target, span)], span));
        else result.Add(new Link(target, a.GetAttribute("title"), content, span));
    }

    /// <summary>
    /// Text between tags: slots put back, formulas read (with the Markdown parser's dollar rules, <c>\$</c> a dollar;
    /// not in code), whitespace collapsed as HTML shows it, line breaks joined as in Markdown. Docsify and VuePress
    /// books write math inside HTML for MathJax or KaTeX to typeset in the browser.
    /// </summary>
    private void AddText(IText text, SourceSpan span, List<Model.Inline> result)
    {
        var data = text.Data;
        var plain = new StringBuilder();
        void Flush()
        {
            if (plain.Length == 0) return;
            result.Add(new Model.Text(CollapseSpaces(plain.ToString()), span));
            plain.Clear();
        }
        for (var i = 0; i < data.Length; i++)
        {
            var slot = _slots.Count > 0 && char.IsSurrogatePair(data, i) ? char.ConvertToUtf32(data, i) - FirstSlot : -1;
            if (slot >= 0 && slot < _slots.Count)
            {
                Flush();
                result.AddRange(_slots[slot]);
                i++;
            }
            else if (_literalDepth == 0 && data[i] == '\\' && i + 1 < data.Length && data[i + 1] == '$')
                plain.Append(data[++i]);
            else if (_literalDepth == 0 && MathDelimiters.MatchInline(data, i, data.Length) is { } math)
            {
                Flush();
                var at = FormulaSpan(text, data[math.Start..math.End], span);
                result.Add(new InlineMath(_readFormula(data[math.ContentStart..math.ContentEnd], math.Display, at), at));
                i = math.End - 1;
            }
            else plain.Append(data[i]);
        }
        Flush();
    }

    /// <summary>
    /// Where a formula of a text node was written: found as written after its element's start tag, or the element's
    /// place when entities make the text differ from the source.
    /// </summary>
    private SourceSpan FormulaSpan(IText text, string formula, SourceSpan fallback)
    {
        var from = text.ParentElement?.SourceReference?.Position.Index ?? 0;
        var index = from >= 0 && from < _html.Length ? _html.IndexOf(formula, from, StringComparison.Ordinal) : -1;
        return index < 0 ? fallback : _spanAt(index) with { Length = formula.Length };
    }

    /// <summary>A run of HTML whitespace is one space, or nothing where a line break falls between Han characters.</summary>
    private static string CollapseSpaces(string text)
    {
        if (!text.Any(c => c is ' ' or '\t' or '\n' or '\r' or '\f')) return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not (' ' or '\t' or '\n' or '\r' or '\f'))
            {
                sb.Append(text[i]);
                continue;
            }
            var end = i;
            var newline = false;
            while (end < text.Length && text[end] is ' ' or '\t' or '\n' or '\r' or '\f') newline |= text[end++] == '\n';
            sb.Append(newline ? SoftBreakRule.Replacement(sb.ToString(), text[end..]) : " ");
            i = end - 1;
        }
        return sb.ToString();
    }

    /// <summary>Spaces at the edges of a block (and next to its line breaks) are not shown; empty texts go.</summary>
    private static List<Model.Inline> Trim(List<Model.Inline> inlines)
    {
        var result = new List<Model.Inline>(inlines.Count);
        foreach (var inline in inlines)
        {
            if (inline is Model.Text t && result.Count > 0 && result[^1] is Model.Text previous)
                result[^1] = previous with { Value = previous.Value + t.Value };
            else result.Add(inline);
        }
        for (var i = 0; i < result.Count; i++)
        {
            if (result[i] is not Model.Text text) continue;
            var value = text.Value;
            if (i == 0 || result[i - 1] is LineBreak) value = value.TrimStart();
            if (i == result.Count - 1 || result[i + 1] is LineBreak) value = value.TrimEnd();
            result[i] = text with { Value = value };
        }
        result.RemoveAll(i => i is Model.Text { Value.Length: 0 });
        while (result.Count > 0 && result[0] is LineBreak) result.RemoveAt(0);
        while (result.Count > 0 && result[^1] is LineBreak) result.RemoveAt(result.Count - 1);
        return result;
    }

    /// <summary>A heading's or caption's line breaks become spaces: each is one line in the TOC and the list of figures.</summary>
    private static List<Model.Inline> WithoutBreaks(List<Model.Inline> inlines) =>
        inlines.Select(i => i is LineBreak ? new Model.Text(" ", i.Span) : i).ToList();

    /// <summary>An element's start tag exactly as the source has it (case and attributes), for one that is not HTML.</summary>
    private string StartTagAsWritten(IElement element)
    {
        if (element.SourceReference is { } reference && reference.Position.Index < _html.Length && _html[reference.Position.Index] == '<')
        {
            var end = _html.IndexOf('>', reference.Position.Index);
            if (end > 0) return _html[reference.Position.Index..(end + 1)];
        }
        return "<" + element.LocalName + ">";
    }

    private string OriginalName(IElement element)
    {
        var tag = StartTagAsWritten(element);
        var match = TagName().Match(tag);
        return match.Success ? match.Groups[1].Value : element.LocalName;
    }

    [GeneratedRegex(@"^<([A-Za-z][A-Za-z0-9-]*)")]
    private static partial Regex TagName();
}
