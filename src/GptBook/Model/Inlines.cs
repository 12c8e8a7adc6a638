using System.Text;
using GptBook.Formulas;

namespace GptBook.Model;

/// <summary>The closed set of inline nodes. Soft line breaks are resolved by normalization and never appear here.</summary>
public abstract record Inline(SourceSpan Span)
{
    /// <summary>The text a reader would see, without markup: used for ids, the TOC, alt text and search.</summary>
    public static string PlainText(IEnumerable<Inline> inlines)
    {
        var sb = new StringBuilder();
        foreach (var inline in inlines) inline.AppendPlainText(sb);
        return sb.ToString();
    }

    internal abstract void AppendPlainText(StringBuilder sb);

    /// <summary>The inlines nested in this one (emphasis, strong, strikethrough and link content).</summary>
    public virtual IReadOnlyList<Inline> Children => [];

    /// <summary>This inline followed by every inline nested in it, depth-first.</summary>
    public IEnumerable<Inline> DescendantsAndSelf()
    {
        yield return this;
        // By index, and a leaf child given as it is: most inlines are leaves, and the writers and transforms ask for
        // every inline of every paragraph, so an enumerator per child list and an iterator per leaf added up.
        var children = Children;
        for (var i = 0; i < children.Count; i++)
        {
            if (children[i].Children.Count == 0) yield return children[i];
            else
                foreach (var d in children[i].DescendantsAndSelf())
                    yield return d;
        }
    }
}

public sealed record Text(string Value, SourceSpan Span) : Inline(Span)
{
    internal override void AppendPlainText(StringBuilder sb) => sb.Append(Value);
}

public sealed record Emphasis(IReadOnlyList<Inline> Content, SourceSpan Span) : Inline(Span)
{
    public override IReadOnlyList<Inline> Children => Content;

    internal override void AppendPlainText(StringBuilder sb) => sb.Append(PlainText(Content));
}

public sealed record Strong(IReadOnlyList<Inline> Content, SourceSpan Span) : Inline(Span)
{
    public override IReadOnlyList<Inline> Children => Content;

    internal override void AppendPlainText(StringBuilder sb) => sb.Append(PlainText(Content));
}

public sealed record Strikethrough(IReadOnlyList<Inline> Content, SourceSpan Span) : Inline(Span)
{
    public override IReadOnlyList<Inline> Children => Content;

    internal override void AppendPlainText(StringBuilder sb) => sb.Append(PlainText(Content));
}

/// <summary>How <see cref="MarkedText"/> sets its content apart from the text around it.</summary>
public enum TextMark { Superscript, Subscript, Keyboard, Highlight }

/// <summary>
/// Text raised (x²), lowered (H₂O), shown as a key to press (Ctrl+C), or highlighted as with a marker pen: from raw
/// HTML's sup, sub, kbd and mark, and Typora's <c>==highlight==</c>.
/// </summary>
public sealed record MarkedText(TextMark Mark, IReadOnlyList<Inline> Content, SourceSpan Span) : Inline(Span)
{
    public override IReadOnlyList<Inline> Children => Content;

    internal override void AppendPlainText(StringBuilder sb) => sb.Append(PlainText(Content));
}

public sealed record InlineCode(string Code, SourceSpan Span) : Inline(Span)
{
    internal override void AppendPlainText(StringBuilder sb) => sb.Append(Code);
}

/// <summary>
/// A link. <see cref="Target"/> is either an absolute <c>http(s):</c>/<c>mailto:</c> URL or an internal
/// reference <c>#id</c> to a heading, figure or footnote id in the book (writers map ids to chunks/pages).
/// </summary>
public sealed record Link(string Target, string? Title, IReadOnlyList<Inline> Content, SourceSpan Span) : Inline(Span)
{
    public override IReadOnlyList<Inline> Children => Content;

    public bool IsInternal => Target.StartsWith('#');

    internal override void AppendPlainText(StringBuilder sb) => sb.Append(PlainText(Content));
}

/// <summary>An image that sits inside running text (a paragraph with other content), not a figure.</summary>
public sealed record InlineImage(ImageReference Image, SourceSpan Span) : Inline(Span)
{
    internal override void AppendPlainText(StringBuilder sb) => sb.Append(Image.Alt);
}

/// <summary>
/// A place in running text that links can name: raw HTML's <c>&lt;a name="x"&gt;&lt;/a&gt;</c> (or <c>id</c>) inside a
/// paragraph. It shows nothing. (An anchor on its own line before a heading names the heading instead.)
/// </summary>
public sealed record InlineAnchor(string Id, SourceSpan Span) : Inline(Span)
{
    internal override void AppendPlainText(StringBuilder sb)
    {
    }
}

/// <summary>A hard line break (two trailing spaces or a backslash in the source).</summary>
public sealed record LineBreak(SourceSpan Span) : Inline(Span)
{
    internal override void AppendPlainText(StringBuilder sb) => sb.Append('\n');
}

/// <summary>A reference to footnote <see cref="FootnoteId"/>, shown as its <see cref="Number"/>.</summary>
public sealed record FootnoteReference(string FootnoteId, int Number, SourceSpan Span) : Inline(Span)
{
    internal override void AppendPlainText(StringBuilder sb) => sb.Append('[').Append(Number).Append(']');
}

/// <summary>
/// A formula inside running text: <c>$…$</c>, <c>\(…\)</c>, or <c>$$…$$</c> written inside a line
/// (<see cref="MathFormula.Display"/>). A broken formula's root is a <see cref="MathError"/> (shown as marked source).
/// </summary>
public sealed record InlineMath(MathFormula Formula, SourceSpan Span) : Inline(Span)
{
    internal override void AppendPlainText(StringBuilder sb) => sb.Append(Formula.PlainText);
}
