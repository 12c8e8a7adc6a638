namespace GptBook.Site;

/// <summary>
/// The files every site carries besides its pages: the stylesheet and the icon (without an icon, browsers ask
/// for /favicon.ico and log a 404). Compiled into the library, so any book gets the same design. The stylesheet
/// is served with the font stacks (<see cref="SiteFontStacks"/>) ahead of it.
/// </summary>
public static class SiteAssets
{
    public const string Stylesheet = "site.css";
    public const string Icon = "favicon.svg";

    public static readonly IReadOnlyList<string> Files = [Icon, Stylesheet];

    public static byte[] Bytes(string file) => Bytes(file, "GptBook.Site.Assets.");

    /// <summary>A file compiled into the library under <paramref name="resourcePrefix"/> (the preview server's own
    /// files live under another prefix, so that they can never be written into a site).</summary>
    public static byte[] Bytes(string file, string resourcePrefix)
    {
        var resource = resourcePrefix + file;
        using var stream = typeof(SiteAssets).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource {resource} is missing.");
        using var copy = new MemoryStream();
        if (file == Stylesheet) copy.Write(System.Text.Encoding.UTF8.GetBytes(SiteFontStacks.Css));
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
