using System.Globalization;
using System.Text;

namespace GptBook.Formulas;

public sealed partial class MathParser
{
    private MathNode? ParseCommand(MathToken t)
    {
        var name = t.Text;
        if (MathSymbols.TryGet(name, out var symbol))
        {
            var (text, variant) = MathAlphabets.Apply(_alphabet, symbol.Text, symbol.Variant);
            return new MathSymbol(text, symbol.Class, symbol.Kind, variant);
        }
        if (MathOperators.TryGet(name, out var op)) return op;
        if (MathAccents.TryGet(name, out var accent))
            return new MathAccent(name, ParseArgument(t, "a base to put the accent on"), accent.Mark, accent.Stretchy, accent.Under);
        if (Spacing(name) is { } mu) return new MathSpace(mu);
        if (IsTextCommand(name))
            return new MathText(TextOf(_stream.ReadRawArgument() ?? [])) { Face = name switch { "textbf" => MathTextFace.Bold, "texttt" => MathTextFace.Mono, _ => MathTextFace.Roman } };
        if (MathAlphabets.TryGet(name, out var alphabet))
        {
            if (name is "rm" or "bf" or "it" or "cal" or "sf" or "tt" or "frak")
            {
                // The old switches apply to the rest of the group; ParseList restores the alphabet at its end.
                _alphabet = alphabet;
                return null;
            }
            var saved = _alphabet;
            _alphabet = alphabet;
            var argument = ParseArgument(t, "an argument");
            _alphabet = saved;
            // \mathbf{x} is the letter itself: the group is unwrapped so writers see one symbol.
            return argument is MathRow { Items: [var only] } ? only : argument;
        }
        switch (name)
        {
            case "frac" or "dfrac" or "tfrac" or "cfrac":
            {
                var numerator = ParseArgument(t, "a numerator");
                var denominator = ParseArgument(t, "a denominator");
                var style = name switch { "dfrac" or "cfrac" => MathStyle.Display, "tfrac" => MathStyle.Text, _ => (MathStyle?)null };
                return new MathFraction(numerator, denominator, true, style);
            }
            case "binom" or "dbinom" or "tbinom":
            {
                var top = ParseArgument(t, "an upper argument");
                var bottom = ParseArgument(t, "a lower argument");
                var style = name switch { "dbinom" => MathStyle.Display, "tbinom" => MathStyle.Text, _ => (MathStyle?)null };
                return new MathFraction(top, bottom, false, style, "(", ")");
            }
            case "sqrt":
            {
                var degree = ParseOptionalArgument(t);
                return new MathRadical(ParseArgument(t, "a radicand"), degree);
            }
            case "cancel" or "bcancel" or "xcancel":
            {
                var stroke = name switch { "bcancel" => MathCancelStroke.Down, "xcancel" => MathCancelStroke.Both, _ => MathCancelStroke.Up };
                return new MathCancel(ParseArgument(t, "the term to strike out"), stroke);
            }
            case "boxed":
                return new MathBoxed(ParseArgument(t, "the content to frame"));
            case "fbox":
                return new MathBoxed(new MathText(TextOf(_stream.ReadRawArgument() ?? [])));
            case "textcolor":
            {
                var colour = ReadColour(t);
                var content = ParseArgument(t, "the content to colour");
                return colour is null ? content : new MathColoured(colour, content);
            }
            case "xrightarrow" or "xleftarrow" or "xRightarrow" or "xLeftarrow" or "xleftrightarrow" or "xLeftrightarrow"
                or "xmapsto" or "xhookrightarrow" or "xhookleftarrow" or "xrightharpoonup" or "xleftharpoonup":
            {
                var under = ParseOptionalArgument(t);
                var over = ParseArgument(t, "a label to set above the arrow");
                var arrow = new MathSymbol(ExtensibleArrow(name), AtomClass.Rel, MathSymbolKind.Operator);
                return new MathUnderOver(arrow, under, over is MathRow { Items.Count: 0 } ? null : over, Stretchy: true);
            }
            case "substack":
                return ParseLines(t, "subarray");
            case "displaylines":
                return ParseLines(t, "gathered");
            case "smash":
                // Only its height and depth are taken away, which no output here keeps apart: the content as it is.
                return ParseArgument(t, "an argument");
            case "operatorname" or "operatorname*":
                return new MathOperator(TextOf(_stream.ReadRawArgument() ?? []).Trim(), false, name.EndsWith('*') ? MathLimits.DisplayOnly : MathLimits.Never);
            case "mathop" or "mathbin" or "mathrel" or "mathord" or "mathopen" or "mathclose" or "mathpunct" or "mathinner":
                return new MathClassed(ClassOf(name), ParseArgument(t, "an argument"));
            case "overset" or "underset" or "stackrel":
            {
                var mark = ParseArgument(t, "the part set above or below");
                var body = ParseArgument(t, "a base");
                return name switch
                {
                    "underset" => new MathUnderOver(body, mark, null),
                    "stackrel" => new MathClassed(AtomClass.Rel, new MathUnderOver(body, null, mark)),
                    _ => new MathUnderOver(body, null, mark),
                };
            }
            case "left":
                return ParseFenced(t);
            case "big" or "Big" or "bigg" or "Bigg" or "bigl" or "Bigl" or "biggl" or "Biggl"
                or "bigr" or "Bigr" or "biggr" or "Biggr" or "bigm" or "Bigm" or "biggm" or "Biggm":
                return ParseSizedDelimiter(t);
            case "not":
                return ParseNegation(t);
            case "begin":
                return ParseEnvironment(t);
            case "label":
                SetLabel(t, ReadName(t));
                return null;
            case "tag" or "tag*":
                SetTag(t, TextOf(_stream.ReadRawArgument() ?? []).Trim(), name == "tag*");
                return null;
            case "notag" or "nonumber":
                _row.Suppressed = true;
                return null;
            case "eqref" or "ref":
                return new MathReference(ReadName(t), name == "eqref");
            case "hline":
                // At a row's start ReadRules takes it; here it stands inside a row, where no rule can go.
                _warnings.Add(new MathSyntaxError(t.Offset, t.Length, "\\hline inside a row is ignored: a rule goes at the start of a row, after \\\\"));
                return null;
            case "newcommand" or "renewcommand" or "providecommand" or "newcommand*" or "renewcommand*":
                DefineNewCommand(t, overwrite: name != "providecommand");
                return null;
            case "def":
                DefineDef(t);
                return null;
            case "DeclareMathOperator" or "DeclareMathOperator*":
                DefineOperator(t, name.EndsWith('*'));
                return null;
            case "hspace" or "mspace" or "kern" or "mkern" or "hskip" or "mskip":
                return new MathSpace(ReadLength(t));
            case "phantom" or "vphantom" or "hphantom":
                ParseArgument(t, "an argument");
                return null;
            case "mathstrut":
                return null;
            case "require":
                // MathJax's loader of an extension (\require{cancel}, \require{mhchem}) in books written for it: what
                // the extensions it is used with define is built in here, and a command of one that is not is still
                // reported where it is used.
                _stream.ReadRawArgument();
                return null;
            case "bmod" or "mod":
                return new MathClassed(AtomClass.Bin, new MathOperator("mod", false, MathLimits.Never));
            case "pmod":
            {
                var modulus = ParseArgument(t, "a modulus");
                return Row([new MathSpace(18), new MathSymbol("(", AtomClass.Open, MathSymbolKind.Operator),
                    new MathOperator("mod", false, MathLimits.Never), new MathSpace(6), modulus,
                    new MathSymbol(")", AtomClass.Close, MathSymbolKind.Operator)]);
            }
        }
        Report(t, $"unknown command \\{name}");
        return null;
    }

