using System.Globalization;
using System.Text;

namespace GptBook.Model;

/// <summary>
/// A deterministic, readable text form of a book for golden tests: one node per line, indented by depth, with its
/// source span. Text is quoted with C-style escapes so that spaces, newlines and empty strings are visible.
/// </summary>
public static class ModelTextDump
{
    public static string Dump(Book book)
    {
        var w = new Writer();
        var m = book.Metadata;
        w.Line(0, $"Book id={Q(m.Id)} title={Q(m.Title)} language={Q(m.Language)} date={m.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        foreach (var chapter in book.Chapters)
        {
            w.Line(1, $"Chapter id={Q(chapter.Id)} file={Q(chapter.SourceFile)}");
            foreach (var block in chapter.Blocks) Block(w, 2, block);
            foreach (var note in chapter.Footnotes)
            {
                w.Line(2, $"Footnote {note.Number} id={Q(note.Id)} label={Q(note.Label)} @{note.Span}");
                foreach (var block in note.Blocks) Block(w, 3, block);
            }
        }
        return w.ToString();
    }

    private static void Block(Writer w, int depth, Block block)
    {
        var at = string.Concat(block.Anchors.Select(anchor => $"anchor={Q(anchor)} ")) + "@" + block.Span;
        switch (block)
        {
            case Heading h:
                w.Line(depth, $"Heading {h.Level} id={Q(h.Id)}{Aligned(h.Alignment)} {at}");
                Inlines(w, depth + 1, h.Content);
                break;
            case Paragraph p:
                w.Line(depth, $"Paragraph{Aligned(p.Alignment)} {at}");
                Inlines(w, depth + 1, p.Content);
                break;
            case Figure f:
                w.Line(depth, $"Figure {f.Number} id={Q(f.Id)} {at}");
                Image(w, depth + 1, f.Image);
                w.Line(depth + 1, "Caption" + (f.HasCaption ? "" : " (none)"));
                Inlines(w, depth + 2, f.Caption);
                break;
            case BlockQuote q:
                w.Line(depth, $"BlockQuote {at}");
                foreach (var b in q.Blocks) Block(w, depth + 1, b);
                break;
            case ListBlock l:
                w.Line(depth, $"List {(l.Ordered ? $"ordered start={l.Start}" : "unordered")} {at}");
                foreach (var item in l.Items)
                {
                    w.Line(depth + 1, item.Task is { } task ? $"Item task={task.ToString().ToLowerInvariant()} @{item.Span}" : $"Item @{item.Span}");
                    foreach (var b in item.Blocks) Block(w, depth + 2, b);
                }
                break;
            case CodeBlock c:
                w.Line(depth, $"CodeBlock language={Q(c.Language ?? "")} {at}");
                w.Line(depth + 1, Q(c.Code));
                break;
            case Details d:
                w.Line(depth, d.Open ? $"Details open {at}" : $"Details {at}");
                w.Line(depth + 1, "Summary");
                Inlines(w, depth + 2, d.Summary);
                foreach (var child in d.Blocks) Block(w, depth + 1, child);
                break;
            case Admonition a:
                w.Line(depth, a.Title == null ? $"Admonition {a.Kind} {at}" : $"Admonition {a.Kind} \"{a.Title}\" {at}");
                foreach (var child in a.Blocks) Block(w, depth + 1, child);
                break;
            case ThematicBreak:
                w.Line(depth, $"ThematicBreak {at}");
                break;
            case Table t:
                w.Line(depth, $"Table columns=[{string.Join(", ", t.Alignments)}] {at}");
                Row(w, depth + 1, "Header", t.Header);
                foreach (var row in t.Rows) Row(w, depth + 1, "Row", row);
                break;
            case DisplayMath m:
                w.Line(depth, $"DisplayMath {Formula(m.Formula)} {at}");
                break;
            default:
                w.Line(depth, $"{block.GetType().Name} {at}");
                break;
        }
    }

    private static string Aligned(BlockAlignment alignment) => alignment == BlockAlignment.Default ? "" : " align=" + alignment;

    private static void Row(Writer w, int depth, string kind, IReadOnlyList<TableCell> cells)
    {
        w.Line(depth, kind);
        foreach (var cell in cells)
        {
            w.Line(depth + 1, $"Cell @{cell.Span}");
            Inlines(w, depth + 2, cell.Content);
        }
    }

    private static void Image(Writer w, int depth, ImageReference image) =>
        w.Line(depth, $"Image kind={image.Kind} path={Q(image.Path ?? "")} alt={Q(image.Alt)} source={Q(image.Source)}{Size(image)} @{image.Span}");

    private static string Size(ImageReference image) =>
        (image.Width == null ? "" : $" width={image.Width}") + (image.Height == null ? "" : $" height={image.Height}");

    private static void Inlines(Writer w, int depth, IEnumerable<Inline> inlines)
    {
        foreach (var inline in inlines)
        {
            var at = "@" + inline.Span;
            switch (inline)
            {
                case Text t: w.Line(depth, $"Text {Q(t.Value)} {at}"); break;
                case Emphasis e: w.Line(depth, $"Emphasis {at}"); Inlines(w, depth + 1, e.Content); break;
                case Strong s: w.Line(depth, $"Strong {at}"); Inlines(w, depth + 1, s.Content); break;
                case Strikethrough s: w.Line(depth, $"Strikethrough {at}"); Inlines(w, depth + 1, s.Content); break;
                case MarkedText m: w.Line(depth, $"MarkedText {m.Mark} {at}"); Inlines(w, depth + 1, m.Content); break;
                case InlineCode c: w.Line(depth, $"InlineCode {Q(c.Code)} {at}"); break;
                case Link l:
                    w.Line(depth, $"Link target={Q(l.Target)}{(l.Title == null ? "" : " title=" + Q(l.Title))} {at}");
                    Inlines(w, depth + 1, l.Content);
                    break;
                case InlineImage i: w.Line(depth, $"InlineImage {at}"); Image(w, depth + 1, i.Image); break;
                case LineBreak: w.Line(depth, $"LineBreak {at}"); break;
                case FootnoteReference f: w.Line(depth, $"FootnoteReference {f.Number} id={Q(f.FootnoteId)} {at}"); break;
                case InlineMath m: w.Line(depth, $"InlineMath {Formula(m.Formula)} {at}"); break;
                default: w.Line(depth, $"{inline.GetType().Name} {at}"); break;
            }
        }
    }

    /// <summary>A formula's source, its readable text, whether it is displayed, its numbers and whether it parsed.</summary>
    private static string Formula(Formulas.MathFormula f)
    {
        var numbers = f.Numbers.Count == 0 ? "" : " numbers=[" + string.Join(", ", f.Numbers.Select(n => $"{n.Display ?? "?"}#{n.Id}{(n.Label is null ? "" : " " + n.Label)}")) + "]";
        return $"source={Q(f.Source)} text={Q(f.PlainText)}{(f.Display ? " display" : "")}{numbers}{(f.HasErrors ? " error" : "")}";
    }

    /// <summary>Quotes a string, escaping backslash, quote, and control characters.</summary>
    public static string Q(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s)
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '"': sb.Append("\\\""); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (char.IsControl(c)) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        return sb.Append('"').ToString();
    }

    private sealed class Writer
    {
        private readonly StringBuilder _sb = new();

        public void Line(int depth, string text) => _sb.Append(' ', depth * 2).Append(text).Append('\n');

        public override string ToString() => _sb.ToString();
    }
}
