namespace GptBook.Formulas;

/// <summary>
/// The command symbols a formula may use (the LaTeX and amsmath names LLM books use), each with its Unicode
/// character and TeX class. Lowercase Greek letters are italic by default like Latin letters; uppercase Greek upright.
/// </summary>
internal static class MathSymbols
{
    public readonly record struct Entry(string Text, AtomClass Class, MathSymbolKind Kind, MathVariant Variant);

    public static bool TryGet(string name, out Entry entry) => Table.TryGetValue(name, out entry);

    /// <summary>The class of a character typed directly (<c>+</c>, <c>=</c>, <c>≤</c>, <c>(</c>); letters and digits are Ord.</summary>
    public static AtomClass ClassOf(string text)
    {
        if (CharacterClasses.TryGetValue(text, out var cls)) return cls;
        foreach (var entry in Table.Values)
            if (entry.Text == text && entry.Kind == MathSymbolKind.Operator) return entry.Class;
        return AtomClass.Ord;
    }

    private static readonly Dictionary<string, AtomClass> CharacterClasses = new(StringComparer.Ordinal)
    {
        ["+"] = AtomClass.Bin, ["-"] = AtomClass.Bin, ["−"] = AtomClass.Bin, ["*"] = AtomClass.Bin, ["×"] = AtomClass.Bin, ["·"] = AtomClass.Bin, ["±"] = AtomClass.Bin,
        ["="] = AtomClass.Rel, ["<"] = AtomClass.Rel, [">"] = AtomClass.Rel, [":"] = AtomClass.Rel,
        [","] = AtomClass.Punct, [";"] = AtomClass.Punct, ["，"] = AtomClass.Punct, ["、"] = AtomClass.Punct,
        ["("] = AtomClass.Open, ["["] = AtomClass.Open, [")"] = AtomClass.Close, ["]"] = AtomClass.Close,
        ["!"] = AtomClass.Close, ["?"] = AtomClass.Close,
    };

    /// <summary>Characters typed directly that TeX's fonts draw as another character (the hyphen is a minus sign).</summary>
    public static string Typeset(string text) => text switch
    {
        "-" => "−",
        "*" => "∗",
        "'" => "′",
        _ => text,
    };

    private static Entry Ord(string text) => new(text, AtomClass.Ord, MathSymbolKind.Operator, MathVariant.Default);

    private static Entry Letter(string text) => new(text, AtomClass.Ord, MathSymbolKind.Identifier, MathVariant.Default);

    private static Entry UprightLetter(string text) => new(text, AtomClass.Ord, MathSymbolKind.Identifier, MathVariant.Upright);

    private static Entry Op(string text, AtomClass cls) => new(text, cls, MathSymbolKind.Operator, MathVariant.Default);

    private static readonly Dictionary<string, Entry> Table = Build();