    /// <summary>The arrow an extensible-arrow command draws under and over its labels.</summary>
    private static string ExtensibleArrow(string command) => command switch
    {
        "xleftarrow" => "←",
        "xRightarrow" => "⇒",
        "xLeftarrow" => "⇐",
        "xleftrightarrow" => "↔",
        "xLeftrightarrow" => "⇔",
        "xmapsto" => "↦",
        "xhookrightarrow" => "↪",
        "xhookleftarrow" => "↩",
        "xrightharpoonup" => "⇀",
        "xleftharpoonup" => "↼",
        _ => "→",
    };

    /// <summary>An optional argument in brackets (\sqrt[3]{x}, \xrightarrow[below]{above}), or null when none follows.</summary>
    private MathNode? ParseOptionalArgument(MathToken owner)
    {
        _stream.SkipSpaces();
        if (_stream.PeekRaw() is not { } open || !open.IsCharacter('[')) return null;
        _stream.NextRaw();
        var argument = Row(ParseList(Stops.Bracket));
        if (_stream.Peek() is { } close && close.IsCharacter(']')) _stream.Next();
        else Report(open, $"this [ of {owner.Source}[…] is never closed by ]");
        return argument;
    }

    /// <summary>
    /// The colour argument of \color and \textcolor, with xcolor's optional model (<c>[HTML]{FF0000}</c>); null,
    /// reported, when it is no colour <see cref="MathColours"/> knows.
    /// </summary>
    private string? ReadColour(MathToken owner)
    {
        var model = _stream.ReadRawOptional() is { } optional ? string.Concat(optional.Select(x => x.Source)) : null;
        var value = string.Concat((_stream.ReadRawArgument() ?? []).Select(x => x.Source));
        var colour = MathColours.Parse(model, value);
        if (colour is null)
            Report(owner, $"unknown colour '{(model is null ? "" : $"[{model}]")}{value}' after {owner.Source}: use a name such as red or blue, or #rrggbb");
        return colour;
    }

