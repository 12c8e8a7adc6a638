using System.Text;

namespace GptBook.Policies;

/// <summary>One property: value pair from a style attribute or a stylesheet rule.</summary>
public readonly record struct CssDeclaration(string Property, string Value);

/// <summary>
/// The part of CSS an SVG's styling uses, read so that the sanitizer can turn it into presentation attributes:
/// declarations (<c>fill: red; stroke-width: 2</c>) and stylesheet rules whose selectors are types, classes, ids,
/// <c>*</c> and their compounds, joined by descendant or child combinators. Anything else (at-rules, pseudo-classes,
/// attribute selectors, sibling combinators) is skipped and named in <see cref="Skipped"/>, never applied.
/// </summary>
public sealed class SvgStyleRules
{
    private readonly List<Rule> _rules = [];

    /// <summary>What could not be applied, for the warning (e.g. <c>@media</c>, <c>a:hover</c>).</summary>
    public List<string> Skipped { get; } = [];

    public bool IsEmpty => _rules.Count == 0;

    /// <summary>Reads a stylesheet (the text of a &lt;style&gt; element) and adds its rules after those read before.</summary>
    public void Add(string css)
    {
        var text = StripComments(css);
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf('{', i);
            if (open < 0) break;
            var prelude = text[i..open].Trim();
            var close = MatchingBrace(text, open);
            var body = text[(open + 1)..close];
            i = close + 1;
            if (prelude.StartsWith('@'))
            {
                Skipped.Add(prelude.Split(' ', 2)[0]);
                continue;
            }
            var declarations = ParseDeclarations(body);
            foreach (var selectorText in prelude.Split(','))
            {
                var selector = Selector.TryParse(selectorText.Trim());
                if (selector == null) Skipped.Add(selectorText.Trim());
                else _rules.Add(new Rule(selector, declarations, _rules.Count));
            }
        }
        // An @import or @charset without a block ends at its semicolon.
        foreach (var statement in text.Split(';').Select(s => s.Trim()).Where(s => s.StartsWith('@') && !s.Contains('{')))
            Skipped.Add(statement.Split(' ', 2)[0]);
    }

    /// <summary>The declarations of the rules matching an element, lowest precedence first (specificity, then order).</summary>
    public IEnumerable<CssDeclaration> Matching(string element, string? id, IReadOnlyList<string> classes, IReadOnlyList<StyledAncestor> ancestors) =>
        _rules.Where(r => r.Selector.Matches(new StyledAncestor(element, id, classes), ancestors))
            .OrderBy(r => r.Selector.Specificity).ThenBy(r => r.Order)
            .SelectMany(r => r.Declarations);

    /// <summary>The declarations of a style attribute or rule body, in order; <c>!important</c> is dropped.</summary>
    public static IReadOnlyList<CssDeclaration> ParseDeclarations(string css)
    {
        var result = new List<CssDeclaration>();
        foreach (var part in SplitTopLevel(StripComments(css), ';'))
        {
            var colon = part.IndexOf(':');
            if (colon <= 0) continue;
            var property = part[..colon].Trim().ToLowerInvariant();
            var value = part[(colon + 1)..].Trim();
            if (value.EndsWith("!important", StringComparison.OrdinalIgnoreCase)) value = value[..^"!important".Length].Trim();
            if (property.Length > 0 && value.Length > 0) result.Add(new CssDeclaration(property, value));
        }
        return result;
    }

    private static string StripComments(string css)
    {
        var sb = new StringBuilder(css.Length);
        for (var i = 0; i < css.Length; i++)
        {
            if (css[i] == '/' && i + 1 < css.Length && css[i + 1] == '*')
            {
                var end = css.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (end < 0) break;
                i = end + 1;
                continue;
            }
            sb.Append(css[i]);
        }
        return sb.ToString();
    }

    private static int MatchingBrace(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            if (text[i] == '{') depth++;
            else if (text[i] == '}' && --depth == 0) return i;
        }
        return text.Length - 1 < open ? open : text.Length - 1;
    }

    private static IEnumerable<string> SplitTopLevel(string text, char separator)
    {
        var depth = 0;
        char? quote = null;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != null) { if (c == quote) quote = null; continue; }
            if (c is '"' or '\'') quote = c;
            else if (c == '(') depth++;
            else if (c == ')') depth = Math.Max(0, depth - 1);
            else if (c == separator && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }
        yield return text[start..];
    }

    private sealed record Rule(Selector Selector, IReadOnlyList<CssDeclaration> Declarations, int Order);

    /// <summary>An element as a selector sees it.</summary>
    public readonly record struct StyledAncestor(string Element, string? Id, IReadOnlyList<string> Classes);

    /// <summary>Compounds from the outermost to the subject, each joined to the next by ' ' (descendant) or '>' (child).</summary>
    private sealed record Selector(IReadOnlyList<(Compound Compound, char Combinator)> Parts, (int, int, int) Specificity)
    {
        public static Selector? TryParse(string text)
        {
            if (text.Length == 0 || text.IndexOfAny([':', '[', '+', '~', '(', '\\', '|']) >= 0) return null;
            var parts = new List<(Compound, char)>();
            var combinator = ' ';
            foreach (var token in text.Replace(">", " > ").Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (token == ">")
                {
                    if (parts.Count == 0) return null;
                    combinator = '>';
                    continue;
                }
                var compound = Compound.TryParse(token);
                if (compound == null) return null;
                parts.Add((compound, combinator));
                combinator = ' ';
            }
            if (parts.Count == 0 || combinator == '>') return null;
            var ids = parts.Sum(p => p.Item1.Id == null ? 0 : 1);
            var classes = parts.Sum(p => p.Item1.Classes.Count);
            var types = parts.Sum(p => p.Item1.Element == null ? 0 : 1);
            return new Selector(parts, (ids, classes, types));
        }

        public bool Matches(StyledAncestor subject, IReadOnlyList<StyledAncestor> ancestors)
        {
            if (!Parts[^1].Compound.Matches(subject)) return false;
            var at = ancestors.Count; // ancestors[0] is the root, ancestors[^1] the parent
            for (var p = Parts.Count - 2; p >= 0; p--)
            {
                var joinedByChild = Parts[p + 1].Combinator == '>';
                var found = false;
                while (at > 0)
                {
                    at--;
                    if (Parts[p].Compound.Matches(ancestors[at])) { found = true; break; }
                    if (joinedByChild) return false;
                }
                if (!found) return false;
            }
            return true;
        }
    }

    private sealed record Compound(string? Element, string? Id, IReadOnlyList<string> Classes)
    {
        public static Compound? TryParse(string token)
        {
            string? element = null, id = null;
            var classes = new List<string>();
            var i = 0;
            var typeEnd = token.IndexOfAny(['.', '#']);
            var type = typeEnd < 0 ? token : token[..typeEnd];
            if (type.Length > 0 && type != "*")
            {
                if (!type.All(IsNameCharacter)) return null;
                element = type;
            }
            i = type.Length;
            while (i < token.Length)
            {
                var kind = token[i];
                var end = token.IndexOfAny(['.', '#'], i + 1);
                if (end < 0) end = token.Length;
                var name = token[(i + 1)..end];
                if (name.Length == 0 || !name.All(IsNameCharacter)) return null;
                if (kind == '#') id = name;
                else classes.Add(name);
                i = end;
            }
            return new Compound(element, id, classes);
        }

        public bool Matches(StyledAncestor e) =>
            (Element == null || Element == e.Element) && (Id == null || Id == e.Id) && Classes.All(e.Classes.Contains);

        private static bool IsNameCharacter(char c) => char.IsLetterOrDigit(c) || c is '-' or '_';
    }
}
