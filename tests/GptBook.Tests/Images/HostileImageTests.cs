using System.Buffers.Binary;
using System.Text;
using GptBook.Diagnostics;
using GptBook.Images;
using GptBook.Model;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.Metadata.Profiles.Xmp;
using SixLabors.ImageSharp.PixelFormats;

namespace GptBook.Tests.Images;

/// <summary>Broken, hostile and unusual sources: each gets its diagnostic at the reference, and a placeholder or a clean image.</summary>
public sealed class HostileImageTests : IDisposable
{
    private readonly ImageTestBook _book = new();

    public void Dispose() => _book.Dispose();

    /// <summary>The one diagnostic, at the reference's Markdown location, and a placeholder in every profile.</summary>
    private static void AssertRefused(StageRun run, ImageReference reference, DiagnosticCode code)
    {
        var diagnostic = Assert.Single(run.Diagnostics.Items);
        Assert.Equal(code.Id, diagnostic.Code);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(reference.Span, diagnostic.Span);
        Assert.StartsWith("chapter.md:3:1: warning " + code.Id, diagnostic.ToString());
        foreach (var profile in new[] { ImageProfile.Print, ImageProfile.Epub, ImageProfile.Site })
        {
            var image = run.Get(reference, profile);
            Assert.True(image.IsPlaceholder);
            Assert.Equal(diagnostic.Message, image.Placeholder);
            Assert.Equal("image/png", image.MediaType);
            var info = Image.Identify(image.Path);
            Assert.Equal((image.PixelWidth, image.PixelHeight), (info.Width, info.Height));
            Assert.Equal(profile == ImageProfile.Site ? 720 : PlaceholderImageWriter.Width, info.Width);
        }
        Assert.Equal(0, run.Statistics.Decoded);
    }

    private static byte[] Png(Image image, PngEncoder? encoder = null)
    {
        using var stream = new MemoryStream();
        image.Save(stream, encoder ?? new PngEncoder());
        return stream.ToArray();
    }

    private static byte[] Jpeg(Image image, int quality = 90)
    {
        using var stream = new MemoryStream();
        image.Save(stream, new JpegEncoder { Quality = quality });
        return stream.ToArray();
    }

    [Fact]
    public void Zero_byte_file_is_GB0207_with_a_placeholder()
    {
        var reference = ImageTestBook.Local(_book.Write("img/empty.png", []));
        AssertRefused(_book.Run(reference), reference, DiagnosticCodes.ImageEmpty);
    }

    [Fact]
    public void Missing_file_is_GB0201_with_a_placeholder()
    {
        var reference = ImageTestBook.Local("img/nowhere.png");
        var run = _book.Run(reference);
        AssertRefused(run, reference, DiagnosticCodes.ImageMissing);
        Assert.Contains("img/nowhere.png", run.Diagnostics.Items[0].Message);
    }

