namespace GptBook.Site;

/// <summary>
/// The policy every page declares in a meta tag: the page may load its own stylesheet and images and nothing else,
/// besides the PNG and JPEG bitmaps an embedded SVG figure carries as data: URLs (inert; the sanitizer allows no
/// other kind).
/// No script of any origin, no plugins, frames, forms, or base rewriting; so even markup that slipped past the
/// sanitizer could not run or phone home. 'self' covers both a web host and file:// in Chromium and Firefox.
/// </summary>
public static class SiteContentSecurityPolicy
{
    public const string Value =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";
}
