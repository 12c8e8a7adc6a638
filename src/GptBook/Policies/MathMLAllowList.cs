namespace GptBook.Policies;

/// <summary>
/// The presentation MathML the formula writer produces, and so all a site page may carry in the MathML namespace:
/// layout elements and their presentation attributes (a colour as <c>mathcolor</c>), no links (<c>href</c>), no styles,
/// no event handlers.
/// </summary>
public static class MathMLAllowList
{
    public const string Namespace = "http://www.w3.org/1998/Math/MathML";

    public static readonly IReadOnlySet<string> Elements = new HashSet<string>(StringComparer.Ordinal)
    {
        "math", "mi", "mn", "mo", "mtext", "mspace", "mrow", "mfrac", "msqrt", "mroot", "msub", "msup", "msubsup",
        "munder", "mover", "munderover", "mtable", "mtr", "mtd", "mstyle", "merror", "menclose",
    };

    public static readonly IReadOnlySet<string> Attributes = new HashSet<string>(StringComparer.Ordinal)
    {
        "display", "alttext", "mathvariant", "stretchy", "fence", "form", "symmetric", "minsize", "maxsize",
        "movablelimits", "lspace", "rspace", "accent", "accentunder", "linethickness", "width", "depth", "displaystyle", "scriptlevel",
        "columnalign", "columnspacing", "columnlines", "rowlines", "frame", "class", "id", "mathcolor", "notation",
    };
}
