using System.Collections.Immutable;

namespace GptBook.Formulas;

/// <summary>
/// The macros in force at a point of the book: immutable, so a chapter's definitions flow forward formula by
/// formula without touching the book's table. Names are without the backslash.
/// </summary>
public sealed class MathMacroTable
{
    public static readonly MathMacroTable Empty = new(ImmutableSortedDictionary<string, MathMacro>.Empty.WithComparers(StringComparer.Ordinal));

    private readonly ImmutableSortedDictionary<string, MathMacro> _macros;

    private MathMacroTable(ImmutableSortedDictionary<string, MathMacro> macros) => _macros = macros;

    public int Count => _macros.Count;

    public IEnumerable<MathMacro> Macros => _macros.Values;

    public bool TryGet(string name, out MathMacro macro) => _macros.TryGetValue(name, out macro!);

    public MathMacroTable With(MathMacro macro) => new(_macros.SetItem(macro.Name, macro));

    /// <summary>
    /// A macro from configuration (<c>\R: \mathbb{R}</c>): the name with or without its backslash, the parameter
    /// count taken from the highest <c>#n</c> in the body. Null with a reason when the name is not a TeX command name.
    /// </summary>
    public static MathMacro? FromDefinition(string name, string body, out string? problem)
    {
        var bare = name.StartsWith('\\') ? name[1..] : name;
        if (bare.Length == 0 || !(bare.All(char.IsAsciiLetter) || (bare.Length == 1 && !char.IsAsciiLetterOrDigit(bare[0]))))
        {
            problem = $"'{name}' is not a TeX command name (letters only, like \\R)";
            return null;
        }
        var parameters = 0;
        for (var i = 0; i + 1 < body.Length; i++)
            if (body[i] == '#' && body[i + 1] is >= '1' and <= '9')
                parameters = Math.Max(parameters, body[i + 1] - '0');
        problem = null;
        return new MathMacro(bare, parameters, body);
    }
}
