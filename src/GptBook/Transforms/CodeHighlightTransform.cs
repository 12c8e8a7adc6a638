using System.Collections.Concurrent;
using GptBook.IO;
using GptBook.Model;
using TextMateSharp.Grammars;
using TextMateSharp.Registry;

namespace GptBook.Transforms;

/// <summary>
/// Highlights fenced code with a language, once for all outputs: TextMateSharp tokenizes each line with the
/// language's TextMate grammar (the ones VS Code ships, bundled in TextMateSharp.Grammars; Oniguruma regexes through
/// its native library), and each token's scopes are reduced to a <see cref="CodeTokenKind"/>. The language is the
/// info string's first word, matched by grammar id, file extension or a common alias (bash, c++, golang…); code in
/// a language no grammar knows stays plain. Only the grammars a book uses are loaded, once per process, and only for
/// code the output's derived-file cache has no tokens for: loading a grammar and compiling its regexes costs about a
/// second for a book with a few languages, paid on every build before the build can tell that nothing changed.
/// </summary>
public sealed class CodeHighlightTransform(DerivedFileCache cache) : ModelRewriter
{
    /// <summary>
    /// Only a pathological line (a grammar regex backtracking without end) takes this long; the rest of it stays
    /// plain. Far above what any real line needs on a slow machine, so the same input gives the same tokens.
    /// </summary>
    private static readonly TimeSpan LineTimeLimit = TimeSpan.FromSeconds(20);

