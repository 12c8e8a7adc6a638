using GptBook.Policies;
using GptBook.Sources;

namespace GptBook.Configuration;

/// <summary>
/// The <c>epub:</c> section of book.yml: split level, TOC depth, cover (a root-relative path, confined to the root),
/// and the formula format (<c>math: mathml</c> or <c>math: images</c>).
/// </summary>
internal static class EpubOptionsReader
{
    public static EpubOptions Read(YamlSection s, string root)
    {
        var defaults = new EpubOptions();
        var section = s.Section("epub");
        if (section == null) return defaults;
        var split = section.Int("split_level", 1, 6) ?? defaults.SplitLevel;
        var depth = section.Int("toc_depth", 1, 6) ?? defaults.TocDepth;
        string? cover = null;
        if (section.Scalar("cover") is { Value: { } coverValue } coverNode)
        {
            var resolved = RootedPathResolver.Resolve(Uri.UnescapeDataString(coverValue), "", root);
            if (resolved.IsInside) cover = resolved.Path;
            else section.Diagnostics.Report(RootedPathResolver.CodeFor(resolved.Refusal), section.SpanOf(coverNode),
                $"cover '{ShownText.Of(coverValue)}' is refused: {RootedPathResolver.Describe(resolved.Refusal)}");
        }
        var math = defaults.Math;
        if (section.Scalar("math") is { } mathNode)
        {
            switch (mathNode.Value?.Trim().ToLowerInvariant())
            {
                case "mathml": math = EpubMathFormat.MathML; break;
                case "images": math = EpubMathFormat.Images; break;
                default:
                    section.Error(mathNode, $"'epub.math' must be mathml (the default) or images (formulas as pictures, for Kindle), not '{ShownText.Of(mathNode.Value ?? "")}'");
                    break;
            }
        }
        section.ReportUnknownKeys();
        return new EpubOptions(split, depth, cover, math);
    }
}
