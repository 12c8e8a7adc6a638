using GptBook.Fonts;
using GptBook.Tests.Support;

namespace GptBook.Tests.Fonts;

/// <summary>Subsets of the bundled faces: only the asked characters, with their outlines and advances unchanged,
/// written as WOFF2 that the browsers' sanitizer (OTS) and Google's decoder accept.</summary>
public class TrueTypeSubsetterTests
{
    private const string Text = "从 GPT-1 到 GPT-4：大语言模型的发展，“生成式预训练”。𠀀";

    private static FontSet Fonts => FontSet.Bundled();

    [Theory]
    [InlineData(FontRole.SerifRegular)]
    [InlineData(FontRole.SansBold)]
    [InlineData(FontRole.Mono)]
    public void A_subset_holds_exactly_the_asked_characters_with_their_outlines_and_advances(FontRole role)
    {
        var original = Fonts.Font(role);
        var codePoints = Text.EnumerateRunes().Select(r => r.Value).Append('é').Distinct().ToArray();
        var subset = TrueTypeFont.Parse(TrueTypeSubsetter.Subset(original, codePoints), "subset");

        foreach (var c in codePoints)
        {
            Assert.Equal(original.HasGlyph(c), subset.HasGlyph(c));
            if (!original.HasGlyph(c)) continue;
            Assert.Equal(original.AdvanceEm(c), subset.AdvanceEm(c));
            var (a, b) = (original.Outline(c), subset.Outline(c));
            Assert.Equal((a.XMin, a.YMin, a.XMax, a.YMax), (b.XMin, b.YMin, b.XMax, b.YMax));
            Assert.Equal(a.Contours.Select(k => k.Points.Count), b.Contours.Select(k => k.Points.Count));
        }
        Assert.False(subset.HasGlyph('龘'));
        Assert.True(subset.GlyphCount <= codePoints.Length + 1 + 4, $"{subset.GlyphCount} glyphs"); // .notdef and a few components
        Assert.Equal(subset.MappedCodePointCount, codePoints.Count(original.HasGlyph));
    }

    [Fact]
    public void An_emoji_subset_keeps_the_ligatures_of_its_sequences_with_their_outlines()
    {
        var emoji = Fonts.Font(FontRole.Emoji);
        var text = "👨‍👩‍👧 🧑‍💻 🇨🇳 1️⃣";
        var subset = TrueTypeFont.Parse(TrueTypeSubsetter.Subset(emoji, text.EnumerateRunes().Select(r => r.Value), keepLigatures: true), "subset");
        // Read back as the PDF reads the face: each sequence is one glyph, drawn as the face draws it.
        var inSubset = EmojiSequences.Find(text, subset);
        var inFace = EmojiSequences.Find(text, emoji);
        Assert.Equal(inFace.Select(s => (s.Start, s.Length)), inSubset.Select(s => (s.Start, s.Length)));
        Assert.Equal(4, inSubset.Count);
        foreach (var (a, b) in inFace.Zip(inSubset))
        {
            Assert.Equal(emoji.AdvanceWidth(a.Glyph), subset.AdvanceWidth(b.Glyph));
            Assert.Equal(emoji.GlyphBounds(a.Glyph), subset.GlyphBounds(b.Glyph));
        }
        // A ligature whose parts the subset lacks is not kept, and without the request no GSUB is written.
        Assert.Empty(EmojiSequences.Find("🧑‍💻", TrueTypeFont.Parse(TrueTypeSubsetter.Subset(emoji, "🧑\u200D".EnumerateRunes().Select(r => r.Value), keepLigatures: true), "part")));
        Assert.Equal(0, TrueTypeFont.Parse(TrueTypeSubsetter.Subset(emoji, text.EnumerateRunes().Select(r => r.Value)), "plain").Ligatures.Count);
    }

    [Fact]
    public void Subsets_are_deterministic_and_much_smaller_than_the_face()
    {
        var first = TrueTypeSubsetter.Subset(Fonts.Font(FontRole.SerifRegular), Text.EnumerateRunes().Select(r => r.Value));
        var second = TrueTypeSubsetter.Subset(Fonts.Font(FontRole.SerifRegular), Text.EnumerateRunes().Select(r => r.Value).Reverse());
        Assert.Equal(first, second);
        Assert.InRange(first.Length, 1_000, 40_000);
        var woff2 = Woff2Writer.Write(first);
        Assert.Equal(first, Woff2Test.Decode(woff2));
        Assert.True(woff2.Length < first.Length * 0.8, $"{woff2.Length} of {first.Length}");
    }

    [SkippableFact]
    public void The_browsers_sanitizer_and_googles_decoder_accept_the_woff2()
    {
        ExternalTool.Require("ots-sanitize");
        using var dir = new TemporaryDirectory();
        foreach (var role in Enum.GetValues<FontRole>())
        {
            var sfnt = TrueTypeSubsetter.Subset(Fonts.Font(role), Text.EnumerateRunes().Select(r => r.Value));
            var path = dir.Combine($"{role}.woff2");
            File.WriteAllBytes(path, Woff2Writer.Write(sfnt));
            var ots = ExternalTool.Run("ots-sanitize", [path]);
            Assert.True(ots.ExitCode == 0, $"{role}: {ots.Output}");
            var decoded = ExternalTool.Run("woff2_decompress", [path]);
            Assert.True(decoded.ExitCode == 0, decoded.Output);
            Assert.Equal(sfnt, File.ReadAllBytes(dir.Combine($"{role}.ttf")));
        }
    }
}