    private static Dictionary<string, Entry> Build()
    {
        var t = new Dictionary<string, Entry>(StringComparer.Ordinal);
        string[] lowerGreek = ["alpha:α", "beta:β", "gamma:γ", "delta:δ", "epsilon:ϵ", "varepsilon:ε", "zeta:ζ", "eta:η", "theta:θ", "vartheta:ϑ",
            "iota:ι", "kappa:κ", "lambda:λ", "mu:μ", "nu:ν", "xi:ξ", "pi:π", "varpi:ϖ", "rho:ρ", "varrho:ϱ", "sigma:σ", "varsigma:ς", "tau:τ",
            "upsilon:υ", "phi:ϕ", "varphi:φ", "chi:χ", "psi:ψ", "omega:ω"];
        foreach (var pair in lowerGreek) t[pair.Split(':')[0]] = Letter(pair.Split(':')[1]);
        string[] upperGreek = ["Gamma:Γ", "Delta:Δ", "Theta:Θ", "Lambda:Λ", "Xi:Ξ", "Pi:Π", "Sigma:Σ", "Upsilon:Υ", "Phi:Φ", "Psi:Ψ", "Omega:Ω"];
        foreach (var pair in upperGreek) t[pair.Split(':')[0]] = UprightLetter(pair.Split(':')[1]);
        foreach (var (name, text) in new[] { ("ell", "ℓ"), ("hbar", "ℏ"), ("imath", "ı"), ("jmath", "ȷ"), ("wp", "℘"), ("aleph", "ℵ") })
            t[name] = Letter(text);
        foreach (var (name, text) in new[] { ("Re", "ℜ"), ("Im", "ℑ") })
            t[name] = UprightLetter(text);
        foreach (var (name, text) in new[] { ("eth", "ð"), ("beth", "ℶ"), ("gimel", "ℷ"), ("daleth", "ℸ"), ("digamma", "ϝ"), ("hslash", "ℏ") })
            t[name] = Letter(text);
        // amsmath's \varGamma … \varOmega: the italic capitals, already in the mathematical alphabet, so no variant applies.
        string[] italicGreek = ["varGamma:𝛤", "varDelta:𝛥", "varTheta:𝛩", "varLambda:𝛬", "varXi:𝛯", "varPi:𝛱", "varSigma:𝛴",
            "varUpsilon:𝛶", "varPhi:𝛷", "varPsi:𝛹", "varOmega:𝛺"];
        foreach (var pair in italicGreek) t[pair.Split(':')[0]] = UprightLetter(pair.Split(':')[1]);

        foreach (var (name, text) in new[]
                 {
                     ("infty", "∞"), ("partial", "∂"), ("nabla", "∇"), ("forall", "∀"), ("exists", "∃"), ("nexists", "∄"), ("emptyset", "∅"),
                     ("varnothing", "∅"), ("neg", "¬"), ("lnot", "¬"), ("prime", "′"), ("angle", "∠"), ("triangle", "△"), ("top", "⊤"),
                     ("bot", "⊥"), ("|", "‖"), ("Vert", "‖"), ("vert", "|"), ("backslash", "∖"), ("square", "□"), ("Box", "□"),
                     ("checkmark", "✓"), ("dagger", "†"), ("ddagger", "‡"), ("S", "§"), ("P", "¶"), ("clubsuit", "♣"),
                     ("diamondsuit", "♢"), ("heartsuit", "♡"), ("spadesuit", "♠"), ("flat", "♭"), ("sharp", "♯"), ("natural", "♮"),
                     ("#", "#"), ("%", "%"), ("&", "&"), ("_", "_"), ("$", "$"), ("cdots", "⋯"), ("vdots", "⋮"), ("ddots", "⋱"),
                     ("degree", "°"), ("surd", "√"), ("therefore", "∴"), ("because", "∵"), ("blacksquare", "■"), ("star", "⋆"),
                     ("complement", "∁"), ("mho", "℧"), ("vartriangle", "△"), ("blacktriangle", "▲"), ("triangledown", "▽"),
                     ("blacktriangledown", "▼"), ("measuredangle", "∡"), ("sphericalangle", "∢"), ("lozenge", "◊"),
                     ("blacklozenge", "⧫"), ("bigstar", "★"), ("circledS", "Ⓢ"), ("yen", "¥"), ("pounds", "£"), ("euro", "€"),
                     ("copyright", "©"), ("diagup", "╱"), ("diagdown", "╲"),
                 })
            t[name] = Ord(text);
        foreach (var (name, text) in new[] { ("ldots", "…"), ("dots", "…"), ("dotsc", "…"), ("dotsb", "⋯"), ("cdotp", "·") })
            t[name] = Op(text, AtomClass.Inner);

        foreach (var (name, text) in new[]
                 {
                     ("pm", "±"), ("mp", "∓"), ("times", "×"), ("div", "÷"), ("cdot", "⋅"), ("ast", "∗"), ("bullet", "∙"), ("circ", "∘"),
                     ("oplus", "⊕"), ("ominus", "⊖"), ("otimes", "⊗"), ("oslash", "⊘"), ("odot", "⊙"), ("cup", "∪"), ("cap", "∩"),
                     ("sqcup", "⊔"), ("sqcap", "⊓"), ("uplus", "⊎"), ("wedge", "∧"), ("land", "∧"), ("vee", "∨"), ("lor", "∨"),
                     ("setminus", "∖"), ("smallsetminus", "∖"), ("wr", "≀"), ("diamond", "⋄"), ("bigtriangleup", "△"),
                     ("bigtriangledown", "▽"), ("triangleleft", "◃"), ("triangleright", "▹"), ("amalg", "⨿"), ("circledast", "⊛"),
                     ("boxplus", "⊞"), ("boxtimes", "⊠"), ("ltimes", "⋉"), ("rtimes", "⋊"), ("dotplus", "∔"),
                     ("intercal", "⊺"), ("barwedge", "⊼"), ("veebar", "⊻"), ("curlywedge", "⋏"), ("curlyvee", "⋎"), ("centerdot", "⋅"),
                     ("divideontimes", "⋇"), ("leftthreetimes", "⋋"), ("rightthreetimes", "⋌"), ("circleddash", "⊝"),
                     ("circledcirc", "⊚"), ("boxminus", "⊟"), ("boxdot", "⊡"), ("Cap", "⋒"), ("Cup", "⋓"), ("bigcirc", "◯"),
                 })
            t[name] = Op(text, AtomClass.Bin);

        foreach (var (name, text) in new[]
                 {
                     ("leq", "≤"), ("le", "≤"), ("geq", "≥"), ("ge", "≥"), ("leqslant", "⩽"), ("geqslant", "⩾"), ("neq", "≠"), ("ne", "≠"),
                     ("approx", "≈"), ("approxeq", "≊"), ("equiv", "≡"), ("sim", "∼"), ("simeq", "≃"), ("cong", "≅"), ("propto", "∝"),
                     ("in", "∈"), ("notin", "∉"), ("ni", "∋"), ("subset", "⊂"), ("subseteq", "⊆"), ("subsetneq", "⊊"), ("supset", "⊃"),
                     ("supseteq", "⊇"), ("supsetneq", "⊋"), ("sqsubseteq", "⊑"), ("sqsupseteq", "⊒"), ("to", "→"), ("rightarrow", "→"),
                     ("leftarrow", "←"), ("gets", "←"), ("leftrightarrow", "↔"), ("Rightarrow", "⇒"), ("Leftarrow", "⇐"),
                     ("Leftrightarrow", "⇔"), ("iff", "⟺"), ("implies", "⟹"), ("impliedby", "⟸"), ("mapsto", "↦"),
                     ("longrightarrow", "⟶"), ("longleftarrow", "⟵"), ("Longrightarrow", "⟹"), ("Longleftarrow", "⟸"),
                     ("longleftrightarrow", "⟷"), ("Longleftrightarrow", "⟺"), ("longmapsto", "⟼"), ("hookrightarrow", "↪"),
                     ("hookleftarrow", "↩"), ("uparrow", "↑"), ("downarrow", "↓"), ("updownarrow", "↕"), ("Uparrow", "⇑"),
                     ("Downarrow", "⇓"), ("nearrow", "↗"), ("searrow", "↘"), ("nwarrow", "↖"), ("swarrow", "↙"),
                     ("rightleftharpoons", "⇌"), ("leftrightarrows", "⇆"), ("rightharpoonup", "⇀"), ("leftharpoonup", "↼"),
                     ("ll", "≪"), ("gg", "≫"), ("prec", "≺"), ("succ", "≻"), ("preceq", "⪯"), ("succeq", "⪰"), ("perp", "⊥"),
                     ("parallel", "∥"), ("nparallel", "∦"), ("mid", "∣"), ("nmid", "∤"), ("models", "⊨"), ("vdash", "⊢"), ("dashv", "⊣"),
                     ("asymp", "≍"), ("doteq", "≐"), ("triangleq", "≜"), ("coloneqq", "≔"), ("eqqcolon", "≕"), ("coloneq", "≔"),
                     ("lesssim", "≲"), ("gtrsim", "≳"), ("nsim", "≁"), ("bowtie", "⋈"), ("vDash", "⊨"), ("sqsubset", "⊏"), ("sqsupset", "⊐"),
                     ("lt", "<"), ("gt", ">"), ("nleq", "≰"), ("ngeq", "≱"), ("nless", "≮"), ("ngtr", "≯"), ("smile", "⌣"), ("frown", "⌢"),
                     ("leadsto", "⇝"), ("circeq", "≗"), ("eqsim", "≂"), ("backsim", "∽"), ("thicksim", "∼"), ("thickapprox", "≈"),
                     ("varpropto", "∝"), ("nsubseteq", "⊈"), ("nsupseteq", "⊉"), ("nrightarrow", "↛"), ("nleftarrow", "↚"),
                     ("nRightarrow", "⇏"), ("nLeftarrow", "⇍"), ("nleftrightarrow", "↮"), ("nLeftrightarrow", "⇎"), ("ncong", "≇"),
                     ("lneq", "⪇"), ("gneq", "⪈"), ("lneqq", "≨"), ("gneqq", "≩"), ("leqq", "≦"), ("geqq", "≧"),
                     ("dashrightarrow", "⇢"), ("dashleftarrow", "⇠"), ("curvearrowright", "↷"), ("curvearrowleft", "↶"),
                     ("circlearrowleft", "↺"), ("circlearrowright", "↻"), ("Colon", "∷"), ("vcentcolon", ":"), ("ratio", "∶"),
                     ("twoheadrightarrow", "↠"), ("twoheadleftarrow", "↞"), ("rightrightarrows", "⇉"), ("leftleftarrows", "⇇"),
                     ("upharpoonright", "↾"), ("downharpoonright", "⇂"), ("rightharpoondown", "⇁"), ("leftharpoondown", "↽"),
                     ("leftrightharpoons", "⇋"), ("Rrightarrow", "⇛"), ("Lleftarrow", "⇚"), ("nvdash", "⊬"), ("nvDash", "⊭"),
                     ("Vdash", "⊩"), ("trianglelefteq", "⊴"), ("trianglerighteq", "⊵"), ("ntriangleleft", "⋪"), ("ntriangleright", "⋫"),
                     ("lessgtr", "≶"), ("gtrless", "≷"), ("lesseqgtr", "⋚"), ("gtreqless", "⋛"), ("precsim", "≾"), ("succsim", "≿"),
                     ("preccurlyeq", "≼"), ("succcurlyeq", "≽"), ("eqslantless", "⪕"), ("eqslantgtr", "⪖"), ("lll", "⋘"),
                     ("ggg", "⋙"), ("subsetneqq", "⫋"), ("supsetneqq", "⫌"), ("subseteqq", "⫅"), ("supseteqq", "⫆"),
                     ("Subset", "⋐"), ("Supset", "⋑"), ("between", "≬"), ("pitchfork", "⋔"), ("shortmid", "∣"), ("nshortmid", "∤"),
                     ("fallingdotseq", "≒"), ("risingdotseq", "≓"), ("bumpeq", "≏"), ("Bumpeq", "≎"), ("multimap", "⊸"),
                 })
            t[name] = Op(text, AtomClass.Rel);

        foreach (var (name, text) in new[] { ("langle", "⟨"), ("lbrace", "{"), ("{", "{"), ("lbrack", "["), ("lfloor", "⌊"), ("lceil", "⌈"), ("lvert", "|"), ("lVert", "‖"), ("lang", "⟨"), ("llbracket", "⟦") })
            t[name] = Op(text, AtomClass.Open);
        foreach (var (name, text) in new[] { ("rangle", "⟩"), ("rbrace", "}"), ("}", "}"), ("rbrack", "]"), ("rfloor", "⌋"), ("rceil", "⌉"), ("rvert", "|"), ("rVert", "‖"), ("rang", "⟩"), ("rrbracket", "⟧") })
            t[name] = Op(text, AtomClass.Close);
        t["colon"] = Op(":", AtomClass.Punct);
        return t;
    }

    /// <summary>Delimiters for \left, \right, \middle and \big…: the characters and the named ones; <c>.</c> is none.</summary>
    public static bool TryDelimiter(MathToken token, out string delimiter)
    {
        delimiter = "";
        if (token.Kind == MathTokenKind.Character)
        {
            delimiter = token.Text switch
            {
                "(" or ")" or "[" or "]" or "|" or "/" or "<" or ">" or "⟨" or "⟩" or "‖" or "⌊" or "⌋" or "⌈" or "⌉" => token.Text,
                "." => "",
                _ => "\0",
            };
            if (delimiter == "<") delimiter = "⟨";
            if (delimiter == ">") delimiter = "⟩";
            return delimiter != "\0";
        }
        if (token.Kind != MathTokenKind.Command) return false;
        if (token.Text == "backslash") { delimiter = "\\"; return true; }
        if (Table.TryGetValue(token.Text, out var entry) && (entry.Class is AtomClass.Open or AtomClass.Close
                || token.Text is "|" or "Vert" or "vert" or "mid" or "uparrow" or "downarrow" or "updownarrow" or "Uparrow" or "Downarrow"))
        {
            delimiter = entry.Text == "∣" ? "|" : entry.Text;
            return true;
        }
        return false;
    }
}
