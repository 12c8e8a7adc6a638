namespace GptBook.Site;

/// <summary>
/// The policy every page declares in a meta tag: the page may load its own stylesheets, images, fonts and the site's
/// one script file (site.js), run the one-line font preload that every page carries inline (allowed by its hash,
/// <see cref="WebFonts.WebFontPreload"/>) and nothing else, besides the PNG and JPEG bitmaps an embedded SVG figure carries as
/// data: URLs (inert; the sanitizer allows no other kind). No other inline script (so nothing in the content could run
/// even if it slipped past the sanitizer), no other origin, no plugins, frames, forms, or base rewriting. 'self' covers
/// both a web host and file:// in Chromium and Firefox. connect-src 'self' lets a fetch from the page reach the site's
/// own files only; the site's script makes none, but Lighthouse reads robots.txt with a fetch from inside the page,
/// and under default-src 'none' alone it finds none and marks the site down for SEO.
/// </summary>
public static class SiteContentSecurityPolicy
{
    public static readonly string Value =
        $"default-src 'none'; script-src 'self' {WebFonts.WebFontPreload.ScriptSource}; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'";
}
