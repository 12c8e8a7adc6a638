namespace GptBook.Html;

/// <summary>The namespaces every XHTML page and the EPUB package documents use.</summary>
public static class XhtmlNames
{
    public const string Xhtml = "http://www.w3.org/1999/xhtml";
    public const string Epub = "http://www.idpf.org/2007/ops";
    public const string Xml = "http://www.w3.org/XML/1998/namespace";
}
