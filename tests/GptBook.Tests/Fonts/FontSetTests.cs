using GptBook.Fonts;
using GptBook.Layout.Text;
using GptBook.Tests.Support;

namespace GptBook.Tests.Fonts;

public class FontSetTests
{
    [Fact]
    public void HanInCodeFallsBackToTheSerifAndEverythingElseKeepsItsFace()
    {
        var set = BundledFonts.Set;
        Assert.Equal(FontRole.SerifRegular, set.ResolveFace(FontRole.Mono, '模'));
        Assert.Equal(FontRole.SerifRegular, set.ResolveFace(FontRole.Mono, '，'));
        Assert.Equal(FontRole.Mono, set.ResolveFace(FontRole.Mono, 'a'));
        Assert.Equal(FontRole.Mono, set.ResolveFace(FontRole.Mono, '“'));
        Assert.Equal(FontRole.SerifBold, set.ResolveFace(FontRole.SerifBold, '模'));
        Assert.Equal(FontRole.SansBold, set.ResolveFace(FontRole.SansBold, '模'));
        // A character no face has stays with the requested face (the layout reports it).
        Assert.Equal(FontRole.Mono, set.ResolveFace(FontRole.Mono, 0xE000));
        // The measurer gives the composer the same decision.
        Assert.Equal(FontRole.SerifRegular, ((ITextMeasurer)BundledFonts.Measurer).ResolveFace(FontRole.Mono, '模'));
    }

    [Fact]
    public void TheSetIsLoadedOncePerFolder()
    {
        var again = FontSet.Load(Path.Combine(RepositoryPaths.Root, "assets", "fonts", "."));
        Assert.Same(BundledFonts.Set, again);
        Assert.Same(BundledFonts.Set.Font(FontRole.SerifRegular), again.Font(FontRole.SerifRegular));
    }

    [Fact]
    public void FileBytesAreTheFontFilesAsTheWriterEmbedsThem()
    {
        foreach (var role in Enum.GetValues<FontRole>())
        {
            var path = Path.Combine(RepositoryPaths.Root, "assets", "fonts", FontSet.FileName(role));
            Assert.Equal(path, BundledFonts.Set.PathOf(role));
            var bytes = BundledFonts.Set.FileBytes(role);
            Assert.Equal(new FileInfo(path).Length, bytes.Length);
            Assert.Same(bytes, BundledFonts.Set.FileBytes(role));
            Assert.False(string.IsNullOrWhiteSpace(FontSet.FaceName(role)));
        }
        Assert.Equal(Enum.GetValues<FontRole>().Length, Enum.GetValues<FontRole>().Select(FontSet.FaceName).Distinct().Count());
    }

    [Fact]
    public void TheBundledCopyBesideTheLibraryIsUsable()
    {
        var bundled = FontSet.Bundled();
        Assert.Equal(1000, bundled.Font(FontRole.Mono).UnitsPerEm);
        Assert.Equal(BundledFonts.Set.Font(FontRole.Mono).GlyphCount, bundled.Font(FontRole.Mono).GlyphCount);
    }

    [Fact]
    public void AMissingFontFolderNamesTheMissingFile()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => FontSet.Load(Path.Combine(Path.GetTempPath(), "gptbook-no-fonts-here")));
        Assert.Contains("NotoSerifSC-Regular.ttf", ex.Message);
    }

    [Fact]
    public void TheMeasurerReadsAdvancesInEm()
    {
        var m = BundledFonts.Measurer;
        Assert.Equal(1.0, m.Advance(FontRole.SerifRegular, '模'), 9);
        Assert.Equal(0.6, m.Advance(FontRole.Mono, 'x'), 9);
        Assert.Equal(0.0, m.Advance(FontRole.Mono, '模'));
        Assert.False(m.HasGlyph(FontRole.Mono, '模'));
        Assert.True(m.HasGlyph(FontRole.SansBold, '模'));
    }
}