    private static readonly Lock Gate = new();
    private static readonly Lazy<(RegistryOptions Options, Registry Registry)> Registry = new(() =>
    {
        var options = new RegistryOptions(ThemeName.LightPlus);
        return (options, new Registry(options));
    });
    private static readonly ConcurrentDictionary<string, IGrammar?> Grammars = new(StringComparer.Ordinal);

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["bash"] = "shellscript", ["sh"] = "shellscript", ["shell"] = "shellscript", ["zsh"] = "shellscript", ["ksh"] = "shellscript",
        ["c++"] = "cpp", ["cxx"] = "cpp", ["hpp"] = "cpp", ["c#"] = "csharp", ["cs"] = "csharp", ["golang"] = "go",
        ["js"] = "javascript", ["node"] = "javascript", ["ts"] = "typescript", ["py"] = "python", ["python3"] = "python",
        ["yml"] = "yaml", ["rs"] = "rust", ["rb"] = "ruby", ["ps1"] = "powershell", ["pwsh"] = "powershell", ["md"] = "markdown",
        ["htm"] = "html", ["xhtml"] = "html", ["svg"] = "xml", ["docker"] = "dockerfile", ["make"] = "makefile",
        ["patch"] = "diff", ["cmd"] = "bat", ["f#"] = "fsharp", ["objc"] = "objective-c", ["json5"] = "jsonc",
    };

    public override Book Rewrite(Book book)
    {
        // Nothing is loaded for a book without fenced code in a language.
        var any = book.Chapters.SelectMany(c => c.Blocks.Concat(c.Footnotes.SelectMany(f => f.Blocks)))
            .SelectMany(b => b.DescendantsAndSelf()).Any(b => b is CodeBlock { Language.Length: > 0 });
        return any ? base.Rewrite(book) : book;
    }

    protected override Block RewriteBlock(Block block)
    {
        if (block is not CodeBlock { Language: { Length: > 0 } language } code || ScopeFor(language) is not { } scope) return block;
        IReadOnlyList<CodeToken> Make() => GrammarFor(scope) is { } grammar ? Tokenize(grammar, code.Code) : [];
        // The tokens are kept as the cache's check reads them or as they are made, so a stored entry is parsed once.
        IReadOnlyList<CodeToken>? tokens = null;
        cache.GetOrCreate("code-tokens", [scope, code.Code], () => CodeTokenFile.Write(tokens = Make()),
            bytes => (tokens = CodeTokenFile.Read(bytes, code.Code.Length)) != null);
        return code with { Tokens = tokens ?? Make() };
    }

    /// <summary>The grammar's scope name for an info-string language (<c>source.python</c>), or null when none matches;
    /// looked up in the registry's list, without loading the grammar.</summary>
    private static string? ScopeFor(string language)
    {
        var name = language.Trim().ToLowerInvariant();
        name = Aliases.GetValueOrDefault(name, name);
        lock (Gate)
        {
            var options = Registry.Value.Options;
            return options.GetScopeByLanguageId(name) ?? options.GetScopeByExtension("." + name);
        }
    }

    /// <summary>The grammar of a scope, loaded on first use; null if it cannot be loaded.</summary>
    private static IGrammar? GrammarFor(string scope) =>
        Grammars.GetOrAdd(scope, static key =>
        {
            lock (Gate)
                return Registry.Value.Registry.LoadGrammar(key);
        });

    private static IReadOnlyList<CodeToken> Tokenize(IGrammar grammar, string code)
    {
        var tokens = new List<CodeToken>();
        lock (Gate)
        {
            IStateStack? state = null;
            var lineStart = 0;
            while (lineStart <= code.Length)
            {
                var end = code.IndexOf('\n', lineStart);
                if (end < 0) end = code.Length;
                var line = code[lineStart..end].TrimEnd('\r');
                if (line.Length > 0)
                {
                    var result = grammar.TokenizeLine(line, state, LineTimeLimit);
                    state = result.RuleStack;
                    foreach (var token in result.Tokens)
                    {
                        var start = Math.Min(token.StartIndex, line.Length);
                        var stop = Math.Min(token.EndIndex, line.Length);
                        // Spaces at a token's edges (before a comment, say) are left plain: the spans stay tight.
                        while (start < stop && line[start] is ' ' or '\t') start++;
                        while (stop > start && line[stop - 1] is ' ' or '\t') stop--;
                        var kind = KindOf(token.Scopes);
                        if (stop <= start || kind == CodeTokenKind.Plain) continue;
                        if (tokens.Count > 0 && tokens[^1].Kind == kind && tokens[^1].Start >= lineStart
                            && IsBlank(line, tokens[^1].Start + tokens[^1].Length - lineStart, start))
                            tokens[^1] = tokens[^1] with { Length = lineStart + stop - tokens[^1].Start };
                        else tokens.Add(new CodeToken(lineStart + start, stop - start, kind));
                    }
                }
                lineStart = end + 1;
            }
        }
        return tokens;
    }

    /// <summary>Whether <paramref name="line"/> holds only spaces and tabs from <paramref name="from"/> to <paramref name="to"/>.</summary>
    private static bool IsBlank(string line, int from, int to)
    {
        if (from > to) return false;
        for (var i = from; i < to; i++)
            if (line[i] is not (' ' or '\t')) return false;
        return true;
    }

    /// <summary>The innermost scope that names a kind decides (meta scopes name none).</summary>
    internal static CodeTokenKind KindOf(IReadOnlyList<string> scopes)
    {
        for (var i = scopes.Count - 1; i >= 0; i--)
        {
            var kind = KindOf(scopes[i]);
            if (kind != CodeTokenKind.Plain) return kind;
        }
        return CodeTokenKind.Plain;
    }

    private static CodeTokenKind KindOf(string scope)
    {
        bool Is(string prefix) => scope.StartsWith(prefix, StringComparison.Ordinal);
        if (Is("comment") || Is("punctuation.definition.comment")) return CodeTokenKind.Comment;
        if (Is("support.type.property-name") || Is("punctuation.support.type.property-name") || Is("meta.object-literal.key")
            || Is("variable.other.property")) return CodeTokenKind.Property;
        if (Is("string") || Is("punctuation.definition.string")) return CodeTokenKind.String;
        if (Is("constant.numeric")) return CodeTokenKind.Number;
        if (Is("constant") || Is("support.constant") || Is("variable.language")) return CodeTokenKind.Constant;
        if (Is("keyword.operator")) return CodeTokenKind.Operator;
        if (Is("keyword") || Is("storage")) return CodeTokenKind.Keyword;
        if (Is("entity.name.type") || Is("entity.name.class") || Is("entity.name.namespace") || Is("support.type") || Is("support.class")
            || Is("entity.other.inherited-class")) return CodeTokenKind.Type;
        if (Is("entity.name.function") || Is("support.function") || Is("variable.function")) return CodeTokenKind.Function;
        if (Is("entity.name.tag")) return CodeTokenKind.Tag;
        if (Is("entity.other.attribute-name")) return CodeTokenKind.Attribute;
        return CodeTokenKind.Plain;
    }
}