    /// <summary>
    /// \substack{i&lt;n \\ j&lt;m} (the limits of a sum) and \displaylines{a \\ b}: lines in braces, centred one
    /// above the other, as a one-column table of <paramref name="environment"/>.
    /// </summary>
    private MathNode ParseLines(MathToken owner, string environment)
    {
        if (_stream.Peek() is not { Kind: MathTokenKind.BeginGroup } open)
        {
            Report(owner, $"'{owner.Source}' needs its lines in braces");
            return Row([]);
        }
        _stream.Next();
        var rows = new List<MathTableRow>();
        while (true)
        {
            var line = Row(ParseList(Stops.Cell | Stops.Group));
            if (line.Items.Count > 0 || rows.Count == 0) rows.Add(new MathTableRow([line]));
            var token = _stream.Next();
            if (token is not { } end)
            {
                Report(open, "unbalanced braces: this { is never closed");
                break;
            }
            if (end.Kind == MathTokenKind.EndGroup) break;
            if (end.Kind == MathTokenKind.Alignment) Report(end, $"'&' has no place in {owner.Source}, whose lines have one column");
        }
        return new MathTable(environment, rows, [MathColumnAlignment.Center], "", "");
    }

    private static AtomClass ClassOf(string command) => command switch
    {
        "mathop" => AtomClass.Op,
        "mathbin" => AtomClass.Bin,
        "mathrel" => AtomClass.Rel,
        "mathopen" => AtomClass.Open,
        "mathclose" => AtomClass.Close,
        "mathpunct" => AtomClass.Punct,
        "mathinner" => AtomClass.Inner,
        _ => AtomClass.Ord,
    };

    private static int? Spacing(string command) => command switch
    {
        "," or "thinspace" => 3,
        ":" or ">" or "medspace" => 4,
        ";" or "thickspace" => 5,
        "!" or "negthinspace" => -3,
        "negmedspace" => -4,
        "negthickspace" => -5,
        " " => 6,
        "enspace" => 9,
        "quad" => 18,
        "qquad" => 36,
        _ => null,
    };

    private static bool IsTextCommand(string command) =>
        command is "text" or "mbox" or "hbox" or "textrm" or "textnormal" or "textup" or "textbf" or "textit" or "textsf" or "texttt" or "textmd" or "emph";

