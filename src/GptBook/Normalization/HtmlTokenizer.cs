using System.Text;

namespace GptBook.Normalization;

internal enum HtmlTokenKind { Text, StartTag, EndTag, Comment, Other }

internal sealed record HtmlToken(HtmlTokenKind Kind, string Name, string Text, IReadOnlyList<(string Name, string Value)> Attributes, bool SelfClosing);

/// <summary>
/// A small, forgiving HTML tokenizer for the sanitizer: text, start and end tags with attributes (quoted or not),
/// comments, and everything else (doctype, processing instructions, CDATA) as <see cref="HtmlTokenKind.Other"/>.
/// Tag and attribute names are lowercased. Malformed markup never throws: a '&lt;' that starts no tag is text.
/// </summary>
internal static class HtmlTokenizer
{
    public static IEnumerable<HtmlToken> Tokenize(string html)
    {
        var i = 0;
        var text = new StringBuilder();
        while (i < html.Length)
        {
            var c = html[i];
            if (c != '<' || i + 1 >= html.Length)
            {
                text.Append(c);
                i++;
                continue;
            }
            var next = html[i + 1];
            HtmlToken? token = null;
            var end = i;
            if (html.AsSpan(i).StartsWith("<!--"))
            {
                var close = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                end = close < 0 ? html.Length : close + 3;
                token = new HtmlToken(HtmlTokenKind.Comment, "", html[i..end], [], false);
            }
            else if (next is '!' or '?')
            {
                var close = html.IndexOf('>', i);
                end = close < 0 ? html.Length : close + 1;
                token = new HtmlToken(HtmlTokenKind.Other, "", html[i..end], [], false);
            }
            else if (char.IsAsciiLetter(next) || (next == '/' && i + 2 < html.Length && char.IsAsciiLetter(html[i + 2])))
            {
                token = ReadTag(html, i, out end);
            }
            if (token == null)
            {
                text.Append(c);
                i++;
                continue;
            }
            if (text.Length > 0)
            {
                yield return new HtmlToken(HtmlTokenKind.Text, "", text.ToString(), [], false);
                text.Clear();
            }
            yield return token;
            i = end;
        }
        if (text.Length > 0) yield return new HtmlToken(HtmlTokenKind.Text, "", text.ToString(), [], false);
    }

    private static HtmlToken? ReadTag(string html, int start, out int end)
    {
        var i = start + 1;
        var isEnd = html[i] == '/';
        if (isEnd) i++;
        var nameStart = i;
        while (i < html.Length && (char.IsAsciiLetterOrDigit(html[i]) || html[i] is '-' or ':')) i++;
        var name = html[nameStart..i].ToLowerInvariant();
        var attributes = new List<(string, string)>();
        var selfClosing = false;
        while (true)
        {
            while (i < html.Length && (char.IsWhiteSpace(html[i]) || html[i] == '/'))
            {
                if (html[i] == '/') selfClosing = true;
                i++;
            }
            if (i >= html.Length)
            {
                end = html.Length; // an unterminated tag swallows the rest, as browsers do
                return new HtmlToken(isEnd ? HtmlTokenKind.EndTag : HtmlTokenKind.StartTag, name, html[start..], attributes, selfClosing);
            }
            if (html[i] == '>')
            {
                end = i + 1;
                return new HtmlToken(isEnd ? HtmlTokenKind.EndTag : HtmlTokenKind.StartTag, name, html[start..end], attributes, selfClosing);
            }
            selfClosing = false;
            var attrStart = i;
            while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] is not ('=' or '>' or '/')) i++;
            if (i == attrStart) i++; // a stray character such as a quote: skip it
            var attrName = html[attrStart..i].ToLowerInvariant();
            while (i < html.Length && char.IsWhiteSpace(html[i])) i++;
            var value = "";
            if (i < html.Length && html[i] == '=')
            {
                i++;
                while (i < html.Length && char.IsWhiteSpace(html[i])) i++;
                if (i < html.Length && html[i] is '"' or '\'')
                {
                    var quote = html[i];
                    var close = html.IndexOf(quote, i + 1);
                    var valueEnd = close < 0 ? html.Length : close;
                    value = html[(i + 1)..valueEnd];
                    i = close < 0 ? html.Length : close + 1;
                }
                else
                {
                    var valueStart = i;
                    while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] != '>') i++;
                    value = html[valueStart..i];
                }
            }
            if (attrName.Length > 0) attributes.Add((attrName, value));
        }
    }
}
