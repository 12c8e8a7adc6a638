using System.Text;
using System.Xml.Linq;
using GptBook.Fonts;
using GptBook.Policies;

namespace GptBook.Site.WebFonts;

/// <summary>
/// The characters each bundled face must hold, page by page: every page's visible text (of a formula, which MathML
/// draws in the stylesheet's math faces, only its Chinese), and the words the script shows (placeholders, the search page's
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

    /// <summary>Each (role, code point) pair's face, once per build rather than once per occurrence: a page shows
    /// thousands of characters but a book only a few thousand distinct ones, and resolving a face walks the
    /// fallback chain's character maps.</summary>
    private readonly Dictionary<(FontRole Role, int CodePoint), FontRole?> _faces = [];

    /// <summary>Per face, per page (in order added), the code points the page needs from the face.</summary>
    public IReadOnlyList<IReadOnlyDictionary<FontRole, SortedSet<int>>> Pages => _pages;

    /// <summary>The characters one page shows, by the role that sets them (their faces are given by <see cref="Add"/>).</summary>
    public sealed class PageText
    {
        internal Dictionary<FontRole, HashSet<int>> ByRole { get; } = [];

        /// <summary>The page's texts that may hold emoji sequences (<see cref="EmojiSequences.MayHold"/>).</summary>
        internal HashSet<string> MayHoldEmojiSequences { get; } = [];
    }

    /// <summary>What a page shows. Reads the page only, so pages can be read on several threads at once.</summary>
    public static PageText Read(XElement page)
    {
        var text = new PageText();
        var body = page.Element(PolyglotHtmlSerializer.Xhtml + "body") ?? page;
        Walk(body, new Context(FontRole.SerifRegular, FontRole.SerifBold, FontRole.SerifRegular), text);
        return text;
    }

    /// <summary>Records a page read by <see cref="Read"/>: pages must be added in the order the slices follow.</summary>
    public void Add(PageText page)
    {
        if (_pages.Count == 0) Record(page.ByRole, FontRole.SerifRegular, ScriptText);
        _pages.Add(Faces(page).ToDictionary(f => f.Key, f => new SortedSet<int>(f.Value)));
    }

    /// <summary>Records more of what the page added <paramref name="index"/>-th shows (a part of it made later, read by
    /// <see cref="Read"/> in its place), as if it had been read with the page.</summary>
    public void Extend(int index, PageText more)
    {
        var page = _pages[index];
        foreach (var (face, codePoints) in Faces(more))
        {
            if (page.TryGetValue(face, out var set)) set.UnionWith(codePoints);
            else page[face] = new SortedSet<int>(codePoints);
        }
    }

    /// <summary>The code points a page's text needs, by the face that has them.</summary>
    private Dictionary<FontRole, List<int>> Faces(PageText page)
    {
        var faces = new Dictionary<FontRole, List<int>>();
        foreach (var (role, codePoints) in page.ByRole)
        {
            foreach (var codePoint in codePoints)
            {
                if (!_faces.TryGetValue((role, codePoint), out var face))
                    _faces[(role, codePoint)] = face = WebTypography.FaceFor(fonts, role, codePoint);
                if (face == null) continue; // no bundled face has it: the reader's system fonts draw it
                if (!faces.TryGetValue(face.Value, out var list)) faces[face.Value] = list = [];
                list.Add(codePoint);
            }
        }
        AddEmojiSequences(page, faces);
        return faces;
    }

    /// <summary>
    /// Every character of the page's emoji sequences (🧑‍💻, 👨‍👩‍👧, 🇨🇳, 1️⃣) that the emoji face has, its joiners and
    /// the keycap's digit too, goes to the emoji face: a browser forms a sequence from the face's ligatures (kept in its
    /// subset, see <see cref="WebFontWriter"/>) only when one face holds the whole sequence.
    /// </summary>
    private void AddEmojiSequences(PageText page, Dictionary<FontRole, List<int>> faces)
    {
        if (page.MayHoldEmojiSequences.Count == 0) return;
        var emoji = fonts.Font(FontRole.Emoji);
        foreach (var text in page.MayHoldEmojiSequences)
            foreach (var sequence in EmojiSequences.Find(text, emoji))
                foreach (var rune in text.AsSpan(sequence.Start, sequence.Length).EnumerateRunes())
                {
                    if (!emoji.HasGlyph(rune.Value)) continue;
                    if (!faces.TryGetValue(FontRole.Emoji, out var list)) faces[FontRole.Emoji] = list = [];
                    list.Add(rune.Value);
                }
    }

    private sealed record Context(FontRole Plain, FontRole Bold, FontRole Current);

    private static void Walk(XElement element, Context context, PageText page)
    {
        var shown = page.ByRole;
        if (element.Name.LocalName is "script" or "style" or "template") return;
        // A formula is drawn in the stylesheet's math faces (the site ships none), except what a math face lacks:
        // its Chinese (\text{否则}), for which the stylesheet names the page's own faces after the math ones. So only
        // that needs slices, read from the formula's text at once: a book of formulas has more MathML elements than
        // any others to walk.
        if (element.Name.Namespace == MathMl)
        {
            if (element.Name.LocalName != "math") return;
            RecordCjk(shown, context.Current, element.Value);
            // \textbf and \texttt are drawn whole in the page's bold and code faces (WebTypography's mtext rules).
            foreach (var text in element.Descendants(MathMl + "mtext"))
                switch ((string?)text.Attribute("mathvariant"))
                {
                    case "bold": Record(shown, context.Bold, text.Value); break;
                    case "monospace": Record(shown, FontRole.Mono, text.Value); break;
                }
            return;
        }
        var classes = WebTypography.Selector.ClassesOf(element);
        foreach (var rule in WebTypography.Rules)
        {
            if (!rule.Selectors.Any(s => s.Matches(element, classes))) continue;
            context = rule.Effect switch
            {
                WebTypography.Effect.Heading => new Context(FontRole.SansBold, FontRole.SansBold, FontRole.SansBold),
                WebTypography.Effect.Bold => context with { Current = context.Bold },
                WebTypography.Effect.Code => context with { Current = FontRole.Mono },
                _ => context with { Current = FontRole.MonoBold },
            };
        }
        foreach (var name in ShownAttributes)
            if (element.Attribute(name) is { } attribute) Record(shown, context.Current, attribute.Value);
        foreach (var node in element.Nodes())
        {
            if (node is XElement child) Walk(child, context, page);
            else if (node is XText text)
            {
                Record(shown, context.Current, text.Value);
                if (EmojiSequences.MayHold(text.Value)) page.MayHoldEmojiSequences.Add(text.Value);
            }
        }
    }

    private static void RecordCjk(Dictionary<FontRole, HashSet<int>> shown, FontRole role, string text)
    {
        HashSet<int>? set = null;
        foreach (var rune in text.EnumerateRunes())
        {
            if (!CjkCharacters.IsCjkLetter(rune.Value) && !IsCjkPunctuation(rune.Value)) continue;
            if (set == null && !shown.TryGetValue(role, out set)) shown[role] = set = [];
            set.Add(rune.Value);
        }
    }

    /// <summary>CJK symbols and punctuation (、。「」…) and the full-width forms (，：（）…).</summary>
    private static bool IsCjkPunctuation(int c) => c is >= 0x3000 and <= 0x303F or >= 0xFF00 and <= 0xFFEF;

    private static void Record(Dictionary<FontRole, HashSet<int>> shown, FontRole role, string text)
    {
        if (!shown.TryGetValue(role, out var set)) shown[role] = set = [];
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsControl(rune) || rune.Value is '\u00A0') continue;
            set.Add(rune.Value);
        }
    }
}
