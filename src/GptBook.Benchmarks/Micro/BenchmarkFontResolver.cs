using GptBook.Fonts;
using GptBook.Layout.Text;
using PdfSharp.Fonts;

namespace GptBook.Benchmarks.Micro;

/// <summary>PDFsharp's font resolver for the benchmarks: the bundled faces by their FontSet face names, as the
/// writer's own (internal) resolver serves them.</summary>
public sealed class BenchmarkFontResolver(FontSet fonts) : IFontResolver
{
    public static void Install(FontSet fonts)
    {
        if (GlobalFontSettings.FontResolver == null) GlobalFontSettings.FontResolver = new BenchmarkFontResolver(fonts);
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        Enum.GetValues<FontRole>().Any(r => FontSet.FaceName(r) == familyName) ? new FontResolverInfo(familyName) : null;

    public byte[]? GetFont(string faceName) =>
        Enum.GetValues<FontRole>().Where(r => FontSet.FaceName(r) == faceName).Select(fonts.FileBytes).FirstOrDefault();
}
