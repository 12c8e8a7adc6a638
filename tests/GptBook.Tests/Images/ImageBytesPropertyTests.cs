using System.Buffers.Binary;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using GptBook.Configuration;
using GptBook.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace GptBook.Tests.Images;

/// <summary>
/// The parsers that read untrusted image bytes, against generated input with FsCheck (which shrinks a failing case
/// to a small one): the container scanner and the inspector on any bytes and on damaged real files, the ICC
/// reader on profiles whose tag table points anywhere, and the PNG writer's data read back by ImageSharp.
/// </summary>
public sealed class ImageBytesPropertyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(300);

    private static readonly ImageKind[] Kinds = Enum.GetValues<ImageKind>();

    [Fact]
    public void The_container_scanner_answers_for_any_bytes_under_any_format()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), ArbMap.Default.ArbFor<byte>(), (bytes, kind) =>
        {
            var facts = ImageContainerScanner.Scan(Kinds[kind % Kinds.Length], bytes);
            return facts.FrameCount >= 0;
        }).Check(Runs);
    }

    [Fact]
    public void A_webp_chunk_size_near_4_gib_does_not_wrap_the_scanner_back_into_the_file()
    {
        var webp = new byte[40];
        "RIFF"u8.CopyTo(webp);
        BinaryPrimitives.WriteUInt32LittleEndian(webp.AsSpan(4), 32);
        "WEBPVP8 "u8.CopyTo(webp.AsSpan(8));
        BinaryPrimitives.WriteUInt32LittleEndian(webp.AsSpan(16), 0xFFFFFFF0); // 12 + 8 + size lands past int.MaxValue
        var facts = ImageContainerScanner.Scan(ImageKind.Webp, webp);
        Assert.True(facts.Truncated);
    }

    [Fact]
    public void Every_strict_prefix_of_a_png_is_truncated_and_the_whole_file_is_not()
    {
        var png = Encode(Pixels(7, 5, seed: 3, colours: 9), indexed: false);
        Assert.False(ImageContainerScanner.Scan(ImageKind.Png, png).Truncated);
        Prop.ForAll(ArbMap.Default.ArbFor<int>(), cut =>
            ImageContainerScanner.Scan(ImageKind.Png, png.AsSpan(0, Math.Abs(cut % png.Length)).ToArray()).Truncated).Check(Runs);
    }

    [Fact]
    public void The_inspector_turns_damaged_images_into_problems_never_exceptions()
    {
        var sources = new[]
        {
            Encode(Pixels(12, 9, seed: 1, colours: 300), indexed: false),
            Encode(Pixels(12, 9, seed: 2, colours: 4), indexed: true),
            Jpeg(Pixels(16, 16, seed: 5, colours: 300)),
        };
        Prop.ForAll(ArbMap.Default.ArbFor<(byte, int, byte, int)>(), damage =>
        {
            var (which, at, value, cut) = damage;
            var bytes = (byte[])sources[which % sources.Length].Clone();
            bytes[Math.Abs(at % bytes.Length)] ^= value;
            bytes = bytes[..Math.Max(1, bytes.Length - Math.Abs(cut % 8))];
            var inspection = ImageInspector.Inspect(bytes, "x", new ImageOptions(), out var problem);
            return (inspection == null) != (problem == null);
        }).Check(Runs);
    }

    [Fact]
    public void The_icc_reader_answers_for_any_tag_table_and_never_reads_outside_the_profile()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<(uint, uint, uint, bool, byte[])>(), profile =>
        {
            var (count, offset, size, v4, payload) = profile;
            var icc = Profile(count, offset, size, v4, payload);
            var description = IccDescriptionReader.Read(icc);
            return description == null || description.Length <= icc.Length;
        }).Check(Runs);
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes => IccDescriptionReader.Read(bytes) is var _).Check(Runs);
    }

    [Fact]
    public void An_icc_tag_whose_offset_plus_size_wraps_past_32_bits_is_refused()
    {
        // offset + size = 0x1_0000_0010: as 32-bit arithmetic that is 16, inside the profile.
        var icc = Profile(1, 0xFFFFFFF0, 0x20, v4: false, [.. "desc"u8, 0, 0, 0, 0, 0, 0, 0, 4, .. "sRGB"u8]);
        Assert.Null(IccDescriptionReader.Read(icc));
        var fine = Profile(1, 144, 16, v4: false, [.. "desc"u8, 0, 0, 0, 0, 0, 0, 0, 4, .. "sRGB"u8]);
        Assert.Equal("sRGB", IccDescriptionReader.Read(fine));
    }

    [Fact]
    public void A_png_the_stage_writes_reads_back_as_the_same_pixels_indexed_or_truecolour()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<(byte, byte, int, ushort, bool)>(), spec =>
        {
            var (w, h, seed, colours, indexed) = spec;
            using var pixels = Pixels(1 + w % 40, 1 + h % 40, seed, 1 + colours % 400);
            using var decoded = Image.Load<Rgba32>(Encode(pixels, indexed));
            Assert.Equal((pixels.Width, pixels.Height), (decoded.Width, decoded.Height));
            for (var y = 0; y < pixels.Height; y++)
                for (var x = 0; x < pixels.Width; x++)
                    Assert.Equal(pixels[x, y], decoded[x, y]);
            return true;
        }).Check(Runs);
    }

    /// <summary>An ICC profile: a 128-byte header, a tag table whose first entry claims (offset, size) for desc, and a
    /// payload after it, typed mluc (v4) or as it comes.</summary>
    private static byte[] Profile(uint count, uint offset, uint size, bool v4, byte[] payload)
    {
        var icc = new byte[128 + 4 + 12 + payload.Length];
        Encoding.ASCII.GetBytes("RGB ").CopyTo(icc, 16);
        BinaryPrimitives.WriteUInt32BigEndian(icc.AsSpan(128), count);
        "desc"u8.CopyTo(icc.AsSpan(132));
        BinaryPrimitives.WriteUInt32BigEndian(icc.AsSpan(136), offset);
        BinaryPrimitives.WriteUInt32BigEndian(icc.AsSpan(140), size);
        payload.CopyTo(icc, 144);
        if (v4 && payload.Length >= 4) "mluc"u8.CopyTo(icc.AsSpan(144));
        return icc;
    }

    /// <summary>Deterministic pixels with about <paramref name="colours"/> distinct values, some translucent.</summary>
    private static Image<Rgba32> Pixels(int width, int height, int seed, int colours)
    {
        var random = new Random(seed);
        var palette = Enumerable.Range(0, colours)
            .Select(_ => new Rgba32((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256), (byte)(random.Next(4) == 0 ? random.Next(256) : 255)))
            .ToArray();
        var image = new Image<Rgba32>(width, height);
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                image[x, y] = palette[random.Next(palette.Length)];
        return image;
    }

    private static byte[] Encode(Image<Rgba32> pixels, bool indexed)
    {
        using var stream = new MemoryStream();
        PreparedImageWriter.Encode(pixels, ImageEncoding.Png, 96, 85, indexed, stream);
        return stream.ToArray();
    }

    private static byte[] Jpeg(Image<Rgba32> pixels)
    {
        using var stream = new MemoryStream();
        pixels.SaveAsJpeg(stream);
        return stream.ToArray();
    }
}
