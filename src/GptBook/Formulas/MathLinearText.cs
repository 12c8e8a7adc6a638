using System.Runtime.CompilerServices;
using System.Text;

namespace GptBook.Formulas;

/// <summary>
/// A formula as one line of readable Unicode text (<c>𝐇ₜ</c> is written <c>𝐇_t</c>, a fraction <c>(a)/(b)</c>):
/// what a table of contents, a search index or a copied text layer shows instead of TeX source.
/// </summary>
public static class MathLinearText
{
    /// <summary>
    /// Each formula's text, made once: the layout, the contents, the search index and the page descriptions all ask
    /// for it. Kept beside the formula rather than in it, so the record's equality stays what its fields say.
    /// </summary>
    private static readonly ConditionalWeakTable<MathFormula, string> Made = [];

    public static string Of(MathFormula formula)
    {
        ArgumentNullException.ThrowIfNull(formula);
        return Made.GetValue(formula, static f => f.Root is MathError ? f.Source.Trim() : Of(f.Root));
    }

    public static string Of(MathNode node)
    {
        var sb = new StringBuilder();
        Append(sb, node);
        return sb.ToString().Trim();
    }

    private static void Append(StringBuilder sb, MathNode node)
    {
        switch (node)
        {
            case MathSymbol s:
                if (s.Class is AtomClass.Bin or AtomClass.Rel) sb.Append(' ').Append(s.Text).Append(' ');
                else if (s.Class == AtomClass.Punct) sb.Append(s.Text).Append(' ');
                else sb.Append(s.Text);
                break;
            case MathRow r:
                foreach (var item in r.Items) Append(sb, item);
                break;
            case MathFraction f:
                sb.Append(f.LeftDelimiter);
                Grouped(sb, f.Numerator);
                sb.Append(f.HasRule ? "/" : " ");
                Grouped(sb, f.Denominator);
                sb.Append(f.RightDelimiter);
                break;
            case MathScripts s:
                Append(sb, s.Base);
                if (s.Subscript is not null) { sb.Append('_'); Grouped(sb, s.Subscript); }
                if (s.Superscript is not null)
                {
                    if (s.Superscript is MathSymbol { Text: "′" or "″" or "‴" } prime) sb.Append(prime.Text);
                    else { sb.Append('^'); Grouped(sb, s.Superscript); }
                }
                break;
            case MathRadical r:
                if (r.Degree is not null) { sb.Append('^'); Grouped(sb, r.Degree); }
                sb.Append('√');
                Grouped(sb, r.Radicand);
                break;
            case MathOperator o:
                sb.Append(o.Text).Append(o.IsLargeSymbol ? "" : " ");
                break;
            case MathFenced f:
                sb.Append(f.Left);
                for (var i = 0; i < f.Segments.Count; i++)
                {
                    if (i > 0) sb.Append(' ').Append(f.Middles[i - 1]).Append(' ');
                    Append(sb, f.Segments[i]);
                }
                sb.Append(f.Right);
                break;
            case MathSizedDelimiter d:
                sb.Append(d.Delimiter);
                break;
            case MathAccent a:
                Append(sb, a.Base);
                if (a.Mark is not ("‾" or "_" or "⏞" or "⏟")) sb.Append(CombiningOf(a.Mark));
                if (a.Label is not null) { sb.Append(a.Under ? '_' : '^'); Grouped(sb, a.Label); }
                break;
            case MathUnderOver { Stretchy: true } arrow:
                // \xrightarrow{SGD} reads as the arrow with its label: →(SGD).
                Append(sb, arrow.Base);
                foreach (var label in new[] { arrow.Over, arrow.Under })
                    if (label is not null) Grouped(sb, label);
                sb.Append(' ');
                break;
            case MathUnderOver u:
                Append(sb, u.Base);
                break;
            case MathBoxed b:
                Append(sb, b.Content);
                break;
            case MathCancel c:
                Append(sb, c.Content);
                break;
            case MathColoured c:
                Append(sb, c.Content);
                break;
            case MathText t:
                sb.Append(t.Text);
                break;
            case MathSpace s:
                if (s.Mu >= 3) sb.Append(' ');
                break;
            case MathStyled s:
                Append(sb, s.Content);
                break;
            case MathClassed c:
                Append(sb, c.Content);
                break;
            case MathReference r:
                sb.Append(r.Number is null ? r.Label : r.Parenthesized ? $"({r.Number})" : r.Number);
                break;
            case MathTable t:
                for (var i = 0; i < t.Rows.Count; i++)
                {
                    if (i > 0) sb.Append("; ");
                    foreach (var cell in t.Rows[i].Cells) { Append(sb, cell); sb.Append(' '); }
                }
                break;
            case MathError e:
                sb.Append(e.Source);
                break;
        }
    }

    /// <summary>A script or fraction part: one character as is, more in parentheses so the text stays unambiguous.</summary>
    private static void Grouped(StringBuilder sb, MathNode node)
    {
        var inner = Of(node);
        if (new StringInfoLength(inner).IsSingle) sb.Append(inner);
        else sb.Append('(').Append(inner).Append(')');
    }

    private static string CombiningOf(string mark) => mark switch
    {
        "^" => "\u0302",
        "~" => "\u0303",
        "¯" => "\u0304",
        "→" => "\u20D7",
        "˙" => "\u0307",
        "¨" => "\u0308",
        "ˇ" => "\u030C",
        "˘" => "\u0306",
        "´" => "\u0301",
        "`" => "\u0300",
        "˚" => "\u030A",
        _ => "",
    };

    private readonly record struct StringInfoLength(string Text)
    {
        public bool IsSingle => Text.Length > 0 && System.Globalization.StringInfo.GetNextTextElementLength(Text) == Text.Length;
    }
}
