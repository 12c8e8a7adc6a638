namespace GptBook.Site.Search;

/// <summary>
/// What one search result is: the stretch of a page from a heading to the next (or from the page's top to its first
/// heading), with the page, the heading's id (empty for the page's top), the heading's text, the chapter's title, and
/// its plain text.
/// </summary>
public sealed record SearchSection(string Page, string Anchor, string Heading, string Chapter, string Text);
