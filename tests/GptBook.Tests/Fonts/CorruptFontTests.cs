using GptBook.Fonts;
using GptBook.Layout.Text;

namespace GptBook.Tests.Fonts;

/// <summary>A damaged font file must fail with a FontFormatException naming it, never with an index error or a hang.</summary>
public class CorruptFontTests
{
    [Fact]
    public void RandomlyDamagedFontsFailCleanlyOrStillRead()
    {
        var original = BundledFonts.Set.FileBytes(FontRole.Mono);
        var random = new Random(20260330);
        var failures = 0;
        for (var round = 0; round < 300; round++)
        {
            var bytes = (byte[])original.Clone();
            // Damage the table directory and the first tables (head, cmap, hmtx, loca) where the parser looks first,
            // and sometimes anywhere in the file.
            var limit = round % 3 == 0 ? bytes.Length : 4096;
            for (var n = 0; n < 1 + round % 8; n++) bytes[random.Next(limit)] = (byte)random.Next(256);
            if (round % 10 == 0) bytes = bytes[..random.Next(bytes.Length)];
            try
            {
                var font = TrueTypeFont.Parse(bytes, "damaged.ttf");
                foreach (var c in "aé{0") _ = font.Outline(c);
                _ = font.AdvanceEm('m');
            }
            catch (FontFormatException e)
            {
                Assert.Contains("damaged.ttf", e.Message);
                failures++;
            }
        }
        Assert.True(failures > 0);
    }
}