    [Fact]
    public void Corrupt_file_with_a_png_signature_is_GB0205()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(bytes, 0);
        var reference = ImageTestBook.Local(_book.Write("img/corrupt.png", bytes));
        AssertRefused(_book.Run(reference), reference, DiagnosticCodes.ImageCorrupt);
    }

    [Fact]
    public void Unknown_content_is_GB0206_unsupported()
    {
        var reference = ImageTestBook.Local(_book.Write("img/notes.png", Encoding.UTF8.GetBytes("just some text, not a picture")));
        AssertRefused(_book.Run(reference), reference, DiagnosticCodes.ImageUnsupported);
    }

    [Fact]
    public void Truncated_png_is_GB0205_and_never_decoded()
    {
        using var photo = ImageTestBook.Photo(300, 200);
        var bytes = Png(photo);
        var reference = ImageTestBook.Local(_book.Write("img/cut.png", bytes[..(bytes.Length / 2)]));
        var run = _book.Run(reference);
        AssertRefused(run, reference, DiagnosticCodes.ImageCorrupt);
        Assert.Contains("truncated", run.Diagnostics.Items[0].Message);
    }

    [Fact]
    public void Truncated_jpeg_is_GB0205()
    {
        using var photo = ImageTestBook.Photo(300, 200);
        var bytes = Jpeg(photo);
        var reference = ImageTestBook.Local(_book.Write("img/cut.jpg", bytes[..(bytes.Length * 2 / 3)]));
        AssertRefused(_book.Run(reference), reference, DiagnosticCodes.ImageCorrupt);
    }

    [Fact]
    public void Decompression_bomb_is_refused_from_its_header_without_decoding()
    {
        // A valid PNG header claiming 100000×100000 pixels (10 gigapixels, 40 GB decoded), with almost no data.
        var reference = ImageTestBook.Local(_book.Write("img/bomb.png", PngWithHeader(100_000, 100_000)));
        var run = _book.Run(reference);
        AssertRefused(run, reference, DiagnosticCodes.ImageTooLarge);
        Assert.Contains("100000×100000", run.Diagnostics.Items[0].Message);
    }

    [Fact]
    public void Jpeg_bomb_is_refused_from_its_frame_header()
    {
        using var photo = ImageTestBook.Photo(64, 64);
        var bytes = Jpeg(photo);
        var sof = JpegFrameHeaderOffset(bytes);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(sof + 5), 65000); // height
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(sof + 7), 65000); // width
        var reference = ImageTestBook.Local(_book.Write("img/bomb.jpg", bytes));
        AssertRefused(_book.Run(reference), reference, DiagnosticCodes.ImageTooLarge);
    }

    [Fact]
    public void Inspecting_a_bomb_allocates_next_to_nothing()
    {
        var bomb = PngWithHeader(100_000, 100_000);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var inspection = ImageInspector.Inspect(bomb, "bomb.png", new GptBook.Configuration.ImageOptions(), out var problem);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Null(inspection);
        Assert.Equal("GB0204", problem!.Code.Id);
        Assert.True(allocated < 4 * 1024 * 1024, $"inspecting the header allocated {allocated:N0} bytes");
    }

    [Fact]
    public void Png_text_chunks_and_exif_do_not_survive()
    {
        using var drawing = ImageTestBook.Drawing(40, 20, new Rgba32(1, 2, 3), new Rgba32(250, 250, 250));
        drawing.Metadata.GetPngMetadata().TextData.Add(new PngTextData("Author", "Private Person", "", ""));
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.Artist, "Private Person");
        drawing.Metadata.ExifProfile = exif;
        var source = Png(drawing);
        Assert.True(Contains(source, "Private Person"));
        var reference = ImageTestBook.Local(_book.Write("img/tagged.png", source));
        var run = _book.Run(reference);
        foreach (var profile in new[] { ImageProfile.Print, ImageProfile.Epub, ImageProfile.Site })
        {
            var bytes = File.ReadAllBytes(run.Get(reference, profile).Path);
            Assert.False(Contains(bytes, "Private Person"), $"{profile}: text survived");
            Assert.False(Contains(bytes, "tEXt") || Contains(bytes, "iTXt") || Contains(bytes, "zTXt") || Contains(bytes, "eXIf"), $"{profile}: a metadata chunk survived");
            Assert.True(Contains(bytes, "pHYs"), $"{profile}: the DPI is missing");
        }
    }

    [Fact]
    public void File_over_the_byte_limit_is_GB0204_before_it_is_read()
    {
        _book.Images = _book.Images with { MaxBytes = 1000 };
        using var photo = ImageTestBook.Photo(200, 200);
        var reference = ImageTestBook.Local(_book.Write("img/big.png", Png(photo)));
        var run = _book.Run(reference);
        AssertRefused(run, reference, DiagnosticCodes.ImageTooLarge);
        Assert.Contains("max_bytes", run.Diagnostics.Items[0].Message);
    }

    [Fact]
    public void Jpeg_named_png_works_with_a_GB0208_warning()
    {
        using var photo = ImageTestBook.Photo(400, 300);
        var reference = ImageTestBook.Local(_book.Write("img/photo.png", Jpeg(photo)));
        var run = _book.Run(reference);
        var diagnostic = Assert.Single(run.Diagnostics.Items);
        Assert.Equal("GB0208", diagnostic.Code);
        Assert.Equal(reference.Span, diagnostic.Span);
        var epub = run.Get(reference, ImageProfile.Epub);
        Assert.False(epub.IsPlaceholder);
        Assert.Equal((400, 300), (epub.PixelWidth, epub.PixelHeight));
        Assert.Equal("JPEG", Image.DetectFormat(epub.Path)!.Name);
    }

    [Fact]
    public void Sixteen_bit_png_with_alpha_becomes_8_bit()
    {
        using var image = new Image<Rgba64>(64, 48, new Rgba64(65535, 0, 30000, 40000));
        var reference = ImageTestBook.Local(_book.Write("img/deep.png", Png(image, new PngEncoder { BitDepth = PngBitDepth.Bit16, ColorType = PngColorType.RgbWithAlpha })));
        var run = _book.Run(reference);
        Assert.Empty(run.Diagnostics.Items);
        var epub = File.ReadAllBytes(run.Get(reference, ImageProfile.Epub).Path);
        Assert.Equal(8, epub[24]);  // IHDR bit depth
        Assert.Equal(3, epub[25]);  // one colour: indexed, its alpha in tRNS, so it survives for screens
        using (var screen = Image.Load<Rgba32>(epub))
            Assert.Equal(new Rgba32(255, 0, 117, 156), screen[10, 10]);
        var print = File.ReadAllBytes(run.Get(reference, ImageProfile.Print).Path);
        Assert.Equal(8, print[24]);
        Assert.Equal(2, print[25]); // truecolour, no alpha: flattened for the PDF
        using var flattened = Image.Load<Rgba32>(print);
        var pixel = flattened[10, 10];
        Assert.Equal(255, pixel.A);
        Assert.InRange(pixel.G, 90, 110); // 40000/65535 red over white: green ≈ 255·(1 − 0.61)
    }

    [Fact]
    public void Cmyk_jpeg_is_decoded_to_rgb()
    {
        var bytes = CmykJpeg();
        Assert.Equal(4, bytes[JpegFrameHeaderOffset(bytes) + 9]); // the input really is a four-component JPEG
        var reference = ImageTestBook.Local(_book.Write("img/cmyk.jpg", bytes));
        var run = _book.Run(reference);
        Assert.Empty(run.Diagnostics.Items);
        var output = run.Get(reference, ImageProfile.Epub);
        Assert.False(output.IsPlaceholder);
        var written = File.ReadAllBytes(output.Path);
        if (output.MediaType == "image/jpeg")
            Assert.Equal(3, written[JpegFrameHeaderOffset(written) + 9]);
        using var decoded = Image.Load<Rgba32>(written);
        Assert.Equal(255, decoded[0, 0].A);
    }

    [Fact]
    public void Foreign_colour_profile_is_noted_and_not_written_out()
    {
        using var photo = ImageTestBook.Photo(64, 48);
        var plain = Jpeg(photo);
        // An APP2 ICC_PROFILE segment (one chunk of one) holding a minimal v2 RGB display profile named "Adobe RGB (1998)".
        var icc = IccProfileNamed("Adobe RGB (1998)");
        var app2Length = 2 + 14 + icc.Length;
        byte[] app2 = [0xFF, 0xE2, (byte)(app2Length >> 8), (byte)app2Length, .. "ICC_PROFILE\0"u8, 1, 1, .. icc];
        byte[] source = [.. plain.AsSpan(0, 2), .. app2, .. plain.AsSpan(2)];
        Assert.Equal("Adobe RGB (1998)", IccDescriptionReader.Read(icc));
        var reference = ImageTestBook.Local(_book.Write("img/adobe.jpg", source));
        var run = _book.Run(reference, ImageProfile.Epub);
        var note = Assert.Single(run.Diagnostics.Items);
        Assert.Equal("GB0212", note.Code);
        Assert.Equal(DiagnosticSeverity.Info, note.Severity);
        Assert.Contains("Adobe RGB (1998)", note.Message);
        var output = File.ReadAllBytes(run.Get(reference, ImageProfile.Epub).Path);
        Assert.False(Contains(output, "ICC_PROFILE"));
        Assert.False(Contains(output, "Adobe RGB"));
    }

    [Fact]
    public void Animated_gif_uses_its_first_frame_with_a_GB0209_note()
    {
        using var gif = new Image<Rgba32>(40, 30, new Rgba32(255, 0, 0));
        using (var second = new Image<Rgba32>(40, 30, new Rgba32(0, 0, 255)))
            gif.Frames.AddFrame(second.Frames.RootFrame);
        using var stream = new MemoryStream();
        gif.Save(stream, new GifEncoder());
        var reference = ImageTestBook.Local(_book.Write("img/anim.gif", stream.ToArray()));
        var run = _book.Run(reference);
        var note = Assert.Single(run.Diagnostics.Items);
        Assert.Equal("GB0209", note.Code);
        Assert.Equal(DiagnosticSeverity.Info, note.Severity);
        Assert.Equal(reference.Span, note.Span);
        using var output = Image.Load<Rgba32>(run.Get(reference, ImageProfile.Epub).Path);
        Assert.Equal(1, output.Frames.Count);
        Assert.Equal(new Rgba32(255, 0, 0), output[20, 15]);
    }

    [Fact]
    public void Exif_rotated_jpeg_with_gps_is_turned_upright_and_keeps_no_metadata()
    {
        // Stored 60×30: red on the left, blue on the right. Orientation 6 means "rotate 90° clockwise to view",
        // so the upright picture is 30×60 with red on top.
        using var image = ImageTestBook.Drawing(60, 30, new Rgba32(255, 0, 0), new Rgba32(0, 0, 255));
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Orientation, (ushort)6);
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(39, 1), new Rational(54, 1), new Rational(2712, 100)]);
        exif.SetValue(ExifTag.GPSLongitudeRef, "E");
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(116, 1), new Rational(23, 1), new Rational(4410, 100)]);
        exif.SetValue(ExifTag.Make, "SecretCam");
        image.Metadata.ExifProfile = exif;
        image.Metadata.XmpProfile = new XmpProfile(Encoding.UTF8.GetBytes(
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator>PrivatePerson</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>"));
        var source = Jpeg(image);
        Assert.True(Contains(source, "SecretCam") && Contains(source, "PrivatePerson")); // the test input carries them

        var reference = ImageTestBook.Local(_book.Write("img/photo.jpg", source));
        var run = _book.Run(reference);
        Assert.Empty(run.Diagnostics.Items);
        foreach (var profile in new[] { ImageProfile.Print, ImageProfile.Epub, ImageProfile.Site })
        {
            var output = run.Get(reference, profile);
            Assert.Equal((30, 60), (output.PixelWidth, output.PixelHeight));
            var bytes = File.ReadAllBytes(output.Path);
            Assert.False(Contains(bytes, "Exif"), $"{profile}: EXIF survived");
            Assert.False(Contains(bytes, "SecretCam"), $"{profile}: camera make survived");
            Assert.False(Contains(bytes, "PrivatePerson"), $"{profile}: XMP survived");
            Assert.False(Contains(bytes, "xmpmeta"), $"{profile}: XMP packet survived");
            using var upright = Image.Load<Rgba32>(bytes);
            Assert.Null(upright.Metadata.ExifProfile);
            Assert.True(upright[15, 5].R > 200 && upright[15, 5].B < 60, $"{profile}: top is not red");
            Assert.True(upright[15, 55].B > 200 && upright[15, 55].R < 60, $"{profile}: bottom is not blue");
        }
    }

    [Fact]
    public void Path_escaping_the_root_is_GB0005_and_the_outside_file_is_not_used()
    {
        using var photo = ImageTestBook.Photo(50, 50);
        File.WriteAllBytes(Path.Combine(_book.Directory, "outside.png"), Png(photo));
        var reference = ImageTestBook.Local("../outside.png");
        AssertRefusedAsError(_book.Run(reference), reference);
    }

    [Fact]
    public void Symbolic_link_to_a_file_outside_the_root_is_GB0005()
    {
        using var photo = ImageTestBook.Photo(50, 50);
        var outside = Path.Combine(_book.Directory, "secret.png");
        File.WriteAllBytes(outside, Png(photo));
        System.IO.Directory.CreateDirectory(Path.Combine(_book.Root, "img"));
        File.CreateSymbolicLink(Path.Combine(_book.Root, "img", "link.png"), outside);
        var reference = ImageTestBook.Local("img/link.png");
        AssertRefusedAsError(_book.Run(reference), reference);
    }

    private static void AssertRefusedAsError(StageRun run, ImageReference reference)
    {
        var diagnostic = Assert.Single(run.Diagnostics.Items);
        Assert.Equal("GB0005", diagnostic.Code);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(reference.Span, diagnostic.Span);
        Assert.True(run.Get(reference, ImageProfile.Epub).IsPlaceholder);
        Assert.Equal(0, run.Statistics.Decoded);
    }

    [Fact]
    public void Reference_the_loader_refused_gets_a_placeholder_and_no_second_diagnostic()
    {
        var reference = ImageTestBook.Other("../../etc/passwd", ImageSourceKind.Refused);
        var run = _book.Run(reference);
        Assert.Empty(run.Diagnostics.Items);
        Assert.True(run.Get(reference, ImageProfile.Print).IsPlaceholder);
        Assert.Contains("refused", run.Get(reference, ImageProfile.Site).Placeholder);
    }

    [Fact]
    public void Remote_image_is_GB0202_and_not_fetched()
    {
        var reference = ImageTestBook.Other("https://example.com/x.png", ImageSourceKind.Remote);
        var run = _book.Run(reference);
        var diagnostic = Assert.Single(run.Diagnostics.Items);
        Assert.Equal("GB0202", diagnostic.Code);
        Assert.Equal("chapter.md:5:2", diagnostic.Span.ToString());
        Assert.True(run.Get(reference, ImageProfile.Epub).IsPlaceholder);
        Assert.Contains("https://example.com/x.png", run.Get(reference, ImageProfile.Epub).Placeholder);
    }

    [Fact]
    public void Data_url_image_is_GB0203_and_not_embedded()
    {
        var payload = Convert.ToBase64String(Png(ImageTestBook.Photo(20, 20)));
        var reference = ImageTestBook.Other("data:image/png;base64," + payload, ImageSourceKind.Data);
        var run = _book.Run(reference);
        var diagnostic = Assert.Single(run.Diagnostics.Items);
        Assert.Equal("GB0203", diagnostic.Code);
        Assert.Equal(reference.Span, diagnostic.Span);
        var image = run.Get(reference, ImageProfile.Site);
        Assert.True(image.IsPlaceholder);
        Assert.True(diagnostic.Message.Length < 200, "the message must not carry the whole payload");
        Assert.DoesNotContain(System.IO.Directory.GetFiles(_book.Cache), f => File.ReadAllBytes(f).SequenceEqual(Convert.FromBase64String(payload)));
    }

    [Fact]
    public void A_file_referenced_twice_is_read_once_and_reported_at_both_places()
    {
        var first = ImageTestBook.Local("img/gone.png", line: 3);
        var second = ImageTestBook.Local("img/gone.png", line: 9);
        var run = _book.Run([first, second]);
        Assert.Equal(["chapter.md:3:1", "chapter.md:9:1"], run.Diagnostics.Sorted().Select(d => d.Span.ToString()));
    }

    /// <summary>
    /// An 8×8 four-component (Adobe, untransformed CMYK) baseline JPEG, encoded by hand because ImageSharp 2.1
    /// cannot write CMYK: every component is one flat block at level 128, so each block's Huffman data is
    /// "DC difference 0, end of block" and the one-code tables make the whole scan a single zero byte.
    /// </summary>
    internal static byte[] CmykJpeg()
    {
        var bytes = new List<byte> { 0xFF, 0xD8 };
        bytes.AddRange([0xFF, 0xEE, 0x00, 0x0E, (byte)'A', (byte)'d', (byte)'o', (byte)'b', (byte)'e', 0x00, 0x64, 0, 0, 0, 0, 0]);
        bytes.AddRange([0xFF, 0xDB, 0x00, 0x43, 0x00]);
        bytes.AddRange(Enumerable.Repeat((byte)1, 64));
        bytes.AddRange([0xFF, 0xC0, 0x00, 0x14, 8, 0, 8, 0, 8, 4, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0, 4, 0x11, 0]);
        foreach (var tableClass in new byte[] { 0x00, 0x10 })
        {
            bytes.AddRange([0xFF, 0xC4, 0x00, 0x14, tableClass, 1]);
            bytes.AddRange(new byte[15]);
            bytes.Add(0x00);
        }
        bytes.AddRange([0xFF, 0xDA, 0x00, 0x0E, 4, 1, 0x00, 2, 0x00, 3, 0x00, 4, 0x00, 0, 63, 0]);
        bytes.Add(0x00);
        bytes.AddRange([0xFF, 0xD9]);
        return bytes.ToArray();
    }

    private static bool Contains(byte[] haystack, string needle) =>
        haystack.AsSpan().IndexOf(Encoding.ASCII.GetBytes(needle)) >= 0;

    private static int JpegFrameHeaderOffset(byte[] jpeg)
    {
        for (var i = 2; i + 1 < jpeg.Length; i++)
            if (jpeg[i] == 0xFF && jpeg[i + 1] is 0xC0 or 0xC1 or 0xC2)
                return i;
        throw new InvalidOperationException("no SOF marker");
    }

    /// <summary>A 128-byte ICC v2 header (RGB display profile, 'acsp'), a one-entry tag table and a 'desc' tag.</summary>
    private static byte[] IccProfileNamed(string name)
    {
        var text = Encoding.ASCII.GetBytes(name + "\0");
        var tag = new byte[12 + text.Length];
        "desc"u8.CopyTo(tag);
        BinaryPrimitives.WriteUInt32BigEndian(tag.AsSpan(8), (uint)text.Length);
        text.CopyTo(tag, 12);
        var profile = new byte[128 + 4 + 12 + tag.Length];
        BinaryPrimitives.WriteUInt32BigEndian(profile, (uint)profile.Length);
        BinaryPrimitives.WriteUInt32BigEndian(profile.AsSpan(8), 0x02100000);
        "mntr"u8.CopyTo(profile.AsSpan(12));
        "RGB "u8.CopyTo(profile.AsSpan(16));
        "XYZ "u8.CopyTo(profile.AsSpan(20));
        "acsp"u8.CopyTo(profile.AsSpan(36));
        BinaryPrimitives.WriteUInt32BigEndian(profile.AsSpan(128), 1);
        "desc"u8.CopyTo(profile.AsSpan(132));
        BinaryPrimitives.WriteUInt32BigEndian(profile.AsSpan(136), 144);
        BinaryPrimitives.WriteUInt32BigEndian(profile.AsSpan(140), (uint)tag.Length);
        tag.CopyTo(profile, 144);
        return profile;
    }

    /// <summary>PNG signature, an IHDR with the given size (8-bit RGB), an empty IDAT and IEND, all with valid CRCs.</summary>
    internal static byte[] PngWithHeader(int width, int height)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8;
        ihdr[9] = 2;
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(png, "IHDR", ihdr);
        WriteChunk(png, "IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream stream, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        stream.Write(length);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        stream.Write(typeAndData);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
        stream.Write(crc);
    }

    /// <summary>The PNG chunk CRC (ISO 3309, reflected polynomial 0xEDB88320).</summary>
    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
