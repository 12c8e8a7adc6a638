namespace GptBook.Formulas;

/// <summary>
/// The parser's input: the formula's tokens with user macros expanded at the head as they are reached (TeX's
/// "expand on demand"), so a macro defined earlier in the same formula applies to what follows it. Expansion is
/// bounded: a macro that expands forever is reported, not followed.
/// </summary>
internal sealed class MathTokenStream
{
    private const int MaximumExpansions = 20_000;
    private const int MaximumTokens = 200_000;

    private readonly List<MathToken> _tokens;
    private readonly Func<string, MathMacro?> _lookUp;
    private readonly Action<MathToken, string> _report;
    private int _position;
    private int _expansions;

    public MathTokenStream(List<MathToken> tokens, Func<string, MathMacro?> lookUp, Action<MathToken, string> report)
    {
        _tokens = tokens;
        _lookUp = lookUp;
        _report = report;
    }

    /// <summary>The next token as written (spaces included, macros not expanded).</summary>
    public MathToken? PeekRaw() => _position < _tokens.Count ? _tokens[_position] : null;

    public MathToken? NextRaw() => _position < _tokens.Count ? _tokens[_position++] : null;

    /// <summary>The raw token after the next one (to see whether a point is followed by a digit).</summary>
    public MathToken? PeekRawAfterNext() => _position + 1 < _tokens.Count ? _tokens[_position + 1] : null;

    /// <summary>Steps back over the token just read, which the caller wants read again.</summary>
    public void Back() => _position--;

    /// <summary>The next token that is not a space, after expanding any macro that starts there.</summary>
    public MathToken? Peek()
    {
        while (true)
        {
            SkipSpaces();
            if (_position >= _tokens.Count) return null;
            var token = _tokens[_position];
            if (token.Kind != MathTokenKind.Command || _lookUp(token.Text) is not { } macro) return token;
            if (!Expand(token, macro)) return null;
        }
    }

    public MathToken? Next()
    {
        var token = Peek();
        if (token is not null) _position++;
        return token;
    }

    /// <summary>Gives up on the rest of the formula (after an error that leaves nothing sensible to parse).</summary>
    public void SkipAll() => _position = _tokens.Count;

    public void SkipSpaces()
    {
        while (_position < _tokens.Count && _tokens[_position].Kind == MathTokenKind.Space) _position++;
    }

    /// <summary>Reads a braced group's tokens without expanding them (the braces not included); a single token when unbraced.</summary>
    public List<MathToken>? ReadRawArgument()
    {
        SkipSpaces();
        if (_position >= _tokens.Count) return null;
        var first = _tokens[_position++];
        if (first.Kind != MathTokenKind.BeginGroup) return [first];
        var result = new List<MathToken>();
        var depth = 1;
        while (_position < _tokens.Count)
        {
            var token = _tokens[_position++];
            if (token.Kind == MathTokenKind.BeginGroup) depth++;
            else if (token.Kind == MathTokenKind.EndGroup && --depth == 0) return result;
            result.Add(token);
        }
        _report(first, "unbalanced braces: this { is never closed");
        return result;
    }

    /// <summary>
    /// Reads <c>[…]</c> raw if it comes next, exactly there (no space skipped) and closed by a <c>]</c> outside braces:
    /// the bracket tokens and what is between them. Null, with nothing read, when it is not there or never closed (a
    /// row may start with <c>[0, 1)</c>).
    /// </summary>
    public (MathToken Open, List<MathToken> Content, MathToken Close)? ReadRawBracket()
    {
        if (_position >= _tokens.Count || !_tokens[_position].IsCharacter('[')) return null;
        var depth = 0;
        for (var i = _position + 1; i < _tokens.Count; i++)
        {
            var token = _tokens[i];
            if (token.Kind == MathTokenKind.BeginGroup) depth++;
            else if (token.Kind == MathTokenKind.EndGroup) depth--;
            else if (depth == 0 && token.IsCharacter(']'))
            {
                var open = _tokens[_position];
                var content = _tokens.GetRange(_position + 1, i - _position - 1);
                _position = i + 1;
                return (open, content, token);
            }
        }
        return null;
    }

    /// <summary>Where the stream is, to come back to with <see cref="Rewind"/> when what was read raw turns out to be something else.</summary>
    public int Position => _position;

    /// <summary>Goes back to a <see cref="Position"/> taken before raw reads (raw reads expand nothing, so the tokens there are unchanged).</summary>
    public void Rewind(int position) => _position = position;

    /// <summary>Reads <c>[…]</c> raw if it comes next (spaces skipped); null when there is none.</summary>
    public List<MathToken>? ReadRawOptional()
    {
        SkipSpaces();
        if (_position >= _tokens.Count || !_tokens[_position].IsCharacter('[')) return null;
        var start = _tokens[_position++];
        var result = new List<MathToken>();
        var depth = 0;
        while (_position < _tokens.Count)
        {
            var token = _tokens[_position++];
            if (token.Kind == MathTokenKind.BeginGroup) depth++;
            else if (token.Kind == MathTokenKind.EndGroup) depth--;
            else if (depth == 0 && token.IsCharacter(']')) return result;
            result.Add(token);
        }
        _report(start, "this [ is never closed by ]");
        return result;
    }

    private bool Expand(MathToken call, MathMacro macro)
    {
        if (++_expansions > MaximumExpansions || _tokens.Count > MaximumTokens)
        {
            _report(call, $"the macro \\{macro.Name} expands without end");
            SkipAll();
            return false;
        }
        var start = _position;
        _position++;
        var arguments = new List<List<MathToken>>();
        if (macro.OptionalDefault is not null)
            arguments.Add(ReadRawOptional() ?? MathTokenizer.Tokenize(macro.OptionalDefault));
        while (arguments.Count < macro.Parameters)
        {
            var argument = ReadRawArgument();
            if (argument is null)
            {
                _report(call, $"the macro \\{macro.Name} needs {macro.Parameters} argument(s)");
                argument = [];
            }
            arguments.Add(argument);
        }
        var end = _position;
        var last = end > start ? _tokens[end - 1] : call;
        var callLength = Math.Max(call.Length, last.Offset + last.Length - call.Offset);
        var expansion = new List<MathToken>();
        foreach (var token in MathTokenizer.Tokenize(macro.Body))
        {
            if (token.Kind == MathTokenKind.Parameter)
            {
                var index = token.Text[0] - '1';
                if (index < arguments.Count) expansion.AddRange(arguments[index]);
                else _report(call, $"the macro \\{macro.Name} uses #{token.Text} but has {arguments.Count} parameter(s)");
                continue;
            }
            expansion.Add(token with { Offset = call.Offset, Length = callLength });
        }
        _tokens.RemoveRange(start, end - start);
        _tokens.InsertRange(start, expansion);
        _position = start;
        return true;
    }
}
