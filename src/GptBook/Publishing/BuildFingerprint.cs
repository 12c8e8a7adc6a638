using System.Security.Cryptography;
using GptBook.Configuration;
using GptBook.Model;
using GptBook.IO;

namespace GptBook.Publishing;

/// <summary>
/// A hash of everything a build's outputs depend on: the tool's own code, the book's content
/// (<see cref="ContentFingerprint"/>: book file, chapters, images, cover), the bundled fonts, the requested formats
/// and the build time (SOURCE_DATE_EPOCH or the content's fingerprint time). Equal fingerprints
/// mean equal outputs (builds are deterministic), so a build whose fingerprint matches the last one's can skip
/// the image stage and the writers.
/// </summary>
public static class BuildFingerprint
{
    /// <param name="offeredFiles">Files built earlier that this build copies without making them (the site's
    /// downloads when only the site is built): their bytes are inputs too.</param>
    /// <param name="siteAddresses">The site's address map as this build will write it (it decides the redirect
    /// pages): the map that results, not the file read, so that the file the first build creates does not make the
    /// next one rebuild.</param>
    public static string Compute(BookOptions options, Book book, OutputFormats formats, string fontsDirectory, IEnumerable<string> offeredFiles,
        byte[]? siteAddresses = null)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) => ContentFingerprint.Add(hash, text);

        // Deterministic compilation makes the module version id a hash of the code: a new tool, a new fingerprint.
        Add(typeof(BuildFingerprint).Assembly.ManifestModule.ModuleVersionId.ToString());
        Add(formats.ToString());
        Add(options.BuildTime.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        ContentFingerprint.Append(hash, options, book);
        foreach (var offered in offeredFiles)
            ContentFingerprint.AddFile(hash, Path.GetFileName(offered), offered);
        if (siteAddresses != null)
        {
            Add("site addresses");
            hash.AppendData(siteAddresses);
        }
        foreach (var font in DerivedFileCache.FontInputs(fontsDirectory))
            Add(font);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
