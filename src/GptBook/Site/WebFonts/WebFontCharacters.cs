using System.Text;
using System.Xml.Linq;
using GptBook.Fonts;

namespace GptBook.Site.WebFonts;

/// <summary>
/// The characters each bundled face must hold, page by page: every page's visible text outside its formulas (MathML
/// is drawn in the stylesheet's math faces), and the words the script shows (placeholders, the search page's
/// messages), is given its role by <see cref="WebTypography.Rules"/> as the
/// stylesheet would, and each character goes to the face that draws it in that role. Pages are recorded in the
/// order they are added (the home page first, then reading order), which is the order the slices follow.
/// </summary>
public sealed class WebFontCharacters(FontSet fonts)
{
    private static readonly XNamespace MathMl = XNamespace.Get(Policies.MathMLAllowList.Namespace);

    /// <summary>Attributes whose text the page shows.</summary>
    private static readonly string[] ShownAttributes = ["placeholder", "data-none", "data-found"];

    /// <summary>What site.js writes besides the book's own text (counts, ellipses, quotes): always in the body face.</summary>
    private const string ScriptText = " 0123456789…“”：:.";

    private readonly List<Dictionary<FontRole, SortedSet<int>>> _pages = [];

    /// <summary>Per face, per page (in order added), the code points the page needs from the face.</summary>
    public IReadOnlyList<IReadOnlyDictionary<FontRole, SortedSet<int>>> Pages => _pages;

    public void Add(XElement page)
    {
        var faces = new Dictionary<FontRole, SortedSet<int>>();
        var body = page.Element(PolyglotHtmlSerializer.Xhtml + "body") ?? page;
        Walk(body, new Context(FontRole.SerifRegular, FontRole.SerifBold, FontRole.SerifRegular), faces);
        if (_pages.Count == 0) Record(faces, FontRole.SerifRegular, ScriptText);
        _pages.Add(faces);
    }

    private sealed record Context(FontRole Plain, FontRole Bold, FontRole Current);

    private void Walk(XElement element, Context context, Dictionary<FontRole, SortedSet<int>> faces)
    {
        if (element.Name.LocalName is "script" or "style" or "template") return;
        // A formula is drawn in the stylesheet's math faces, never in the bundled ones (the site ships no math face),
        // so its characters need no slice; and a book of formulas has more MathML elements than any others to walk.
        if (element.Name.Namespace == MathMl) return;
        foreach (var rule in WebTypography.Rules)
        {
            if (!rule.Selectors.Any(s => s.Matches(element))) continue;
            context = rule.Effect switch
            {
                WebTypography.Effect.Heading => new Context(FontRole.SansBold, FontRole.SansBold, FontRole.SansBold),
                WebTypography.Effect.Bold => context with { Current = context.Bold },
                WebTypography.Effect.Code => context with { Current = FontRole.Mono },
                _ => context with { Current = FontRole.MonoBold },
            };
        }
        foreach (var name in ShownAttributes)
            if (element.Attribute(name) is { } attribute) Record(faces, context.Current, attribute.Value);
        foreach (var node in element.Nodes())
        {
            if (node is XElement child) Walk(child, context, faces);
            else if (node is XText text) Record(faces, context.Current, text.Value);
        }
    }

    private void Record(Dictionary<FontRole, SortedSet<int>> faces, FontRole role, string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsControl(rune) || rune.Value is '\u00A0') continue;
            var face = WebTypography.FaceFor(fonts, role, rune.Value);
            if (face == null) continue; // no bundled face has it: the reader's system fonts draw it
            if (!faces.TryGetValue(face.Value, out var set)) faces[face.Value] = set = [];
            set.Add(rune.Value);
        }
    }
}
