using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace GptBook.Epub;

/// <summary>
/// The package's <c>dc:identifier</c>: a name-based UUID (version 5, RFC 9562 §5.5) of the book id, so the same
/// book keeps the same identifier in every build and on every machine, and reading systems treat a rebuild as an
/// update of the same book rather than a new one.
/// </summary>
public static class BookIdentifier
{
    /// <summary>The RFC 9562 URL namespace; the name hashed is <c>https://gptbook.invalid/books/&lt;id&gt;</c>.</summary>
    private static readonly Guid UrlNamespace = new("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

    public static string Urn(string bookId) => "urn:uuid:" + Uuid5(UrlNamespace, "https://gptbook.invalid/books/" + bookId);

    /// <summary>The print edition's identifier (the PDF built from the same source), which the page list names as its source.</summary>
    public static string PrintUrn(string bookId) => "urn:uuid:" + Uuid5(UrlNamespace, "https://gptbook.invalid/books/" + bookId + "/print");

    [SuppressMessage("Security", "CA5350", Justification = "RFC 9562 defines version-5 UUIDs with SHA-1; the hash names the book, it protects nothing.")]
    internal static Guid Uuid5(Guid ns, string name)
    {
        var nsBytes = ns.ToByteArray(bigEndian: true);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var hash = SHA1.HashData([.. nsBytes, .. nameBytes]);
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50); // version 5
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC variant
        return new Guid(bytes, bigEndian: true);
    }
}
