namespace GptBook.Html;

/// <summary>
/// Which reading system the markup is for. Both are written by an XML writer with explicit end tags for every
/// non-void element, so the same bytes parse as XHTML and as HTML5; <see cref="Epub"/> adds the EPUB 3
/// structural semantics (<c>epub:type</c>), which HTML5 documents must not carry.
/// </summary>
public enum HtmlFlavor { Epub, Html5 }