    /// <summary>
    /// The text of \text{…} and the like: characters and spaces as written, escaped specials as their character,
    /// nested text commands (\textbf inside \text) reduced to their content.
    /// </summary>
    private static string TextOf(List<MathToken> tokens)
    {
        var sb = new StringBuilder();
        foreach (var token in tokens)
        {
            switch (token.Kind)
            {
                case MathTokenKind.Command:
                    if (token.Text.Length == 1 && !char.IsAsciiLetter(token.Text[0]))
                        sb.Append(token.Text == " " ? " " : token.Text == "," ? "\u2009" : token.Text);
                    else if (MathSymbols.TryGet(token.Text, out var entry))
                        sb.Append(entry.Text);
                    break;
                case MathTokenKind.BeginGroup or MathTokenKind.EndGroup:
                    break;
                case MathTokenKind.Character when token.Text == "~":
                    sb.Append('\u00A0');
                    break;
                default:
                    sb.Append(token.Source);
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>\left d … (\middle d …)* \right d.</summary>
    private MathNode ParseFenced(MathToken left)
    {
        var open = ReadDelimiter(left);
        var segments = new List<MathNode>();
        var middles = new List<string>();
        while (true)
        {
            segments.Add(Row(ParseList(Stops.Fence)));
            var token = _stream.Peek();
            if (token is { } middle && middle.IsCommand("middle"))
            {
                _stream.Next();
                middles.Add(ReadDelimiter(middle));
                continue;
            }
            if (token is { } right && right.IsCommand("right"))
            {
                _stream.Next();
                return new MathFenced(open, segments, middles, ReadDelimiter(right));
            }
            Report(left, "\\left without \\right");
            return new MathFenced(open, segments, middles, "");
        }
    }

    private string ReadDelimiter(MathToken owner)
    {
        var token = _stream.Next();
        if (token is { } d && MathSymbols.TryDelimiter(d, out var delimiter)) return delimiter;
        Report(token ?? owner, $"'{owner.Source}' needs a delimiter such as ( [ \\{{ | . after it");
        return "";
    }

    private MathSizedDelimiter ParseSizedDelimiter(MathToken t)
    {
        var name = t.Text;
        var size = name.StartsWith("Bigg", StringComparison.Ordinal) ? 4 : name.StartsWith("bigg", StringComparison.Ordinal) ? 3 : name.StartsWith("Big", StringComparison.Ordinal) ? 2 : 1;
        var cls = name[^1] switch { 'l' => AtomClass.Open, 'r' => AtomClass.Close, 'm' => AtomClass.Rel, _ => AtomClass.Ord };
        return new MathSizedDelimiter(ReadDelimiter(t), size, cls);
    }

    /// <summary>\not before a relation: the negated character where Unicode has one (≠, ∉), else a combining long solidus.</summary>
    private MathNode? ParseNegation(MathToken t)
    {
        var next = ParseAtom();
        if (next is not MathSymbol symbol)
        {
            Report(t, "\\not must be followed by a symbol such as = or \\in");
            return next;
        }
        var negated = symbol.Text switch
        {
            "=" => "≠", "∈" => "∉", "<" => "≮", ">" => "≯", "≤" => "≰", "≥" => "≱", "≡" => "≢", "⊂" => "⊄", "⊆" => "⊈",
            "⊃" => "⊅", "⊇" => "⊉", "∼" => "≁", "≈" => "≉", "∥" => "∦", "∣" => "∤", "≃" => "≄", "≅" => "≇", "∋" => "∌",
            _ => symbol.Text + "\u0338",
        };
        return symbol with { Text = negated };
    }

    /// <summary>A name in braces (\label{eq:x}, \begin{align*}): the raw characters, commands not expanded.</summary>
    private string ReadName(MathToken owner)
    {
        var tokens = _stream.ReadRawArgument();
        if (tokens is null || tokens.Count == 0)
        {
            Report(owner, $"'{owner.Source}' needs a name in braces");
            return "";
        }
        return string.Concat(tokens.Select(x => x.Source)).Trim();
    }

    /// <summary>\hspace{1em}, \mkern3mu, \kern2pt: a length in mu (18 mu = 1 em; a point taken as a tenth of an em).</summary>
    private int ReadLength(MathToken owner)
    {
        var tokens = _stream.Peek() is { Kind: MathTokenKind.BeginGroup } ? _stream.ReadRawArgument() ?? [] : ReadUnbracedLength();
        var text = string.Concat(tokens.Select(x => x.Source)).Replace(" ", "", StringComparison.Ordinal);
        var unitStart = text.Length;
        while (unitStart > 0 && char.IsAsciiLetter(text[unitStart - 1])) unitStart--;
        if (!double.TryParse(text[..unitStart], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            Report(owner, $"'{owner.Source}' needs a length such as 1em, 3mu or 2pt");
            return 0;
        }
        var mu = text[unitStart..] switch
        {
            "em" => value * 18,
            "mu" => value,
            "ex" => value * 8,
            "pt" => value * 1.8,
            "mm" => value * 5.1,
            _ => double.NaN,
        };
        if (double.IsNaN(mu))
        {
            Report(owner, $"unknown unit in '{text}' (use em, ex, mu, pt or mm)");
            return 0;
        }
        return (int)Math.Round(mu);
    }

    private List<MathToken> ReadUnbracedLength()
    {
        var tokens = new List<MathToken>();
        _stream.SkipSpaces();
        while (_stream.PeekRaw() is { Kind: MathTokenKind.Character } c && (char.IsAsciiLetterOrDigit(c.Text[0]) || c.Text is "." or "-"))
        {
            tokens.Add(_stream.NextRaw()!.Value);
            if (tokens.Count >= 2 && char.IsAsciiLetter(tokens[^1].Text[0]) && char.IsAsciiLetter(tokens[^2].Text[0])) break;
        }
        return tokens;
    }
}
