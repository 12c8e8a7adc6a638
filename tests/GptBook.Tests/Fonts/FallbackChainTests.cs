using System.Text;
using GptBook.Fonts;
using GptBook.Tests.Epub;
using UglyToad.PdfPig;

namespace GptBook.Tests.Fonts;

/// <summary>Every character a book uses prints with a bundled face that has it, the same in all three outputs.</summary>
public sealed class FallbackChainTests(PrintableCharactersBook fixture) : IClassFixture<PrintableCharactersBook>
{
    [Theory]
    [InlineData("𠮷", FontRole.HanExtension)]
    [InlineData("ℝ", FontRole.LatinSerif)]
    [InlineData("ᵃ", FontRole.LatinSerif)]
    [InlineData("₂", FontRole.LatinSerif)]
    [InlineData("²", FontRole.SerifRegular)]
    [InlineData("⟨", FontRole.Math)]
    [InlineData("𝔸", FontRole.Math)]
    [InlineData("☐", FontRole.Symbols)]
    [InlineData("😀", FontRole.Emoji)]
    [InlineData("✅", FontRole.Emoji)]
    [InlineData("字", FontRole.SerifRegular)]
    public void Each_character_goes_to_the_first_face_in_the_chain_that_has_it(string character, FontRole expected)
    {
        var face = BundledFonts.Set.ResolveFace(FontRole.SerifRegular, char.ConvertToUtf32(character, 0));
        Assert.Equal(expected, face);
        Assert.True(BundledFonts.Set.Font(face).HasGlyph(char.ConvertToUtf32(character, 0)));
    }

    [Fact]
    public void Code_keeps_the_monospace_face_where_it_has_the_character()
    {
        Assert.Equal(FontRole.Mono, BundledFonts.Set.ResolveFace(FontRole.Mono, '⟨'));
        Assert.Equal(FontRole.SerifRegular, BundledFonts.Set.ResolveFace(FontRole.Mono, '字'));
        Assert.Equal(FontRole.Emoji, BundledFonts.Set.ResolveFace(FontRole.Mono, 0x1F680));
    }

    [Fact]
    public void Every_fallback_face_is_truetype_with_outlines_and_embeddable()
    {
        var samples = new Dictionary<FontRole, int>
        {
            [FontRole.LatinSerif] = 0x211D, [FontRole.Math] = 0x1D538, [FontRole.Symbols] = 0x2610, [FontRole.Emoji] = 0x1F600, [FontRole.HanExtension] = 0x20BB7,
        };
        Assert.Equal(FontFallbackChain.Fallbacks.Order(), samples.Keys.Order());
        foreach (var (role, sample) in samples)
        {
            var font = BundledFonts.Set.Font(role);
            Assert.True(font.MappedCodePointCount > 500, $"{role}: {font.MappedCodePointCount} characters");
            Assert.NotEmpty(font.Outline(sample).Contours);
        }
    }

    [Fact]
    public void The_book_builds_without_a_missing_character_warning()
    {
        Assert.Equal(Publishing.PublishOutcome.Built, fixture.Book.Result.Outcome);
        Assert.DoesNotContain(fixture.Book.Diagnostics, d => d.Code == "GB0303");
    }

    [Fact]
    public void Every_printed_character_comes_from_a_face_that_has_its_glyph()
    {
        using var pdf = PdfDocument.Open(fixture.Book.PdfPath);
        var seen = new HashSet<FontRole>();
        var text = new StringBuilder();
        foreach (var page in pdf.GetPages())
            foreach (var letter in page.Letters)
            {
                text.Append(letter.Value);
                if (string.IsNullOrWhiteSpace(letter.Value)) continue;
                var role = RoleOf(letter.FontName ?? "");
                seen.Add(role);
                var cp = char.ConvertToUtf32(letter.Value, 0);
                Assert.True(BundledFonts.Set.Font(role).HasGlyph(cp), $"'{letter.Value}' (U+{cp:X4}) drawn with {letter.FontName}, which lacks it");
            }
        var printed = text.ToString();
        foreach (var expected in new[] { "𠮷", "ℝ", "⟨", "⟩", "ᵃ", "ⁿ", "ᵢ", "₂", "𝐀", "𝔸", "𝒜", "𝑥", "☐", "☑", "😀", "👍", "🎉", "⭐", "❤", "🚀", "✅", "📚" })
            Assert.Contains(expected, printed);
        Assert.DoesNotContain("\uFE0F", printed);
        Assert.Superset(new HashSet<FontRole> { FontRole.HanExtension, FontRole.LatinSerif, FontRole.Math, FontRole.Symbols, FontRole.Emoji }, seen);
    }

    [Fact]
    public void Emoji_in_headings_reach_the_bookmarks_and_the_printed_contents()
    {
        using var pdf = PdfDocument.Open(fixture.Book.PdfPath);
        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        Assert.Contains(bookmarks.GetNodes(), n => n.Title == PrintableCharactersBook.Heading);
        var contents = pdf.GetPages().First(p => p.Text.Contains("目录", StringComparison.Ordinal));
        Assert.Contains("🚀", contents.Text);
        Assert.Contains("📚", contents.Text);
    }

