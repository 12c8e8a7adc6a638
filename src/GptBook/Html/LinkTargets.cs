namespace GptBook.Html;

/// <summary>
/// Which external link targets a page may carry: absolute http, https and mailto URLs only. Anything else
/// (<c>javascript:</c>, <c>data:</c>, <c>file:</c>, relative paths) is written as text, whatever earlier stages let
/// through, so nothing from the content can run in a reader.
/// </summary>
public static class LinkTargets
{
    public static bool IsSafeExternal(string target) =>
        Uri.TryCreate(target, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeMailto)
        && !target.Any(char.IsControl);
}
