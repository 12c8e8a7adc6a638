namespace GptBook.Formulas;

/// <summary>
/// TeX source → tokens with TeX's category codes for math: letters after a backslash form a command name,
/// whitespace runs are one space token, <c>%</c> starts a comment to the end of the line.
/// </summary>
internal static class MathTokenizer
{
    public static List<MathToken> Tokenize(string source)
    {
        // At most one token per character: one array, never regrown.
        var tokens = new List<MathToken>(source.Length);
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            var start = i;
            switch (c)
            {
                case '\\':
                    i++;
                    if (i >= source.Length)
                    {
                        tokens.Add(new MathToken(MathTokenKind.Character, "\\", start, 1));
                        break;
                    }
                    if (char.IsAsciiLetter(source[i]))
                    {
                        while (i < source.Length && char.IsAsciiLetter(source[i])) i++;
                        tokens.Add(new MathToken(MathTokenKind.Command, source[(start + 1)..i], start, i - start));
                        // TeX skips the spaces after a command word; a following star belongs to a few names (\operatorname*).
                        if (i < source.Length && source[i] == '*' && StarredCommands.Contains(source[(start + 1)..i]))
                        {
                            i++;
                            tokens[^1] = new MathToken(MathTokenKind.Command, source[(start + 1)..i], start, i - start);
                        }
                    }
                    else
                    {
                        var width = char.IsSurrogatePair(source, i) ? 2 : 1;
                        var symbol = char.IsWhiteSpace(source[i]) ? " " : Character(source, i, width);
                        i += width;
                        tokens.Add(new MathToken(MathTokenKind.Command, symbol, start, i - start));
                    }
                    break;
                case '{':
                    tokens.Add(new MathToken(MathTokenKind.BeginGroup, "{", start, ++i - start));
                    break;
                case '}':
                    tokens.Add(new MathToken(MathTokenKind.EndGroup, "}", start, ++i - start));
                    break;
                case '^':
                    tokens.Add(new MathToken(MathTokenKind.Superscript, "^", start, ++i - start));
                    break;
                case '_':
                    tokens.Add(new MathToken(MathTokenKind.Subscript, "_", start, ++i - start));
                    break;
                case '&':
                    tokens.Add(new MathToken(MathTokenKind.Alignment, "&", start, ++i - start));
                    break;
                case '#' when i + 1 < source.Length && source[i + 1] is >= '1' and <= '9':
                    tokens.Add(new MathToken(MathTokenKind.Parameter, source[i + 1].ToString(), start, 2));
                    i += 2;
                    break;
                case '%':
                    while (i < source.Length && source[i] != '\n') i++;
                    break;
                default:
                    if (char.IsWhiteSpace(c))
                    {
                        while (i < source.Length && char.IsWhiteSpace(source[i])) i++;
                        tokens.Add(new MathToken(MathTokenKind.Space, " ", start, i - start));
                    }
                    else
                    {
                        var width = char.IsSurrogatePair(source, i) ? 2 : 1;
                        tokens.Add(new MathToken(MathTokenKind.Character, Character(source, i, width), start, width));
                        i += width;
                    }
                    break;
            }
        }
        return tokens;
    }

    /// <summary>The character at <paramref name="i"/>: one of the runtime's shared strings when it is a single ASCII character, as most are.</summary>
    private static string Character(string source, int i, int width) => width == 1 ? source[i].ToString() : source.Substring(i, width);

    private static readonly HashSet<string> StarredCommands = new(StringComparer.Ordinal)
    {
        "operatorname", "tag", "DeclareMathOperator", "newcommand", "renewcommand",
    };
}
