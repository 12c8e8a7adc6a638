namespace GptBook.Site;

/// <summary>The media type of each kind of file the site holds (for links and for the preview server).</summary>
public static class SiteMediaTypes
{
    public static string For(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".gif" => "image/gif",
        ".webp" => "image/webp",
        ".svg" => "image/svg+xml",
        ".ico" => "image/x-icon",
        ".pdf" => "application/pdf",
        ".epub" => "application/epub+zip",
        ".txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    };
}
