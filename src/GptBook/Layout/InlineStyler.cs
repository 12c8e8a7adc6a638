using System.Text;
using GptBook.Layout.Text;
using GptBook.Model;
using GptBook.Fonts;
using GptBook.Formulas;

namespace GptBook.Layout;

/// <summary>
/// Turns a block's inlines into styled text for the composer, split at hard line breaks. Strong and emphasis are set
/// in the bold serif (the bundled fonts have no italic, and slanted Han is poor practice); code in the monospace
/// face; links and footnote references keep their target so the writer can make them clickable. A small image
/// (<see cref="PictureSizes"/>) is set on the line as an inline object; one the image stage could not prepare
/// shows its alt text in brackets.
/// </summary>
public sealed class InlineStyler(LayoutContext context)
{
    private readonly LayoutStyle _style = context.Style;

    public IReadOnlyList<IReadOnlyList<StyledText>> Style(IReadOnlyList<Inline> inlines, TextStyle baseStyle)
    {
        var segments = new List<IReadOnlyList<StyledText>>();
        var current = new List<StyledText>();
        Append(inlines, baseStyle, current, segments);
        segments.Add(Merge(current));
        return segments;
    }

    private void Append(IReadOnlyList<Inline> inlines, TextStyle s, List<StyledText> current, List<IReadOnlyList<StyledText>> segments)
    {
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case Model.Text t:
                    current.Add(new StyledText(t.Value, s));
                    break;
                case Strong st:
                    Append(st.Content, Bold(s), current, segments);
                    break;
                case Emphasis em:
                    Append(em.Content, Bold(s), current, segments);
                    break;
                case Strikethrough sk:
                    Append(sk.Content, s, current, segments);
                    break;
                case MarkedText { Mark: TextMark.Superscript } sup:
                    Append(sup.Content, s with { Size = s.Size * 0.7, Superscript = true }, current, segments);
                    break;
                case MarkedText { Mark: TextMark.Subscript } sub:
                    Append(sub.Content, s with { Size = s.Size * 0.7, Subscript = true }, current, segments);
                    break;
                case MarkedText { Mark: TextMark.Highlight } highlight:
                    // Print has no marker pen, and a tint is lost in greyscale: highlighted text is set in bold.
                    Append(highlight.Content, Bold(s), current, segments);
                    break;
                case MarkedText key:
                    // A key is set in the monospace face, as the EPUB's and the site's kbd style do.
                    Append(key.Content, s with { Font = FontRole.Mono, Size = s.Size * (_style.InlineCode.Size / _style.BodySize) }, current, segments);
                    break;
                case InlineMath { Formula.Root: MathReference reference }:
                    // A formula that is only a reference (\eqref{eq:x}) is a link to the equation in the text face, as
                    // in the EPUB and the site (inside another link it stays that link's text).
                    current.Add(new StyledText(reference.Shown,
                        reference.TargetId is { } id && s.LinkTarget == null ? s with { LinkTarget = "#" + id } : s));
                    break;
                case InlineMath { Formula: { Root: MathRow { Items.Count: 0 }, Numbers.Count: 0 } }:
                    break; // only macro definitions: nothing to draw, so no Formula element either
                case InlineMath math:
                    // A formula comes as pieces the composer may break between (after top-level relations and
                    // binary operators only).
                    foreach (var piece in context.Formulas.Inline(math.Formula, s.Size))
                        current.Add(StyledText.For(piece, s));
                    break;
                case InlineCode code:
                    current.Add(new StyledText(code.Code, s with { Font = FontRole.Mono, Size = s.Size * (_style.InlineCode.Size / _style.BodySize) }));
                    break;
                case Link link:
                    Append(link.Content, s with { LinkTarget = link.Target }, current, segments);
                    break;
                case InlineImage img:
                    current.Add(PictureSizes.OnTheLine(context, img.Image) is { } picture
                        ? StyledText.For(picture, s)
                        : new StyledText("[" + img.Image.Alt + "]", s));
                    break;
                case LineBreak:
                    segments.Add(Merge(current));
                    current.Clear();
                    break;
                case FootnoteReference fn:
                    current.Add(new StyledText(fn.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        s with { Size = s.Size * 0.65, Superscript = true, LinkTarget = "#" + fn.FootnoteId }));
                    break;
                default:
                    current.Add(new StyledText(Inline.PlainText([inline]), s));
                    break;
            }
        }
    }

    private static TextStyle Bold(TextStyle s) => s.Font switch
    {
        FontRole.SerifRegular => s with { Font = FontRole.SerifBold },
        _ => s,
    };

    /// <summary>Adjacent stretches in the same style become one, so the composer sees whole words.</summary>
    private static List<StyledText> Merge(List<StyledText> parts)
    {
        var merged = new List<StyledText>();
        var sb = new StringBuilder();
        TextStyle? style = null;
        foreach (var p in parts)
        {
            if (p.Text.Length == 0 && p.Object == null) continue;
            if (style != null && (p.Style != style || p.Object != null))
            {
                merged.Add(new StyledText(sb.ToString(), style));
                sb.Clear();
                style = null;
            }
            if (p.Object != null)
            {
                merged.Add(p);
                continue;
            }
            style = p.Style;
            sb.Append(p.Text);
        }
        if (style != null) merged.Add(new StyledText(sb.ToString(), style));
        return merged;
    }
}
