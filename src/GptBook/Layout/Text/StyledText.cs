namespace GptBook.Layout.Text;

/// <summary>
/// One input stretch of a paragraph: text in one style, or an <see cref="InlineObject"/> set like one character
/// (then <see cref="Text"/> is the object's text, for copy-and-paste, and is not drawn). A paragraph is a list of these.
/// </summary>
public sealed record StyledText(string Text, TextStyle Style)
{
    public InlineObject? Object { get; init; }

    /// <summary>An inline object in the paragraph, in the style of the text around it.</summary>
    public static StyledText For(InlineObject inlineObject, TextStyle style) => new(inlineObject.Text, style) { Object = inlineObject };
}
