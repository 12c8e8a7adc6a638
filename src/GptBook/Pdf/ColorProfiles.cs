namespace GptBook.Pdf;

/// <summary>
/// The bundled ICC profiles (assets/color/, compiled in): the output intent's CMYK printing condition and sRGB for
/// RGB images. Each is read once per process and kept deflated, ready to be a PDF stream, so a book pays neither
/// the read nor the compression again.
/// </summary>
internal static class ColorProfiles
{
    /// <summary>Coated FOGRA39 (ISO 12647-2:2004/Amd 1): offset on coated paper, the default of sheet-fed print shops.</summary>
    public static readonly IccProfile OutputCondition = new("FOGRA39L_coated.icc", 4,
        "FOGRA39", "Coated FOGRA39 (ISO 12647-2:2004/Amd 1), offset printing on coated paper");

    public static readonly IccProfile Srgb = new("sRGB.icc", 3, "sRGB", "sRGB IEC 61966-2-1");

    internal sealed class IccProfile(string resource, int components, string identifier, string info)
    {
        private readonly Lazy<(byte[] Raw, byte[] Deflated)> _bytes = new(() => Load(resource));

        public int Components => components;
        /// <summary>The condition's name in the ICC's characterization registry (for the output intent).</summary>
        public string Identifier => identifier;
        public string Info => info;
        public byte[] Raw => _bytes.Value.Raw;
        /// <summary>A complete zlib stream of the profile, for a /FlateDecode stream.</summary>
        public byte[] Deflated => _bytes.Value.Deflated;

        private static (byte[], byte[]) Load(string name)
        {
            using var stream = typeof(ColorProfiles).Assembly.GetManifestResourceStream("GptBook.Pdf.Color." + name)
                ?? throw new InvalidOperationException($"the colour profile {name} is not compiled into the library");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var raw = copy.ToArray();
            return (raw, ZlibStreams.Deflate(raw));
        }
    }
}
