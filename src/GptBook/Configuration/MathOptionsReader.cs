using GptBook.Diagnostics;
using GptBook.Formulas;
using YamlDotNet.RepresentationModel;

namespace GptBook.Configuration;

/// <summary>
/// The <c>math:</c> section of book.yml: <c>macros</c>, a mapping from a command to its TeX body
/// (<c>\R: \mathbb{R}</c>, <c>\norm: \left\| #1 \right\|</c>), in force in every formula of the book.
/// </summary>
internal static class MathOptionsReader
{
    public static MathMacroTable Read(YamlSection s)
    {
        var section = s.Section("math");
        if (section == null) return MathMacroTable.Empty;
        var table = MathMacroTable.Empty;
        var macros = section.Section("macros");
        if (macros != null)
        {
            foreach (var (key, value) in macros.Entries())
            {
                if (value is not YamlScalarNode { Value: { } body })
                {
                    section.Diagnostics.Report(DiagnosticCodes.MathMacroInvalid, macros.SpanOf(value), $"math macro '{key.Value}' must have its TeX body as a single value");
                    continue;
                }
                var macro = MathMacroTable.FromDefinition(key.Value ?? "", body.Trim(), out var problem);
                if (macro is null) section.Diagnostics.Report(DiagnosticCodes.MathMacroInvalid, macros.SpanOf(key), problem!);
                else table = table.With(macro);
            }
        }
        section.ReportUnknownKeys();
        return table;
    }
}
