using GptBook.Fonts;
using GptBook.Tests.Support;

namespace GptBook.Tests.Fonts;

/// <summary>The repository's font set, loaded once per test process (FontSet caches it too).</summary>
internal static class BundledFonts
{
    public static FontSet Set => FontSet.Load(Path.Combine(RepositoryPaths.Root, "assets", "fonts"));

    public static FontMetricsMeasurer Measurer { get; } = new(Set);
}