    [Fact]
    public void The_epub_keeps_the_characters_and_names_the_same_faces_in_its_font_stacks()
    {
        var epub = new EpubFile(fixture.Book.EpubPath);
        var xhtml = string.Concat(epub.Entries.Where(e => e.Key.EndsWith(".xhtml", StringComparison.Ordinal)).Select(e => Encoding.UTF8.GetString(e.Value)));
        foreach (var expected in new[] { "𠮷", "ℝ", "⟨x, y⟩", "𝔸", "😀", PrintableCharactersBook.Heading })
            Assert.Contains(expected, xhtml);
        var css = Encoding.UTF8.GetString(epub.Entries.Single(e => e.Key.EndsWith(".css", StringComparison.Ordinal)).Value);
        AssertChainOrder(css);
        AssertChainOrder(File.ReadAllText(Path.Combine(fixture.Book.SiteDirectory, "fonts.css")));
    }

    [Fact]
    public void A_book_without_rare_characters_never_reads_a_fallback_face()
    {
        using var copy = new Support.TemporaryDirectory();
        foreach (var file in Directory.GetFiles(BundledFonts.Set.Directory, "*.ttf"))
            File.CreateSymbolicLink(Path.Combine(copy.Path, Path.GetFileName(file)), file);
        var fonts = FontSet.Load(copy.Path);
        var measurer = new FontMetricsMeasurer(fonts);
        foreach (var c in "从 GPT1 到 GPT4：生成式预训练（2018）、零样本——“少样本”学习。1.17 亿参数，x² ≤ 10%")
            measurer.ResolveFace(FontRole.SerifRegular, c);
        Assert.All(FontFallbackChain.Fallbacks, role => Assert.False(fonts.IsLoaded(role), $"{role} was read"));
        measurer.ResolveFace(FontRole.SerifRegular, 0x20BB7);
        Assert.True(fonts.IsLoaded(FontRole.HanExtension));
        Assert.False(fonts.IsLoaded(FontRole.Emoji));
    }

    /// <summary>The fallback faces appear in every font stack, in chain order.</summary>
    private static void AssertChainOrder(string css)
    {
        // The EPUB names its stacks in font-family declarations, the site in --gb-* properties (its @font-face rules
        // name one face each, and are not stacks).
        var stacks = css.Split('\n').Where(l => (l.Contains("font-family:", StringComparison.Ordinal) && !l.TrimStart().StartsWith("font-family: \"GptBook", StringComparison.Ordinal))
            || l.TrimStart().StartsWith("--gb-", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(stacks);
        foreach (var stack in stacks.Where(s => !s.Contains("var(", StringComparison.Ordinal)))
        {
            var positions = FontFallbackChain.Fallbacks.Select(r => FontFallbackChain.CssFamilies(r)[^1])
                .Select(name => Math.Max(stack.IndexOf($"\"{name}\"", StringComparison.Ordinal), stack.IndexOf($" {name},", StringComparison.Ordinal)))
                .ToList();
            Assert.All(positions, p => Assert.True(p > 0, stack));
            Assert.Equal(positions.Order(), positions);
        }
    }

    private static FontRole RoleOf(string pdfFontName)
    {
        var name = pdfFontName.Contains('+') ? pdfFontName[(pdfFontName.IndexOf('+') + 1)..] : pdfFontName;
        name = name.Replace("-", " ").Replace(",", " ");
        if (name.StartsWith("HanaMinB", StringComparison.Ordinal)) return FontRole.HanExtension;
        if (name.StartsWith("Noto Emoji", StringComparison.Ordinal)) return FontRole.Emoji;
        if (name.StartsWith("Noto Sans Math", StringComparison.Ordinal)) return FontRole.Math;
        if (name.StartsWith("Noto Sans Symbols", StringComparison.Ordinal)) return FontRole.Symbols;
        if (name.StartsWith("Noto Serif SC", StringComparison.Ordinal)) return name.Contains("Bold") ? FontRole.SerifBold : FontRole.SerifRegular;
        if (name.StartsWith("Noto Sans SC", StringComparison.Ordinal)) return FontRole.SansBold;
        if (name.StartsWith("JetBrains", StringComparison.Ordinal)) return FontRole.Mono;
        if (name.StartsWith("Noto Serif", StringComparison.Ordinal)) return FontRole.LatinSerif;
        if (name.StartsWith("Source Serif", StringComparison.Ordinal)) return name.Contains("Bold") ? FontRole.SerifBoldLatin : FontRole.SerifRegularLatin;
        if (name.StartsWith("Source Sans", StringComparison.Ordinal)) return FontRole.SansBoldLatin;
        throw new InvalidOperationException("unknown font " + pdfFontName);
    }
}
