namespace GptBook.Formulas;

/// <summary>
/// TeX math source → <see cref="MathFormula"/>: a recursive-descent parser over tokens with user macros expanded on
/// demand. It never throws on bad input: every problem becomes a <see cref="MathSyntaxError"/> and the formula's
/// root a <see cref="MathError"/> holding the source. Commands are in MathParser.Commands.cs, environments
/// (rows, columns, numbering) in MathParser.Environments.cs, \newcommand and \def in MathParser.Definitions.cs.
/// </summary>
public sealed partial class MathParser
{
    private const int MaximumNesting = 200;

    private readonly string _source;
    private readonly bool _display;
    private readonly MathTokenStream _stream;
    private readonly List<MathSyntaxError> _errors = [];
    private readonly List<MathSyntaxError> _warnings = [];
    private MathMacroTable _macros;
    private MathAlphabet _alphabet;
    private int _nesting;

    private MathParser(string source, bool display, MathMacroTable macros)
    {
        _source = source;
        _display = display;
        _macros = macros;
        _row = new NumberSlot(0);
        _slots.Add(_row);
        _stream = new MathTokenStream(MathTokenizer.Tokenize(source), name => _macros.TryGet(name, out var m) ? m : null, Report);
    }

    /// <summary>Parses one formula (the text between its delimiters) with the macros in force before it.</summary>
    public static MathFormula Parse(string source, bool display, MathMacroTable macros)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(macros);
        return new MathParser(source, display, macros).ParseFormula();
    }

    private MathFormula ParseFormula()
    {
        var root = ParseTopLevel();
        var numbers = _display
            ? _slots.Where(s => s.IsShown).Select(s => new MathEquationNumber(s.Row, s.Automatic && !s.Suppressed, s.Tag, s.TagIsVerbatim, s.Label)).ToArray()
            : [];
        if (_errors.Count > 0)
            return new MathFormula(_source, _display, new MathError(_source, _errors[0].Message), numbers, null, _errors.ToArray(), _macros) { Warnings = _warnings.ToArray() };
        return new MathFormula(_source, _display, root, numbers, _numberedTable, [], _macros) { Warnings = _warnings.ToArray() };
    }

    /// <summary>
    /// The whole formula. Rows and columns written without an environment (<c>a &amp;= b \\ c &amp;= d</c> straight
    /// inside <c>$$</c>) are read as an implicit <c>aligned</c>, the way MathJax treats them; inline math has no rows.
    /// </summary>
    private MathNode ParseTopLevel()
    {
        var rows = new List<MathTableRow>();
        var cells = new List<MathNode>();
        while (true)
        {
            cells.Add(Row(ParseList(_display ? Stops.Cell : Stops.None)));
            var token = _stream.Peek();
            if (token is null) break;
            _stream.Next();
            if (token.Value.Kind == MathTokenKind.Alignment) continue;
            rows.Add(new MathTableRow(cells, ReadRowEnd()));
            cells = [];
        }
        if (cells.Count > 1 || cells[0] is not MathRow { Items.Count: 0 } || rows.Count == 0) rows.Add(new MathTableRow(cells));
        if (rows.Count == 1 && rows[0].Cells.Count == 1)
        {
            var only = rows[0].Cells[0];
            return only is MathRow { Items.Count: 1 } single ? single.Items[0] : only;
        }
        return new MathTable("aligned", rows, AlignmentColumns(rows.Max(r => r.Cells.Count)), "", "");
    }

    [Flags]
    private enum Stops
    {
        None = 0,
        Group = 1,
        Bracket = 2,
        Cell = 4,
        Fence = 8,
        End = 16,
    }

    /// <summary>
    /// Atoms up to the end of the input or one of <paramref name="stops"/> (not consumed: the caller checks which).
    /// A closing token that is not expected here is reported and skipped, so parsing goes on.
    /// </summary>
    private List<MathNode> ParseList(Stops stops)
    {
        var savedAlphabet = _alphabet;
        var items = new List<MathNode>();
        while (_stream.Peek() is { } token)
        {
            if (token.Kind == MathTokenKind.EndGroup)
            {
                if (stops.HasFlag(Stops.Group)) break;
                Report(_stream.Next()!.Value, "unbalanced braces: this } closes no {");
                continue;
            }
            if (token.Kind == MathTokenKind.Alignment || token.IsCommand("\\") || token.IsCommand("cr") || token.IsCommand("newline"))
            {
                if (stops.HasFlag(Stops.Cell)) break;
                Report(_stream.Next()!.Value, $"'{token.Source}' is only allowed in an environment with rows and columns (align, matrix, cases, …)");
                continue;
            }
            if (token.IsCharacter(']') && stops.HasFlag(Stops.Bracket)) break;
            if (token.IsCommand("right") || token.IsCommand("middle"))
            {
                if (stops.HasFlag(Stops.Fence)) break;
                Report(_stream.Next()!.Value, $"\\{token.Text} without \\left");
                ReadDelimiter(token);
                continue;
            }
            if (token.IsCommand("end"))
            {
                if (stops.HasFlag(Stops.End)) break;
                _stream.Next();
                var name = ReadName(token);
                Report(token, $"\\end{{{name}}} without \\begin{{{name}}}");
                continue;
            }
            if (StyleOf(token.Text) is { } style && token.Kind == MathTokenKind.Command)
            {
                _stream.Next();
                items.Add(new MathStyled(style, Row(ParseList(stops))));
                break;
            }
            if (token.IsCommand("color"))
            {
                // A switch, as in LaTeX, MathJax 3 and KaTeX: the rest of the group takes the colour.
                _stream.Next();
                var colour = ReadColour(token);
                var rest = Row(ParseList(stops));
                items.Add(colour is null ? rest : new MathColoured(colour, rest));
                break;
            }
            if (token.Kind == MathTokenKind.Command && InfixFraction(token.Text) is { } infix)
            {
                // Plain TeX's {a \over b}: what came before in the group is the numerator, the rest the denominator.
                _stream.Next();
                var denominator = Row(ParseList(stops));
                items = [new MathFraction(Row(items), denominator, infix.Rule, null, infix.Left, infix.Right)];
                break;
            }
            var node = ParseScripted();
            if (node is not null) items.Add(node);
        }
        _alphabet = savedAlphabet;
        return items;
    }

    /// <summary>Plain TeX's infix fractions: \over (a rule), \atop (none), \choose, \brace and \brack (none, between delimiters).</summary>
    private static (bool Rule, string Left, string Right)? InfixFraction(string command) => command switch
    {
        "over" => (true, "", ""),
        "atop" => (false, "", ""),
        "choose" => (false, "(", ")"),
        "brace" => (false, "{", "}"),
        "brack" => (false, "[", "]"),
        _ => null,
    };

    private static MathStyle? StyleOf(string command) => command switch
    {
        "displaystyle" => MathStyle.Display,
        "textstyle" => MathStyle.Text,
        "scriptstyle" => MathStyle.Script,
        "scriptscriptstyle" => MathStyle.ScriptScript,
        _ => null,
    };

    /// <summary>An atom and the sub/superscripts, primes and \limits that follow it.</summary>
    private MathNode? ParseScripted()
    {
        var atom = ParseAtom();
        MathNode? sub = null, sup = null;
        var primes = "";
        while (_stream.Peek() is { } token)
        {
            if (token.Kind == MathTokenKind.Superscript)
            {
                _stream.Next();
                var argument = ParseArgument(token, "a superscript");
                if (sup is not null && primes.Length == 0) Report(token, "double superscript: use braces, x^{a^b} or {x^a}^b");
                sup = primes.Length > 0 && sup is not null ? Row([sup, argument]) : argument;
                primes = "";
            }
            else if (token.Kind == MathTokenKind.Subscript)
            {
                _stream.Next();
                var argument = ParseArgument(token, "a subscript");
                if (sub is not null) Report(token, "double subscript: use braces, x_{a_b}");
                sub = argument;
            }
            else if (token.IsCharacter('\''))
            {
                _stream.Next();
                if (sup is not null && primes.Length == 0) Report(token, "a prime after a superscript: write x'^2, not x^2'");
                primes += "′";
                var text = primes.Length switch { 1 => "′", 2 => "″", 3 => "‴", _ => primes };
                sup = new MathSymbol(text, AtomClass.Ord, MathSymbolKind.Operator);
            }
            else if (token.IsCommand("limits") || token.IsCommand("nolimits") || token.IsCommand("displaylimits"))
            {
                _stream.Next();
                var limits = token.Text switch { "limits" => MathLimits.Always, "nolimits" => MathLimits.Never, _ => MathLimits.DisplayOnly };
                if (atom is MathOperator op) atom = op with { Limits = limits };
                else Report(token, $"\\{token.Text} is allowed only after an operator such as \\sum or \\lim");
            }
            else break;
        }
        if (sub is null && sup is null) return atom;
        if (atom is MathAccent { Command: "underbrace", Label: null } under && sub is not null && sup is null)
            return under with { Label = sub };
        if (atom is MathAccent { Command: "overbrace", Label: null } over && sup is not null && sub is null)
            return over with { Label = sup };
        return new MathScripts(atom ?? Row([]), sub, sup);
    }

    /// <summary>One atom; null for commands that produce nothing (\label, \tag, definitions) or after an error.</summary>
    private MathNode? ParseAtom()
    {
        var token = _stream.Next();
        if (token is not { } t) return null;
        switch (t.Kind)
        {
            case MathTokenKind.BeginGroup:
                return ParseGroup(t);
            case MathTokenKind.Character:
                return ParseCharacter(t, wholeNumber: true);
            case MathTokenKind.Command:
                return ParseCommand(t);
            case MathTokenKind.Superscript or MathTokenKind.Subscript:
                // A script with nothing before it: TeX attaches it to an empty base.
                _stream.Back();
                return Row([]);
            case MathTokenKind.Parameter:
                Report(t, $"#{t.Text} outside a macro definition");
                return null;
            default:
                return null;
        }
    }

    private MathRow ParseGroup(MathToken open)
    {
        if (++_nesting > MaximumNesting)
        {
            Report(open, $"braces nested more than {MaximumNesting} deep");
            _stream.SkipAll();
            _nesting--;
            return Row([]);
        }
        var items = ParseList(Stops.Group);
        if (_stream.Peek() is { Kind: MathTokenKind.EndGroup }) _stream.Next();
        else Report(open, "unbalanced braces: this { is never closed");
        _nesting--;
        return Row(items);
    }

    /// <summary>
    /// A command's argument, a script: a braced group, or a single token (<c>\frac12</c> is ½, <c>x^23</c> is x²3,
    /// as in TeX).
    /// </summary>
    private MathNode ParseArgument(MathToken owner, string what)
    {
        var token = _stream.Peek();
        switch (token)
        {
            case null or { Kind: MathTokenKind.EndGroup or MathTokenKind.Alignment }:
                Report(owner, $"'{owner.Source}' needs {what}");
                return Row([]);
            case { Kind: MathTokenKind.BeginGroup }:
                _stream.Next();
                return ParseGroup(token.Value);
            case { Kind: MathTokenKind.Character }:
                _stream.Next();
                return ParseCharacter(token.Value, wholeNumber: false) ?? Row([]);
            default:
                return ParseAtom() ?? Row([]);
        }
    }

    private MathNode? ParseCharacter(MathToken t, bool wholeNumber)
    {
        var text = t.Text;
        var c = text[0];
        if (char.IsAsciiDigit(c))
        {
            if (wholeNumber) text = ReadNumber(text);
            var (digits, variant) = MathAlphabets.Apply(_alphabet, text, MathVariant.Default);
            return new MathSymbol(digits, AtomClass.Ord, MathSymbolKind.Number, variant);
        }
        if (IsHan(text))
        {
            // Chinese typed straight into a formula: set as text, as \text{…} would.
            var run = text;
            while (wholeNumber && _stream.PeekRaw() is { Kind: MathTokenKind.Character } next && IsHan(next.Text))
                run += _stream.NextRaw()!.Value.Text;
            return new MathText(run);
        }
        if (char.IsLetter(text, 0))
        {
            var (letter, variant) = MathAlphabets.Apply(_alphabet, text, MathVariant.Default);
            return new MathSymbol(letter, AtomClass.Ord, MathSymbolKind.Identifier, variant);
        }
        switch (c)
        {
            case '~':
                return new MathSpace(6);
            case '\\':
                Report(t, "a lone backslash at the end of the formula");
                return null;
            case '\'':
                return new MathSymbol("′", AtomClass.Ord, MathSymbolKind.Operator);
        }
        return new MathSymbol(MathSymbols.Typeset(text), MathSymbols.ClassOf(text), MathSymbolKind.Operator);
    }

    /// <summary>Digits with at most one decimal point between digits (<c>3.14</c>; <c>1,000</c> stays three atoms, as in TeX).</summary>
    private string ReadNumber(string first)
    {
        var number = first;
        var seenPoint = false;
        while (_stream.PeekRaw() is { Kind: MathTokenKind.Character } next)
        {
            if (char.IsAsciiDigit(next.Text[0]) && next.Text.Length == 1)
            {
                number += _stream.NextRaw()!.Value.Text;
                continue;
            }
            if (next.IsCharacter('.') && !seenPoint && _stream.PeekRawAfterNext() is { Kind: MathTokenKind.Character } after && char.IsAsciiDigit(after.Text[0]))
            {
                seenPoint = true;
                number += _stream.NextRaw()!.Value.Text;
                continue;
            }
            break;
        }
        return number;
    }

    private static bool IsHan(string text) =>
        char.ConvertToUtf32(text, 0) is var code && (code is >= 0x2E80 and <= 0x9FFF or >= 0xF900 and <= 0xFAFF or >= 0xFF00 and <= 0xFF60 or >= 0x20000 and <= 0x3FFFF);

    private static MathRow Row(IReadOnlyList<MathNode> items) => new(items);

    private void Report(MathToken token, string message) => _errors.Add(new MathSyntaxError(token.Offset, token.Length, message));
}
