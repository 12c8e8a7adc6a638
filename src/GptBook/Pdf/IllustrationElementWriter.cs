using System.Globalization;
using System.Text;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.Structure;

namespace GptBook.Pdf;

/// <summary>
/// Writes the Formula and Figure structure elements (one per formula or figure drawn, with /Alt and the /BBox of its
/// layout attributes) into the saved file ourselves instead of having PDFsharp save them. PDFsharp writes every
/// name, number, string and reference of a dictionary as objects of its own, with an allocation or two each, and a
/// book of 2,000 formulas spent about a third of the extra time of its save on these elements. So, before the save,
/// <see cref="SetAside"/> reads each element's entries and empties it (PDFsharp keeps the object, which its parent
/// and the parent tree point at, and writes <c>&lt;&lt;&gt;&gt;</c>); after the save, when every object has its final
/// number, <see cref="Objects"/> gives each element written as PDFsharp writes it (same keys, order and number
/// formats), for <see cref="SavedObjectReplacer"/> to put in place. An element of any other shape (a language of its
/// own, content on another page, attributes beyond the box) is left to PDFsharp. The formulas' elements, which
/// <see cref="FormulaStructureTagger"/> makes without PDFsharp, are handed over with their entries and written the same way.
/// </summary>
internal sealed class IllustrationElementWriter
{
    private readonly List<PdfStructureElement> _drawn = [];
    private readonly List<Entries> _setAside = [];

    /// <summary>
    /// What an illustration element holds: its structure type, parent, page, marked-content ids (each with its page),
    /// alternate text and box.
    /// </summary>
    public sealed record Entries(PdfDictionary Element, string Tag, PdfReference Parent, PdfReference Page, List<(PdfReference Page, int Mcid)> Kids, string Alt, PdfRectangle Box);

    private static readonly HashSet<string> Keys = ["/Type", "/P", "/S", "/K", "/Pg", "/Alt", "/A"];

    /// <summary>An element PDFsharp has just begun (<c>BeginIllustrationElement</c>); its entries are complete once it has ended.</summary>
    public void Add(PdfStructureElement element) => _drawn.Add(element);

    /// <summary>An empty element made without PDFsharp, with the entries to write for it (its kids may grow until the last page).</summary>
    public void Add(Entries element) => _setAside.Add(element);

    /// <summary>After the last page, before the save: takes the entries out of every element of the expected shape.</summary>
    public void SetAside()
    {
        foreach (var element in _drawn)
        {
            if (Read(element) is not { } entries) continue;
            element.Elements.Clear();
            _setAside.Add(entries);
        }
        _drawn.Clear();
    }

    /// <summary>After the save: object number → the whole object, for each element set aside.</summary>
    public IEnumerable<KeyValuePair<int, byte[]>> Objects()
    {
        var sb = new StringBuilder();
        foreach (var e in _setAside)
        {
            var self = e.Element.Reference ?? throw new InvalidOperationException("a structure element set aside was not saved");
            sb.Clear();
            sb.Append(Invariant($"{self.ObjectNumber} {self.GenerationNumber} obj\n<</Type/StructElem/P "));
            Reference(sb, e.Parent).Append("/S").Append(e.Tag).Append("/K");
            if (e.Kids.Count == 1) Kid(sb.Append(e.Kids[0].Page == e.Page ? " " : ""), e.Kids[0], e.Page);
            else
            {
                sb.Append('[');
                for (var i = 0; i < e.Kids.Count; i++) Kid(i > 0 && e.Kids[i].Page == e.Page ? sb.Append(' ') : sb, e.Kids[i], e.Page);
                sb.Append(']');
            }
            Reference(sb.Append("/Pg "), e.Page).Append("/Alt");
            TextString(sb, e.Alt);
            sb.Append("/A<</O/Layout/BBox[").Append(Number(e.Box.X1)).Append(' ').Append(Number(e.Box.Y1)).Append(' ')
                .Append(Number(e.Box.X2)).Append(' ').Append(Number(e.Box.Y2)).Append("]>>>>\nendobj\n");
            yield return new(self.ObjectNumber, Encoding.Latin1.GetBytes(sb.ToString()));
        }
        _setAside.Clear();
    }

    /// <summary>The element's entries, or null when it holds anything this writer does not write as PDFsharp would.</summary>
    private static Entries? Read(PdfStructureElement element)
    {
        var elements = element.Elements;
        if (elements.Count != Keys.Count || !elements.Keys.All(Keys.Contains)) return null;
        if (elements.GetName("/Type") != "/StructElem" || elements.GetName("/S") is not ("/Formula" or "/Figure") || elements["/Alt"] is not PdfString alt
            || elements.GetReference("/P") is not { } parent || elements.GetReference("/Pg") is not { } page)
            return null;
        List<(PdfReference, int)> kids;
        switch (elements["/K"])
        {
            case PdfInteger single:
                kids = [(page, single.Value)];
                break;
            case PdfArray { Elements.Count: > 0 } array when array.Elements.All(k => k is PdfInteger):
                kids = array.Elements.Select(k => (page, ((PdfInteger)k).Value)).ToList();
                break;
            default:
                return null; // marked content on another page (a reference dictionary) or nothing at all
        }
        // PDFsharp keeps the layout attributes in an array until its save takes the single dictionary out of it.
        var attributes = elements["/A"] is PdfArray { Elements.Count: 1 } one ? one.Elements[0] : elements["/A"];
        if (attributes is not PdfDictionary layout || layout.Elements.Count != 2 || layout.Elements.GetName("/O") != "/Layout"
            || layout.Elements["/BBox"] is not PdfRectangle box)
            return null;
        return new Entries(element, elements.GetName("/S"), parent, page, kids, alt.Value, box);
    }

    /// <summary>A marked-content id on the element's page; on another page, a marked-content reference to it.</summary>
    private static void Kid(StringBuilder sb, (PdfReference Page, int Mcid) kid, PdfReference elementPage)
    {
        if (kid.Page == elementPage)
        {
            sb.Append(Invariant($"{kid.Mcid}"));
            return;
        }
        Reference(sb.Append("<</Type/MCR/Pg "), kid.Page).Append(Invariant($"/MCID {kid.Mcid}>>"));
    }

    private static StringBuilder Reference(StringBuilder sb, PdfReference reference) =>
        sb.Append(Invariant($"{reference.ObjectNumber} {reference.GenerationNumber} R"));

    /// <summary>
    /// A text string as PDFsharp writes one: printable ASCII (and line feeds) as a literal with <c>\\</c>, <c>\(</c>,
    /// <c>\)</c> and <c>\n</c> escaped; anything else as UTF-16BE in hexadecimal after a byte order mark, a line
    /// break after every 48 bytes.
    /// </summary>
    private static void TextString(StringBuilder sb, string text)
    {
        if (text.All(c => c is >= ' ' and <= '~' or '\n'))
        {
            sb.Append('(');
            foreach (var c in text)
                _ = c switch
                {
                    '\\' or '(' or ')' => sb.Append('\\').Append(c),
                    '\n' => sb.Append("\\n"),
                    _ => sb.Append(c),
                };
            sb.Append(')');
            return;
        }
        var hex = Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text));
        sb.Append("<FEFF");
        for (var at = 0; at < hex.Length; at += 96)
            (at > 0 ? sb.Append('\n') : sb).Append(hex.AsSpan(at, Math.Min(96, hex.Length - at)));
        sb.Append('>');
    }

    /// <summary>A rectangle's coordinate as PDFsharp writes it: at most three decimals.</summary>
    private static string Number(double value) => DecimalText.Format(value, 3);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
