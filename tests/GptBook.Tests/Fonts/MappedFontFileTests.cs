using System.Runtime.InteropServices;
using GptBook.Fonts;
using GptBook.Tests.Support;

namespace GptBook.Tests.Fonts;

public class MappedFontFileTests
{
    [Fact]
    public void A_loaded_face_is_its_file_mapped_byte_for_byte_not_copied_into_an_array()
    {
        var path = BundledFonts.Set.PathOf(FontRole.SerifRegular);
        var font = TrueTypeFont.Load(path);
        Assert.False(MemoryMarshal.TryGetArray(font.FileBytes, out _), "the face was read into an array");
        Assert.True(font.FileBytes.Span.SequenceEqual(File.ReadAllBytes(path)));
        Assert.Equal(BundledFonts.Set.Font(FontRole.SerifRegular).GlyphCount, font.GlyphCount);
    }

    [Fact]
    public void A_face_reached_through_a_symbolic_link_maps_the_file_it_points_to()
    {
        using var folder = new TemporaryDirectory();
        var target = BundledFonts.Set.PathOf(FontRole.Mono);
        var link = Path.Combine(folder.Path, "linked.ttf");
        File.CreateSymbolicLink(link, target);
        var font = TrueTypeFont.Load(link);
        Assert.Equal(new FileInfo(target).Length, font.FileBytes.Length);
        Assert.Equal(BundledFonts.Set.Font(FontRole.Mono).GlyphId('a'), font.GlyphId('a'));
    }

    [Fact]
    public void An_empty_font_file_is_a_font_format_error_that_names_it()
    {
        using var folder = new TemporaryDirectory();
        var empty = Path.Combine(folder.Path, "empty.ttf");
        File.WriteAllBytes(empty, []);
        var error = Assert.Throws<FontFormatException>(() => TrueTypeFont.Load(empty));
        Assert.Contains("empty.ttf", error.Message);
    }

    [Fact]
    public void The_array_handed_to_pdfsharp_is_the_whole_file_copied_once()
    {
        var path = BundledFonts.Set.PathOf(FontRole.MonoBold);
        var bytes = BundledFonts.Set.FileBytes(FontRole.MonoBold);
        Assert.Equal(File.ReadAllBytes(path), bytes);
    }
}
