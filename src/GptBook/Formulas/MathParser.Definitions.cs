namespace GptBook.Formulas;

public sealed partial class MathParser
{
    /// <summary>\newcommand{\name}[n][default]{body} (also \newcommand\name{…}, \renewcommand, \providecommand).</summary>
    private void DefineNewCommand(MathToken t, bool overwrite)
    {
        var name = ReadDefinedName(t);
        if (name is null) return;
        var parameters = 0;
        if (_stream.ReadRawOptional() is { } count)
        {
            var text = string.Concat(count.Select(x => x.Source)).Trim();
            if (!int.TryParse(text, out parameters) || parameters is < 0 or > 9)
            {
                Report(t, $"the number of parameters must be 0–9, not '{text}'");
                parameters = 0;
            }
        }
        string? optional = null;
        if (_stream.ReadRawOptional() is { } defaultValue)
        {
            optional = SourceOf(defaultValue);
            if (parameters == 0) Report(t, "a default value for a macro without parameters");
        }
        var body = _stream.ReadRawArgument();
        if (body is null)
        {
            Report(t, $"\\{t.Text} needs a body: \\{t.Text}{{\\{name}}}{{…}}");
            return;
        }
        CheckParameters(t, name, body, parameters);
        if (overwrite || !_macros.TryGet(name, out _))
            _macros = _macros.With(new MathMacro(name, parameters, SourceOf(body), parameters > 0 ? optional : null));
    }

    /// <summary>\def\name#1#2{body}: undelimited parameters only (the form formulas use).</summary>
    private void DefineDef(MathToken t)
    {
        if (_stream.NextRaw() is not { Kind: MathTokenKind.Command } nameToken)
        {
            Report(t, "\\def must be followed by a command name, as in \\def\\R{\\mathbb{R}}");
            return;
        }
        var parameters = 0;
        while (_stream.PeekRaw() is { } next && next.Kind != MathTokenKind.BeginGroup)
        {
            _stream.NextRaw();
            if (next.Kind == MathTokenKind.Space) continue;
            if (next.Kind == MathTokenKind.Parameter && next.Text[0] - '0' == parameters + 1)
            {
                parameters++;
                continue;
            }
            Report(next, "\\def parameters must be #1#2… in order, with nothing between them");
            return;
        }
        var body = _stream.ReadRawArgument();
        if (body is null)
        {
            Report(t, $"\\def\\{nameToken.Text} needs a body in braces");
            return;
        }
        CheckParameters(t, nameToken.Text, body, parameters);
        _macros = _macros.With(new MathMacro(nameToken.Text, parameters, SourceOf(body)));
    }

    /// <summary>\DeclareMathOperator{\name}{text}: a macro for \operatorname{text} (starred: with limits).</summary>
    private void DefineOperator(MathToken t, bool limits)
    {
        var name = ReadDefinedName(t);
        if (name is null) return;
        var text = _stream.ReadRawArgument();
        if (text is null)
        {
            Report(t, $"\\{t.Text} needs the operator's text: \\{t.Text}{{\\{name}}}{{…}}");
            return;
        }
        _macros = _macros.With(new MathMacro(name, 0, $"\\operatorname{(limits ? "*" : "")}{{{SourceOf(text)}}}"));
    }

    /// <summary>The command being defined, in braces or not.</summary>
    private string? ReadDefinedName(MathToken t)
    {
        var tokens = _stream.ReadRawArgument();
        if (tokens is [{ Kind: MathTokenKind.Command } command]) return command.Text;
        Report(t, $"\\{t.Text} must name one command, as in \\{t.Text}{{\\R}}{{\\mathbb{{R}}}}");
        return null;
    }

    private void CheckParameters(MathToken t, string name, List<MathToken> body, int parameters)
    {
        foreach (var token in body)
            if (token.Kind == MathTokenKind.Parameter && token.Text[0] - '0' > parameters)
                Report(t, $"the body of \\{name} uses #{token.Text} but \\{name} has {parameters} parameter(s)");
    }

    /// <summary>Tokens back to source: a space after a command word keeps it apart from a following letter.</summary>
    private static string SourceOf(List<MathToken> tokens)
    {
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            sb.Append(token.Kind switch
            {
                MathTokenKind.BeginGroup => "{",
                MathTokenKind.EndGroup => "}",
                _ => token.Source,
            });
            if (token.Kind == MathTokenKind.Command && char.IsAsciiLetter(token.Text[^1]) && i + 1 < tokens.Count
                && tokens[i + 1] is { Kind: MathTokenKind.Character } next && char.IsAsciiLetter(next.Text[0]))
                sb.Append(' ');
        }
        return sb.ToString();
    }
}
